/**
 * The audit log in a real browser: reading a member's profile leaves an entry that the audit page
 * shows (filtered by action and by today's date, typed dd/mm/yyyy), and the chain verifies.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDateVn, todayVn } from '../src/core/dates.ts';
import {
  api,
  browserSession,
  ensureRoot,
  type RunningServer,
  runCodes,
  screenshot,
  typeDate,
  waitForText,
} from './harness.ts';

const code = runCodes('E2EA');
const PROVINCE = { code: code('KT'), name: 'Đảng bộ tỉnh Kiểm Thử' };
const CELL = { code: code('KT.CB'), name: 'Chi bộ Kiểm tra' };
const MEMBER = {
  fullName: 'Hoàng Thị Kiểm',
  birthDate: '1986-02-11',
  sex: 'female',
  admissionDate: '2012-09-02',
  officialDate: '2013-09-02',
  cellCode: CELL.code,
};

let server: RunningServer;
let page: Page;
let memberId = 0;

async function seed(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, '2000-01-01');
  const create = (body: Record<string, string>) =>
    api(baseUrl, 'POST', '/api/v1/orgs', { date: '2000-01-01', ...body });
  await create({ ...PROVINCE, kind: 'province', parentCode: root });
  await create({ ...CELL, kind: 'grassroots_cell', parentCode: PROVINCE.code });
  ({ id: memberId } = await api<{ id: number }>(baseUrl, 'POST', '/api/v1/members', MEMBER));
}

describe('audit log in the browser', () => {
  browserSession(seed, (session) => {
    ({ server, page } = session);
  });

  it("shows the read of a member's profile, filtered by action and today's date", async () => {
    await page.goto(`${server.baseUrl}/members/${memberId}`);
    await waitForText(page.getByTestId('member-name'), MEMBER.fullName);

    await page.goto(`${server.baseUrl}/security/audit?action=member.profile_read`);
    await typeDate(page, 'audit-filter-from', formatDateVn(todayVn()));
    await typeDate(page, 'audit-filter-to', formatDateVn(todayVn()));
    const row = page.getByTestId('audit-row').filter({ has: page.locator(`a[href="/members/${memberId}"]`) });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Xem hồ sơ đảng viên');
    // from where: the browser's address, as the server saw it
    expect(await row.textContent()).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    expect(page.url()).toContain(`from=${todayVn()}`);
    await screenshot(page, 'audit-01-profile-read');
  });

  it('verifies the chain on demand', async () => {
    await page.getByTestId('audit-verify').click();
    await waitForText(page.getByTestId('audit-verify-result'), /Nguyên vẹn: \d+ mục/);
  });
});
