/**
 * Use cases of the organization tree. Each call runs in one transaction with an actor;
 * reorganizations are dated operations that close versions and open new ones, so the tree as of
 * any earlier date is never changed. A preview runs the same code and rolls back.
 */
import { requireDate, todayVn } from '../../core/dates.ts';
import { canBeChildOf, holdsMembers, type OrgKind } from '../../core/org-kinds.ts';
import { sizeWarnings } from '../../core/org-size-rules.ts';
import { isWithin } from '../../core/unit-paths.ts';
import { parseInput } from '../../core/validation.ts';
import { foldVn, titleSortKey } from '../../core/vn-text.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, dryRun, inTransaction, type Tx } from '../../db/transaction.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as members from '../members/members.service.ts';
import { orgErrors } from './orgs.errors.ts';
import * as repo from './orgs.repository.ts';
import {
  type CreateOrgInput,
  createOrgInputSchema,
  type DissolveOrgInput,
  dissolveOrgInputSchema,
  type MergeOrgInput,
  type MoveOrgInput,
  mergeOrgInputSchema,
  moveOrgInputSchema,
  type OperationResult,
  type OrgDetail,
  type OrgHistory,
  type OrgKindValue,
  type OrgNode,
  type OrgSearchResult,
  type OrgSummary,
  type OrgTree,
  type RenameOrgInput,
  renameOrgInputSchema,
  type SplitOrgInput,
  splitOrgInputSchema,
} from './orgs.schemas.ts';

type VersionRow = repo.VersionRow;

export interface OperationOptions {
  /** Compute the effect and roll it back. */
  preview?: boolean;
}

function resolveAsOf(asOf: string | undefined): string {
  return asOf === undefined || asOf === '' ? todayVn() : requireDate(asOf, 'asOf');
}

const ref = (v: VersionRow) => ({ code: v.code, name: v.name, kind: v.kind as OrgKindValue });
const labelsOf = (path: string) => path.split('.').map(Number);
const parentPathOf = (path: string) => path.split('.').slice(0, -1).join('.') || null;

/** Sorts units by name the Vietnamese way (then by code), computing each name's key once. */
function sortByVietnameseName<T extends { name: string; code: string }>(units: T[]): T[] {
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = titleSortKey(name);
      keys.set(name, key);
    }
    return key;
  };
  const keyed = units.map((unit) => ({ unit, key: keyOf(unit.name) }));
  keyed.sort((a, b) =>
    a.key < b.key
      ? -1
      : a.key > b.key
        ? 1
        : a.unit.code < b.unit.code
          ? -1
          : a.unit.code > b.unit.code
            ? 1
            : 0,
  );
  return keyed.map((k) => k.unit);
}

/** The version of `code` on `date`, or a clear error saying why there is none. */
async function requireVersionOn(tx: Tx, code: string, date: string, field = 'code'): Promise<VersionRow> {
  const unitId = await repo.findUnitId(tx, code);
  if (unitId === undefined) throw orgErrors.notFound(code, field);
  const version = await repo.findVersionAsOf(tx, unitId, date);
  if (version) return version;
  const span = await repo.unitLifespan(tx, unitId);
  if (span && span.firstFrom > date) throw orgErrors.notYetExisting(code, date, span.firstFrom);
  throw orgErrors.noLongerExisting(code, date, span?.lastTo ?? date);
}

/** The unit's version on `date`, which must also be its current one (no later change recorded). */
async function requireCurrentOn(tx: Tx, code: string, date: string, field = 'code'): Promise<VersionRow> {
  const version = await requireVersionOn(tx, code, date, field);
  if (version.validTo !== null) throw orgErrors.laterChangeExists(code, date, version.validTo);
  return version;
}

/**
 * A unit that receives a child on `date`: it must exist then and stand where it stands today (a
 * later rename is fine; a later move would put the child's path out of step with its parent).
 */
async function requireParentOn(tx: Tx, code: string, date: string, field: string): Promise<VersionRow> {
  const version = await requireVersionOn(tx, code, date, field);
  if (version.validTo === null) return version;
  const current = await repo.findOpenVersion(tx, version.unitId);
  if (!current || current.path !== version.path)
    throw orgErrors.laterChangeExists(code, date, version.validTo);
  return current;
}

