/**
 * `npm run bench [-- --scale demo|province|national] [--only NAME]`
 *
 * Starts from an empty database every time — a PostgreSQL server database named by
 * BENCH_DATABASE_URL (dropped and recreated), else an embedded PGlite in `.tmp/bench-<scale>`
 * (deleted and recreated) — seeds it, then times each case against its SQL baseline.
 * Progress goes to stderr; the table to stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { SEED_SCALES, type SeedScale } from '../src/modules/seed/seed.generator.ts';
import { documentBenchCases } from './documents.bench.ts';
import { type BenchResult, formatTable, peakRssMiB, runCase } from './harness.ts';
import { importBenchCases } from './imports.bench.ts';
import { memberBenchCases } from './members.bench.ts';
import { orgBenchCases } from './orgs.bench.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

function usage(message: string): never {
  log(`${message}\nusage: npm run bench -- [--scale demo|province|national] [--only NAME[,NAME…]] [--reuse]`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    only: { type: 'string' },
    // keep the database of the previous run (same scale) instead of dropping and seeding it again
    reuse: { type: 'boolean', default: false },
  },
  strict: true,
});

const scale = values.scale as SeedScale;
if (!(SEED_SCALES as readonly string[]).includes(scale)) usage(`unknown scale: ${values.scale}`);

async function freshServerDatabase(url: string): Promise<Database> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  // this database is dropped: refuse anything that does not say it is for benchmarks
  if (!/bench/i.test(name) || !/^[A-Za-z0-9_]+$/.test(name)) {
    usage(
      `BENCH_DATABASE_URL must name a database containing "bench" (got "${name}"); it is dropped and recreated`,
    );
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  if (values.reuse) return openDatabase({ url });
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return openDatabase({ url });
}

async function freshEmbeddedDatabase(): Promise<{ database: Database; dir: string }> {
  const dir = path.resolve(`.tmp/bench-${scale}`);
  if (!values.reuse) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  return { database: await openDatabase({ dataDir: dir }), dir };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const opened = url
    ? { database: await freshServerDatabase(url), dir: undefined }
    : await freshEmbeddedDatabase();
  const { database } = opened;
  const where = url ? `PostgreSQL ${new URL(url).host}${new URL(url).pathname}` : `PGlite ${opened.dir}`;
  const results: BenchResult[] = [];
  const started = performance.now();
  try {
    await migrate(database);
    const context = { database, actor: { id: 'system:bench' }, scale, log, reuse: values.reuse ?? false };
    // members first among the cases that only read, so the tree cases run on a populated database
    // and the merge (last) moves cells with members
    const orgCases = orgBenchCases(context);
    const [treeSeed, ...treeCases] = orgCases;
    const cases = [
      ...(treeSeed ? [treeSeed] : []),
      ...memberBenchCases(context),
      ...importBenchCases(context),
      ...documentBenchCases(context),
      ...treeCases,
    ];
    // the seeds always run: every other case needs the tree and the members
    const always = new Set(['seed', 'seed-members']);
    const only = values.only?.split(',').filter(Boolean) ?? [];
    const selected = cases.filter(
      (c) => always.has(c.id) || only.length === 0 || only.some((o) => c.id.includes(o)),
    );
    if (
      selected.length === always.size &&
      only.length > 0 &&
      !only.some((o) => [...always].some((id) => id.includes(o)))
    ) {
      usage(`no case matches --only ${values.only} (cases: ${cases.map((c) => c.id).join(', ')})`);
    }
    for (const bench of selected) results.push(await runCase(bench, log));
  } finally {
    await database.close();
  }
  const total = ((performance.now() - started) / 1000).toFixed(1);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    [
      `tochuc bench — scale ${scale}, ${where}`,
      `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${new Date().toISOString()}`,
      '',
      formatTable(results),
      '',
      `peak RSS ${peakRssMiB()} MiB (this process${url ? '' : ', embedded database included'}), total ${total} s`,
      '',
    ].join('\n'),
  );
  if (results.some((r) => r.error)) process.exitCode = 1;
}

await main();
