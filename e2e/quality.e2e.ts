/**
 * Data quality in a real browser: from a unit's page to its data-quality screen, the completeness
 * bars and the counts of duplicates and impossible dates, a known incomplete record in the list of
 * records to fix, and its profile opened from there.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  api,
  browserSession,
  ensureRoot,
  type RunningServer,
  runCodes,
  screenshot,
  waitForText,
} from './harness.ts';

const code = runCodes('E2EQ');
const FOUNDED = '2000-01-01';
const PROVINCE = { code: code('TH'), name: 'Đảng bộ tỉnh Thanh Hóa' };
const COMMITTEE = { code: code('TL'), name: 'Đảng ủy xã Thanh Lâm' };
const CELL = { code: code('TL.CB1'), name: 'Chi bộ thôn Đầm' };
const serial = String(Date.now()).slice(-7);

let count = 0;
/** A record with every field the report measures, a fresh national ID and card number each time. */
function aCompleteMember(fields: Record<string, string>) {
  count += 1;
  return {
    birthDate: '1980-03-12',
    sex: 'male',
    admissionDate: '2008-05-19',
    officialDate: '2009-05-19',
    nationalId: `03${count}${serial}`.padEnd(12, '0'),
    partyCardNo: `E2EQ-${serial}-${count}`,
    ethnicity: 'Kinh',
    religion: 'Không',
    birthPlace: 'Thanh Hóa',
    hometown: 'Thanh Hóa',
    education: 'upper_secondary',
    qualification: 'Cử nhân kinh tế',
    theoryLevel: 'intermediate',
    occupation: 'Viên chức',
    cellCode: CELL.code,
    ...fields,
  };
}

const INCOMPLETE = 'Lường Thị Thiếu';

let server: RunningServer;
let page: Page;
let incompleteId = 0;

async function createWorld(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, FOUNDED);
  const create = (body: Record<string, string>) =>
    api(baseUrl, 'POST', '/api/v1/orgs', { date: FOUNDED, decisionRef: '1-QĐ/TW', ...body });
  await create({ ...PROVINCE, kind: 'province', parentCode: root });
  await create({ ...COMMITTEE, kind: 'grassroots_committee', parentCode: PROVINCE.code });
  await create({ ...CELL, kind: 'cell', parentCode: COMMITTEE.code });
  const add = (member: Record<string, string>, query = '') =>
    api<{ id: number }>(baseUrl, 'POST', `/api/v1/members${query}`, member);
  await add(aCompleteMember({ fullName: 'Cầm Văn Đủ' }));
  const { nationalId: _none, ...withoutId } = aCompleteMember({ fullName: INCOMPLETE, sex: 'female' });
  ({ id: incompleteId } = await add(withoutId));
  // the same person recorded twice
  await add(aCompleteMember({ fullName: 'Hà Văn Trùng', birthDate: '1975-08-20' }));
  await add(aCompleteMember({ fullName: 'Hà Văn Trùng', birthDate: '1975-08-20' }));
  // admitted at 15: recorded only as an exception, and reported as an impossible date
  await add(
    aCompleteMember({
      fullName: 'Vi Văn Trẻ',
      birthDate: '2000-02-01',
      admissionDate: '2015-03-01',
      officialDate: '2016-03-01',
    }),
    '?ageException=true',
  );
}

describe('data quality in the browser', () => {
  browserSession(createWorld, (session) => {
    ({ server, page } = session);
  });

  it('opens from the unit page and shows completeness, duplicates and impossible dates', async () => {
    await page.goto(`${server.baseUrl}/orgs/${encodeURIComponent(COMMITTEE.code)}`);
    await page.getByTestId('unit-data-quality').click();
    await page.waitForURL(`**/members/quality?org=${encodeURIComponent(COMMITTEE.code)}`);
    await waitForText(page.getByTestId('quality-overview'), `${COMMITTEE.name}: 5 đảng viên`);
    const nationalId = page.locator('[data-testid="quality-field-row"][data-kind="missing.nationalId"]');
    await waitForText(nationalId, 'Số CCCD');
    expect(await nationalId.getByTestId('quality-share').textContent()).toBe('80,0%');
    expect(await nationalId.getByTestId('quality-missing').textContent()).toBe('1');
    const duplicates = page.locator('[data-kind="duplicate.nameBirth"]');
    await waitForText(duplicates, '2');
    await waitForText(page.locator('[data-kind="date.admittedUnder18"]'), '1');
    await waitForText(page.getByTestId('quality-dates-total'), '1 hồ sơ');
    await screenshot(page, 'quality-01-summary');
  });

  it('lists the incomplete record and opens its profile', async () => {
    await page
      .locator('[data-testid="quality-field-row"][data-kind="missing.nationalId"]')
      .getByTestId('quality-open-list')
      .click();
    await page.waitForURL(/kind=missing\.nationalId/);
    const list = page.getByTestId('quality-issues');
    await waitForText(list, 'Hồ sơ cần sửa: Thiếu Số CCCD');
    const rows = page.getByTestId('quality-issue-row');
    await waitForText(rows, INCOMPLETE);
    expect(await rows.count()).toBe(1);
    await waitForText(rows, CELL.name);
    await screenshot(page, 'quality-02-records-to-fix');

    await rows.getByRole('link', { name: INCOMPLETE }).click();
    await page.waitForURL(`**/members/${incompleteId}`);
    await waitForText(page.getByTestId('member-name'), INCOMPLETE);
    await screenshot(page, 'quality-03-profile');
  });

  it('lists both records of a suspected duplicate, each naming the other', async () => {
    await page.goto(
      `${server.baseUrl}/members/quality?org=${encodeURIComponent(COMMITTEE.code)}&kind=duplicate.nameBirth`,
    );
    const rows = page.getByTestId('quality-issue-row');
    await waitForText(rows, 'Hà Văn Trùng');
    expect(await rows.count()).toBe(2);
    expect(
      await rows
        .first()
        .getByRole('link', { name: /^#\d+$/ })
        .count(),
    ).toBe(1);
    await screenshot(page, 'quality-04-duplicates');
  });
});