/** Refuses an operation dated before a change already recorded anywhere in the unit's subtree. */
async function requireNoLaterChangeInSubtree(tx: Tx, version: VersionRow, date: string): Promise<void> {
  const latest = await repo.latestChangeInSubtree(tx, version.path);
  if (latest !== null && latest > date) throw orgErrors.laterChangeExists(version.code, date, latest);
}

/** 1 when the tree's root is the Central (committees under it sit at depth 1), else 0. */
async function topLevelOf(tx: Tx, path: string, date: string): Promise<number> {
  const rootId = labelsOf(path)[0] as number;
  const [root] = await repo.versionsByUnitIdsAsOf(tx, [rootId], date);
  return root?.kind === 'central' ? 1 : 0;
}

function requireChildKindAllowed(child: string, parent: string | null, field = 'kind'): void {
  if (!canBeChildOf(child as OrgKind, parent as OrgKind | null))
    throw orgErrors.kindNotAllowed(child, parent, field);
}

function emptyResult(
  kind: OperationResult['kind'],
  date: string,
  decisionRef: string | undefined,
): OperationResult {
  return {
    applied: true,
    operationId: null,
    kind,
    date,
    decisionRef: decisionRef ?? null,
    created: [],
    closed: [],
    renamed: [],
    movedUnits: [],
    unitsAffected: 0,
    membersMoved: 0,
  };
}

/** Past this many re-versioned units, the planner's statistics are refreshed with the operation. */
const LARGE_OPERATION = 1000;

async function runOperation(
  database: Database,
  actor: Actor,
  options: OperationOptions,
  work: (tx: Tx) => Promise<OperationResult>,
): Promise<OperationResult> {
  if (options.preview) {
    const result = await dryRun(database.db, actor, work);
    return { ...result, applied: false, operationId: null };
  }
  return inTransaction(database.db, actor, async (tx) => {
    const result = await work(tx);
    await recordSummary(tx, result);
    await recordAudit(tx, {
      action: `org.${result.kind}`,
      entity: 'org_operation',
      ids: result.operationId === null ? [] : [result.operationId],
      details: { date: result.date, unitsAffected: result.unitsAffected, membersMoved: result.membersMoved },
    });
    if (result.unitsAffected >= LARGE_OPERATION) await repo.analyzeTree(tx);
    return result;
  });
}

async function recordSummary(tx: Tx, result: OperationResult): Promise<void> {
  const { applied: _applied, operationId: _id, ...summary } = result;
  if (result.operationId !== null) await repo.setOperationSummary(tx, result.operationId, summary);
}

async function startOperation(
  tx: Tx,
  actor: Actor,
  kind: OperationResult['kind'],
  input: { date: string; decisionRef?: string },
): Promise<{ opId: number; result: OperationResult }> {
  const opId = await repo.insertOperation(tx, {
    kind,
    date: input.date,
    decisionRef: input.decisionRef ?? null,
    actor: actor.id,
  });
  return { opId, result: { ...emptyResult(kind, input.date, input.decisionRef), operationId: opId } };
}

// ——— Queries ———

export async function getTree(
  database: Database,
  actor: Actor,
  query: { code?: string; asOf?: string; depth?: number },
): Promise<OrgTree> {
  const date = resolveAsOf(query.asOf);
  return inTransaction(database.db, actor, async (tx) => {
    let root: VersionRow;
    if (query.code) {
      root = await requireVersionOn(tx, query.code, date, 'org');
    } else {
      const roots = await repo.rootUnitIds(tx, date);
      if (roots.length !== 1) throw orgErrors.ambiguousRoot();
      const [only] = await repo.versionsByUnitIdsAsOf(tx, roots, date);
      if (!only) throw orgErrors.ambiguousRoot();
      root = only;
    }
    const rows = await repo.subtreeAsOf(tx, root.path, date, query.depth ?? null);
    const sorted = sortByVietnameseName(rows);
    const nodes = new Map<number, OrgNode>();
    for (const row of sorted) nodes.set(row.unitId, { ...ref(row), children: [] });
    // rows are in name order, so every children list fills in order
    for (const row of sorted) {
      if (row.unitId === root.unitId || row.parentId === null) continue;
      const node = nodes.get(row.unitId);
      if (node) nodes.get(row.parentId)?.children.push(node);
    }
    const rootNode = nodes.get(root.unitId);
    if (!rootNode) throw orgErrors.notFound(root.code);
    return { asOf: date, root: rootNode };
  });
}

