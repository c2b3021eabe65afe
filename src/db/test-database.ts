/**
 * A fresh, migrated database for each test file: PGlite started from a migrated template
 * tarball (built once per run by `test-global-setup.ts`), or — when `TEST_DATABASE_URL` names a
 * PostgreSQL server — a new database cloned from a migrated template database there. Template
 * names are unique per run, so two runs (two checkouts, a developer and CI) never collide.
 */
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplate: { tarball?: string; serverDatabase?: string };
  }
}

function serverUrlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(base: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends Database {
  /** Closes and, on a server, drops the database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  const template = inject('testTemplate');
  if (base && template.serverDatabase) {
    const name = `tochuc_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(base, `CREATE DATABASE ${name} TEMPLATE ${template.serverDatabase}`);
    const database = await openDatabase({ url: serverUrlFor(base, name) });
    return {
      ...database,
      async dispose() {
        await database.close();
        await adminQuery(base, `DROP DATABASE IF EXISTS ${name}`);
      },
    };
  }
  if (!template.tarball) throw new Error('no test template: run the tests through vitest (globalSetup)');
  const blob = new Blob([fs.readFileSync(template.tarball)]);
  const database = await openDatabase({ loadDataDir: blob });
  return { ...database, dispose: () => database.close() };
}
