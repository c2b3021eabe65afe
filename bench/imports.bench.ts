/**
 * Importing a member CSV into the seeded registry: rows per second and peak memory of the whole
 * import (read, convert, check, COPY into the scratch table, apply in one transaction: members,
 * memberships, events, counts), beside a raw COPY of the same rows into `member` itself — its
 * indexes as large as the registry's, its foreign keys checked. Both are deleted after the case.
 * Then the rejected rows of a file rejected whole, downloaded as a workbook: time and the memory
 * it takes while it streams.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { formatDateVn } from '../src/core/dates.ts';
import { MEMBER_FILE_COLUMNS } from '../src/core/member-file-columns.ts';
import { personSortKey } from '../src/core/vn-text.ts';
import type { CopyValue, Database } from '../src/db/database.ts';
import type { Actor } from '../src/db/transaction.ts';
import { csvText } from '../src/modules/imports/imports.fixtures.ts';
import { importFile, REJECTED_PAGE, rejectedRowsFile } from '../src/modules/imports/imports.service.ts';
import type { SeedScale } from '../src/modules/seed/seed.generator.ts';
import { type BenchCase, peakRssMiB } from './harness.ts';

export interface ImportBenchContext {
  database: Database;
  actor: Actor;
  scale: SeedScale;
  log: (line: string) => void;
}

/** Rows imported at each scale: the national figure is the issue's 1 M-row file. */
const ROWS: Record<SeedScale, number> = { demo: 20_000, province: 200_000, national: 1_000_000 };
/** Rejected rows written to the workbook at each scale: the national one, that file rejected whole. */
const REJECTED_ROWS: Record<SeedScale, number> = { demo: 200_000, province: 500_000, national: 1_000_000 };

const fmt = (n: number) => n.toLocaleString('en-US');

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hữu', 'Ngọc', 'Quang'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hằng', 'Lan', 'Nam', 'Phương', 'Tâm', 'Thảo', 'Vinh'];
const KEYS = [
  'full_name',
  'birth_date',
  'sex',
  'national_id',
  'ethnicity',
  'admission_date',
  'official_date',
  'cell_code',
];

interface BenchMember {
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  nationalId: string;
  admissionDate: string;
  officialDate: string;
  cellCode: string;
}

/**
 * Deterministic members spread over the given cells; national IDs under `prefix` (9xx: a code no
 * province has), a new one for each run on a kept database, so that every run creates its rows.
 */
