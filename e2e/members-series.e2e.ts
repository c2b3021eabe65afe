/**
 * The registry's yearly series and the admission pipeline in a real browser: the statistics page
 * charts the members of each 31/12 (a member who died counted until that year), a candidate is
 * added to a cell's queue, an introducer known for too short a time is refused with the rule and
 * then recorded; a member whose year of birth only is known is shown as such.
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

const code = runCodes('E2ES');
const PROVINCE = { code: code('TB'), name: 'Đảng bộ tỉnh Thái Bình' };
const COMMITTEE = { code: code('VT'), name: 'Đảng ủy xã Vũ Thư' };
const CELL_A = { code: code('VT.CB1'), name: 'Chi bộ thôn Đông Hải' };
const CELL_B = { code: code('VT.CB2'), name: 'Chi bộ thôn Tây Sơn' };
const FOUNDED = '2000-01-01';

const INTRODUCER = 'Phạm Văn Giới Thiệu';
const MEMBERS = [
  {
    fullName: 'Hoàng Văn Lâu',
    birthDate: '1980-02-10',
    sex: 'male',
    admissionDate: '2017-05-10',
    officialDate: '2018-05-10',
    cellCode: CELL_A.code,
  },
  {
    fullName: 'Vũ Thị Mất',
    birthDate: '1960-08-01',
    sex: 'female',
    admissionDate: '2019-03-01',
    officialDate: '2020-03-01',
    cellCode: CELL_A.code,
  },
  {
    fullName: INTRODUCER,
    birthDate: '1975-11-20',
    sex: 'male',
    admissionDate: '2020-07-01',
    officialDate: '2021-07-01',
    cellCode: CELL_B.code,
  },
];

let server: RunningServer;
let page: Page;

async function createTreeAndMembers(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, FOUNDED);
  const create = (body: Record<string, string>) =>
    api(baseUrl, 'POST', '/api/v1/orgs', { date: FOUNDED, decisionRef: '1-QĐ/TW', ...body });
  await create({ ...PROVINCE, kind: 'province', parentCode: root });
  await create({ ...COMMITTEE, kind: 'grassroots_committee', parentCode: PROVINCE.code });
  await create({ ...CELL_A, kind: 'cell', parentCode: COMMITTEE.code });
  await create({ ...CELL_B, kind: 'cell', parentCode: COMMITTEE.code });
  const ids: number[] = [];
  for (const member of MEMBERS)
    ids.push((await api<{ id: number }>(baseUrl, 'POST', '/api/v1/members', member)).id);
  // the second member died in 2021: counted on 31/12/2020, not on 31/12/2021
  await api(baseUrl, 'POST', `/api/v1/members/${ids[1]}/leave`, { kind: 'death', date: '2021-06-01' });
}

/** The numbers of one year of the series table. */
async function seriesRow(year: number): Promise<Record<string, string>> {
  const row = page.locator(`[data-testid="stats-series-row"][data-year="${year}"]`);
  await row.waitFor();
  const cells = row.locator('[data-column]');
  const values: Record<string, string> = {};
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i);
    values[(await cell.getAttribute('data-column')) ?? ''] = ((await cell.textContent()) ?? '').trim();
  }
  return values;
}

