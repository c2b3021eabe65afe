/**
 * Imports in a real browser: a workbook with some bad rows is uploaded, previewed (nothing
 * stored, each rejected row with its row number, column and reason), imported, and its rejected
 * rows downloaded as a workbook with the original values and a reason column.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { aMemberFileRow, memberTable, writeXlsx } from '../src/modules/imports/imports.fixtures.ts';
import {
  api,
  browserSession,
  ensureRoot,
  type RunningServer,
  runCodes,
  screenshot,
  waitForText,
} from './harness.ts';

const code = runCodes('E2EI');
const PROVINCE = { code: code('HY'), name: 'Đảng bộ tỉnh Hưng Yên' };
const COMMITTEE = { code: code('KC'), name: 'Đảng ủy xã Khoái Châu' };
const CELL = { code: code('KC.CB1'), name: 'Chi bộ thôn Đông Kết' };
const FOUNDED = '2000-01-01';
// unique per run, so the test also runs against a PostgreSQL database that is not empty
const idBase = `09${String(Date.now()).slice(-9)}`;

let server: RunningServer;
let page: Page;

async function createTree(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, FOUNDED);
  const create = (body: Record<string, string>) =>
    api(baseUrl, 'POST', '/api/v1/orgs', { date: FOUNDED, ...body });
  await create({ ...PROVINCE, kind: 'province', parentCode: root });
  await create({ ...COMMITTEE, kind: 'grassroots_committee', parentCode: PROVINCE.code });
  await create({ ...CELL, kind: 'cell', parentCode: COMMITTEE.code });
}

async function workbookWithBadRows(): Promise<string> {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-e2e-import-')),
    'dang-vien-khoai-chau.xlsx',
  );
  const rows = [
    aMemberFileRow({ full_name: 'Phạm Văn Đúng', national_id: `${idBase}1`, cell_code: CELL.code }),
    aMemberFileRow({
      full_name: 'Lê Thị Sai Giới',
      national_id: `${idBase}2`,
      sex: 'không rõ',
      cell_code: CELL.code,
    }),
    aMemberFileRow({ full_name: 'Vũ Văn Lạc', national_id: `${idBase}3`, cell_code: 'KHONG.CO' }),
    aMemberFileRow({ full_name: 'Đỗ Thị Hợp', national_id: `${idBase}4`, sex: 'Nữ', cell_code: CELL.code }),
  ];
  await writeXlsx(
    file,
    memberTable(rows).map((row) =>
      row.map((cell) => (typeof cell === 'string' && /^\d+$/.test(cell) ? { text: cell } : cell)),
    ),
  );
  return file;
}

describe('imports in the browser', () => {
  browserSession(createTree, (session) => {
    ({ server, page } = session);
  });

  it('previews a workbook with bad rows, imports it and downloads the rejected rows', async () => {
    const file = await workbookWithBadRows();
    await page.goto(`${server.baseUrl}/imports`);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-preview').click();
    const result = page.getByTestId('import-result');
    await waitForText(result, 'Kết quả chạy thử');
    await waitForText(page.getByTestId('import-count-rejected'), '2');
    const errors = page.getByTestId('import-errors');
    const rows = await errors.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^3Giới tínhGiới tính "không rõ" không hợp lệ/);
    expect(rows[1]).toMatch(/^4Mã chi bộKhông có chi bộ "KHONG.CO"/);
    await screenshot(page, 'imports-01-preview');

    // nothing stored by the preview
    const before = await api<{ results: unknown[] }>(
      server.baseUrl,
      'GET',
      `/api/v1/members?org=${CELL.code}`,
    );
    expect(before.results).toHaveLength(0);

    await page.getByTestId('import-apply').click();
    await waitForText(result, 'Kết quả nhập');
    await waitForText(page.getByTestId('import-count-created'), '2');
    const after = await api<{ results: { fullName: string }[] }>(
      server.baseUrl,
      'GET',
      `/api/v1/members?org=${CELL.code}`,
    );
    expect(after.results.map((m) => m.fullName).sort()).toEqual(['Phạm Văn Đúng', 'Đỗ Thị Hợp'].sort());
    await screenshot(page, 'imports-02-applied');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-rejected-download').click(),
    ]);
    const saved = path.join(path.dirname(file), 'rejected.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['Dòng / Row', 'Lý do / Reason']);
    const values = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(values[0]).toEqual(expect.arrayContaining(['Lê Thị Sai Giới', 'không rõ', `${idBase}2`, 3]));
    expect(String(values[0]?.at(-1))).toContain('Giới tính');
    expect(values[1]).toEqual(expect.arrayContaining(['Vũ Văn Lạc', 'KHONG.CO', 4]));
    expect(sheet.rowCount).toBe(3);

    const history = page.getByTestId('imports-history');
    await waitForText(history, 'dang-vien-khoai-chau.xlsx');
    expect(await history.locator('tbody tr').filter({ hasText: 'dang-vien-khoai-chau.xlsx' }).count()).toBe(
      2,
    );
  }, 120_000);
});
