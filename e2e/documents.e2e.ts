/**
 * The document register in a real browser: import a .docx, find it by a query typed without
 * diacritics, land on the matching provision, file a question against it, answer it, and see
 * the provision in the hot-spot list.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { aDocx, aResolutionFile } from '../src/modules/documents/documents.fixtures.ts';
import type { SearchResult } from '../src/modules/documents/documents.schemas.ts';
import { api, browserSession, type RunningServer, screenshot, waitForText } from './harness.ts';

// unique per run, so the test also runs on a PostgreSQL database that keeps earlier runs' documents
const NUMBER = `${(Date.now() % 900_000) + 100_000}-NQ/TW`;
const SUBJECT = 'sinh hoạt chi bộ ở khu công nghiệp Tân Định';
const POINT = 'art_1__cl_2__pt_b';

let server: RunningServer;
let page: Page;

describe('document register in the browser', () => {
  browserSession(
    async () => undefined,
    (session) => {
      ({ server, page } = session);
    },
  );

  it('imports a .docx and finds it by a query without diacritics, on the matching provision', async () => {
    await page.goto(`${server.baseUrl}/documents`);
    const docx = await aDocx(aResolutionFile(NUMBER, SUBJECT));
    await page.locator('input[type="file"]').setInputFiles({
      name: 'nghi-quyet.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx),
    });
    await waitForText(page.getByTestId('doc-number'), NUMBER);
    await waitForText(page.getByTestId('doc-title'), `Nghị quyết về ${SUBJECT}`);
    await page.locator(`[data-testid="provision"][data-eid="${POINT}"]`).waitFor();
    await screenshot(page, 'documents-01-imported');

    await page.goto(`${server.baseUrl}/documents`);
    await page.getByTestId('doc-search-input').fill('sinh hoat chuyen de khu cong nghiep tan dinh');
    const row = page.locator(`[data-testid="doc-result"][data-number="${NUMBER}"]`);
    await row.waitFor();
    // the accented words of the text are marked, though the query had no diacritics
    await waitForText(row.getByTestId('doc-excerpt').locator('mark').first(), /chuyên|Sinh|sinh/);
    await screenshot(page, 'documents-02-search');
    await row.getByTestId('doc-result-link').click();
    await page.waitForURL(`**/documents/*#${POINT}`);
    const point = page.locator(`[data-testid="provision"][data-eid="${POINT}"]`);
    await waitForText(point, 'Sinh hoạt chuyên đề ít nhất mỗi quý một lần');
  });

  it('files a question on the provision, answers it, and sees the provision among the hot spots', async () => {
    const point = page.locator(`[data-testid="provision"][data-eid="${POINT}"]`);
    await point.getByTestId('provision-ask').click();
    await page.getByTestId('question-sender').fill('Đảng ủy Khu công nghiệp Tân Định');
    const question = `Chi bộ có ${NUMBER.split('-')[0]} đảng viên làm ca kíp thì sinh hoạt chuyên đề thế nào?`;
    await page.getByTestId('question-text').fill(question);
    await page.getByTestId('question-submit').click();
    await waitForText(point.getByTestId('provision-question-count'), '1');

    await page.goto(`${server.baseUrl}/documents/questions`);
    const open = page.locator('[data-testid="question"]').filter({ hasText: question });
    await open.waitFor();
    await open
      .getByTestId('question-answer')
      .fill('Chi bộ bố trí sinh hoạt chuyên đề theo ca, mỗi quý ít nhất một lần.');
    await open.getByTestId('question-answer-submit').click();
    await open.waitFor({ state: 'detached' });

    const hot = page.locator(`[data-testid="hotspot"][data-eid="${POINT}"]`).filter({ hasText: NUMBER });
    await waitForText(hot, 'điểm b khoản 2 Điều 1');
    await screenshot(page, 'documents-03-hotspots');
    const results = await api<{ results: SearchResult[] }>(
      server.baseUrl,
      'GET',
      `/api/v1/documents?q=${encodeURIComponent(NUMBER.replace('-NQ/TW', '/NQ-TW'))}`,
    );
    expect(results.results[0]?.number).toBe(NUMBER);

    // the published answer stands beside the provision
    await hot.getByRole('link').click();
    await waitForText(
      page.locator(`[data-testid="provision"][data-eid="${POINT}"]`).getByTestId('provision-guidance'),
      'mỗi quý ít nhất một lần',
    );
  });
});
