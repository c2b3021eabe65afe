/** Every statement the seed runs: bulk COPY of units and versions, and the bookkeeping around it. */
import { type Kysely, sql } from 'kysely';
import type { CopyValue, Database } from '../../db/database.ts';
import type { DB } from '../../db/tables.ts';
import type { SeedUnit } from './seed.generator.ts';

/** Advisory lock key of the seed (the migrator uses 727_001). */
const SEED_LOCK_KEY = 727_002;

export async function hasAnyUnit(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

function* unitRows(units: Iterable<SeedUnit>): Generator<CopyValue[]> {
  for (const u of units) yield [u.id, u.code];
}

function* versionRows(units: Iterable<SeedUnit>, opId: number): Generator<CopyValue[]> {
  for (const u of units) yield [u.id, u.validFrom, u.parentId, u.name, u.kind, u.path, u.topId, opId];
}

export function copyUnits(database: Database, units: Iterable<SeedUnit>): Promise<number> {
  return database.copyRows('org_unit', ['id', 'code'], unitRows(units));
}

/** Open versions (valid_to NULL); their ids come from the identity sequence. */
export function copyVersions(database: Database, units: Iterable<SeedUnit>, opId: number): Promise<number> {
  return database.copyRows(
    'org_unit_version',
    ['unit_id', 'valid_from', 'parent_id', 'name', 'kind', 'path', 'top_id', 'op_id'],
    versionRows(units, opId),
  );
}

export async function insertSeedOperation(
  db: Kysely<DB>,
  op: { date: string; actor: string; summary: unknown },
): Promise<number> {
  const row = await db
    .insertInto('org_operation')
    .values({
      kind: 'seed',
      effective_date: op.date,
      decision_ref: null,
      actor: op.actor,
      summary: JSON.stringify(op.summary),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** COPY with explicit ids leaves the identity sequences behind; the next insert would collide. */
export async function resetIdentitySequences(db: Kysely<DB>): Promise<void> {
  for (const table of ['org_unit', 'org_unit_version', 'org_operation'] as const) {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), max_id)
      FROM (SELECT max(id) AS max_id FROM ${sql.table(table)}) AS m
      WHERE max_id IS NOT NULL`.execute(db);
  }
}

/**
 * Fresh statistics for the planner: after a bulk load it would otherwise guess (seq scans for
 * children lookups, seconds instead of milliseconds), and PGlite has no autovacuum to fix it later.
 */
export async function analyzeTree(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE org_operation, org_unit, org_unit_version`.execute(db);
}

/** Undoes a seed that failed half-way (COPY batches commit one by one), so it can be rerun. */
export async function removePartialSeed(
  db: Kysely<DB>,
  opId: number | null,
  maxUnitId: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (opId !== null) await tx.deleteFrom('org_unit_version').where('op_id', '=', opId).execute();
    // the tree was empty when the seed began, so units 1..maxUnitId without versions are its own
    await tx
      .deleteFrom('org_unit')
      .where('id', '<=', maxUnitId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('org_unit_version as v').select('v.id').whereRef('v.unit_id', '=', 'org_unit.id'),
          ),
        ),
      )
      .execute();
    if (opId !== null) await tx.deleteFrom('org_operation').where('id', '=', opId).execute();
  });
}

/**
 * Runs `work` while holding the seed's advisory lock, so two seeds started at once against the
 * same server cannot both find the tree empty. Returns undefined when another seed holds it.
 * PGlite has a single connection and a data-folder lock already, so it needs none.
 */
export async function withSeedLock<T>(
  database: Database,
  work: () => Promise<T>,
): Promise<{ value: T } | undefined> {
  if (database.kind !== 'postgres') return { value: await work() };
  return database.db.connection().execute(async (conn) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_lock(${SEED_LOCK_KEY}) AS locked`.execute(conn);
    if (!rows[0]?.locked) return undefined;
    try {
      return { value: await work() };
    } finally {
      await sql`SELECT pg_advisory_unlock(${SEED_LOCK_KEY})`.execute(conn);
    }
  });
}
