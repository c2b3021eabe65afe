/** The document register over HTTP: the same shapes as the CLI, errors as problem+json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { signedInApp, type TestClient } from '../auth/auth.fixtures.ts';
import { aSmallTree } from '../orgs/orgs.fixtures.ts';
import { aDocx, aResolutionFile } from './documents.fixtures.ts';

let db: TestDatabase;
let client: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  ({ client } = await signedInApp(db));
});

afterAll(async () => {
  await db?.dispose();
});

const post = (path: string, body: unknown) =>
  client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('documents over HTTP', () => {
  it('imports an uploaded .docx, finds it, files and answers a question, ranks the hot spot', async () => {
    const content = Buffer.from(
      await aDocx(aResolutionFile('21-NQ/TW', 'củng cố tổ chức cơ sở đảng')),
    ).toString('base64');
    const imported = await post('/api/v1/documents/import', { fileName: 'nq21.docx', content });
    expect(imported.status).toBe(201);
    const doc = (await imported.json()) as { id: number; number: string; provisions: { id: string }[] };
    expect(doc.number).toBe('21-NQ/TW');

    const found = (await (
      await client.request('/api/v1/documents?q=sinh%20hoat%20thuong%20ky&status=in_force')
    ).json()) as {
      results: { id: number; provision: string; excerpt: string }[];
    };
    expect(found.results[0]).toMatchObject({ id: doc.id, provision: 'art_1__cl_2__pt_a' });
    expect(found.results[0]?.excerpt).toContain('<b>Sinh</b> <b>hoạt</b> <b>thường</b> <b>kỳ</b>');

    const asked = await post('/api/v1/documents/questions', {
      sender: 'G1',
      receivedDate: '2025-03-01',
      text: 'Chi bộ ghép có phải sinh hoạt thường kỳ mỗi tháng không?',
      targets: [{ number: '21-NQ/TW', provision: 'art_1__cl_2__pt_a' }],
    });
    expect(asked.status).toBe(201);
    const { id } = (await asked.json()) as { id: number };
    const answered = await post(`/api/v1/documents/questions/${id}/answer`, {
      answer: 'Có.',
      answeredDate: '2025-03-05',
      publish: true,
    });
    expect(((await answered.json()) as { status: string }).status).toBe('answered');
    const hot = (await (
      await client.request('/api/v1/documents/questions/hotspots?from=2025-01-01')
    ).json()) as {
      results: { number: string; provision: string; questions: number }[];
    };
    expect(hot.results).toEqual([
      expect.objectContaining({ number: '21-NQ/TW', provision: 'art_1__cl_2__pt_a', questions: 1 }),
    ]);
    const detail = (await (await client.request(`/api/v1/documents/${doc.id}`)).json()) as {
      provisions: { id: string; guidance: { answer: string }[] }[];
    };
    expect(detail.provisions.find((p) => p.id === 'art_1__cl_2__pt_a')?.guidance).toEqual([
      expect.objectContaining({ answer: 'Có.' }),
    ]);
  });

  it('answers problem+json for an unknown type or file, and documents the routes in OpenAPI', async () => {
    const unknown = await client.request('/api/v1/documents?q=x&type=ZZ');
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(((await unknown.json()) as { code: string }).code).toBe('document.type.unknown');
    const pdf = await post('/api/v1/documents/import', { fileName: 'x.pdf', content: 'AAAA' });
    expect(((await pdf.json()) as { code: string; field: string }).field).toBe('file');
    const missing = await client.request('/api/v1/documents/by-number?number=99-NQ/TW');
    expect(missing.status).toBe(404);
    const spec = (await (await client.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/documents',
        '/documents/import',
        '/documents/{id}',
        '/documents/questions/hotspots',
      ]),
    );
  });
});
