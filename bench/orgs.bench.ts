/**
 * Benchmarks of the organization tree: seeding, subtree and as-of queries, counts, children,
 * search and a merge of two provinces — each beside a hand-written SQL baseline that does the
 * same work on the same data, so the ratio is the price of the service layer (validation, the
 * actor's transaction, shaping the result in JavaScript).
 */
import { sql } from 'kysely';
import { todayVn } from '../src/core/dates.ts';
import type { Database } from '../src/db/database.ts';
import { type Actor, dryRun } from '../src/db/transaction.ts';
import type { MergeOrgInput, OrgNode } from '../src/modules/orgs/orgs.schemas.ts';
import { getOrg, getTree, listChildren, mergeOrgs, searchOrgs } from '../src/modules/orgs/orgs.service.ts';
import type { SeedScale } from '../src/modules/seed/seed.generator.ts';
import { DEFAULT_SEED_DATE, seedOrgTree } from '../src/modules/seed/seed.service.ts';
import type { BenchCase } from './harness.ts';

export interface OrgBenchContext {
  database: Database;
  actor: Actor;
  scale: SeedScale;
  log: (line: string) => void;
  /** The database still holds the previous run's seed: do not seed again. */
  reuse?: boolean;
}

interface UnitRef {
  id: number;
  path: string;
  topId: number | null;
}

/** A date well before the 2025 reorganisation: only the long-standing part of the tree existed. */
const PAST = '2020-01-01';
/** Merges are dated after the seed, as a reorganisation recorded later would be. */
const MERGE_DATE = '2026-01-01';
const SEARCH = 'thôn Đông';

const fmt = (n: number) => n.toLocaleString('en-US');

function countNodes(node: OrgNode): number {
  let n = 1;
  for (const child of node.children) n += countNodes(child);
  return n;
}

async function unitByCode(database: Database, code: string): Promise<UnitRef> {
  const { rows } = await sql<{ id: number; path: string; top_id: number | null }>`
    SELECT v.unit_id AS id, v.path::text AS path, v.top_id
    FROM org_unit u JOIN org_unit_version v ON v.unit_id = u.id AND v.valid_to IS NULL
    WHERE u.code = ${code}`.execute(database.db);
  const row = rows[0];
  if (!row) throw new Error(`bench: no open unit with code ${code}`);
  return { id: row.id, path: row.path, topId: row.top_id };
}

/** The subtree as of a date by walking parent_id, the textbook way (no ltree). */
async function recursiveSubtree(database: Database, rootId: number, date: string): Promise<number> {
  const { rows } = await sql<{
    unit_id: number;
    parent_id: number | null;
    name: string;
    kind: string;
    code: string;
  }>`
    WITH RECURSIVE t AS (
      SELECT v.unit_id, v.parent_id, v.name, v.kind FROM org_unit_version v
      WHERE v.unit_id = ${rootId} AND v.valid_from <= ${date}::date AND (v.valid_to IS NULL OR v.valid_to > ${date}::date)
      UNION ALL
      SELECT c.unit_id, c.parent_id, c.name, c.kind FROM org_unit_version c JOIN t ON c.parent_id = t.unit_id
      WHERE c.valid_from <= ${date}::date AND (c.valid_to IS NULL OR c.valid_to > ${date}::date)
    )
    SELECT t.unit_id, t.parent_id, t.name, t.kind, u.code FROM t JOIN org_unit u ON u.id = t.unit_id`.execute(
    database.db,
  );
  return rows.length;
}

async function countsByKind(database: Database, path: string, date: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ kind: string; n: number }>`
    SELECT kind, count(*)::int AS n FROM org_unit_version
    WHERE path <@ ${path}::ltree AND valid_from <= ${date}::date AND (valid_to IS NULL OR valid_to > ${date}::date)
    GROUP BY kind`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** What a merge does, written by hand: close the source subtree, re-version it under the target. */
