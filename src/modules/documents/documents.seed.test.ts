import { sql } from 'kysely';
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

  it('ranks a query of common words among the newest matching documents, one with a rarer word over all', async () => {
    await docs.createDocument(db, testActor, {
      number: '3-CT/TW',
      signedDate: '1998-02-18',
      title: 'Chỉ thị về sinh hoạt chi bộ ở vùng Xiêm',
      text: 'Điều 1. Sinh hoạt chi bộ\nChi bộ vùng Xiêm sinh hoạt mỗi tháng một lần.',
    });
    // the statistics the plan is chosen by (autovacuum keeps them on a server)
    await sql`ANALYZE document_provision`.execute(db.db);
    const matching = await sql<{ id: number }>`SELECT d.id::int AS id FROM document d
      WHERE d.search @@ plainto_tsquery('vn_unaccent', 'sinh hoat chi bo') OR EXISTS (SELECT 1
        FROM document_provision p WHERE p.document_id = d.id AND p.search @@ plainto_tsquery('vn_unaccent', 'sinh hoat chi bo'))
      ORDER BY d.signed_on DESC, d.id DESC`.execute(db.db);
    expect(matching.rows.length).toBeGreaterThan(100);
    const newest = new Set(matching.rows.slice(0, 100).map((r) => r.id));
    const common = await docs.searchDocuments(db, testActor, { q: 'sinh hoạt chi bộ', limit: 50 });
    expect(common).toHaveLength(50);
    expect(common.every((r) => newest.has(r.id))).toBe(true);
    expect(common.map((r) => r.number)).not.toContain('03-CT/TW');
    // one rare word: every match is ranked, the old directive first (its title and article match)
    const rare = await docs.searchDocuments(db, testActor, { q: 'sinh hoat chi bo xiem', limit: 5 });
    expect(rare.map((r) => r.number)).toEqual(['03-CT/TW']);
  });
});
