/**
 * Every service call runs in one transaction with an actor: who is acting, recorded with each
 * change and visible to the database as `tochuc.actor` (for row-level security and audit).
 */
import os from 'node:os';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './tables.ts';

export interface Actor {
  /** `system:<os user>` for the command line, `user:<username>` for a signed-in user. */
  readonly id: string;
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
    await sql`SELECT set_config('tochuc.actor', ${actor.id}, true)`.execute(tx);
    return work(tx);
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