async function handMerge(
  database: Database,
  actor: Actor,
  source: UnitRef,
  target: UnitRef,
): Promise<number> {
  return dryRun(database.db, actor, async (tx) => {
    const op = await sql<{ id: number }>`INSERT INTO org_operation (kind, effective_date, actor)
      VALUES ('merge', ${MERGE_DATE}::date, ${actor.id}) RETURNING id`.execute(tx);
    const opId = op.rows[0]?.id;
    const moved = await sql<{ n: number }>`WITH closed AS (
        UPDATE org_unit_version SET valid_to = ${MERGE_DATE}::date, closed_by_op = ${opId}
        WHERE valid_to IS NULL AND path <@ ${source.path}::ltree
        RETURNING unit_id, parent_id, name, kind, path
      ), inserted AS (
        INSERT INTO org_unit_version (unit_id, valid_from, parent_id, name, kind, path, top_id, op_id)
        SELECT unit_id, ${MERGE_DATE}::date,
          CASE WHEN parent_id = ${source.id}::int THEN ${target.id}::int ELSE parent_id END,
          name, kind, ${target.path}::ltree || subpath(path, nlevel(${source.path}::ltree)), ${target.topId}::int, ${opId}
        FROM closed WHERE unit_id <> ${source.id}::int
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM inserted`.execute(tx);
    await sql`INSERT INTO org_lineage (op_id, predecessor_id, successor_id, relation, effective_date)
      VALUES (${opId}, ${source.id}, ${target.id}, 'merged_into', ${MERGE_DATE}::date)`.execute(tx);
    return moved.rows[0]?.n ?? 0;
  });
}

/** Server-side generation of as many rows into twins of the tables (same indexes, constraints, keys). */
async function generatedSeed(database: Database, units: number, opId: number): Promise<void> {
  const { db } = database;
  await sql`DROP TABLE IF EXISTS bench_seed_version, bench_seed_unit`.execute(db);
  await sql`CREATE TABLE bench_seed_unit (LIKE org_unit INCLUDING ALL)`.execute(db);
  await sql`CREATE TABLE bench_seed_version (LIKE org_unit_version INCLUDING ALL)`.execute(db);
  await sql`ALTER TABLE bench_seed_version
    ADD FOREIGN KEY (unit_id) REFERENCES bench_seed_unit (id),
    ADD FOREIGN KEY (parent_id) REFERENCES bench_seed_unit (id),
    ADD FOREIGN KEY (op_id) REFERENCES org_operation (id)`.execute(db);
  try {
    await sql`INSERT INTO bench_seed_unit (id, code)
      SELECT g, 'B.' || g FROM generate_series(1, ${units}::int) g`.execute(db);
    // paths of the same depth as the seeded tree (root.top.grassroots.cell), parents before children
    await sql`INSERT INTO bench_seed_version (unit_id, valid_from, parent_id, name, kind, path, top_id, op_id)
      SELECT g, ${DEFAULT_SEED_DATE}::date, CASE WHEN g > 1 THEN greatest(1, g / 6) END,
        'Chi bộ thôn ' || g, 'cell',
        text2ltree('1.' || (2 + g % 40) || '.' || (g / 6) || '.' || g), 2 + g % 40, ${opId}::int
      FROM generate_series(1, ${units}::int) g`.execute(db);
  } finally {
    await sql`DROP TABLE IF EXISTS bench_seed_version, bench_seed_unit`.execute(db);
  }
}

