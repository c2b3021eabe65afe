/**
 * Seeds an empty database with a synthetic organization tree (demo data on first start, the
 * `tochuc seed` command, benchmarks). Streams: the tree is generated twice — once for the units,
 * once for their versions — rather than held in memory.
 */
import { requireDate, todayVn } from '../../core/dates.ts';
import type { OrgKind } from '../../core/org-kinds.ts';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../db/transaction.ts';
import { seedErrors } from './seed.errors.ts';
import {
  generateOrgTree,
  SEED_SCALES,
  type SeedPlan,
  type SeedScale,
  type SeedUnit,
} from './seed.generator.ts';
import {
  generateSeedCells,
  MemberFactory,
  type MemberPlan,
  type SeedMember,
} from './seed.member-generator.ts';
import {
  analyzeMembers,
  copyMembers,
  type DeferredConstraints,
  dropLoadConstraints,
  fillMemberStats,
  hasAnyMember,
  removeSeededMembers,
  resetMemberSequences,
  restoreLoadConstraints,
} from './seed.members.repository.ts';
import {
  analyzeTree,
  copyUnits,
  copyVersions,
  hasAnyUnit,
  insertSeedOperation,
  removePartialSeed,
  resetIdentitySequences,
  withSeedLock,
} from './seed.repository.ts';

/** The day the post-reorganisation tree (34 provinces, no district level) took effect. */
export const DEFAULT_SEED_DATE = '2025-07-01';
export const DEFAULT_SEED = 1;
/** How often (in rows written, units and versions together) progress is reported. */
export const PROGRESS_EVERY = 50_000;

export interface SeedOptions {
  scale: SeedScale;
  seed?: number;
  /** YYYY-MM-DD or dd/mm/yyyy. */
  date?: string;
  /** Rows generated so far (units and versions together), every PROGRESS_EVERY rows. */
  onProgress?: (done: number) => void;
  /** Also seed members for every cell (default true). */
  members?: boolean;
  /** "Today" for the members (probation, recent admissions, leavers); default: today in Vietnam. */
  membersAsOf?: string;
  /** Members written so far, every MEMBER_CHUNK members. */
  onMemberProgress?: (done: number) => void;
}

export interface MemberSeedResult {
  asOf: string;
  members: number;
  /** Active or in transit: what the statistics count. */
  current: number;
  probationary: number;
  left: number;
  memberships: number;
  transfers: number;
  events: number;
  seconds: number;
}

export type CountsByKind = Record<OrgKind, number>;

export interface SeedResult {
  scale: SeedScale;
  seed: number;
  date: string;
  operationId: number;
  units: number;
  byKind: CountsByKind;
  seconds: number;
  /** Absent when the seed was asked for the tree only. */
  members?: MemberSeedResult;
}

export function isSeedScale(value: string): value is SeedScale {
  return (SEED_SCALES as readonly string[]).includes(value);
}

function emptyCounts(): CountsByKind {
  return { central: 0, province: 0, intermediate: 0, grassroots_committee: 0, grassroots_cell: 0, cell: 0 };
}

/** Validates options into the plan the generator takes. */
export function seedPlan(options: Pick<SeedOptions, 'scale' | 'seed' | 'date'>): SeedPlan {
  if (!isSeedScale(options.scale)) throw seedErrors.invalidScale(String(options.scale));
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) throw seedErrors.invalidSeed(seed);
  const date = requireDate(options.date ?? DEFAULT_SEED_DATE, 'date');
  return { scale: options.scale, seed, date };
}

export async function seedOrgTree(
  database: Database,
  actor: Actor,
  options: SeedOptions,
): Promise<SeedResult> {
  const plan = seedPlan(options);
  const membersAsOf = requireDate(options.membersAsOf ?? todayVn(), 'membersAsOf');
  const locked = await withSeedLock(database, async () => {
    const result = await seedLocked(database, actor, plan, options.onProgress);
    if (options.members === false) return result;
    const members = await seedMembersLocked(
      database,
      actor,
      { ...plan, asOf: membersAsOf },
      options.onMemberProgress,
    );
    return { ...result, members, seconds: Math.round((result.seconds + members.seconds) * 100) / 100 };
  });
  if (!locked) throw seedErrors.inProgress();
  return locked.value;
}

/** Members written per chunk: COPYed while the next chunk is generated. */
export const MEMBER_CHUNK = 25_000;

/**
 * Seeds members into the cells of a tree seeded with the same plan (the tree must already be
 * there and the registry empty). Generation and COPY overlap: while one chunk is written, the
 * next is generated, yielding to the event loop so the writes progress.
 */