function* benchMembers(n: number, cells: string[], prefix: string): Generator<BenchMember> {
  for (let i = 0; i < n; i++) {
    const year = 1950 + (i % 50);
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const pad = (v: number) => String(v).padStart(2, '0');
    yield {
      fullName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[(i >> 6) % GIVEN.length]}`,
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      sex: i % 3 === 0 ? 'female' : 'male',
      nationalId: `${prefix}${String(i).padStart(9, '0')}`,
      admissionDate: `${year + 25}-${pad(month)}-${pad(day)}`,
      officialDate: `${year + 26}-${pad(month)}-${pad(day)}`,
      cellCode: cells[i % cells.length] as string,
    };
  }
}

function writeBenchCsv(file: string, n: number, cells: string[], prefix: string): void {
  const header = KEYS.map((k) => MEMBER_FILE_COLUMNS.find((c) => c.key === k)?.vi ?? k);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, csvText([header]));
    let chunk: string[][] = [];
    const flush = () => {
      fs.writeSync(fd, csvText(chunk));
      chunk = [];
    };
    for (const m of benchMembers(n, cells, prefix)) {
      chunk.push([
        m.fullName,
        formatDateVn(m.birthDate),
        m.sex === 'male' ? 'Nam' : 'Nữ',
        m.nationalId,
        'Kinh',
        formatDateVn(m.admissionDate),
        formatDateVn(m.officialDate),
        m.cellCode,
      ]);
      if (chunk.length >= 10_000) flush();
    }
    if (chunk.length > 0) flush();
  } finally {
    fs.closeSync(fd);
  }
}

export function importBenchCases(ctx: ImportBenchContext): BenchCase[] {
  const { database, actor, scale } = ctx;
  const n = ROWS[scale];
  const file = path.resolve(`.tmp/bench-import-${scale}.csv`);
  let cells: string[] = [];
  let cellIds = new Map<string, number>();
  let prefix = '999';
  let copyPrefix = '998';

  const bench: BenchCase = {
    id: 'import-members',
    operation: 'import members from CSV (tochuc import members)',
    size: '',
    runs: 1,
    warmup: 0,
    // the baseline copies into a scratch table: it must run while the import's IDs are still free
    baselineFirst: true,
    async prepare() {
      const rows = await sql<{ code: string; id: number }>`SELECT u.code, u.id FROM org_unit u
        JOIN org_unit_version v ON v.unit_id = u.id AND v.valid_to IS NULL
        WHERE v.kind IN ('cell', 'grassroots_cell') ORDER BY u.id LIMIT 2000`.execute(database.db);
      cells = rows.rows.map((r) => r.code);
      cellIds = new Map(rows.rows.map((r) => [r.code, Number(r.id)]));
      const runs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM import_run`.execute(database.db);
      // 2 prefixes a run: the import's, and the baseline's (copied beside it, then deleted)
      prefix = String(999 - ((2 * Number(runs.rows[0]?.n ?? 0)) % 100));
      copyPrefix = String(Number(prefix) - 1);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      ctx.log(`bench: writing ${fmt(n)} member rows to ${file} …`);
      writeBenchCsv(file, n, cells, prefix);
      bench.size = `${fmt(n)} rows`;
    },
    async run() {
      const started = performance.now();
      let shown = 0;
      const result = await importFile(
        database,
        actor,
        { path: file, fileName: path.basename(file) },
        { kind: 'members' },
        ({ rowsRead }) => {
          if (rowsRead - shown >= 100_000) {
            shown = rowsRead;
            ctx.log(`bench: import … ${fmt(rowsRead)} rows`);
          }
        },
      );
      const seconds = (performance.now() - started) / 1000;
      if (result.created !== n)
        throw new Error(
          `import created ${result.created} of ${n} (first: ${JSON.stringify(result.errors[0])})`,
        );
      bench.size = `${fmt(n)} rows, ${fmt(Math.round(n / seconds))} rows/s, peak RSS ${peakRssMiB()} MiB`;
    },
    baseline: {
      label: 'raw COPY of the same rows into member (their national IDs changed)',
      async run() {
        function* rows(): Generator<CopyValue[]> {
          for (const m of benchMembers(n, cells, copyPrefix)) {
            yield [
              m.fullName,
              personSortKey(m.fullName),
              m.sex,
              m.birthDate,
              m.nationalId,
              '01',
              m.admissionDate,
              m.officialDate,
              'official',
              cellIds.get(m.cellCode) ?? null,
            ];
          }
        }
        await database.copyRows(
          'member',
          [
            'full_name',
            'sort_key',
            'sex',
            'birth_date',
            'national_id',
            'ethnicity',
            'admission_date',
            'official_date',
            'standing',
            'cell_id',
          ],
          rows(),
        );
      },
    },
    async cleanup() {
      // the registry as it was, so that a kept database measures the same next time: the
      // baseline's rows and the imported members with their memberships, events and counts
      await database.db.transaction().execute(async (tx) => {
        await sql`CREATE TEMP TABLE bench_gone ON COMMIT DROP AS SELECT id, cell_id FROM member
          WHERE national_id LIKE ${`${prefix}%`} OR national_id LIKE ${`${copyPrefix}%`}`.execute(tx);
        await sql`DELETE FROM member_event e USING bench_gone g WHERE e.member_id = g.id`.execute(tx);
        await sql`DELETE FROM membership s USING bench_gone g WHERE s.member_id = g.id`.execute(tx);
        await sql`DELETE FROM member m USING bench_gone g WHERE m.id = g.id`.execute(tx);
        await sql`SELECT refresh_member_stats(ARRAY(SELECT DISTINCT cell_id FROM bench_gone))`.execute(tx);
      });
      // dead rows at the head of the name order would slow the name searches of the next run
      await sql`VACUUM (ANALYZE) member, membership, member_event`.execute(database.db);
    },
  };
  return [bench, rejectedRowsCase(ctx)];
}