export async function getOrg(
  database: Database,
  actor: Actor,
  code: string,
  asOf?: string,
): Promise<OrgDetail> {
  const date = resolveAsOf(asOf);
  return inTransaction(database.db, actor, async (tx) => {
    const version = await requireVersionOn(tx, code, date);
    const ancestorIds = labelsOf(version.path).slice(0, -1);
    const ancestors = await repo.versionsByUnitIdsAsOf(tx, ancestorIds, date);
    ancestors.sort((a, b) => a.path.length - b.path.length);
    const parent = ancestors.find((a) => a.unitId === version.parentId);
    return {
      ...ref(version),
      asOf: date,
      validFrom: version.validFrom,
      validTo: version.validTo,
      parent: parent ? ref(parent) : null,
      ancestors: ancestors.map(ref),
      childCount: await repo.countChildrenAsOf(tx, version.unitId, date),
      countsByKind: await repo.countsByKindAsOf(tx, version.path, date),
      warnings: holdsMembers(version.kind as OrgKind)
        ? sizeWarnings(version.kind as OrgKind, await members.cellSize(tx, version.unitId))
        : [],
    };
  });
}

export async function listChildren(
  database: Database,
  actor: Actor,
  code: string,
  asOf?: string,
): Promise<OrgSummary[]> {
  const date = resolveAsOf(asOf);
  return inTransaction(database.db, actor, async (tx) => {
    const version = await requireVersionOn(tx, code, date);
    const children = await repo.childrenAsOf(tx, version.unitId, date);
    return sortByVietnameseName(
      children.map((c) => ({
        ...ref(c),
        parentCode: version.code,
        validFrom: c.validFrom,
        childCount: c.childCount,
      })),
    );
  });
}

export async function searchOrgs(
  database: Database,
  actor: Actor,
  query: { q: string; asOf?: string; limit?: number },
): Promise<OrgSearchResult[]> {
  const date = resolveAsOf(query.asOf);
  const tokens = foldVn(query.q).split(' ').filter(Boolean);
  if (tokens.length === 0) return [];
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 200);
  return inTransaction(database.db, actor, async (tx) => {
    const rows = await repo.searchAsOf(tx, {
      text: query.q.normalize('NFC'),
      foldedTokens: tokens,
      date,
      limit,
    });
    const ancestorIds = [...new Set(rows.flatMap((r) => labelsOf(r.path).slice(0, -1)))];
    const names = new Map(
      (await repo.versionsByUnitIdsAsOf(tx, ancestorIds, date)).map((v) => [v.unitId, v.name]),
    );
    return rows.map((r) => ({
      ...ref(r),
      validFrom: r.validFrom,
      ancestors: labelsOf(r.path)
        .slice(0, -1)
        .map((id) => names.get(id) ?? ''),
    }));
  });
}

export async function getHistory(database: Database, actor: Actor, code: string): Promise<OrgHistory> {
  return inTransaction(database.db, actor, async (tx) => {
    const unitId = await repo.findUnitId(tx, code);
    if (unitId === undefined) throw orgErrors.notFound(code);
    const versions = await repo.versionsOfUnit(tx, unitId);
    const parentCodes = await repo.codesOfUnits(tx, [
      ...new Set(versions.map((v) => v.parentId).filter((id): id is number => id !== null)),
    ]);
    const operations = await repo.operationsOfUnit(tx, unitId);
    const link = (l: repo.LineageRow) => ({
      code: l.code,
      name: l.name,
      kind: l.kind as OrgKindValue,
      relation: l.relation,
      date: l.date,
      operationId: Number(l.operationId),
    });
    return {
      code,
      versions: versions.map((v) => ({
        validFrom: v.validFrom,
        validTo: v.validTo,
        name: v.name,
        kind: v.kind as OrgKindValue,
        parentCode: v.parentId === null ? null : (parentCodes.get(v.parentId) ?? null),
        operationId: Number(v.opId),
      })),
      operations: operations.map((o) => ({
        id: Number(o.id),
        kind: o.kind as OperationResult['kind'],
        date: o.date,
        decisionRef: o.decisionRef,
        actor: o.actor,
        recordedAt: new Date(o.recordedAt).toISOString(),
        summary: o.summary,
      })),
      lineage: {
        predecessors: (await repo.lineageOf(tx, unitId, 'predecessors')).map(link),
        successors: (await repo.lineageOf(tx, unitId, 'successors')).map(link),
      },
    };
  });
}