export async function seedMembers(
  database: Database,
  actor: Actor,
  options: Pick<SeedOptions, 'scale' | 'seed' | 'date' | 'membersAsOf' | 'onMemberProgress'>,
): Promise<MemberSeedResult> {
  const plan = seedPlan(options);
  const asOf = requireDate(options.membersAsOf ?? todayVn(), 'membersAsOf');
  const locked = await withSeedLock(database, () =>
    seedMembersLocked(database, actor, { ...plan, asOf }, options.onMemberProgress),
  );
  if (!locked) throw seedErrors.inProgress();
  return locked.value;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function seedMembersLocked(
  database: Database,
  actor: Actor,
  plan: MemberPlan,
  onProgress: ((done: number) => void) | undefined,
): Promise<MemberSeedResult> {
  const started = performance.now();
  if (await hasAnyMember(database.db)) throw seedErrors.membersNotEmpty();
  const totals = {
    members: 0,
    current: 0,
    probationary: 0,
    left: 0,
    memberships: 0,
    transfers: 0,
    events: 0,
  };
  const factory = new MemberFactory(plan);
  const cells = generateSeedCells(plan);
  let pending: Promise<void> = Promise.resolve();
  let failure: unknown;
  let written = 0;
  let deferred: DeferredConstraints | undefined;
  const write = (chunk: SeedMember[]) => {
    const previous = pending;
    pending = previous.then(async () => {
      const copied = await copyMembers(database, chunk, actor.id);
      totals.memberships += copied.memberships;
      totals.transfers += copied.transfers;
      totals.events += copied.events;
      written += copied.members;
      onProgress?.(written);
    });
    // noticed at the next await; a rejection must never go unhandled meanwhile
    pending.catch((err: unknown) => {
      failure ??= err;
    });
  };
  try {
    deferred = await dropLoadConstraints(database.db);
    let chunk: SeedMember[] = [];
    let sinceYield = 0;
    for (const cell of cells) {
      for (const m of factory.membersOf(cell)) {
        chunk.push(m);
        totals.members++;
        sinceYield++;
        if (m.state === 'active' || m.state === 'in_transit') {
          totals.current++;
          if (m.standing === 'probationary') totals.probationary++;
        } else {
          totals.left++;
        }
      }
      if (chunk.length >= MEMBER_CHUNK) {
        await pending;
        write(chunk);
        chunk = [];
        sinceYield = 0;
        await yieldToEventLoop();
      } else if (sinceYield >= 2_000) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
      if (failure) throw failure;
    }
    await pending;
    if (chunk.length > 0) write(chunk);
    await pending;
    const restoring = deferred;
    deferred = undefined;
    await restoreLoadConstraints(database, restoring);
    await fillMemberStats(database.db);
    await resetMemberSequences(database.db);
    await analyzeMembers(database.db);
    return {
      asOf: plan.asOf,
      ...totals,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } catch (err) {
    await pending.catch(() => undefined);
    await removeSeededMembers(database.db).catch(() => {
      // the original error matters more; a leftover registry is reported by the next seed
    });
    if (deferred) await restoreLoadConstraints(database, deferred);
    throw err;
  }
}

async function seedLocked(
  database: Database,
  actor: Actor,
  plan: SeedPlan,
  onProgress: ((done: number) => void) | undefined,
): Promise<SeedResult> {
  const started = performance.now();
  if (await hasAnyUnit(database.db)) throw seedErrors.treeNotEmpty();

  let done = 0;
  const counted = function* (units: Iterable<SeedUnit>): Generator<SeedUnit> {
    for (const unit of units) {
      done++;
      if (onProgress && done % PROGRESS_EVERY === 0) onProgress(done);
      yield unit;
    }
  };

  const byKind = emptyCounts();
  let maxUnitId = 0;
  let opId: number | null = null;
  try {
    const counting = function* (): Generator<SeedUnit> {
      for (const unit of generateOrgTree(plan)) {
        byKind[unit.kind]++;
        maxUnitId = unit.id;
        yield unit;
      }
    };
    const units = await copyUnits(database, counted(counting()));
    opId = await insertSeedOperation(database.db, {
      date: plan.date,
      actor: actor.id,
      summary: { scale: plan.scale, seed: plan.seed, units, byKind },
    });
    await copyVersions(database, counted(generateOrgTree(plan)), opId);
    await resetIdentitySequences(database.db);
    await analyzeTree(database.db);
    if (onProgress && done % PROGRESS_EVERY !== 0) onProgress(done);
    return {
      scale: plan.scale,
      seed: plan.seed,
      date: plan.date,
      operationId: opId,
      units,
      byKind,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } catch (err) {
    await removePartialSeed(database.db, opId, maxUnitId).catch(() => {
      // the original error matters more; a leftover partial tree is reported by the next seed
    });
    throw err;
  }
}
