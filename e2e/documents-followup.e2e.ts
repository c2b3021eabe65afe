/**
 * Following a document up in a real browser: assign a unit a task with a deadline already past,
 * find it overdue in the list of tasks due, report progress with evidence, record a review, and
 * correct the detected structure (a heading, two points joined) and see it saved after reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, formatDateVn, todayVn } from '../src/core/dates.ts';
import { aDocument } from '../src/modules/documents/documents.fixtures.ts';
import type { DocumentDetail, ReviewDue } from '../src/modules/documents/documents.schemas.ts';
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

const code = runCodes('TD');
const UNIT = { code: code('KT'), name: 'Đảng bộ tỉnh Theo Dõi' };
// unique per run, so the test also runs on a PostgreSQL database that keeps earlier runs' documents
const NUMBER = `${(Date.now() % 900_000) + 100_000}-QĐ/TW`;
const PAST_DUE = addDays(todayVn(), -20);
const TASK = 'Quán triệt quy định đến các chi bộ trực thuộc';

let server: RunningServer;
let page: Page;
let root = '';
let documentId = 0;

async function seed(baseUrl: string): Promise<void> {
  root = await ensureRoot(baseUrl, '2000-01-01');
  await api(baseUrl, 'POST', '/api/v1/orgs', {
    ...UNIT,
    kind: 'province',
    parentCode: root,
    date: '2000-01-01',
  });
  // in force since 2015, never reviewed: due for review after 5 years
  const doc = await api<DocumentDetail>(
    baseUrl,
    'POST',
    '/api/v1/documents',
    aDocument({ number: NUMBER, signedDate: '2015-03-02' }),
  );
  documentId = doc.id;
}

const row = (eid: string) => page.locator(`[data-testid="structure-row"][data-eid="${eid}"]`);
const provision = (eid: string) => page.locator(`[data-testid="provision"][data-eid="${eid}"]`);

describe('document follow-up in the browser', () => {
  browserSession(seed, (session) => {
    ({ server, page } = session);
  });

  it("assigns a task with a past deadline, after the server's refusal of a too short one", async () => {
    await page.goto(`${server.baseUrl}/documents/${documentId}`);
    await waitForText(page.getByTestId('doc-tasks'), 'Chưa giao nhiệm vụ');
    await page.getByTestId('task-assign').click();
    const dialog = page.getByRole('dialog');
    await page.getByTestId('task-submit').click();
    await waitForText(dialog, 'Bắt buộc');
    await pickUnit(page, 'task-unit', 'theo doi', UNIT.name);
    await page.getByTestId('task-provision').click();
    await page.getByRole('option', { name: /^Điều 2 – Đối tượng áp dụng/ }).click();
    await typeDate(page, 'task-due', formatDateVn(PAST_DUE));
    await page.getByTestId('task-title').fill('Qu');
    await page.getByTestId('task-submit').click();
    // the server's refusal (problem+json), in Vietnamese, under the field it is about
    await waitForText(dialog, 'quá ngắn (tối thiểu 3 ký tự)');

    await page.getByTestId('task-title').fill(TASK);
    await page.getByTestId('task-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const task = page.getByTestId('task-row').filter({ hasText: TASK });
    await waitForText(task, UNIT.name);
    await waitForText(task, 'Điều 2');
    await task.locator('[data-testid="task-status"][data-status="overdue"]').waitFor();
    await waitForText(task, formatDateVn(PAST_DUE));
    await waitForText(page.getByTestId('doc-implementation'), '0%');
  });

  it('lists the task as overdue under its unit, linking to the document', async () => {
    await page.goto(`${server.baseUrl}/documents/tasks?org=${encodeURIComponent(root)}`);
    await page.locator(`[data-testid="tasks-due-unit"][data-code="${UNIT.code}"]`).waitFor();
    const due = page.getByTestId('tasks-due-row').filter({ hasText: TASK });
    await due.locator('[data-testid="task-status"][data-status="overdue"]').waitFor();
    await waitForText(due, 'Điều 2');
    await screenshot(page, 'documents-followup-due');
    await due.getByTestId('tasks-due-document').click();
    await page.waitForURL(`**/documents/${documentId}#art_2`);
    await waitForText(page.getByTestId('doc-number'), NUMBER);
  });

  it('reports progress with evidence', async () => {
    const task = page.getByTestId('task-row').filter({ hasText: TASK });
    await task.getByTestId('task-report-open').click();
    await page.getByTestId('progress-value').fill('60');
    await page.getByTestId('progress-report').fill('Đã quán triệt tại 12/20 chi bộ');
    await page.getByTestId('progress-evidence').fill('Báo cáo số 15-BC/TU');
    await page.getByTestId('progress-submit').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await waitForText(task.getByTestId('task-progress'), '60%');
    await waitForText(task.getByTestId('task-report'), 'Đã quán triệt tại 12/20 chi bộ');
    await waitForText(task.getByTestId('task-evidence'), '15-BC/TU');
    await waitForText(page.getByTestId('doc-implementation'), '60%');
    // still open and past its deadline
    await task.locator('[data-testid="task-status"][data-status="overdue"]').waitFor();
    // from the top: the fixed header would stand in the middle of a full-page shot taken scrolled
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: '/tmp/doc-followup.png', fullPage: true });
  });

  it('finds the document due for review and records the review', async () => {
    await page.goto(`${server.baseUrl}/documents/review`);
    const due = page.locator(`[data-testid="review-row"][data-number="${NUMBER}"]`);
    await due.waitFor();
    await screenshot(page, 'documents-followup-review');
    await due.getByRole('link').click();
    await waitForText(page.getByTestId('doc-reviewed'), 'Chưa rà soát');
    await page.getByTestId('doc-review').click();
    await page.getByTestId('review-submit').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('doc-reviewed'), formatDateVn(todayVn()));
    const after = await api<ReviewDue>(server.baseUrl, 'GET', '/api/v1/documents/review-due');
    expect(after.results.map((d) => d.number)).not.toContain(NUMBER);
  });

  it('corrects a heading and joins two points, and the corrected structure is there after reload', async () => {
    await page.getByTestId('structure-edit').click();
    await row('art_1').getByTestId('structure-heading').fill('Phạm vi điều chỉnh và mục đích');
    await row('art_2__cl_2__pt_b').getByTestId('structure-merge').click();
    await waitForText(page.getByTestId('structure-changes'), 'art_2__cl_2__pt_b');
    await screenshot(page, 'documents-followup-editor');
    await page.getByTestId('structure-save').click();
    await page.getByTestId('structure-editor').waitFor({ state: 'detached' });

    await page.reload();
    await waitForText(provision('art_1'), 'Điều 1. Phạm vi điều chỉnh và mục đích');
    await waitForText(provision('art_2__cl_2__pt_a'), 'b) Đảng viên dự bị được miễn sinh hoạt');
    expect(await provision('art_2__cl_2__pt_b').count()).toBe(0);
    // the other ids did not move: the task still points at Điều 2
    await waitForText(page.getByTestId('task-row').filter({ hasText: TASK }), 'Điều 2');
    await screenshot(page, 'documents-followup-structure');
  });
});