/** A unit as of a date inside another module's transaction; undefined when it did not exist then. */
export async function findUnitInTransaction(
  tx: Tx,
  code: string,
  date: string,
): Promise<{ unitId: number; code: string; name: string; kind: string; path: string } | undefined> {
  const unitId = await repo.findUnitId(tx, code);
  return unitId === undefined ? undefined : repo.findVersionAsOf(tx, unitId, date);
}

/** True before the first unit is created (first start: the demo tree may be seeded). */
export async function isTreeEmpty(database: Database, actor: Actor): Promise<boolean> {
  return inTransaction(database.db, actor, async (tx) => !(await repo.hasAnyUnit(tx)));
}

// ——— Reorganizations ———

export async function createOrg(
  database: Database,
  actor: Actor,
  raw: CreateOrgInput,
  options: OperationOptions = {},
): Promise<OperationResult> {
  const input = parseInput(createOrgInputSchema, raw);
  requireDate(input.date, 'date');
  return runOperation(database, actor, options, (tx) => createOrgWork(tx, actor, input));
}

/** The same inside a caller's transaction (an organization file is imported in one). */
export async function createOrgInTransaction(
  tx: Tx,
  actor: Actor,
  raw: CreateOrgInput,
): Promise<OperationResult> {
  const input = parseInput(createOrgInputSchema, raw);
  requireDate(input.date, 'date');
  const result = await createOrgWork(tx, actor, input);
  await recordSummary(tx, result);
  return result;
}

async function createOrgWork(tx: Tx, actor: Actor, input: CreateOrgInput): Promise<OperationResult> {
  if ((await repo.findUnitId(tx, input.code)) !== undefined) throw orgErrors.codeTaken(input.code);
  let parent: VersionRow | undefined;
  if (input.parentCode) {
    parent = await requireParentOn(tx, input.parentCode, input.date, 'parentCode');
    requireChildKindAllowed(input.kind, parent.kind);
  } else {
    if ((await repo.openRootCount(tx)) > 0) throw orgErrors.rootExists();
    requireChildKindAllowed(input.kind, null);
  }
  const { opId, result } = await startOperation(tx, actor, 'create', input);
  const unitId = await repo.insertUnit(tx, input.code);
  await repo.insertVersion(tx, {
    unitId,
    validFrom: input.date,
    parentId: parent?.unitId ?? null,
    name: input.name,
    kind: input.kind,
    parentPath: parent?.path ?? null,
    topLevel: parent ? await topLevelOf(tx, parent.path, input.date) : input.kind === 'central' ? 1 : 0,
    opId,
  });
  result.created.push({ code: input.code, name: input.name, kind: input.kind });
  result.unitsAffected = 1;
  return result;
}

export async function renameOrg(
  database: Database,
  actor: Actor,
  raw: RenameOrgInput,
  options: OperationOptions = {},
): Promise<OperationResult> {
  const input = parseInput(renameOrgInputSchema, raw);
  requireDate(input.date, 'date');
  return runOperation(database, actor, options, async (tx) => {
    const version = await requireCurrentOn(tx, input.code, input.date);
    if (version.name === input.name) throw orgErrors.sameName(input.code);
    const { opId, result } = await startOperation(tx, actor, 'rename', input);
    await reversion(tx, version, { name: input.name }, input.date, opId);
    result.renamed.push({ code: input.code, from: version.name, to: input.name });
    result.unitsAffected = 1;
    return result;
  });
}

