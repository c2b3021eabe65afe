/**
 * Every query of the organization tree. A version row holds on [valid_from, valid_to); "as of D"
 * is `valid_from <= D AND (valid_to IS NULL OR valid_to > D)`. Paths are ltree strings of unit ids.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;

export interface VersionRow {
  versionId: number;
  unitId: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  path: string;
  topId: number | null;
  validFrom: string;
  validTo: string | null;
}

const versionColumns = sql`v.id AS "versionId", v.unit_id AS "unitId", u.code, v.name, v.kind,
  v.parent_id AS "parentId", v.path::text AS path, v.top_id AS "topId",
  v.valid_from AS "validFrom", v.valid_to AS "validTo"`;

const asOf = (date: string) =>
  sql`v.valid_from <= ${date}::date AND (v.valid_to IS NULL OR v.valid_to > ${date}::date)`;

export async function findUnitId(q: Q, code: string): Promise<number | undefined> {
  const row = await q.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export async function findVersionAsOf(q: Q, unitId: number, date: string): Promise<VersionRow | undefined> {
  const result = await sql<VersionRow>`SELECT ${versionColumns}
    FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
    WHERE v.unit_id = ${unitId} AND ${asOf(date)}`.execute(q);
  return result.rows[0];
}

export async function findOpenVersion(q: Q, unitId: number): Promise<VersionRow | undefined> {
  const result = await sql<VersionRow>`SELECT ${versionColumns}
    FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
    WHERE v.unit_id = ${unitId} AND v.valid_to IS NULL`.execute(q);
  return result.rows[0];
}

/** First and last day the unit is known: when it began, and when its last version closed. */
export async function unitLifespan(
  q: Q,
  unitId: number,
): Promise<{ firstFrom: string; lastTo: string | null } | undefined> {
  const result = await sql<{ firstFrom: string; lastTo: string | null; open: boolean }>`
    SELECT min(valid_from) AS "firstFrom", max(valid_to) AS "lastTo", bool_or(valid_to IS NULL) AS open
    FROM org_unit_version WHERE unit_id = ${unitId}`.execute(q);
  const row = result.rows[0];
  if (!row?.firstFrom) return undefined;
  return { firstFrom: row.firstFrom, lastTo: row.open ? null : row.lastTo };
}

/** The latest date on which anything in the subtree of `path` (over all time) began or ended. */
export async function latestChangeInSubtree(q: Q, path: string): Promise<string | null> {
  const result = await sql<{ latest: string | null }>`
    SELECT max(greatest(v.valid_from, v.valid_to)) AS latest
    FROM org_unit_version v WHERE v.path <@ ${path}::ltree`.execute(q);
  return result.rows[0]?.latest ?? null;
}

/**
 * The top of the tree as the actor sees it: the units without a parent or, for a user whose
 * grants cover a subtree (row-level security hides the rest), those whose parent is hidden.
 */
export async function rootUnitIds(q: Q, date: string): Promise<number[]> {
  const result = await sql<{ unitId: number }>`SELECT v.unit_id AS "unitId" FROM org_unit_version v
    WHERE v.parent_id IS NULL AND ${asOf(date)} ORDER BY v.unit_id`.execute(q);
  if (result.rows.length > 0) return result.rows.map((r) => r.unitId);
  const visibleTops = await sql<{ unitId: number }>`SELECT v.unit_id AS "unitId" FROM org_unit_version v
    WHERE ${asOf(date)} AND NOT EXISTS (SELECT 1 FROM org_unit_version p
      WHERE p.unit_id = v.parent_id AND p.valid_from <= ${date}::date AND (p.valid_to IS NULL OR p.valid_to > ${date}::date))
    ORDER BY v.unit_id`.execute(q);
  return visibleTops.rows.map((r) => r.unitId);
}

