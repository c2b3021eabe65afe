/**
 * The organization tree in a real browser: tree and search (without diacritics), unit page, a merge
 * through the wizard (validation error, preview, apply), history and lineage, the English switch.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OperationResult } from '../src/modules/orgs/orgs.schemas.ts';
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

const code = runCodes('E2E');
const PROVINCE = { code: code('HNN'), name: 'Đảng bộ tỉnh Hà Nam Ninh' };
const TAN_LAP = { code: code('TL'), name: 'Đảng ủy xã Tân Lập' };
const DONG_TAM = { code: code('DT'), name: 'Đảng ủy xã Đồng Tâm' };
const TAN_LAP_CELL = { code: code('TL.CB1'), name: 'Chi bộ thôn Lập Thành' };
const DONG_TAM_CELL = { code: code('DT.CB1'), name: 'Chi bộ thôn Đồng Tiến' };
const MERGED = { code: code('TLDT'), name: 'Đảng ủy xã Tân Đồng' };
const FOUNDED = '2020-01-01';

let server: RunningServer;
let page: Page;

async function createTree(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, FOUNDED);
  const create = (body: Record<string, string>) =>
    api<OperationResult>(baseUrl, 'POST', '/api/v1/orgs', { date: FOUNDED, decisionRef: '1-QĐ/TW', ...body });
  await create({ ...PROVINCE, kind: 'province', parentCode: root });
  await create({ ...TAN_LAP, kind: 'grassroots_committee', parentCode: PROVINCE.code });
  await create({ ...DONG_TAM, kind: 'grassroots_committee', parentCode: PROVINCE.code });
  await create({ ...TAN_LAP_CELL, kind: 'cell', parentCode: TAN_LAP.code });
  await create({ ...DONG_TAM_CELL, kind: 'cell', parentCode: DONG_TAM.code });
}

describe('organization tree in the browser', () => {
  browserSession(createTree, (session) => {
    ({ server, page } = session);
  });

  it('shows the tree with counts and finds a unit typed without diacritics', async () => {
    await page.goto(`${server.baseUrl}/orgs`);
    const tree = page.getByTestId('org-tree');
    const province = tree.locator(`li[data-code="${PROVINCE.code}"]`);
    await waitForText(province.locator('.tree-row').first(), PROVINCE.name);
    await waitForText(province.getByTestId('child-count').first(), '2');
    await province.getByTestId('tree-toggle').first().click();
    const tanLap = tree.locator(`li[data-code="${TAN_LAP.code}"]`);
    await tanLap.waitFor();
    await waitForText(tanLap.getByTestId('child-count'), '1');
    await tanLap.getByTestId('tree-toggle').click();
    await tree.locator(`li[data-code="${TAN_LAP_CELL.code}"]`).waitFor();
    await screenshot(page, '01-tree');

    await page.getByTestId('org-search-input').fill('dang uy xa tan lap');
    const result = page.locator(`[data-testid="org-search-result"][data-code="${TAN_LAP.code}"]`);
    await result.waitFor();
    expect(await result.textContent()).toContain(PROVINCE.name);
    await screenshot(page, '02-search');
    await result.click();

    await page.waitForURL(`**/orgs/${encodeURIComponent(TAN_LAP.code)}`);
    await waitForText(page.getByTestId('unit-name'), TAN_LAP.name);
    await waitForText(page.getByTestId('unit-breadcrumb'), PROVINCE.name);
    await page.getByTestId('unit-children').getByRole('link', { name: TAN_LAP_CELL.name }).waitFor();
    await waitForText(page.getByTestId('unit-details'), 'Đảng bộ cơ sở');
    await waitForText(page.getByTestId('unit-details'), '01/01/2020');
    await page.getByTestId('unit-history').getByText('1-QĐ/TW').first().waitFor();
    await screenshot(page, '03-unit');
  });

  it('merges the two committees through the wizard: validation error, preview, apply', async () => {
    await page.getByTestId('unit-reorganize').click();
    await page.getByTestId('unit-op-merge').click();
    await page.waitForURL('**/orgs/reorganize?op=merge*');
    // The unit the wizard was opened from is already chosen (and named).
    await page.getByText(TAN_LAP.name, { exact: true }).first().waitFor();
    await pickUnit(page, 'wizard-from-units', 'dong tam', DONG_TAM.name);
    await page.getByTestId('wizard-into-code').fill(MERGED.code);
    await page.getByTestId('wizard-name').fill(MERGED.name);
    await page.getByTestId('wizard-decision').fill('123-QĐ/TU');

    // A date before the units existed: the server refuses and the form says why, in Vietnamese.
    await typeDate(page, 'wizard-date', '01/01/2019');
    await page.getByTestId('wizard-preview').click();
    await page
      .getByText(/chưa tồn tại vào ngày 01\/01\/2019/)
      .first()
      .waitFor();
    expect(await page.getByTestId('wizard-apply').isDisabled()).toBe(true);
    await screenshot(page, '04-merge-validation-error');

    await typeDate(page, 'wizard-date', '01/07/2025');
    await page.getByTestId('wizard-preview').click();
    const preview = page.getByTestId('operation-preview');
    await preview.waitFor();
    expect(await page.getByTestId('result-created').textContent()).toContain(MERGED.name);
    const closed = await page.getByTestId('result-closed').textContent();
    expect(closed).toContain(TAN_LAP.name);
    expect(closed).toContain(DONG_TAM.name);
    const moved = await page.getByTestId('result-moved').textContent();
    expect(moved).toContain(TAN_LAP_CELL.name);
    expect(moved).toContain(DONG_TAM_CELL.name);
    expect(
      Number((await page.getByTestId('result-units-affected').textContent())?.replace(/\D/g, '')),
    ).toBeGreaterThan(0);
    await screenshot(page, '05-merge-preview');

    await page.getByTestId('wizard-apply').click();
    await page.getByTestId('operation-applied').waitFor();
    await screenshot(page, '06-merge-applied');
    await page.getByTestId('wizard-open-unit').click();

    await page.waitForURL(`**/orgs/${encodeURIComponent(MERGED.code)}`);
    await waitForText(page.getByTestId('unit-name'), MERGED.name);
    const children = page.getByTestId('unit-children');
    await children.getByRole('link', { name: TAN_LAP_CELL.name }).waitFor();
    await children.getByRole('link', { name: DONG_TAM_CELL.name }).waitFor();
    const predecessors = page.getByTestId('unit-predecessors');
    await predecessors.getByRole('link', { name: TAN_LAP.name }).waitFor();
    await predecessors.getByRole('link', { name: DONG_TAM.name }).waitFor();
    await waitForText(page.getByTestId('unit-operations'), '123-QĐ/TU');
    await waitForText(page.getByTestId('unit-operations'), '01/07/2025');
    await screenshot(page, '07-merged-unit');

    // The predecessor, as it stood before the merge, points to what it became.
    await predecessors.getByRole('link', { name: TAN_LAP.name }).click();
    await page.waitForURL(`**/orgs/${encodeURIComponent(TAN_LAP.code)}?asOf=2025-06-30`);
    await page.getByTestId('unit-successors').getByRole('link', { name: MERGED.name }).waitFor();
    await screenshot(page, '08-predecessor-lineage');
  });

  it('shows the tree as of today and as of the day before the merge', async () => {
    await page.goto(`${server.baseUrl}/orgs`);
    const tree = page.getByTestId('org-tree');
    const province = tree.locator(`li[data-code="${PROVINCE.code}"]`);
    await province.getByTestId('tree-toggle').first().click();
    await tree.locator(`li[data-code="${MERGED.code}"]`).waitFor();
    expect(await tree.locator(`li[data-code="${TAN_LAP.code}"]`).count()).toBe(0);

    await typeDate(page, 'as-of-input', '30/06/2025');
    await page.waitForURL('**/orgs?asOf=2025-06-30');
    await tree.locator(`li[data-code="${TAN_LAP.code}"]`).waitFor();
    await tree.locator(`li[data-code="${DONG_TAM.code}"]`).waitFor();
    expect(await tree.locator(`li[data-code="${MERGED.code}"]`).count()).toBe(0);
    await screenshot(page, '09-tree-before-merge');
  });

  it('switches to English, keeps the choice, and shows server errors in English', async () => {
    await page.goto(`${server.baseUrl}/orgs/${encodeURIComponent(MERGED.code)}`);
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('nav-orgs').getByText('Organizations').waitFor();
    await waitForText(page.getByTestId('unit-lineage'), 'Lineage');
    await waitForText(page.getByTestId('unit-details'), 'Grassroots committee');
    await screenshot(page, '10-unit-english');

    await page.reload();
    await page.getByTestId('nav-orgs').getByText('Organizations').waitFor();

    await page.goto(`${server.baseUrl}/orgs/reorganize?op=rename&code=${encodeURIComponent(MERGED.code)}`);
    await page.getByTestId('wizard-name').fill('Đảng ủy xã Tân Đồng mới');
    await typeDate(page, 'wizard-date', '15/03/2024');
    await page.getByTestId('wizard-preview').click();
    await page
      .getByText(/did not exist yet on 15\/03\/2024/)
      .first()
      .waitFor();
    await screenshot(page, '11-validation-english');

    await page.getByTestId('language-switch').getByText('Tiếng Việt').click();
    await page.getByTestId('nav-orgs').getByText('Tổ chức đảng').waitFor();
  });

  it('shows a description for an area that is not built yet', async () => {
    await page.getByTestId('nav-cadres').click();
    await page.waitForURL('**/cadres');
    await page.getByRole('heading', { name: 'Cán bộ' }).waitFor();
    await page.getByText('Đang xây dựng').waitFor();
    await screenshot(page, '12-coming-soon');
  });
});