const MiB = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * The rejected-rows workbook of a file whose every row was rejected (the rows an import keeps:
 * eight cells and a reason each, stored directly), written to a file as the download streams it;
 * beside reading the same rows, page by page, without the workbook. Its size says the resident
 * memory before and at most while it writes: bounded, whatever the number of rows.
 */
export function rejectedRowsCase(ctx: ImportBenchContext): BenchCase {
  const { database, actor, scale } = ctx;
  const n = REJECTED_ROWS[scale];
  const out = path.resolve(`.tmp/bench-rejected-${scale}.xlsx`);
  const headers = KEYS.map((k) => MEMBER_FILE_COLUMNS.find((c) => c.key === k)?.vi ?? k);
  let importId = 0;
  const bench: BenchCase = {
    id: 'import-rejected-xlsx',
    operation: 'rejected rows of an import as .xlsx (GET /imports/{id}/rejected.xlsx)',
    size: '',
    runs: 3,
    warmup: 0,
    async prepare() {
      const run = await sql<{ id: number }>`INSERT INTO import_run
          (kind, actor, file_name, sha256, dry_run, update_existing, status, rows_read, rejected, headers)
        VALUES ('members', ${actor.id}, 'bench-rejected.csv', '', true, false, 'done', ${n}::int, ${n}::int,
          ${JSON.stringify(headers)}::jsonb)
        RETURNING id`.execute(database.db);
      importId = Number(run.rows[0]?.id);
      await sql`INSERT INTO import_rejected_row (import_id, row_no, raw, errors)
        SELECT ${importId}::int, g + 1,
          json_build_array('Nguyễn Văn Loại ' || g, '15/06/1985', 'Nam', lpad(g::text, 12, '0'), 'Kinh',
            '19/05/2010', '19/05/2011', 'KHONG.CO')::text,
          jsonb_build_array(jsonb_build_object('column', 'Mã chi bộ',
            'vi', 'Không có chi bộ mã "KHONG.CO"', 'en', 'No cell "KHONG.CO"'))
        FROM generate_series(1, ${n}::int) g`.execute(database.db);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      bench.size = `${fmt(n)} rows`;
    },
    async run() {
      const before = process.memoryUsage().rss;
      let most = before;
      const file = await rejectedRowsFile(database, actor, importId);
      const rows = await file.write(fs.createWriteStream(out), () => {
        most = Math.max(most, process.memoryUsage().rss);
      });
      if (rows !== n) throw new Error(`wrote ${rows} of ${n} rejected rows`);
      bench.size =
        `${fmt(n)} rows, ${MiB(fs.statSync(out).size)} MiB file, ` +
        `RSS ${MiB(before)} MiB before, ≤ ${MiB(most)} MiB while writing`;
    },
    baseline: {
      label: `SELECT of the same rows, ${fmt(REJECTED_PAGE)} at a time (no workbook)`,
      async run() {
        for (let after = 0; ; ) {
          const page = await sql<{ row_no: number }>`SELECT row_no, raw, errors FROM import_rejected_row
            WHERE import_id = ${importId} AND row_no > ${after} ORDER BY row_no LIMIT ${REJECTED_PAGE}`.execute(
            database.db,
          );
          const last = page.rows.at(-1);
          if (!last) return;
          after = last.row_no;
        }
      },
    },
    async cleanup() {
      await sql`DELETE FROM import_run WHERE id = ${importId}`.execute(database.db);
      fs.rmSync(out, { force: true });
    },
  };
  return bench;
}
