import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import { seedDocuments } from './documents.seed.ts';
import * as docs from './documents.service.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
});

afterAll(async () => {
  await db?.dispose();
});

describe('sample register', () => {
  it('records the real chains with their status and synthetic documents of every issuer, once', async () => {
    const seeded = await seedDocuments(db, testActor, { scale: 'demo' });
    // 4 central bodies and 2 provinces, 4 terms, 12 each
    expect(seeded).toMatchObject({ real: 30, synthetic: 6 * 4 * 12 });
    const reg124 = await docs.getDocumentByNumber(db, testActor, '124-QĐ/TW');
    expect(reg124.status).toBe('replaced');
    expect(reg124.chain.map((g) => g.map((d) => d.number))).toEqual([
      ['132-QĐ/TW'],
      ['124-QĐ/TW'],
      ['366-QĐ/TW'],
    ]);
    const types = await docs.getDocumentByNumber(db, testActor, '399-QĐ/TW');
    expect(types.chain.map((g) => g.map((d) => d.number).sort())).toEqual([
      ['31-QĐ/TW', '91-QĐ/TW'],
      ['66-QĐ/TW'],
      ['399-QĐ/TW'],
    ]);
    const stats = await docs.documentStats(db, testActor);
    expect(stats.total).toBe(30 + 6 * 4 * 12);
    expect(stats.byIssuer.find((r) => r.key === 'TU')?.n).toBe(2 * 4 * 12);
    const found = await docs.searchDocuments(db, testActor, {
      q: 'chi bo dua noi dung vao sinh hoat',
      issuer: 'P1',
      limit: 5,
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.issuer.unitCode === 'P1' && r.provision !== null)).toBe(true);
    expect(await seedDocuments(db, testActor, { scale: 'demo' })).toMatchObject({ real: 0, synthetic: 0 });
  });
});