export async function openRootCount(q: Q): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_unit_version
    WHERE parent_id IS NULL AND valid_to IS NULL`.execute(q);
  return result.rows[0]?.n ?? 0;
}

export async function versionsByUnitIdsAsOf(q: Q, unitIds: number[], date: string): Promise<VersionRow[]> {
  if (unitIds.length === 0) return [];
  const result = await sql<VersionRow>`SELECT ${versionColumns}
    FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
    WHERE v.unit_id = ANY(${unitIds}::int[]) AND ${asOf(date)}`.execute(q);
  return result.rows;
}

/** The subtree of `path` as of `date`, at most `maxDepth` levels below it (null: all). */
export async function subtreeAsOf(
  q: Q,
  path: string,
  date: string,
  maxDepth: number | null,
): Promise<VersionRow[]> {
  const depthFilter =
    maxDepth === null ? sql`TRUE` : sql`nlevel(v.path) <= nlevel(${path}::ltree) + ${maxDepth}::int`;
  const result = await sql<VersionRow>`SELECT ${versionColumns}
    FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
    WHERE v.path <@ ${path}::ltree AND ${asOf(date)} AND ${depthFilter}`.execute(q);
  return result.rows;
}

export async function childrenAsOf(
  q: Q,
  parentId: number,
  date: string,
): Promise<(VersionRow & { childCount: number })[]> {
  const result = await sql<VersionRow & { childCount: number }>`SELECT ${versionColumns},
      (SELECT count(*)::int FROM org_unit_version c
        WHERE c.parent_id = v.unit_id AND c.valid_from <= ${date}::date
          AND (c.valid_to IS NULL OR c.valid_to > ${date}::date)) AS "childCount"
    FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
    WHERE v.parent_id = ${parentId} AND ${asOf(date)}`.execute(q);
  return result.rows;
}

export async function countChildrenAsOf(q: Q, parentId: number, date: string): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_unit_version v
    WHERE v.parent_id = ${parentId} AND ${asOf(date)}`.execute(q);
  return result.rows[0]?.n ?? 0;
}

export async function countsByKindAsOf(q: Q, path: string, date: string): Promise<Record<string, number>> {
  const result = await sql<{ kind: string; n: number }>`SELECT v.kind, count(*)::int AS n
    FROM org_unit_version v WHERE v.path <@ ${path}::ltree AND ${asOf(date)} GROUP BY v.kind`.execute(q);
  return Object.fromEntries(result.rows.map((r) => [r.kind, r.n]));
}