/** Closes the unit's current version and opens one with the changed name or kind, same place. */
async function reversion(
  tx: Tx,
  version: VersionRow,
  change: { name?: string; kind?: string },
  date: string,
  opId: number,
): Promise<void> {
  await repo.closeVersion(tx, version.versionId, date, opId);
  await repo.insertVersion(tx, {
    unitId: version.unitId,
    validFrom: date,
    parentId: version.parentId,
    name: change.name ?? version.name,
    kind: change.kind ?? version.kind,
    parentPath: parentPathOf(version.path),
    topLevel: await topLevelOf(tx, version.path, date),
    opId,
  });
}

export async function moveOrg(
  database: Database,
  actor: Actor,
  raw: MoveOrgInput,
  options: OperationOptions = {},
): Promise<OperationResult> {
  const input = parseInput(moveOrgInputSchema, raw);
  requireDate(input.date, 'date');
  return runOperation(database, actor, options, async (tx) => {
    const unit = await requireCurrentOn(tx, input.code, input.date);
    const parent = await requireParentOn(tx, input.toParentCode, input.date, 'toParentCode');
    if (isWithin(parent.path, unit.path)) throw orgErrors.cycle(input.code, input.toParentCode);
    if (unit.parentId === parent.unitId) throw orgErrors.sameParent(input.code);
    requireChildKindAllowed(unit.kind, parent.kind, 'toParentCode');
    await requireNoLaterChangeInSubtree(tx, unit, input.date);
    const { opId, result } = await startOperation(tx, actor, 'move', input);
    const fromParent =
      unit.parentId === null ? [] : await repo.versionsByUnitIdsAsOf(tx, [unit.parentId], input.date);
    result.unitsAffected = await repo.rebaseSubtree(tx, {
      scopePath: unit.path,
      includeScopeRoot: true,
      childIds: null,
      cutLevels: labelsOf(unit.path).length - 1,
      newPrefix: parent.path,
      reparent: { unitId: unit.unitId },
      newParentId: parent.unitId,
      topLevel: await topLevelOf(tx, parent.path, input.date),
      date: input.date,
      opId,
    });
    result.movedUnits.push({
      code: unit.code,
      name: unit.name,
      fromParentCode: fromParent[0]?.code ?? null,
      toParentCode: parent.code,
    });
    await members.moveStatsUnder(tx, `${parent.path}.${unit.unitId}`);
    return result;
  });
}

/** Moves every child of `source` (or those in `childIds`) with its subtree under `target`. */
async function moveChildren(
  tx: Tx,
  source: VersionRow,
  target: { unitId: number; code: string; path: string },
  children: VersionRow[],
  date: string,
  opId: number,
  result: OperationResult,
): Promise<void> {
  if (children.length === 0) return;
  result.unitsAffected += await repo.rebaseSubtree(tx, {
    scopePath: source.path,
    includeScopeRoot: false,
    childIds: children.map((c) => c.unitId),
    cutLevels: labelsOf(source.path).length,
    newPrefix: target.path,
    reparent: { fromParentId: source.unitId },
    newParentId: target.unitId,
    topLevel: await topLevelOf(tx, target.path, date),
    date,
    opId,
  });
  for (const child of children) {
    result.movedUnits.push({
      code: child.code,
      name: child.name,
      fromParentCode: source.code,
      toParentCode: target.code,
    });
  }
  await members.moveStatsUnder(tx, target.path);
}