export function orgBenchCases(ctx: OrgBenchContext): BenchCase[] {
  const { database, actor, scale } = ctx;
  const national = scale === 'national';
  const runs = national ? 7 : 15;
  const today = todayVn();
  const province = 'HN';
  // two provinces at national scale; the single province of demo/province has intermediates only
  const merge: { from: string; into: string; label: string } = national
    ? { from: 'TH', into: 'NA', label: 'merge 2 provinces (TH into NA)' }
    : { from: 'HN.005', into: 'HN.002', label: 'merge 2 intermediates (HN.005 into HN.002)' };
  const mergeInput: MergeOrgInput = {
    fromCodes: [merge.from],
    intoCode: merge.into,
    date: MERGE_DATE,
    decisionRef: '01-QĐ/BENCH',
  };
  let seededUnits = 0;
  let seedOpId = 0;
  let root: UnitRef = { id: 0, path: '', topId: null };
  let hanoi: UnitRef = root;
  let mergeSource: UnitRef = root;
  let mergeTarget: UnitRef = root;

  const refs = async () => {
    root = await unitByCode(database, 'TW');
    hanoi = await unitByCode(database, province);
    mergeSource = await unitByCode(database, merge.from);
    mergeTarget = await unitByCode(database, merge.into);
  };

  const seedCase: BenchCase = {
    id: 'seed',
    operation: `seed --scale ${scale}`,
    size: '',
    runs: 1,
    warmup: 0,
    run: async () => {
      if (ctx.reuse) {
        const { rows } = await sql<{ n: number; op: number | null }>`SELECT count(*)::int AS n,
            (SELECT min(id) FROM org_operation WHERE kind = 'seed') AS op FROM org_unit`.execute(database.db);
        seededUnits = rows[0]?.n ?? 0;
        seedOpId = rows[0]?.op ?? 0;
        seedCase.size = `${fmt(seededUnits)} units (reused)`;
        await refs();
        return;
      }
      const started = performance.now();
      // the tree only: members are seeded (and timed) by the member benchmarks
      const result = await seedOrgTree(database, actor, {
        scale,
        members: false,
        onProgress: (done) => ctx.log(`bench: seed ${fmt(done)} rows`),
      });
      const seconds = (performance.now() - started) / 1000;
      seededUnits = result.units;
      seedOpId = result.operationId;
      seedCase.size = `${fmt(result.units)} units, ${fmt(Math.round(result.units / seconds))} units/s`;
      await refs();
    },
    ...(ctx.reuse
      ? {}
      : {
          baseline: {
            label: 'INSERT…SELECT generate_series, same rows/indexes',
            run: () => generatedSeed(database, seededUnits, seedOpId),
          },
        }),
  };

  const cases: BenchCase[] = [seedCase];

  const children: BenchCase = {
    id: 'children',
    operation: `listChildren ${province}`,
    size: '',
    runs,
    warmup: 1,
    prepare: async () => {
      children.size = `${fmt((await listChildren(database, actor, province)).length)} children`;
    },
    run: () => listChildren(database, actor, province),
    baseline: {
      label: 'SELECT children + child counts',
      run: () =>
        sql`SELECT u.code, v.name, v.kind, v.valid_from,
            (SELECT count(*) FROM org_unit_version c WHERE c.parent_id = v.unit_id AND c.valid_to IS NULL) AS child_count
          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
          WHERE v.parent_id = ${hanoi.id} AND v.valid_to IS NULL
          ORDER BY v.name`.execute(database.db),
    },
  };

  const countsProvince: BenchCase = {
    id: 'counts-province',
    operation: `getOrg ${province} (counts by kind)`,
    size: '',
    runs,
    warmup: 1,
    prepare: async () => {
      const counts = (await getOrg(database, actor, province)).countsByKind;
      countsProvince.size = `${fmt(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0))} units in subtree`;
    },
    run: () => getOrg(database, actor, province),
    baseline: { label: 'GROUP BY kind over path <@', run: () => countsByKind(database, hanoi.path, today) },
  };

  const countsRoot: BenchCase = {
    id: 'counts-root',
    operation: 'getOrg TW (counts by kind)',
    size: '',
    runs,
    warmup: 1,
    prepare: async () => {
      countsRoot.size = `${fmt(seededUnits)} units in subtree`;
    },
    run: () => getOrg(database, actor, 'TW'),
    baseline: {
      label: 'SELECT kind, count(*) open versions',
      run: () =>
        sql`SELECT kind, count(*)::int AS n FROM org_unit_version
          WHERE valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to > ${today}::date)
          GROUP BY kind`.execute(database.db),
    },
  };

  const search: BenchCase = {
    id: 'search',
    operation: `searchOrgs "${SEARCH}" (limit 20)`,
    size: '',
    runs,
    warmup: 1,
    prepare: async () => {
      search.size = `${fmt(seededUnits)} names`;
    },
    run: () => searchOrgs(database, actor, { q: SEARCH, limit: 20 }),
    baseline: {
      label: 'vn_fold(name) LIKE, open, LIMIT 20',
      run: () =>
        sql`SELECT u.code, v.name, v.kind FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
          WHERE vn_fold(v.name) LIKE ${'%thon dong%'} AND v.valid_to IS NULL
          ORDER BY similarity(vn_fold(v.name), ${'thon dong'}) DESC LIMIT 20`.execute(database.db),
    },
  };

  const subtreeProvince: BenchCase = {
    id: 'subtree-province',
    operation: `getTree ${province} (today)`,
    size: '',
    runs,
    warmup: 1,
    prepare: async () => {
      subtreeProvince.size = `${fmt(countNodes((await getTree(database, actor, { code: province })).root))} units`;
    },
    run: () => getTree(database, actor, { code: province }),
    baseline: {
      label: 'recursive CTE over parent_id',
      run: () => recursiveSubtree(database, hanoi.id, today),
    },
  };

  const asOf: BenchCase = {
    id: 'as-of',
    operation: `getTree ${province} as of ${PAST}`,
    size: '',
    runs,
    warmup: 1,
    prepare: async () => {
      asOf.size = `${fmt(countNodes((await getTree(database, actor, { code: province, asOf: PAST })).root))} units`;
    },
    run: () => getTree(database, actor, { code: province, asOf: PAST }),
    baseline: {
      label: 'recursive CTE over parent_id',
      run: () => recursiveSubtree(database, hanoi.id, PAST),
    },
  };

  const subtreeRoot: BenchCase = {
    id: 'subtree-root',
    operation: 'getTree TW (today, whole tree)',
    size: '',
    runs: national ? 3 : runs,
    warmup: 1,
    prepare: async () => {
      subtreeRoot.size = `${fmt(seededUnits)} units`;
    },
    run: () => getTree(database, actor, {}),
    baseline: {
      label: 'recursive CTE over parent_id',
      run: () => recursiveSubtree(database, root.id, today),
    },
  };

  const mergePreview: BenchCase = {
    id: 'merge-preview',
    operation: `${merge.label}, preview`,
    size: '',
    runs: national ? 3 : runs,
    warmup: 1,
    prepare: async () => {
      const result = await mergeOrgs(database, actor, mergeInput, { preview: true });
      mergePreview.size = `${fmt(result.unitsAffected)} units re-versioned`;
    },
    run: () => mergeOrgs(database, actor, mergeInput, { preview: true }),
    baseline: {
      label: 'UPDATE…RETURNING + INSERT, rolled back',
      run: () => handMerge(database, actor, mergeSource, mergeTarget),
    },
  };

  // last: it changes the tree
  const mergeApply: BenchCase = {
    id: 'merge-apply',
    operation: `${merge.label}, applied (one transaction)`,
    size: '',
    runs: 1,
    warmup: 0,
    run: async () => {
      const result = await mergeOrgs(database, actor, mergeInput);
      mergeApply.size = `${fmt(result.unitsAffected)} units re-versioned`;
    },
    baseline: {
      label: 'UPDATE…RETURNING + INSERT, rolled back',
      run: () => handMerge(database, actor, mergeSource, mergeTarget),
    },
    baselineFirst: true,
  };

  cases.push(
    children,
    countsProvince,
    countsRoot,
    search,
    subtreeProvince,
    asOf,
    subtreeRoot,
    mergePreview,
    mergeApply,
  );
  return cases;
}
