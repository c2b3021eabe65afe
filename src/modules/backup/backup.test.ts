/**
 * Backup → restore into an empty place gives the same registry and an intact audit chain: on the
 * embedded database, and on the server when TEST_DATABASE_URL names one (pg_dump/pg_restore).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-runner.ts';
import type { AppError } from '../../core/errors.ts';
import { type Database, openDatabase } from '../../db/database.ts';
import { adminQuery, createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { verifyAudit } from '../audit/audit.service.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { getMemberProfile } from '../members/members.service.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import * as repo from './backup.repository.ts';
import { backupDatabase, type DatabaseLocation, restoreDatabase } from './backup.service.ts';

const server = process.env.TEST_DATABASE_URL;
let db: TestDatabase;
let dir: string;
let source: DatabaseLocation;

function serverUrl(database: string): string {
  const url = new URL(server as string);
  url.pathname = `/${database}`;
  return url.toString();
}

beforeAll(async () => {
  db = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-backup-'));
  const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db.db)).rows[0]?.name;
  source = server ? { url: serverUrl(name as string), dataDir: dir } : { dataDir: dir };
  await aSmallTree(db);
  const ids = await addMembers(db, [
    { fullName: 'Lê Thị Thu', sex: 'female' },
    { fullName: 'Trần Văn Bình' },
  ]);
  for (const id of ids) await getMemberProfile(db, testActor, id);
});

afterAll(async () => {
  await db?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function memberChecksum(database: Database): Promise<string> {
  const result = await sql<{ sum: string }>`SELECT md5(string_agg(m::text, '|' ORDER BY m.id)) AS sum
    FROM member m`.execute(database.db);
  return result.rows[0]?.sum ?? '';
}

/** An empty place to restore into, opened afterwards for comparison, and removed. */
async function emptyTarget(): Promise<{
  location: DatabaseLocation;
  open(): Promise<Database>;
  drop(): Promise<void>;
}> {
  if (server) {
    const name = `tochuc_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(server, `CREATE DATABASE ${name}`);
    const url = serverUrl(name);
    return {
      location: { url, dataDir: dir },
      open: () => openDatabase({ url }),
      drop: () => adminQuery(server, `DROP DATABASE IF EXISTS ${name}`),
    };
  }
  const dataDir = path.join(dir, `restored-${Math.random().toString(36).slice(2, 8)}`);
  return {
    location: { dataDir },
    open: () => openDatabase({ dataDir }),
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

describe(`backup and restore (${server ? 'server' : 'embedded'})`, () => {
  it('restores into an empty place the same registry, with the audit chain intact', async () => {
    const file = path.join(dir, 'registry.backup');
    const backup = await backupDatabase(db, source, testActor, file);
    expect(backup).toMatchObject({ kind: server ? 'postgres' : 'pglite', audit: { intact: true } });
    expect(backup.bytes).toBeGreaterThan(1000);
    const before = await repo.tableRowCounts(db.db);
    const checksum = await memberChecksum(db);

    const target = await emptyTarget();
    try {
      const restored = await restoreDatabase(target.location, testActor, file);
      // the chain as it was backed up, entry for entry
      expect(restored.audit).toEqual(backup.audit);
      const copy = await target.open();
      try {
        const after = await repo.tableRowCounts(copy.db);
        expect(after).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + 1 });
        expect(after.member).toBe(2);
        expect(await memberChecksum(copy)).toBe(checksum);
        const verified = await verifyAudit(copy, testActor);
        expect(verified).toMatchObject({ intact: true, checked: backup.audit.entries + 1 });
      } finally {
        await copy.close();
      }
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore over a registry, in both languages', async () => {
    const file = path.join(dir, 'registry.backup');
    const err = (await restoreDatabase(source, testActor, file).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('backup.target_not_empty');
    expect(err.messages.vi).toContain('trống');
    expect(err.messages.en).toContain('empty');
  });

  it('refuses a file that is not a backup', async () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'not a backup');
    const target = await emptyTarget();
    const err = (await restoreDatabase(target.location, testActor, file).catch(
      (e: unknown) => e,
    )) as AppError;
    await target.drop();
    expect(err.code).toBe('backup.file_unknown');
  });
});

// Each command is a new process (PGlite start-up, tsx): few of them, a long timeout.
describe.skipIf(server)('through the command line', () => {
  it('restores only into an empty folder, and audit verify exits 1 at a tampered entry', async () => {
    const [copy, file] = [path.join(dir, 'cli-copy'), path.join(dir, 'cli.backup')];
    await backupDatabase(db, source, testActor, file);
    const restored = await runCli(['restore', file, '--data', copy]);
    expect(restored.stdout).toMatch(/audit log intact \(\d+ entries\)/);
    expect(restored.code).toBe(0);
    const refused = await runCli(['restore', file, '--data', copy]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /Lỗi \[data\]: Chỉ khôi phục vào nơi trống[\s\S]*Error \[data\]: Restores go into an empty place only/,
    );

    const tampered = await openDatabase({ dataDir: copy });
    await tampered.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await sql`UPDATE audit_log SET actor = 'user:someone' WHERE id = 3`.execute(tx);
    });
    await tampered.close();
    const broken = await runCli(['audit', 'verify', '--data', copy]);
    expect(broken.stdout).toContain(
      'Chain broken at entry 3: its content was altered (2 entries before it intact)',
    );
    expect(broken.code).toBe(1);
  }, 600_000);
});
