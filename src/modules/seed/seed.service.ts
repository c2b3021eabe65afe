/**
 * Seeds an empty database with a synthetic organization tree (demo data on first start, the
 * `tochuc seed` command, benchmarks). Streams: the tree is generated twice — once for the units,
 * once for their versions — rather than held in memory.
 */
import { requireDate } from '../../core/dates.ts';
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
  const locked = await withSeedLock(database, () => seedLocked(database, actor, plan, options.onProgress));
  if (!locked) throw seedErrors.inProgress();
  return locked.value;
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
