/**
 * Every service call runs in one transaction with an actor: who is acting, recorded with each
 * change and visible to the database as `tochuc.actor` (for row-level security and audit).
 */
import os from 'node:os';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type Grant, grantsFor, type Permission } from '../core/access.ts';
import { todayVn } from '../core/dates.ts';
import { AppError } from '../core/errors.ts';
import type { DB } from './tables.ts';

export interface ActingUser {
  readonly id: number;
  readonly username: string;
  readonly grants: readonly Grant[];
}

export interface Actor {
  /** `system:<os user>` for the command line, `user:<username>` for a signed-in user. */
  readonly id: string;
  /**
   * A signed-in user (or the CLI's `--as USER`): the transaction runs as the role `tochuc_app`,
   * confined by row-level security to the subtrees of the user's grants. Absent: the system,
   * running as the connecting role (which owns the tables and so bypasses the policies).
   */
  readonly user?: ActingUser;
  /** The client's address (web requests): audit entries record where a change or read came from. */
  readonly ip?: string;
}

export type Tx = Transaction<DB>;

export function systemActor(): Actor {
  let name = 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { id: `system:${name}` };
}

export async function inTransaction<T>(
  db: Kysely<DB>,
  actor: Actor,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('tochuc.actor', ${actor.id}, true), set_config('tochuc.ip', ${actor.ip ?? ''}, true)`.execute(
      tx,
    );
    if (!actor.user) return work(tx);
    await confineToGrants(tx, actor.user.grants);
    try {
      return await work(tx);
    } catch (err) {
      throw isPolicyViolation(err) ? outsideScopeError() : err;
    }
  });
}

/** The scopes the policies of migrations 0011 and 0017 read, and the permission each stands for. */
const SCOPES: Record<'orgs' | 'members' | 'write' | 'docs' | 'docs_write', Permission> = {
  orgs: 'orgs.read',
  members: 'members.read',
  write: 'registry.write',
  docs: 'documents.read',
  docs_write: 'documents.write',
};
/** Writes are checked row by row against the paths; only the read scopes need every unit's id. */
const WRITE_SCOPES = new Set(['write', 'docs_write']);

/**
 * Sets the scope settings — per scope, "all" for a whole-registry grant, else the ltree paths
 * (as of today) of the granted units and, for the read scopes, the ids of every unit in those
 * subtrees — then drops to the application role for the rest of the transaction. The tree is
 * read before the role changes (afterwards the policies hide it).
 */
async function confineToGrants(tx: Tx, grants: readonly Grant[]): Promise<void> {
  const today = todayVn();
  const paths = await grantedUnitPaths(tx, grants, today);
  const settings: [string, string][] = [['tochuc.today', today]];
  const unitsOf = new Map<string, string>();
  for (const [scope, permission] of Object.entries(SCOPES)) {
    const covered = pathsGranted(grants, permission, paths);
    const all = covered === null;
    const scoped = covered ?? [];
    const literal = `{${scoped.map((p) => `"${p}"`).join(',')}}`;
    settings.push([`tochuc.scope_${scope}_all`, all ? 'on' : 'off'], [`tochuc.scope_${scope}`, literal]);
    if (WRITE_SCOPES.has(scope)) continue;
    let units = unitsOf.get(literal);
    if (units === undefined) {
      units = all || scoped.length === 0 ? '{}' : await unitsUnder(tx, literal, today);
      unitsOf.set(literal, units);
    }
    settings.push([`tochuc.units_${scope}`, units]);
  }
  await sql`SELECT ${sql.join(settings.map(([name, value]) => sql`set_config(${name}, ${value}, true)`))}`.execute(
    tx,
  );
  await sql`SET LOCAL ROLE tochuc_app`.execute(tx);
}

/** The paths on `date` of the units the grants name, by unit id. */
export async function grantedUnitPaths(
  q: Kysely<DB>,
  grants: readonly Grant[],
  date: string,
): Promise<Map<number, string>> {
  const unitIds = [...new Set(grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId])))];
  const paths = new Map<number, string>();
  if (unitIds.length === 0) return paths;
  const rows = await sql<{ unitId: number; path: string }>`
    SELECT unit_id AS "unitId", path::text AS path FROM org_unit_version
    WHERE unit_id = ANY (${unitIds}::int[]) AND valid_from <= ${date}::date
      AND (valid_to IS NULL OR valid_to > ${date}::date)`.execute(q);
  for (const row of rows.rows) paths.set(row.unitId, row.path);
  return paths;
}

/** The subtrees (paths) the grants cover for a permission; null when one covers the whole registry. */
export function pathsGranted(
  grants: readonly Grant[],
  permission: Permission,
  paths: ReadonlyMap<number, string>,
): string[] | null {
  const granted = grantsFor(grants, permission);
  if (granted.some((g) => g.unitId === null)) return null;
  return granted.flatMap((g) => {
    const path = g.unitId === null ? undefined : paths.get(g.unitId);
    return path === undefined ? [] : [path];
  });
}

/** The ids of the units under the given paths today, as an int[] literal: one GiST lookup per path. */
async function unitsUnder(tx: Tx, paths: string, today: string): Promise<string> {
  const result = await sql<{ ids: string }>`
    SELECT coalesce(array_agg(DISTINCT v.unit_id), '{}')::text AS ids
    FROM unnest(${paths}::ltree[]) AS s (p) JOIN org_unit_version v ON v.path <@ s.p
    WHERE v.valid_from <= ${today}::date AND (v.valid_to IS NULL OR v.valid_to > ${today}::date)`.execute(tx);
  return result.rows[0]?.ids ?? '{}';
}

/** PostgreSQL's answer when a row written falls outside every policy (insufficient_privilege). */
function isPolicyViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '42501';
}

function outsideScopeError(): AppError {
  return new AppError('auth.outside_scope', 'forbidden', {
    vi: 'Thao tác này vượt ngoài phạm vi được phân quyền của bạn',
    en: 'This change is outside the scope you have been granted',
  });
}

/** Thrown to roll a transaction back after computing a preview; carries the preview out. */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/** Runs `work` in a transaction and always rolls it back, returning what it computed. */
export async function dryRun<T>(db: Kysely<DB>, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await inTransaction(db, actor, async (tx) => {
      throw new Rollback(await work(tx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('unreachable');
}
