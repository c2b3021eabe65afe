/**
 * The work queues of the member registry in a real browser: a member due for a Party badge and a
 * member in fee arrears listed, the fee level set and the months paid (the member leaves the
 * arrears queue), the badge awarded (the member leaves the badge queue), a candidate's admission
 * step refused at its field then recorded, a member rated and the unit's summary changed, English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDateVn, todayVn } from '../src/core/dates.ts';
import { addYears } from '../src/core/member-rules/calendar.ts';
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

const code = runCodes('E2EQ');
const PROVINCE = { code: code('HN'), name: 'Đảng bộ tỉnh Hà Nam' };
const COMMITTEE = { code: code('DT'), name: 'Đảng ủy xã Đinh Xá' };
const CELL = { code: code('DT.CB1'), name: 'Chi bộ thôn Đông' };
const FOUNDED = '1990-01-01';
const TODAY = todayVn();
// Last year is complete whatever today is: all 12 months owed by a member who paid nothing.
const LAST_YEAR = String(Number(TODAY.slice(0, 4)) - 1);

// Admitted 30 years ago today: the 30-year milestone falls in the next award round's window.
const HUY = {
  fullName: 'Phạm Văn Huy',
  birthDate: '1970-03-08',
  sex: 'male',
  admissionDate: addYears(TODAY, -30),
  officialDate: addYears(TODAY, -29),
  cellCode: CELL.code,
};
// No fee paid: every month of last year is owed.
const PHI = {
  fullName: 'Lê Thị Phí',
  birthDate: '1985-11-02',
  sex: 'female',
  admissionDate: '2015-06-10',
  officialDate: '2016-06-10',
  cellCode: CELL.code,
};
const CANDIDATE = { fullName: 'Vũ Minh Khoa', birthDate: '2001-05-20', sex: 'male', cellCode: CELL.code };

let server: RunningServer;
let page: Page;

async function seed(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, FOUNDED);
  const create = (body: Record<string, string>) =>
    api(baseUrl, 'POST', '/api/v1/orgs', { date: FOUNDED, decisionRef: '1-QĐ/TW', ...body });
  await create({ ...PROVINCE, kind: 'province', parentCode: root });
  await create({ ...COMMITTEE, kind: 'grassroots_committee', parentCode: PROVINCE.code });
  await create({ ...CELL, kind: 'cell', parentCode: COMMITTEE.code });
  for (const member of [HUY, PHI]) await api(baseUrl, 'POST', '/api/v1/members', member);
  await api(baseUrl, 'POST', '/api/v1/admissions/candidates', CANDIDATE);
}

const orgQuery = `org=${encodeURIComponent(COMMITTEE.code)}`;

/** Chooses an option of a Mantine select by its visible label. */
async function choose(testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Waits until the element shows exactly this number. */
async function expectCount(testId: string, value: number): Promise<void> {
  await expect.poll(() => page.getByTestId(testId).textContent()).toBe(String(value));
}

/** The message written under the field of a form. */
function fieldOf(testId: string) {
  return page.locator('.mantine-InputWrapper-root', { has: page.getByTestId(testId) });
}

describe('work queues of the member registry in the browser', () => {
  browserSession(seed, (session) => {
    ({ server, page } = session);
  });

  it('lists the member due for a badge and both members in fee arrears, with their rules', async () => {
    await page.goto(`${server.baseUrl}/members/due?${orgQuery}`);
    const badges = page.getByTestId('due-badges');
    await waitForText(badges, 'Hướng dẫn 01-HD/TW');
    const badgeRow = page.getByTestId('badge-due-row').filter({ hasText: HUY.fullName });
    await waitForText(badgeRow, '30 năm');
    await waitForText(badgeRow, formatDateVn(TODAY));
    await waitForText(badgeRow, CELL.name);
    expect(await page.getByTestId('badge-due-row').count()).toBe(1);

    const fees = page.getByTestId('due-fees');
    await waitForText(fees, 'Quy định 24-QĐ/TW');
    await page.getByTestId('fees-year').getByText(LAST_YEAR).click();
    await page.waitForURL(`**feeYear=${LAST_YEAR}*`);
    const phiRow = page.getByTestId('fee-due-row').filter({ hasText: PHI.fullName });
    await waitForText(phiRow.getByTestId('fee-unpaid'), '12 tháng');
    await page.getByTestId('fee-due-row').filter({ hasText: HUY.fullName }).waitFor();
    await waitForText(page.getByTestId('fees-total'), '2 đảng viên');
    await screenshot(page, 'queues-01-due');
  });

  it('sets the fee level, records the months paid and the member leaves the arrears queue', async () => {
    await page.getByTestId('fee-due-row').filter({ hasText: PHI.fullName }).getByTestId('fee-pay').click();
    // No level set yet: the form asks for it first, and the server refuses one without its base.
    const setting = page.getByRole('dialog');
    await waitForText(setting, 'Quy định 01-QĐ/TW');
    await choose('fee-category', 'Đang đóng BHXH bắt buộc');
    await page.getByTestId('fee-setting-modal-submit').click();
    await waitForText(fieldOf('fee-base'), 'Cần số tiền làm căn cứ tính đảng phí');
    await screenshot(page, 'queues-02-fee-setting-refused');
    await page.getByTestId('fee-base').fill('8000000');
    await page.getByTestId('fee-setting-modal-submit').click();

    // 1% of 8,000,000 each month, every unpaid month ticked.
    const payment = page.getByRole('dialog');
    await waitForText(payment, `Đảng phí năm ${LAST_YEAR}`);
    await waitForText(payment, 'Phải đóng 80.000 đ');
    expect(await payment.locator('input[type=checkbox]:checked').count()).toBe(12);
    await typeDate(page, 'fee-paid-on', formatDateVn(TODAY));
    await screenshot(page, 'queues-03-fee-payment');
    await page.getByTestId('fee-modal-submit').click();
    await payment.waitFor({ state: 'hidden' });

    await page.getByTestId('fee-due-row').filter({ hasText: PHI.fullName }).waitFor({ state: 'hidden' });
    await waitForText(page.getByTestId('fees-total'), '1 đảng viên');
    expect(await page.getByTestId('fee-due-row').count()).toBe(1);
  });

  it('records the badge award and the member leaves the badge queue', async () => {
    await page
      .getByTestId('badge-due-row')
      .filter({ hasText: HUY.fullName })
      .getByTestId('badge-award')
      .click();
    const modal = page.getByRole('dialog');
    await waitForText(modal, '30, 40, 45');
    await page.getByTestId('badge-decision').fill('25-QĐ/ĐU');
    await screenshot(page, 'queues-04-badge-award');
    await page.getByTestId('badge-modal-submit').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('badge-due-row').waitFor({ state: 'hidden' });
    await waitForText(page.getByTestId('due-badges'), 'Không có');
    await screenshot(page, 'queues-05-due-after');
  });

  it('shows the candidate pipeline, refuses a ceremony before the decision at the field, records a step', async () => {
    await page.getByTestId('members-tab-admissions').click();
    await page.waitForURL(`**/members/admissions?${orgQuery}`);
    const row = page.getByTestId('candidate-row').filter({ hasText: CANDIDATE.fullName });
    await waitForText(row.getByTestId('candidate-warnings'), 'cảnh báo');
    await waitForText(row, CELL.name);
    await waitForText(page.getByTestId('admissions'), '30 ngày làm việc');
    await screenshot(page, 'queues-06-admissions');

    await row.getByTestId('candidate-record').click();
    const modal = page.getByRole('dialog');
    await choose('step-kind', /^Lễ kết nạp/);
    await waitForText(modal, 'đưa người vào Đảng thành đảng viên dự bị');
    await typeDate(page, 'step-date', formatDateVn(TODAY));
    await page.getByTestId('step-modal-submit').click();
    await waitForText(fieldOf('step-kind'), 'cần có nghị quyết của chi bộ và quyết định kết nạp');
    await screenshot(page, 'queues-07-step-refused');

    await choose('step-kind', /^Lớp nhận thức/);
    await page.getByTestId('step-modal-submit').click();
    await modal.waitFor({ state: 'hidden' });
    await waitForText(row, formatDateVn(TODAY));
    await waitForText(row.getByTestId('candidate-record'), 'Ghi đơn vào Đảng');
  });

  it('rates a member by score and the unit summary counts it', async () => {
    await page.getByTestId('members-tab-ratings').click();
    await page.waitForURL(`**/members/ratings?${orgQuery}`);
    await expectCount('rating-members-value', 2);
    await expectCount('rating-not-rated-value', 2);
    await waitForText(page.getByTestId('rate-member'), 'Quy định 366-QĐ/TW');

    await page.getByTestId('rate-submit').click();
    await waitForText(fieldOf('rate-score'), 'Bắt buộc');
    await page.getByTestId('rate-member-select').fill('le thi phi');
    await page.getByRole('option', { name: new RegExp(PHI.fullName) }).click();
    await page.getByTestId('rate-score').fill('92');
    await typeDate(page, 'rate-date', formatDateVn(TODAY));
    await page.getByTestId('rate-submit').click();
    await waitForText(page.getByTestId('rate-result'), 'Hoàn thành xuất sắc');
    await waitForText(page.getByTestId('rate-result'), PHI.fullName);
    await expectCount('rating-excellent-value', 1);
    await expectCount('rating-not-rated-value', 1);
    await screenshot(page, 'queues-08-ratings');
  });

  it('speaks English on the queues', async () => {
    await page.goto(`${server.baseUrl}/members/due?${orgQuery}`);
    await page.getByTestId('language-switch').getByText('English').click();
    await waitForText(page.getByTestId('due-fees'), 'Party fee arrears');
    await waitForText(page.getByTestId('fee-due-row').getByTestId('fee-unpaid'), 'months');
    await screenshot(page, 'queues-09-english');
    await page.getByTestId('language-switch').getByText('Tiếng Việt').click();
    await waitForText(page.getByTestId('due-fees'), 'Nợ đảng phí');
  });
});
