/**
 * `tochuc backup FILE` / `tochuc restore FILE`.
 *
 * Embedded database: the whole data folder as PGlite's own gzipped tarball, taken through the
 * single connection (so a consistent snapshot), restored only into an empty folder.
 * Server: `pg_dump --format=custom` and `pg_restore` into an empty database. The server's own
 * tools are required rather than a home-made COPY dump: they carry the schema, sequences,
 * triggers, grants and extensions in dependency order, load data before the audit log's chaining
 * trigger exists (the chain is restored byte for byte), and match the server's version.
 *
 * Each backup records itself in the audit log first (so the file holds its own entry); each
 * restore checks the chain and records itself after.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../core/errors.ts';
import { LOCK_NAME } from '../../db/data-dir-lock.ts';
import { type Database, openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import type { Actor } from '../../db/transaction.ts';
import { recordAuditAlone, verifyAudit } from '../audit/audit.service.ts';
import * as repo from './backup.repository.ts';
import type { BackupSummary, RestoreSummary } from './backup.schemas.ts';

const run = promisify(execFile);

export interface DatabaseLocation {
  /** A PostgreSQL URL; when absent the embedded database in `dataDir`. */
  url?: string;
  dataDir: string;
}

type Kind = BackupSummary['kind'];

async function auditState(database: Database, actor: Actor): Promise<BackupSummary['audit']> {
  const v = await verifyAudit(database, actor);
  return { intact: v.intact, entries: v.checked, lastHash: v.lastHash };
}

/** Runs a PostgreSQL client tool; its absence or failure is an error in both languages. */
async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new AppError('backup.tool_missing', 'unavailable', {
        vi: `Không tìm thấy ${tool}: cài gói công cụ PostgreSQL (postgresql-client) cùng phiên bản với máy chủ`,
        en: `${tool} not found: install the PostgreSQL client tools (postgresql-client) of the server's version`,
      });
    }
    const detail = (e.stderr ?? e.message).trim();
    throw new AppError('backup.tool_failed', 'unavailable', {
      vi: `${tool} thất bại: ${detail}`,
      en: `${tool} failed: ${detail}`,
    });
  }
}

/** Writes the backup of the open database to `file` (replaced atomically when it exists). */
export async function backupDatabase(
  database: Database,
  location: DatabaseLocation,
  actor: Actor,
  file: string,
): Promise<BackupSummary> {
  await recordAuditAlone(database, actor, {
    action: 'backup.create',
    details: { file: path.basename(file) },
  });
  const audit = await auditState(database, actor);
  const partial = `${file}.partial`;
  try {
    if (database.kind === 'pglite' && database.dumpDataDir) {
      const tarball = await database.dumpDataDir();
      await fs.promises.writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
    } else {
      await pgTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${location.url}`]);
    }
    await fs.promises.rename(partial, file);
  } finally {
    await fs.promises.rm(partial, { force: true });
  }
  return { kind: database.kind, file, bytes: (await fs.promises.stat(file)).size, audit };
}

/** What a backup file is, from its first bytes. */
async function kindOfFile(file: string): Promise<Kind> {
  let head: Buffer;
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      head = Buffer.alloc(5);
      await handle.read(head, 0, 5, 0);
    } finally {
      await handle.close();
    }
  } catch {
    throw new AppError(
      'backup.file_unreadable',
      'validation',
      { vi: `Không đọc được tệp sao lưu ${file}`, en: `Cannot read the backup file ${file}` },
      { field: 'file' },
    );
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  throw new AppError(
    'backup.file_unknown',
    'validation',
    {
      vi: `${file} không phải tệp sao lưu của tochuc (thư mục dữ liệu nhúng hoặc pg_dump)`,
      en: `${file} is not a tochuc backup (embedded data folder or pg_dump)`,
    },
    { field: 'file' },
  );
}

function notEmpty(where: string): AppError {
  return new AppError(
    'backup.target_not_empty',
    'conflict',
    {
      vi: `Chỉ khôi phục vào nơi trống: ${where} đã có dữ liệu. Chọn thư mục mới (--data) hoặc cơ sở dữ liệu mới`,
      en: `Restores go into an empty place only: ${where} already holds data. Choose a new folder (--data) or a new database`,
    },
    { field: 'data' },
  );
}

/** Opens the restored database, brings it to the current schema, checks and records the restore. */
async function finishRestore(
  database: Database,
  actor: Actor,
  file: string,
  kind: Kind,
): Promise<RestoreSummary> {
  await migrate(database);
  const audit = await auditState(database, actor);
  await recordAuditAlone(database, actor, {
    action: 'backup.restore',
    details: { file: path.basename(file), intact: audit.intact },
  });
  const rows = Object.fromEntries(
    Object.entries(await repo.tableRowCounts(database.db)).filter(([, n]) => n > 0),
  );
  return { kind, file, bytes: (await fs.promises.stat(file)).size, audit, rows };
}

/** Restores `file` into the empty place `location` names (a folder, or a server database). */
export async function restoreDatabase(
  location: DatabaseLocation,
  actor: Actor,
  file: string,
): Promise<RestoreSummary> {
  const kind = await kindOfFile(file);
  const target: Kind = location.url ? 'postgres' : 'pglite';
  if (kind !== target) {
    throw new AppError(
      'backup.kind_mismatch',
      'validation',
      {
        vi: `Tệp là bản sao lưu ${kind === 'pglite' ? 'cơ sở dữ liệu nhúng' : 'máy chủ PostgreSQL'}, không khôi phục được vào ${target === 'pglite' ? 'cơ sở dữ liệu nhúng' : 'máy chủ'}`,
        en: `The file is a backup of ${kind === 'pglite' ? 'an embedded database' : 'a PostgreSQL server'}; it cannot be restored into ${target === 'pglite' ? 'an embedded database' : 'a server'}`,
      },
      { field: 'file' },
    );
  }
  if (!location.url) {
    const dir = location.dataDir;
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw notEmpty(dir);
    const tarball = new Blob([await fs.promises.readFile(file)]);
    const database = await openDatabase({ dataDir: dir, loadDataDir: tarball });
    try {
      return await finishRestore(database, actor, file, kind);
    } finally {
      await database.close();
      // the tarball carries the lock of the process that took the backup; the folder was empty
      fs.rmSync(path.join(dir, LOCK_NAME), { force: true });
    }
  }
  const database = await openDatabase({ url: location.url });
  try {
    if ((await repo.publicRelationCount(database.db)) > 0)
      throw notEmpty(new URL(location.url).pathname.slice(1));
    await pgTool('pg_restore', [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${location.url}`,
      file,
    ]);
    return await finishRestore(database, actor, file, kind);
  } finally {
    await database.close();
  }
}
