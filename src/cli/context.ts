/**
 * What every CLI command shares: options for the database (`--data DIR`, `DATABASE_URL`), the
 * acting user, and output (`--json` prints exactly one JSON document on stdout).
 */
import type { Command } from 'commander';
import { type Database, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { type Actor, systemActor } from '../db/transaction.ts';
import { actorOfUsername } from '../modules/auth/auth.service.ts';

/** `--as USER`: commands act with that user's grants instead of as the system. */
let actingAs: string | undefined;
let actingActor: Actor | undefined;

export function actAs(username: string | undefined): void {
  actingAs = username;
  actingActor = undefined;
}

export interface DatabaseOptions {
  data?: string;
}

export function addDatabaseOption(command: Command): Command {
  return command.option('--data <dir>', 'embedded database folder (default ./data or $TOCHUC_DATA)');
}

export function databaseLocation(options: DatabaseOptions): { url?: string; dataDir: string } {
  return {
    url: process.env.DATABASE_URL || undefined,
    dataDir: options.data ?? process.env.TOCHUC_DATA ?? './data',
  };
}

/** Opens (and migrates) the database for one command, and always closes it. */
export async function withDatabase<T>(
  options: DatabaseOptions,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(databaseLocation(options));
  try {
    await migrate(database);
    if (actingAs) actingActor = await actorOfUsername(database, actingAs);
    return await work(database);
  } finally {
    await database.close();
  }
}

export function cliActor(): Actor {
  if (actingAs && !actingActor) throw new Error('--as: the acting user is resolved when the database opens');
  return actingActor ?? systemActor();
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
