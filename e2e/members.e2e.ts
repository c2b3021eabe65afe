/**
 * The member registry in a real browser: search without diacritics, the profile, a transfer out
 * and its receipt (with a refused receipt date shown at the field), the counts of both cells before
 * and after, the add form's age exception, the recognition queue and the English switch.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, formatDateVn, todayVn } from '../src/core/dates.ts';
import {
  api,
  browserSession,
  ensureRoot,
  pickUnit,
  type RunningServer,
  runCodes,
  screenshot,
  typeDate,
  waitForText,
} from './harness.ts';

const code = runCodes('E2EM');
const PROVINCE = { code: code('NB'), name: 'Đảng bộ tỉnh Ninh Bình' };
const COMMITTEE = { code: code('GV'), name: 'Đảng ủy xã Gia Viễn' };
const CELL_A = { code: code('GV.CB1'), name: 'Chi bộ thôn Thượng' };
const CELL_B = { code: code('GV.CB2'), name: 'Chi bộ thôn Hạ' };
// Before every admission below: a membership never starts before its cell exists.
const FOUNDED = '2000-01-01';

const daysFromToday = (days: number) => addDays(todayVn(), days);

const TRANSFER_DATE = daysFromToday(-10);
const RECEIPT_DATE = daysFromToday(-3);
const TOO_EARLY_RECEIPT = daysFromToday(-20);

const BINH = {
  fullName: 'Đặng Thị Bình',
  birthDate: '1988-04-12',
  sex: 'female',
  admissionDate: '2018-03-02',
  officialDate: '2019-03-02',
  nationalId: `0381${String(Date.now()).slice(-8)}`,
  ethnicity: 'Kinh',
  religion: 'Không',
  cellCode: CELL_A.code,
};
const MEMBERS = [
  {
    fullName: 'Nguyễn Văn Án',
    birthDate: '1979-09-02',
    sex: 'male',
    admissionDate: '2005-05-19',
    officialDate: '2006-05-19',
    ethnicity: 'Mường',
    cellCode: CELL_A.code,
  },
  BINH,
  // Same family and given name: must not be found by "dang thi binh".
  {
    fullName: 'Đặng Văn Bình',
    birthDate: '1990-01-20',
    sex: 'male',
    admissionDate: '2016-07-01',
    cellCode: CELL_B.code,
  },
  // Probation ends in about 10 days: due soon for recognition.
  {
    fullName: 'Trần Thị Cúc',
    birthDate: '2000-06-15',
    sex: 'female',
    admissionDate: daysFromToday(-355),
    cellCode: CELL_B.code,
  },
];

let server: RunningServer;
let page: Page;
let binhId = 0;

async function createTreeAndMembers(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, FOUNDED);
  const create = (body: Record<string, string>) =>
    api(baseUrl, 'POST', '/api/v1/orgs', { date: FOUNDED, decisionRef: '1-QĐ/TW', ...body });
  await create({ ...PROVINCE, kind: 'province', parentCode: root });
  await create({ ...COMMITTEE, kind: 'grassroots_committee', parentCode: PROVINCE.code });
  await create({ ...CELL_A, kind: 'cell', parentCode: COMMITTEE.code });
  await create({ ...CELL_B, kind: 'cell', parentCode: COMMITTEE.code });
  for (const member of MEMBERS) {
    const { id } = await api<{ id: number }>(baseUrl, 'POST', '/api/v1/members', member);
    if (member === BINH) binhId = id;
  }
}

async function numberIn(testId: string): Promise<number> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor();
  return Number((await locator.textContent())?.replace(/\D/g, ''));
}

/** The member count shown on a unit page (its "Đảng viên" section). */
async function unitTotal(unitCode: string): Promise<number> {
  await page.goto(`${server.baseUrl}/orgs/${encodeURIComponent(unitCode)}`);
  return numberIn('unit-members-total');
}

/** The member count of a sub-unit in the dashboard of the committee. */
async function dashboardTotal(unitCode: string): Promise<number> {
  const row = page.locator(`[data-testid="sub-unit-row"][data-code="${unitCode}"]`);
  const cell = row.getByTestId('sub-unit-total');
  await cell.locator('a').waitFor();
  return Number((await cell.textContent())?.replace(/\D/g, ''));
}

async function openDashboard(org: string): Promise<void> {
  await page.goto(`${server.baseUrl}/members/stats?org=${encodeURIComponent(org)}`);
  await page.getByTestId('stats-total-value').waitFor();
}

