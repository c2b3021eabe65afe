import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database.ts';
import { signedInApp, type TestClient } from '../modules/auth/auth.fixtures.ts';
import { aSmallTree } from '../modules/orgs/orgs.fixtures.ts';

let database: TestDatabase;
let client: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await aSmallTree(database);
  ({ client } = await signedInApp(database));
});

afterAll(async () => {
  await database?.dispose();
});

const post = (path: string, body: unknown) =>
  client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as {
    code: string;
    message: { vi: string; en: string };
    field?: string;
    status: number;
  };
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.message.vi).toMatch(/\S/);
  expect(body.message.en).toMatch(/\S/);
  return body;
}

describe('HTTP API', () => {
  it('answers /healthz', async () => {
    const res = await client.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('describes itself in OpenAPI 3.1 and serves the reference page from local assets', async () => {
    const spec = (await (await client.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/orgs/tree',
        '/orgs/search',
        '/orgs/{code}',
        '/orgs/{code}/history',
        '/orgs/operations/merge',
      ]),
    );
    const page = await client.request('/api/docs');
    const html = await page.text();
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await client.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it('serves the tree, a unit, its children and a search', async () => {
    const tree = (await (await client.request('/api/v1/orgs/tree?asOf=2001-01-01&depth=1')).json()) as {
      root: { code: string; children: { code: string }[] };
    };
    expect(tree.root.code).toBe('TW');
    expect(tree.root.children.map((c) => c.code)).toEqual(['P1', 'P2']);
    const unit = (await (await client.request('/api/v1/orgs/G1?asOf=2001-01-01')).json()) as { name: string };
    expect(unit.name).toBe('Đảng ủy xã Tân Lập');
    const children = (await (await client.request('/api/v1/orgs/G1/children?asOf=2001-01-01')).json()) as {
      results: { code: string }[];
    };
    expect(children.results.map((c) => c.code)).toEqual(['C12', 'C11']);
    const search = (await (
      await client.request(`/api/v1/orgs/search?q=${encodeURIComponent('dang uy xa dong tam')}`)
    ).json()) as {
      results: { code: string }[];
    };
    expect(search.results.map((r) => r.code)).toEqual(['G2']);
  });

  it('previews a merge, then applies it', async () => {
    const input = {
      fromCodes: ['G1', 'G2'],
      intoCode: 'G9',
      name: 'Đảng ủy xã Tân Đồng',
      kind: 'grassroots_committee',
      parentCode: 'P1',
      date: '2020-01-01',
    };
    const preview = await post('/api/v1/orgs/operations/merge?preview=true', input);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ applied: false, operationId: null });
    expect((await client.request('/api/v1/orgs/G9')).status).toBe(404);
    const applied = await post('/api/v1/orgs/operations/merge', input);
    expect(applied.status).toBe(200);
    const result = (await applied.json()) as { applied: boolean; movedUnits: { code: string }[] };
    expect(result.applied).toBe(true);
    expect(result.movedUnits.map((m) => m.code).sort()).toEqual(['C11', 'C12', 'C21']);
    const history = (await (await client.request('/api/v1/orgs/G9/history')).json()) as {
      lineage: { predecessors: { code: string }[] };
    };
    expect(history.lineage.predecessors.map((p) => p.code)).toEqual(['G1', 'G2']);
  });

  it('answers bad input with problem+json naming the field', async () => {
    const body = await expectProblem(
      await post('/api/v1/orgs', { code: 'X', name: '', kind: 'cell', date: '2020-01-01' }),
      422,
      'validation.invalid_input',
    );
    expect(body.field).toBe('name');
    const kind = await expectProblem(
      await post('/api/v1/orgs', {
        code: 'X',
        name: 'Chi bộ',
        kind: 'cell',
        parentCode: 'C21',
        date: '2020-01-01',
      }),
      422,
      'org.kind_not_allowed',
    );
    expect(kind.message.vi).toContain('Chi bộ trực thuộc');
    await expectProblem(await post('/api/v1/orgs', 'not json'), 422, 'validation.invalid_input');
    await expectProblem(
      await client.request('/api/v1/orgs/tree?asOf=31/02/2020'),
      422,
      'validation.invalid_input',
    );
  });

  it('answers unknown units and endpoints with 404 problem+json', async () => {
    await expectProblem(await client.request('/api/v1/orgs/NOPE'), 404, 'org.not_found');
    await expectProblem(await client.request('/api/v1/nothing-here'), 404, 'http.not_found');
  });
});
