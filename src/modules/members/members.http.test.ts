/** The member registry over HTTP: the same shapes as the CLI, errors as problem+json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { signedInApp, type TestClient } from '../auth/auth.fixtures.ts';
import { aSmallTree } from '../orgs/orgs.fixtures.ts';
import { aMember } from './members.fixtures.ts';

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

describe('members over HTTP', () => {
  it('records, finds, transfers and counts a member', async () => {
    const created = await post(
      '/api/v1/members',
      aMember({ fullName: 'Nguyễn Thị Hồng', sex: 'female', cellCode: 'C11' }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };

    const search = (await (await client.request('/api/v1/members?q=nguyen%20thi%20hong&org=P1')).json()) as {
      results: { id: number; status: string; cellCode: string }[];
    };
    expect(search.results).toEqual([
      {
        id,
        fullName: 'Nguyễn Thị Hồng',
        birthDate: '1985-06-15',
        sex: 'female',
        cellCode: 'C11',
        status: 'official',
      },
    ]);

    const before = (await (await client.request('/api/v1/stats?org=P2')).json()) as {
      total: number;
      bySex: { female: number };
    };
    expect(
      (await post(`/api/v1/members/${id}/transfer-out`, { toCellCode: 'C21', date: '2026-03-02' })).status,
    ).toBe(200);
    const received = await post(`/api/v1/members/${id}/transfer-in`, { date: '2026-03-09' });
    expect(((await received.json()) as { cellCode: string }).cellCode).toBe('C21');
    const after = (await (await client.request('/api/v1/stats?org=P2')).json()) as {
      total: number;
      bySex: { female: number };
    };
    expect(after.total).toBe(before.total + 1);
    expect(after.bySex.female).toBe(before.bySex.female + 1);

    const profile = (await (await client.request(`/api/v1/members/${id}`)).json()) as {
      events: { kind: string }[];
    };
    expect(profile.events.map((e) => e.kind)).toEqual([
      'admission',
      'recognition',
      'transfer_out',
      'transfer_in',
    ]);
  });

  it('answers the yearly series, and refuses years out of order with problem+json', async () => {
    const series = await client.request('/api/v1/stats/series?org=P1&from=2020&to=2022');
    expect(series.status).toBe(200);
    const body = (await series.json()) as { org: string; points: { year: number; asOf: string }[] };
    expect(body.points.map((p) => [p.year, p.asOf])).toEqual([
      [2020, '2020-12-31'],
      [2021, '2021-12-31'],
      [2022, '2022-12-31'],
    ]);
    const bad = await client.request('/api/v1/stats/series?org=P1&from=2022&to=2020');
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await bad.json()) as { code: string }).code).toBe('member.stats.series_years');
  });

  it('answers bad input and unknown members with problem+json', async () => {
    const bad = await post('/api/v1/members', { ...aMember(), nationalId: '12345' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await bad.json()) as { field: string }).field).toBe('nationalId');
    const missing = await client.request('/api/v1/members/999999');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('member.not_found');
  });
});