describe('yearly series and admissions in the browser', () => {
  browserSession(createTreeAndMembers, (session) => {
    ({ server, page } = session);
  });

  it('charts the members of each 31/12 with the admissions against the target', async () => {
    await page.goto(`${server.baseUrl}/members/stats?org=${encodeURIComponent(COMMITTEE.code)}`);
    const section = page.getByTestId('stats-series');
    await waitForText(section, 'Diễn biến theo năm');
    await section.locator('canvas').first().waitFor();
    // 2019: Lâu and Mất; 2020: + the introducer (admitted), Mất official; 2021: Mất died
    expect(await seriesRow(2019)).toMatchObject({
      total: '2',
      official: '1',
      probationary: '1',
      admitted: '1',
    });
    expect(await seriesRow(2020)).toMatchObject({
      total: '3',
      official: '2',
      probationary: '1',
      admitted: '1',
      membersAtStart: '2',
      rate: '50,00%',
    });
    expect(await seriesRow(2021)).toMatchObject({ total: '2', official: '2', admitted: '0' });
    const thisYear = Number(todayVn().slice(0, 4));
    expect(await seriesRow(thisYear)).toMatchObject({ total: '2' });
    await screenshot(page, 'series-01-chart');

    await page.getByTestId('language-switch').getByText('English').click();
    await waitForText(section, 'Year by year');
    expect(await seriesRow(2020)).toMatchObject({ rate: '50.00%' });
    await page.getByTestId('language-switch').getByText('Tiếng Việt').click();
    await waitForText(section, 'Diễn biến theo năm');
  });

  it('adds a candidate to a cell and records an introducer, refused first with the rule', async () => {
    await page.goto(`${server.baseUrl}/members/admissions?org=${encodeURIComponent(COMMITTEE.code)}`);
    await page.getByTestId('candidate-add').click();
    const modal = page.getByRole('dialog');
    await waitForText(modal, 'không ghi thông tin về thân nhân');
    await pickUnit(page, 'candidate-cell', 'dong hai', { code: CELL_A.code });
    await page.getByTestId('candidate-fullName').fill('Trần Thị Mới');
    await typeDate(page, 'candidate-birthDate', '15/04/2002');
    await page.getByTestId('candidate-sex').getByLabel('Nữ').check();
    await page.getByTestId('candidate-youthUnion').check();
    await screenshot(page, 'series-02-candidate-form');
    await page.getByTestId('candidate-modal-submit').click();
    const row = page.getByTestId('candidate-row').filter({ hasText: 'Trần Thị Mới' });
    await row.waitFor();

    await row.getByTestId('candidate-add-introducer').click();
    const introducerModal = page.getByRole('dialog');
    await waitForText(introducerModal, 'ít nhất 12 tháng');
    const picker = page.getByTestId('introducer-member');
    await picker.click();
    await picker.fill('pham van gioi');
    await page
      .getByRole('option', { name: new RegExp(INTRODUCER) })
      .first()
      .click();
    await typeDate(page, 'introducer-knownSince', formatDateVn(addDays(todayVn(), -90)));
    await page.getByTestId('introducer-modal-submit').click();
    const knownSince = introducerModal.locator('.mantine-InputWrapper-root', {
      has: page.getByTestId('introducer-knownSince'),
    });
    await waitForText(knownSince, 'cần ít nhất 12 tháng');
    await screenshot(page, 'series-03-introducer-refused');

    await typeDate(page, 'introducer-knownSince', '01/01/2020');
    await page.getByTestId('introducer-modal-submit').click();
    await introducerModal.waitFor({ state: 'hidden' });
    await waitForText(row.getByTestId('candidate-introducers'), INTRODUCER);
    await screenshot(page, 'series-04-introducer-recorded');
  });

  it('records a member whose year of birth only is known and shows it as such', async () => {
    await page.goto(`${server.baseUrl}/members/new?org=${encodeURIComponent(CELL_B.code)}`);
    await expect.poll(() => page.getByTestId('new-cellCode').inputValue()).toBe(CELL_B.name);
    await page.getByTestId('new-fullName').fill('Đinh Văn Năm');
    await page.getByTestId('new-birthDatePrecision').click();
    await page.getByRole('option', { name: 'Chỉ năm' }).click();
    await page.getByTestId('new-birthDate').fill('1975');
    const birthField = page.locator('.mantine-InputWrapper-root', { has: page.getByTestId('new-birthDate') });
    await waitForText(birthField, '01/01/1975');
    await page.getByTestId('new-sex').getByLabel('Nam').check();
    await typeDate(page, 'new-admissionDate', '19/05/2000');
    await typeDate(page, 'new-officialDate', '19/05/2001');
    await screenshot(page, 'series-05-year-of-birth');
    await page.getByTestId('new-submit').click();
    await page.waitForURL(/\/members\/\d+$/);
    const birth = page.getByTestId('member-birth-date');
    await waitForText(birth, '1975');
    await waitForText(birth, 'không rõ ngày, tháng');
    expect(await page.getByTestId('member-fields').textContent()).not.toContain('01/01/1975');
    await screenshot(page, 'series-06-profile');
  });
});
