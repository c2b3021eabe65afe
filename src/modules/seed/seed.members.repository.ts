/** Every statement the member seed runs: bulk COPY of members and their histories, then the rollups. */
import { type Kysely, sql } from 'kysely';
import type { CopyValue, Database } from '../../db/database.ts';
import type { DB } from '../../db/tables.ts';
import type { SeedMember } from './seed.member-generator.ts';

export async function hasAnyMember(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('member').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

const MEMBER_COLUMNS = [
  'id',
  'full_name',
  'sort_key',
  'sex',
  'birth_date',
  'birth_date_precision',
  'birth_place',
  'hometown',
  'ethnicity',
  'religion',
  'national_id',
  'party_card_no',
  'admission_date',
  'official_date',
  'education',
  'qualification',
  'theory_level',
  'occupation',
  'standing',
  'state',
  'cell_id',
] as const;

function* memberRows(members: readonly SeedMember[]): Generator<CopyValue[]> {
  for (const m of members) {
    yield [
      m.id,
      m.fullName,
      m.sortKey,
      m.sex,
      m.birthDate,
      m.birthDatePrecision,
      m.birthPlace,
      m.hometown,
      m.ethnicity,
      m.religion,
      m.nationalId,
      m.partyCardNo,
      m.admissionDate,
      m.officialDate,
      m.education,
      m.qualification,
      m.theoryLevel,
      m.occupation,
      m.standing,
      m.state,
      m.cellId,
    ];
  }
}

function* membershipRows(members: readonly SeedMember[]): Generator<CopyValue[]> {
  for (const m of members) for (const s of m.memberships) yield [m.id, s.cellId, s.from, s.to];
}

function* transferRows(members: readonly SeedMember[]): Generator<CopyValue[]> {
  for (const m of members) {
    for (const t of m.transfers) {
      yield [m.id, 'official', t.fromCellId, t.toCellId, t.introductionDate, t.receivedDate];
    }
  }
}

function* eventRows(members: readonly SeedMember[], actor: string): Generator<CopyValue[]> {
  for (const m of members) {
    for (const e of m.events) yield [m.id, e.kind, e.date, e.decisionRef, actor, e.details];
  }
}

export interface CopiedMembers {
  members: number;
  memberships: number;
  transfers: number;
  events: number;
}

/** One chunk of members and their histories; history ids come from the identity sequences. */
export async function copyMembers(
  database: Database,
  members: readonly SeedMember[],
  actor: string,
): Promise<CopiedMembers> {
  // parents first: the histories reference the members
  const copied = await database.copyRows('member', MEMBER_COLUMNS, memberRows(members));
  const [memberships, transfers, events] = await Promise.all([
    database.copyRows(
      'membership',
      ['member_id', 'cell_id', 'valid_from', 'valid_to'],
      membershipRows(members),
    ),
    database.copyRows(
      'member_transfer',
      ['member_id', 'kind', 'from_cell_id', 'to_cell_id', 'introduction_date', 'received_date'],
      transferRows(members),
    ),
    database.copyRows(
      'member_event',
      ['member_id', 'kind', 'event_date', 'decision_ref', 'actor', 'details'],
      eventRows(members, actor),
    ),
  ]);
  return { members: copied, memberships, transfers, events };
}

/**
 * The rolled-up counts from scratch, each in one set-based statement: the cells through
 * `member_stat_rows` (the same function every change refreshes with), the provinces as a sum of
 * their cells.
 */
export async function fillMemberStats(db: Kysely<DB>): Promise<void> {
  await sql`DELETE FROM member_stat_top`.execute(db);
  await sql`DELETE FROM member_stat_cell`.execute(db);
  await sql`DELETE FROM member_stat_cell_top`.execute(db);
  // the ids are sent as a value, not as ARRAY(SELECT …): a constant lets PostgreSQL inline the
  // function and test membership with a hash, where a sub-select would scan the array per row
  const cells = await sql<{ id: number }>`SELECT DISTINCT cell_id AS id FROM member ORDER BY 1`.execute(db);
  const ids = cells.rows.map((r) => Number(r.id));
  await sql`INSERT INTO member_stat_cell (cell_id, dim, value, n)
    SELECT * FROM member_stat_rows(${ids}::int[])`.execute(db);
  await sql`INSERT INTO member_stat_cell_top (cell_id, top_id)
    SELECT v.unit_id, v.top_id FROM org_unit_version v
    WHERE v.valid_to IS NULL AND v.unit_id = ANY (${ids}::int[])`.execute(db);
  await sql`INSERT INTO member_stat_top (top_id, dim, value, n)
    SELECT t.top_id, s.dim, s.value, sum(s.n)::int FROM member_stat_cell s
    JOIN member_stat_cell_top t ON t.cell_id = s.cell_id WHERE t.top_id IS NOT NULL
    GROUP BY t.top_id, s.dim, s.value`.execute(db);
}

/** COPY with explicit member ids leaves the identity sequence behind; the next insert would collide. */
export async function resetMemberSequences(db: Kysely<DB>): Promise<void> {
  for (const table of ['member', 'membership', 'member_event', 'member_transfer'] as const) {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), max_id)
      FROM (SELECT max(id) AS max_id FROM ${sql.table(table)}) AS m
      WHERE max_id IS NOT NULL`.execute(db);
  }
}

export async function analyzeMembers(db: Kysely<DB>): Promise<void> {
  // VACUUM as well: it marks the pages all-visible, so the name walk of a search reads the index only
  await sql`VACUUM (ANALYZE) member, membership, member_event, member_transfer, member_stat_cell, member_stat_cell_top, member_stat_top`.execute(
    db,
  );
}

/** Undoes a member seed that failed half-way (COPY batches commit one by one); the registry was empty. */
export async function removeSeededMembers(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const table of [
      'member_stat_top',
      'member_stat_cell',
      'member_stat_cell_top',
      'member_event',
      'member_transfer',
      'membership',
      'member_badge',
      'member',
    ] as const) {
      await sql`DELETE FROM ${sql.table(table)}`.execute(tx);
    }
  });
}

const MEMBER_TABLES = ['member', 'membership', 'member_event', 'member_transfer'] as const;

/** How to put back what `dropLoadConstraints` took away. */
export interface DeferredConstraints {
  indexes: string[];
  constraints: string[];
}

/**
 * A bulk load into empty tables is several times faster without per-row index and foreign-key
 * upkeep (five reference checks per member, a trigram index, an exclusion constraint): the
 * secondary indexes and the foreign-key and exclusion constraints of the member tables are
 * dropped here, by their definitions read from the catalog, and rebuilt in one pass each by
 * `restoreLoadConstraints` — which also re-checks every row against them.
 */
export async function dropLoadConstraints(db: Kysely<DB>): Promise<DeferredConstraints> {
  const tables = sql.join(MEMBER_TABLES.map((t) => sql`${t}::regclass`));
  const constraints = await sql<{ name: string; table_name: string; definition: string }>`
    SELECT c.conname AS name, c.conrelid::regclass::text AS table_name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c WHERE c.conrelid IN (${tables}) AND c.contype IN ('f', 'x')
    ORDER BY c.conrelid, c.conname`.execute(db);
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i WHERE i.indrelid IN (${tables}) AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    ORDER BY i.indexrelid`.execute(db);
  const deferred: DeferredConstraints = { indexes: [], constraints: [] };
  for (const c of constraints.rows) {
    await sql`ALTER TABLE ${sql.raw(c.table_name)} DROP CONSTRAINT ${sql.id(c.name)}`.execute(db);
    deferred.constraints.push(`ALTER TABLE ${c.table_name} ADD CONSTRAINT "${c.name}" ${c.definition}`);
  }
  for (const i of indexes.rows) {
    await sql`DROP INDEX ${sql.raw(i.name)}`.execute(db);
    deferred.indexes.push(i.definition);
  }
  return deferred;
}

/** Rebuilds indexes and constraints, two at a time on a server (each build is single-threaded). */
export async function restoreLoadConstraints(
  database: Database,
  deferred: DeferredConstraints,
): Promise<void> {
  const run = async (statements: string[]) => {
    const queue = [...statements];
    const worker = async () => {
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) await sql.raw(s).execute(database.db);
    };
    await Promise.all(database.kind === 'postgres' ? [worker(), worker()] : [worker()]);
  };
  await run(deferred.indexes);
  await run(deferred.constraints);
}
