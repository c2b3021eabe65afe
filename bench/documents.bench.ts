/**
 * Benchmarks of the document register on the seeded documents: full-text search without
 * diacritics (a selective phrase, a common one) and search by number, each beside plain SQL doing
 * the nearest same work — a folded LIKE scan, the bare tsquery without ranking, the number itself.
 */
import { sql } from 'kysely';
import { foldVn } from '../src/core/vn-text.ts';
import type { Database } from '../src/db/database.ts';
import type { Actor } from '../src/db/transaction.ts';
import { seedDocuments } from '../src/modules/documents/documents.seed.ts';
import { searchDocuments } from '../src/modules/documents/documents.service.ts';
import type { SeedScale } from '../src/modules/seed/seed.generator.ts';
import type { BenchCase } from './harness.ts';

export interface DocumentBenchContext {
  database: Database;
  actor: Actor;
  scale: SeedScale;
  log: (line: string) => void;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const LIMIT = 20;

async function plainLike(database: Database, phrase: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT DISTINCT p.document_id AS id FROM document_provision p
    WHERE vn_fold(p.body) LIKE ${`%${foldVn(phrase)}%`} LIMIT ${LIMIT}`.execute(database.db);
  return rows.length;
}

async function plainTsquery(database: Database, phrase: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT DISTINCT p.document_id AS id FROM document_provision p
    WHERE p.search @@ plainto_tsquery('vn_unaccent', ${phrase}) LIMIT ${LIMIT}`.execute(database.db);
  return rows.length;
}

async function plainNumber(database: Database, number: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM document WHERE number = ${number}`.execute(
    database.db,
  );
  return rows.length;
}

export function documentBenchCases(ctx: DocumentBenchContext): BenchCase[] {
  const { database, actor, scale } = ctx;
  const runs = scale === 'national' ? 30 : 20;
  let documents = 0;
  let provisions = 0;

  /** Seeds the register the first time a document case runs (the seed is a no-op afterwards). */
  const ensureSeeded = async () => {
    if (documents > 0) return;
    const started = performance.now();
    const seeded = await seedDocuments(database, actor, { scale });
    if (seeded.real + seeded.synthetic > 0) {
      ctx.log(
        `bench: seeded ${fmt(seeded.real + seeded.synthetic)} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    const { rows } = await sql<{ d: number; p: number }>`SELECT (SELECT count(*) FROM document)::int AS d,
      (SELECT count(*) FROM document_provision)::int AS p`.execute(database.db);
    documents = rows[0]?.d ?? 0;
    provisions = rows[0]?.p ?? 0;
  };

  const search = (
    id: string,
    query: string,
    baseline: { label: string; run: (database: Database, q: string) => Promise<number> },
  ): BenchCase => {
    const bench: BenchCase = {
      id,
      operation: '',
      size: '',
      runs,
      warmup: 2,
      prepare: async () => {
        await ensureSeeded();
        const hits = await searchDocuments(database, actor, { q: query, limit: LIMIT });
        bench.operation = `searchDocuments "${query}" (limit ${LIMIT})`;
        bench.size = `${fmt(documents)} documents, ${fmt(provisions)} provisions, ${hits.length} hits`;
      },
      run: () => searchDocuments(database, actor, { q: query, limit: LIMIT }),
      baseline: { label: baseline.label, run: () => baseline.run(database, query) },
    };
    return bench;
  };

  return [
    search('docs-search-phrase', 'tham dinh tieu chuan chinh tri', {
      label: `vn_fold(body) LIKE '%…%' LIMIT ${LIMIT}`,
      run: plainLike,
    }),
    search('docs-search-common', 'sinh hoat chi bo', {
      label: `search @@ plainto_tsquery, unranked LIMIT ${LIMIT}`,
      run: plainTsquery,
    }),
    search('docs-search-number', 'nq 26', {
      label: "number = '26-NQ/TW'",
      run: (db) => plainNumber(db, '26-NQ/TW'),
    }),
  ];
}