export async function mergeOrgs(
  database: Database,
  actor: Actor,
  raw: MergeOrgInput,
  options: OperationOptions = {},
): Promise<OperationResult> {
  const input = parseInput(mergeOrgInputSchema, raw);
  requireDate(input.date, 'date');
  if (new Set(input.fromCodes).size !== input.fromCodes.length) throw orgErrors.duplicateCodes('fromCodes');
  return runOperation(database, actor, options, async (tx) => {
    const sources: VersionRow[] = [];
    for (const code of input.fromCodes) {
      const source = await requireCurrentOn(tx, code, input.date, 'fromCodes');
      await requireNoLaterChangeInSubtree(tx, source, input.date);
      sources.push(source);
    }
    const intoId = await repo.findUnitId(tx, input.intoCode);
    const existing =
      intoId === undefined ? undefined : await requireCurrentOn(tx, input.intoCode, input.date, 'intoCode');
    const involved =
      existing && !sources.some((s) => s.unitId === existing.unitId) ? [...sources, existing] : sources;
    for (const a of involved) {
      for (const b of involved) {
        if (a !== b && isWithin(a.path, b.path)) throw orgErrors.mergeSourceIsAncestor(b.code);
      }
    }
    const kinds = new Set(involved.map((s) => s.kind));
    if (!input.kind && kinds.size > 1) throw orgErrors.mergeKindRequired();
    if (!existing && !input.name) throw orgErrors.mergeNewNeedsName(input.intoCode);
    if (!existing && !input.kind) throw orgErrors.mergeNewNeedsKind(input.intoCode);
    const targetKind = input.kind ?? (involved[0]?.kind as string);

    const { opId, result } = await startOperation(tx, actor, 'merge', input);
    let target: { unitId: number; code: string; path: string };
    if (existing) {
      const parentKind = existing.parentId === null ? null : await kindOf(tx, existing.parentId, input.date);
      requireChildKindAllowed(targetKind, parentKind);
      const name = input.name ?? existing.name;
      if (name !== existing.name || targetKind !== existing.kind) {
        await reversion(tx, existing, { name, kind: targetKind }, input.date, opId);
        if (name !== existing.name)
          result.renamed.push({ code: existing.code, from: existing.name, to: name });
        result.unitsAffected += 1;
      }
      target = existing;
    } else {
      const parent = input.parentCode
        ? await requireCurrentOn(tx, input.parentCode, input.date, 'parentCode')
        : await defaultMergeParent(tx, sources, input.date);
      if (parent && sources.some((s) => isWithin(parent.path, s.path))) {
        throw orgErrors.cycle(input.intoCode, parent.code);
      }
      requireChildKindAllowed(targetKind, parent?.kind ?? null);
      const unitId = await repo.insertUnit(tx, input.intoCode);
      await repo.insertVersion(tx, {
        unitId,
        validFrom: input.date,
        parentId: parent?.unitId ?? null,
        name: input.name as string,
        kind: targetKind,
        parentPath: parent?.path ?? null,
        topLevel: parent ? await topLevelOf(tx, parent.path, input.date) : targetKind === 'central' ? 1 : 0,
        opId,
      });
      const path = parent ? `${parent.path}.${unitId}` : String(unitId);
      target = { unitId, code: input.intoCode, path };
      result.created.push({
        code: input.intoCode,
        name: input.name as string,
        kind: targetKind as OrgKindValue,
      });
      result.unitsAffected += 1;
    }
    const memberCells = sources.filter((s) => s.unitId !== target.unitId && holdsMembers(s.kind as OrgKind));
    if (
      memberCells.length > 0 &&
      (await members.countMembersOfCells(
        tx,
        memberCells.map((s) => s.unitId),
      )) > 0
    ) {
      if (!holdsMembers(targetKind as OrgKind)) throw orgErrors.targetCannotHoldMembers(input.intoCode);
      result.membersMoved = await members.moveMembersOfMergedCells(
        tx,
        memberCells.map((s) => s.unitId),
        target.unitId,
        input.date,
      );
    }
    for (const source of sources) {
      if (source.unitId === target.unitId) continue;
      const children = await repo.childrenAsOf(tx, source.unitId, input.date);
      for (const child of children) requireChildKindAllowed(child.kind, targetKind, 'kind');
      await moveChildren(tx, source, target, children, input.date, opId, result);
      await repo.closeVersion(tx, source.versionId, input.date, opId);
      await repo.insertLineage(tx, {
        opId,
        predecessorId: source.unitId,
        successorId: target.unitId,
        relation: 'merged_into',
        date: input.date,
      });
      result.closed.push(ref(source));
      result.unitsAffected += 1;
    }
    return result;
  });
}

/** A cell that still has members cannot be split or dissolved: its members must go somewhere first. */
async function requireNoMembers(tx: Tx, unit: VersionRow): Promise<void> {
  if (!holdsMembers(unit.kind as OrgKind)) return;
  const count = await members.countMembersOfCells(tx, [unit.unitId]);
  if (count > 0) throw orgErrors.hasMembers(unit.code, count);
}

async function kindOf(tx: Tx, unitId: number, date: string): Promise<string | null> {
  const [version] = await repo.versionsByUnitIdsAsOf(tx, [unitId], date);
  return version?.kind ?? null;
}