function likePattern(token: string): string {
  return `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Units whose folded name contains every folded token, or whose code starts with the query; best
 * first: exact code, then trigram similarity, then the exact accented spelling. The two matches
 * are separate index-backed queries (trigram on the folded name, trigram on the code) joined by
 * UNION: an OR across the join would scan every version.
 */
export async function searchAsOf(
  q: Q,
  query: { text: string; foldedTokens: string[]; date: string; limit: number },
): Promise<(VersionRow & { score: number })[]> {
  const tokenFilters = query.foldedTokens.map((t) => sql`vn_fold(nv.name) LIKE ${likePattern(t)}`);
  const nameMatch = tokenFilters.length > 0 ? sql.join(tokenFilters, sql` AND `) : sql`FALSE`;
  const trimmed = query.text.trim();
  const codePrefix = `${trimmed.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await sql<VersionRow & { score: number }>`WITH matched AS (
      SELECT nv.id FROM org_unit_version nv WHERE ${nameMatch}
      UNION
      SELECT cv.id FROM org_unit cu JOIN org_unit_version cv ON cv.unit_id = cu.id WHERE lower(cu.code) LIKE ${codePrefix}
    )
    SELECT ${versionColumns},
      (CASE WHEN lower(u.code) = lower(${trimmed}) THEN 2 ELSE 0 END
        + similarity(vn_fold(v.name), vn_fold(${query.text}))
        + CASE WHEN v.name ILIKE ${likePattern(trimmed)} THEN 0.5 ELSE 0 END)::float8 AS score
    FROM matched JOIN org_unit_version v ON v.id = matched.id JOIN org_unit u ON u.id = v.unit_id
    WHERE ${asOf(query.date)}
    ORDER BY score DESC, v.name, u.code
    LIMIT ${query.limit}`.execute(q);
  return result.rows;
}

export async function codesOfUnits(q: Q, unitIds: number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await q.selectFrom('org_unit').select(['id', 'code']).where('id', 'in', unitIds).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function versionsOfUnit(q: Q, unitId: number): Promise<(VersionRow & { opId: number })[]> {
  const result = await sql<VersionRow & { opId: number }>`SELECT ${versionColumns}, v.op_id AS "opId"
    FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
    WHERE v.unit_id = ${unitId} ORDER BY v.valid_from, v.id`.execute(q);
  return result.rows;
}

export interface OperationRow {
  id: number;
  kind: string;
  date: string;
  decisionRef: string | null;
  actor: string;
  recordedAt: Date;
  summary: Record<string, unknown>;
}

/** Operations that touched the unit: opened or closed one of its versions, or linked its lineage. */
export async function operationsOfUnit(q: Q, unitId: number): Promise<OperationRow[]> {
  const result = await sql<OperationRow>`SELECT o.id, o.kind, o.effective_date AS date,
      o.decision_ref AS "decisionRef", o.actor, o.recorded_at AS "recordedAt", o.summary
    FROM org_operation o
    WHERE o.id IN (
      SELECT op_id FROM org_unit_version WHERE unit_id = ${unitId}
      UNION SELECT closed_by_op FROM org_unit_version WHERE unit_id = ${unitId} AND closed_by_op IS NOT NULL
      UNION SELECT op_id FROM org_lineage WHERE predecessor_id = ${unitId} OR successor_id = ${unitId})
    ORDER BY o.effective_date, o.id`.execute(q);
  return result.rows;
}

export interface LineageRow {
  operationId: number;
  relation: 'merged_into' | 'split_into';
  date: string;
  unitId: number;
  code: string;
  name: string;
  kind: string;
}

/** Direct lineage links; `direction` says whether the unit is the successor or the predecessor. */
export async function lineageOf(
  q: Q,
  unitId: number,
  direction: 'predecessors' | 'successors',
): Promise<LineageRow[]> {
  const [mine, other] =
    direction === 'predecessors' ? ['successor_id', 'predecessor_id'] : ['predecessor_id', 'successor_id'];
  const result = await sql<LineageRow>`SELECT l.op_id AS "operationId", l.relation, l.effective_date AS date,
      u.id AS "unitId", u.code, last.name, last.kind
    FROM org_lineage l
    JOIN org_unit u ON u.id = l.${sql.ref(other)}
    JOIN LATERAL (SELECT name, kind FROM org_unit_version WHERE unit_id = u.id
      ORDER BY valid_from DESC, id DESC LIMIT 1) last ON TRUE
    WHERE l.${sql.ref(mine)} = ${unitId}
    ORDER BY l.effective_date, u.code`.execute(q);
  return result.rows;
}

export async function insertOperation(
  q: Q,
  op: { kind: OperationRow['kind']; date: string; decisionRef: string | null; actor: string },
): Promise<number> {
  const result = await sql<{
    id: number;
  }>`INSERT INTO org_operation (kind, effective_date, decision_ref, actor)
    VALUES (${op.kind}, ${op.date}::date, ${op.decisionRef}, ${op.actor}) RETURNING id`.execute(q);
  return Number(result.rows[0]?.id);
}

export async function setOperationSummary(q: Q, opId: number, summary: unknown): Promise<void> {
  await sql`UPDATE org_operation SET summary = ${JSON.stringify(summary)}::jsonb WHERE id = ${opId}`.execute(
    q,
  );
}

export async function insertUnit(q: Q, code: string): Promise<number> {
  const row = await q.insertInto('org_unit').values({ code }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface NewVersion {
  unitId: number;
  validFrom: string;
  parentId: number | null;
  name: string;
  kind: string;
  /** Path of the parent (null for a root); the unit's own id is appended. */
  parentPath: string | null;
  /** Depth (0-based) of the committees directly under the Central: 1 under a central root, 0 otherwise. */
  topLevel: number;
  opId: number;
}

export async function insertVersion(q: Q, v: NewVersion): Promise<void> {
  const path = v.parentPath ? `${v.parentPath}.${v.unitId}` : String(v.unitId);
  const topId = path.split('.')[v.topLevel];
  await sql`INSERT INTO org_unit_version (unit_id, valid_from, parent_id, name, kind, path, top_id, op_id)
    VALUES (${v.unitId}, ${v.validFrom}::date, ${v.parentId}, ${v.name}, ${v.kind}, ${path}::ltree,
      ${topId === undefined ? null : Number(topId)}, ${v.opId})`.execute(q);
}

export async function closeVersion(q: Q, versionId: number, date: string, opId: number): Promise<void> {
  await sql`UPDATE org_unit_version SET valid_to = ${date}::date, closed_by_op = ${opId}
    WHERE id = ${versionId} AND valid_to IS NULL`.execute(q);
}

/**
 * Closes on `date` the open versions of a set of subtrees and writes their new versions under a
 * new prefix, in one statement. `scopePath` is the subtree touched; `cutLevels` labels are cut from
 * the front of each path and replaced by `newPrefix`; `childIds` (when given) keeps only the
 * subtrees of those direct children of `scopePath`, and `includeScopeRoot` whether the unit at
 * `scopePath` itself moves. Units whose parent is `reparentFrom` (or that are `reparentUnit`) get
 * `newParentId`. Returns the number of units re-versioned.
 */
export async function rebaseSubtree(
  q: Q,
  args: {
    scopePath: string;
    includeScopeRoot: boolean;
    childIds: number[] | null;
    cutLevels: number;
    newPrefix: string;
    reparent: { unitId: number } | { fromParentId: number };
    newParentId: number;
    /** Depth (0-based) of the committees directly under the Central: 1 under a central root, 0 otherwise. */
    topLevel: number;
    date: string;
    opId: number;
  },
): Promise<number> {
  const rootFilter = args.includeScopeRoot ? sql`TRUE` : sql`v.path <> ${args.scopePath}::ltree`;
  const childFilter =
    args.childIds === null
      ? sql`TRUE`
      : sql`subpath(v.path, nlevel(${args.scopePath}::ltree), 1)::text::int = ANY(${args.childIds}::int[])`;
  const reparentCase =
    'unitId' in args.reparent
      ? sql`CASE WHEN unit_id = ${args.reparent.unitId} THEN ${args.newParentId}::int ELSE parent_id END`
      : sql`CASE WHEN parent_id = ${args.reparent.fromParentId} THEN ${args.newParentId}::int ELSE parent_id END`;
  const result = await sql<{ n: number }>`WITH closed AS (
      UPDATE org_unit_version v SET valid_to = ${args.date}::date, closed_by_op = ${args.opId}
      WHERE v.valid_to IS NULL AND v.path <@ ${args.scopePath}::ltree AND ${rootFilter} AND ${childFilter}
      RETURNING v.unit_id, v.parent_id, v.name, v.kind, v.path, v.top_id
    ), inserted AS (
      INSERT INTO org_unit_version (unit_id, valid_from, parent_id, name, kind, path, top_id, op_id)
      SELECT unit_id, ${args.date}::date, ${reparentCase}, name, kind, new_path,
        CASE WHEN nlevel(new_path) > ${args.topLevel}::int THEN subpath(new_path, ${args.topLevel}::int, 1)::text::int END,
        ${args.opId}
      FROM (SELECT *, ${args.newPrefix}::ltree || subpath(path, ${args.cutLevels}::int) AS new_path FROM closed) c
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM inserted`.execute(q);
  return result.rows[0]?.n ?? 0;
}

export async function insertLineage(
  q: Q,
  link: {
    opId: number;
    predecessorId: number;
    successorId: number;
    relation: 'merged_into' | 'split_into';
    date: string;
  },
): Promise<void> {
  await q
    .insertInto('org_lineage')
    .values({
      op_id: link.opId,
      predecessor_id: link.predecessorId,
      successor_id: link.successorId,
      relation: link.relation,
      effective_date: link.date,
    })
    .execute();
}

export async function hasAnyUnit(q: Q): Promise<boolean> {
  const row = await q.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Refreshes the planner's statistics after a large reorganization (PGlite has no autovacuum). */
export async function analyzeTree(q: Q): Promise<void> {
  await sql`ANALYZE org_unit_version`.execute(q);
}