describe('member registry in the browser', () => {
  const before = { a: 0, b: 0, dashboardA: 0, dashboardB: 0 };
  browserSession(createTreeAndMembers, (session) => {
    ({ server, page } = session);
  });

  it('shows the counts of both cells on their unit pages and on the dashboard', async () => {
    before.a = await unitTotal(CELL_A.code);
    expect(before.a).toBe(2);
    await screenshot(page, 'members-01-unit-before');
    before.b = await unitTotal(CELL_B.code);
    expect(before.b).toBe(2);

    await openDashboard(COMMITTEE.code);
    expect(await numberIn('stats-total-value')).toBe(4);
    expect(await numberIn('stats-probationary-value')).toBe(2);
    before.dashboardA = await dashboardTotal(CELL_A.code);
    before.dashboardB = await dashboardTotal(CELL_B.code);
    expect([before.dashboardA, before.dashboardB]).toEqual([before.a, before.b]);
    await page.getByTestId('stats-by-sex').locator('canvas').first().waitFor();
    const workbook = await fetch(
      `${server.baseUrl}${await page.getByTestId('stats-download').getAttribute('href')}`,
    );
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get('content-type')).toContain('spreadsheetml');
    await screenshot(page, 'members-02-dashboard-before');
  });

  it('finds a member typed without diacritics and opens the profile', async () => {
    // The drill-down from the dashboard: the member list of the committee.
    await page.getByTestId('stats-total-value').click();
    await page.waitForURL(`**/members?org=${encodeURIComponent(COMMITTEE.code)}`);
    await waitForText(page.getByTestId('member-search-unit-summary'), '4 đảng viên');
    await page.getByTestId('member-search-input').fill('dang thi binh');
    const rows = page.getByTestId('member-row');
    await waitForText(rows, BINH.fullName);
    expect(await rows.count()).toBe(1);
    await waitForText(page.getByTestId('member-search-count'), '1 đảng viên');
    await screenshot(page, 'members-03-search');

    await rows.getByRole('link', { name: BINH.fullName }).click();
    await page.waitForURL(`**/members/${binhId}`);
    await waitForText(page.getByTestId('member-name'), BINH.fullName);
    const fields = page.getByTestId('member-fields');
    await waitForText(fields, '12/04/1988');
    await waitForText(fields, '02/03/2018');
    await waitForText(fields, BINH.nationalId);
    await waitForText(fields, CELL_A.name);
    await waitForText(page.getByTestId('member-status').first(), 'Chính thức');
    await waitForText(page.getByTestId('member-timeline'), 'Kết nạp vào Đảng');
    await screenshot(page, 'members-04-profile');
  });

  it('records a transfer out to the other cell, refuses a receipt before it, then receives it', async () => {
    await page.getByTestId('member-action-transfer-out').click();
    const modal = page.getByRole('dialog');
    await waitForText(modal.getByTestId('event-rule'), '30 ngày làm việc');
    await pickUnit(page, 'event-to-cell', 'chi bo thon ha', { code: CELL_B.code });
    await typeDate(page, 'event-date', formatDateVn(TRANSFER_DATE));
    await page.getByTestId('event-decision').fill('15-QĐ/ĐU');
    await screenshot(page, 'members-05-transfer-out-form');
    await page.getByTestId('event-submit').click();
    await page.getByTestId('member-event-recorded').waitFor();
    await waitForText(page.getByTestId('member-status').first(), 'Đang chuyển sinh hoạt');
    const transfer = page.getByTestId('transfer-row');
    await waitForText(transfer, formatDateVn(TRANSFER_DATE));
    expect(await transfer.getByTestId('transfer-present-by').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await screenshot(page, 'members-06-in-transit');

    // The receiving side finds the member in its work queue and opens the receipt form from there.
    await page.goto(`${server.baseUrl}/members/due?org=${encodeURIComponent(COMMITTEE.code)}`);
    const queued = page.getByTestId('transfer-due-row').filter({ hasText: BINH.fullName });
    await waitForText(queued, CELL_B.name);
    await waitForText(queued, 'Trong hạn nộp');
    await screenshot(page, 'members-07-transfers-queue');
    await queued.getByRole('link', { name: 'Tiếp nhận chuyển đến' }).click();
    await page.waitForURL(`**/members/${binhId}?action=transfer-in`);
    await waitForText(modal.getByTestId('event-rule'), formatDateVn(TRANSFER_DATE));
    await typeDate(page, 'event-date', formatDateVn(TOO_EARLY_RECEIPT));
    await page.getByTestId('event-submit').click();
    // The server's message is written under the date field itself.
    const dateField = modal.locator('.mantine-InputWrapper-root', { has: page.getByTestId('event-date') });
    await waitForText(dateField, 'Ngày tiếp nhận không thể trước ngày giới thiệu');
    await screenshot(page, 'members-08-receipt-refused');

    await typeDate(page, 'event-date', formatDateVn(RECEIPT_DATE));
    await page.getByTestId('event-submit').click();
    await page.getByTestId('member-event-recorded').waitFor();
    await waitForText(page.getByTestId('member-status').first(), 'Chính thức');
    await waitForText(page.getByTestId('member-fields'), CELL_B.name);
    const timeline = page.getByTestId('timeline-event');
    expect(
      await timeline.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind'))),
    ).toEqual(['admission', 'recognition', 'transfer_out', 'transfer_in']);
    await waitForText(page.getByTestId('transfer-row'), formatDateVn(RECEIPT_DATE));
    const memberships = page.getByTestId('membership-row');
    await waitForText(memberships, CELL_B.name);
    expect(await memberships.allTextContents()).toEqual([
      `${CELL_A.name}${formatDateVn(BINH.admissionDate)}${formatDateVn(daysFromToday(-11))}`,
      `${CELL_B.name}${formatDateVn(RECEIPT_DATE)}nay`,
    ]);
    await screenshot(page, 'members-09-received');
  });

  it('shows the sending cell with one member less and the receiving cell with one more', async () => {
    expect(await unitTotal(CELL_A.code)).toBe(before.a - 1);
    expect(await unitTotal(CELL_B.code)).toBe(before.b + 1);
    await screenshot(page, 'members-10-unit-after');

    await openDashboard(COMMITTEE.code);
    expect(await numberIn('stats-total-value')).toBe(4);
    expect(await dashboardTotal(CELL_A.code)).toBe(before.dashboardA - 1);
    expect(await dashboardTotal(CELL_B.code)).toBe(before.dashboardB + 1);
    await screenshot(page, 'members-11-dashboard-after');
  });

  it('lists the probationary member due for recognition', async () => {
    await page.goto(`${server.baseUrl}/members/due?org=${encodeURIComponent(PROVINCE.code)}`);
    const row = page.getByTestId('due-row').filter({ hasText: 'Trần Thị Cúc' });
    await row.waitFor();
    await waitForText(row, 'Sắp hết dự bị');
    await waitForText(row, CELL_B.name);
    await screenshot(page, 'members-12-due');
  });

  it('refuses an admission over 60 unless marked as an exception', async () => {
    await page.goto(`${server.baseUrl}/members/new?org=${encodeURIComponent(CELL_A.code)}`);
    // The cell of the unit the form was opened from is already chosen (and named).
    await expect.poll(() => page.getByTestId('new-cellCode').inputValue()).toBe(CELL_A.name);
    await page.getByTestId('new-fullName').fill('Lê Văn Cường');
    await typeDate(page, 'new-birthDate', '10/02/1950');
    await page.getByTestId('new-sex').getByLabel('Nam').check();
    await typeDate(page, 'new-admissionDate', formatDateVn(daysFromToday(-30)));
    await page.getByTestId('new-submit').click();
    const birthField = page.locator('.mantine-InputWrapper-root', { has: page.getByTestId('new-birthDate') });
    await waitForText(birthField, 'Trên 60 tuổi');
    await screenshot(page, 'members-13-age-refused');

    await page.getByTestId('new-ageException').check();
    await page.getByTestId('new-submit').click();
    await page.waitForURL(/\/members\/\d+$/);
    await waitForText(page.getByTestId('member-name'), 'Lê Văn Cường');
    await waitForText(page.getByTestId('member-timeline'), 'Kết nạp ngoại lệ về tuổi');
    await waitForText(page.getByTestId('member-status').first(), 'Dự bị');
    await screenshot(page, 'members-14-added');
  });

  it('speaks English, server errors included', async () => {
    await page.goto(`${server.baseUrl}/members/${binhId}`);
    await page.getByTestId('language-switch').getByText('English').click();
    await waitForText(page.getByTestId('member-timeline'), 'Received by transfer');
    // Binh is now in cell B: a transfer to the same cell is refused, in English, at the field.
    await page.getByTestId('member-action-transfer-out').click();
    await pickUnit(page, 'event-to-cell', 'chi bo thon ha', { code: CELL_B.code });
    await typeDate(page, 'event-date', formatDateVn(RECEIPT_DATE));
    await page.getByTestId('event-submit').click();
    const toCell = page.locator('.mantine-InputWrapper-root', { has: page.getByTestId('event-to-cell') });
    await waitForText(toCell, 'The destination is the current cell');
    await screenshot(page, 'members-15-english-error');
    await page.keyboard.press('Escape');

    await openDashboard(COMMITTEE.code);
    await waitForText(page.getByTestId('stats-by-sex'), 'Female');
    await screenshot(page, 'members-16-dashboard-english');
    await page.getByTestId('language-switch').getByText('Tiếng Việt').click();
    await page.getByTestId('nav-members').getByText('Đảng viên').waitFor();
  });
});
