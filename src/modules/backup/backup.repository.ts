/** The queries of backup and restore: is the target empty, and what does it hold. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;

/** Relations in the public schema: none in a database never migrated. */
export async function publicRelationCount(q: Q): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class c
    JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = 'public'`.execute(q);
  return result.rows[0]?.n ?? 0;
}

/** Row count of every table of the public schema, by name. */
export async function tableRowCounts(q: Q): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables
    WHERE schemaname = 'public' ORDER BY tablename`.execute(q);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)}`.execute(q);
    counts[name] = result.rows[0]?.n ?? 0;
  }
  return counts;
}