/** The parent the merged units share, or else that of the first of them. */
async function defaultMergeParent(
  tx: Tx,
  sources: VersionRow[],
  date: string,
): Promise<VersionRow | undefined> {
  const parentId = sources[0]?.parentId ?? null;
  if (parentId === null) return undefined;
  const [parent] = await repo.versionsByUnitIdsAsOf(tx, [parentId], date);
  return parent;
}

export async function splitOrg(
  database: Database,
  actor: Actor,
  raw: SplitOrgInput,
  options: OperationOptions = {},
): Promise<OperationResult> {
  const input = parseInput(splitOrgInputSchema, raw);
  requireDate(input.date, 'date');
  const newCodes = input.into.map((n) => n.code);
  if (new Set(newCodes).size !== newCodes.length) throw orgErrors.duplicateCodes('into');
  return runOperation(database, actor, options, async (tx) => {
    const unit = await requireCurrentOn(tx, input.code, input.date);
    await requireNoLaterChangeInSubtree(tx, unit, input.date);
    if (unit.parentId === null) throw orgErrors.kindNotAllowed(unit.kind, null, 'code');
    await requireNoMembers(tx, unit);
    for (const code of newCodes) {
      if ((await repo.findUnitId(tx, code)) !== undefined) throw orgErrors.codeTaken(code, 'into');
    }
    const children = await repo.childrenAsOf(tx, unit.unitId, input.date);
    const childCodes = new Set(children.map((c) => c.code));
    for (const childCode of Object.keys(input.assign)) {
      if (!childCodes.has(childCode)) throw orgErrors.splitUnknownChild(childCode);
    }
    for (const [childCode, targetCode] of Object.entries(input.assign)) {
      if (!newCodes.includes(targetCode)) throw orgErrors.splitUnknownTarget(targetCode);
      if (!childCode) throw orgErrors.splitUnknownChild(childCode);
    }
    for (const child of children) {
      if (!input.assign[child.code]) throw orgErrors.splitUnassignedChild(child.code);
    }
    const [parent] = await repo.versionsByUnitIdsAsOf(tx, [unit.parentId], input.date);
    if (!parent) throw orgErrors.notFound(String(unit.parentId));
    const { opId, result } = await startOperation(tx, actor, 'split', input);
    const topLevel = await topLevelOf(tx, parent.path, input.date);
    for (const part of input.into) {
      const unitId = await repo.insertUnit(tx, part.code);
      await repo.insertVersion(tx, {
        unitId,
        validFrom: input.date,
        parentId: parent.unitId,
        name: part.name,
        kind: unit.kind,
        parentPath: parent.path,
        topLevel,
        opId,
      });
      result.created.push({ code: part.code, name: part.name, kind: unit.kind as OrgKindValue });
      result.unitsAffected += 1;
      const target = { unitId, code: part.code, path: `${parent.path}.${unitId}` };
      const assigned = children.filter((c) => input.assign[c.code] === part.code);
      await moveChildren(tx, unit, target, assigned, input.date, opId, result);
      await repo.insertLineage(tx, {
        opId,
        predecessorId: unit.unitId,
        successorId: unitId,
        relation: 'split_into',
        date: input.date,
      });
    }
    await repo.closeVersion(tx, unit.versionId, input.date, opId);
    result.closed.push(ref(unit));
    result.unitsAffected += 1;
    return result;
  });
}

export async function dissolveOrg(
  database: Database,
  actor: Actor,
  raw: DissolveOrgInput,
  options: OperationOptions = {},
): Promise<OperationResult> {
  const input = parseInput(dissolveOrgInputSchema, raw);
  requireDate(input.date, 'date');
  return runOperation(database, actor, options, async (tx) => {
    const unit = await requireCurrentOn(tx, input.code, input.date);
    const children = await repo.countChildrenAsOf(tx, unit.unitId, input.date);
    if (children > 0) throw orgErrors.dissolveNotEmpty(input.code, children);
    await requireNoMembers(tx, unit);
    await requireNoLaterChangeInSubtree(tx, unit, input.date);
    const { opId, result } = await startOperation(tx, actor, 'dissolve', input);
    await repo.closeVersion(tx, unit.versionId, input.date, opId);
    result.closed.push(ref(unit));
    result.unitsAffected = 1;
    return result;
  });
}
