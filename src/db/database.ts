/**
 * One port, two adapters: embedded PGlite (a folder, default `./data`) or a PostgreSQL server
 * (`DATABASE_URL`). Both speak the same SQL; `copyRows` bulk-loads through COPY on either.
 */
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError } from '../core/errors.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './tables.ts';

export type CopyValue = string | number | boolean | null;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<DB>;
  /** Streams rows into `table` with COPY, in batches; returns the row count. */
  copyRows(table: string, columns: readonly string[], rows: Iterable<CopyValue[]>): Promise<number>;
  /** Runs a script of several statements (a migration) in one transaction. */
  execScript(script: string): Promise<void>;
  /** Embedded only: the whole data folder as a gzipped tarball (test templates, backups). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent the embedded database in `dataDir` is used. */
  url?: string;
  dataDir?: string;
  /**
   * Embedded only: start from this data-folder tarball — in memory, or written into `dataDir`
   * when one is given (a restore; PGlite refuses a folder that already holds a database).
   */
  loadDataDir?: Blob;
}

const COPY_BATCH = 20_000;

function csvField(value: CopyValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

function* csvBatches(rows: Iterable<CopyValue[]>): Generator<{ text: string; count: number }> {
  let lines: string[] = [];
  for (const row of rows) {
    lines.push(row.map(csvField).join(','));
    if (lines.length >= COPY_BATCH) {
      yield { text: `${lines.join('\n')}\n`, count: lines.length };
      lines = [];
    }
  }
  if (lines.length > 0) yield { text: `${lines.join('\n')}\n`, count: lines.length };
}

function copySql(table: string, columns: readonly string[], source: string): string {
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? (options.loadDataDir ? undefined : './data');
  const lock: DataDirLock | undefined = dataDir ? lockDataDir(dataDir) : undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir,
      loadDataDir: options.loadDataDir,
      extensions: { ltree, pg_trgm, unaccent, btree_gist },
      // `date` stays an ISO string: calendar dates have no time zone.
      parsers: { 1082: (value: string) => value },
    });
  } catch (err) {
    lock?.release();
    throw new AppError(
      'db.cannot_open',
      'unavailable',
      {
        vi: `Không mở được cơ sở dữ liệu trong ${dataDir}: ${(err as Error).message}. Khôi phục từ bản sao lưu (tochuc restore) hoặc chuyển thư mục sang chỗ khác và khởi tạo lại.`,
        en: `Cannot open the database in ${dataDir}: ${(err as Error).message}. Restore a backup (tochuc restore) or move the folder aside and start afresh.`,
      },
      { details: { dataDir } },
    );
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    async copyRows(table, columns, rows) {
      let total = 0;
      for (const batch of csvBatches(rows)) {
        await db.connection().execute(async () => {
          await pglite.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([batch.text]) });
        });
        total += batch.count;
      }
      return total;
    },
    async execScript(script) {
      await db.connection().execute(async () => {
        await pglite.exec(`BEGIN;\n${script}\nCOMMIT;`).catch(async (err: unknown) => {
          await pglite.exec('ROLLBACK');
          throw err;
        });
      });
    },
    async dumpDataDir() {
      return db.connection().execute(() => pglite.dumpDataDir('gzip'));
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await sql`CHECKPOINT`.execute(db);
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  // JIT compiling costs 100–200 ms per statement: a loss for short interactive queries whose row
  // estimates happen to cross jit_above_cost (measured on the national statistics of the root)
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // `date` stays an ISO string: calendar dates have no time zone.
  // bigint ids and counts as numbers (safe below 2^53), as PGlite returns them.
  pool.on('connect', (client) => {
    client.setTypeParser(1082, (v: string) => v);
    client.setTypeParser(20, (v: string) => Number(v));
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async copyRows(table, columns, rows) {
      const client = await pool.connect();
      let total = 0;
      try {
        for (const batch of csvBatches(rows)) {
          const stream = client.query(copyFrom(copySql(table, columns, 'STDIN')));
          await new Promise<void>((resolve, reject) => {
            stream.on('error', reject);
            stream.on('finish', resolve);
            stream.end(batch.text);
          });
          total += batch.count;
        }
      } finally {
        client.release();
      }
      return total;
    },
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query(`BEGIN;\n${script}\nCOMMIT;`);
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options);
}
