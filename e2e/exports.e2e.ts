/**
 * Downloads in a real browser: the member list of a unit with the list's filters (.csv), a
 * member's profile (.docx) and the report by subordinate unit (.xlsx), each read back.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserSession, ensureRoot, type RunningServer, runCodes, screenshot } from './harness.ts';

const code = runCodes('E2EX');
const PROVINCE = { code: code('TB'), name: 'Đảng bộ tỉnh Thái Bình' };
const COMMITTEE = { code: code('VT'), name: 'Đảng ủy xã Vũ Thư' };
const CELL = { code: code('VT.CB1'), name: 'Chi bộ thôn Đông Hòa' };
const FOUNDED = '2000-01-01';
const NATIONAL_ID = `0341${String(Date.now()).slice(-8)}`;
const MEMBERS = [
  {
    fullName: 'Đinh Thị Ngọc Ánh',
    birthDate: '1986-11-09',
    sex: 'female',
    admissionDate: '2012-02-03',
    officialDate: '2013-02-03',
    nationalId: NATIONAL_ID,
    cellCode: CELL.code,
  },
  {
    fullName: 'Bùi Văn Đức',
    birthDate: '1975-05-01',
    sex: 'male',
    admissionDate: '2001-09-02',
    cellCode: CELL.code,
  },
];

let server: RunningServer;
let page: Page;
let anhId = 0;

async function seed(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, FOUNDED);
  const create = (body: Record<string, string>) =>
    api(baseUrl, 'POST', '/api/v1/orgs', { date: FOUNDED, decisionRef: '1-QĐ/TW', ...body });
  await create({ ...PROVINCE, kind: 'province', parentCode: root });
  await create({ ...COMMITTEE, kind: 'grassroots_committee', parentCode: PROVINCE.code });
  await create({ ...CELL, kind: 'cell', parentCode: COMMITTEE.code });
  for (const member of MEMBERS) {
    const { id } = await api<{ id: number }>(baseUrl, 'POST', '/api/v1/members', member);
    if (member === MEMBERS[0]) anhId = id;
  }
}

/** Clicks what starts a download and answers the file's suggested name and bytes. */
async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const filePath = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(filePath) };
}

describe('downloads in the browser', () => {
  browserSession(seed, (session) => {
    ({ server, page } = session);
  });

  it('downloads the member list of a unit with the filters of the list', async () => {
    await page.goto(`${server.baseUrl}/members?org=${encodeURIComponent(COMMITTEE.code)}&status=official`);
    await page.getByTestId('members-export').click();
    await screenshot(page, 'exports-01-members-menu');
    const { name, bytes } = await download(() => page.getByTestId('members-export-membersCsv').click());
    expect(name).toMatch(/^Danh sách đảng viên - Đảng ủy xã Vũ Thư - \d{4}-\d{2}-\d{2}\.csv$/);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFHọ và tên,')).toBe(true);
    // official only: Đức (probationary, no official date) is not in the file
    expect(text).toContain(`Đinh Thị Ngọc Ánh,,09/11/1986,Nữ`);
    expect(text).toContain(NATIONAL_ID);
    expect(text).not.toContain('Bùi Văn Đức');
  });

  it('downloads a member profile as a Word document', async () => {
    await page.goto(`${server.baseUrl}/members/${anhId}`);
    const { name, bytes } = await download(() => page.getByTestId('member-profile-docx').click());
    expect(name).toBe('Phiếu đảng viên - Đinh Thị Ngọc Ánh.docx');
    const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Đinh Thị Ngọc Ánh');
    expect(xml).toContain('03/02/2012');
  });

  it('downloads the report by subordinate unit from the unit page', async () => {
    await page.goto(`${server.baseUrl}/orgs/${encodeURIComponent(PROVINCE.code)}`);
    await page.getByTestId('unit-export').click();
    const { bytes } = await download(() => page.getByTestId('unit-export-reportXlsx').click());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]?.getRow(6);
    expect([row?.getCell(2).value, row?.getCell(3).value, row?.getCell(4).value]).toEqual([
      COMMITTEE.name,
      COMMITTEE.code,
      2,
    ]);
  });
});
