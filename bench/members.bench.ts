/**
 * Benchmarks of the member registry on the seeded tree: seeding the members, statistics from the
 * rollups (root, a province, a grassroots organization) and name search — each beside a plain
 * SQL baseline that computes the same answer from the `member` table directly.
 */
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import type { Actor } from '../src/db/transaction.ts';
import {
  getStats,
  getStatsSeries,
  SERIES_DEFAULT_YEARS,
  searchMembers,
} from '../src/modules/members/members.service.ts';
import type { SeedScale } from '../src/modules/seed/seed.generator.ts';
import { seedMembers } from '../src/modules/seed/seed.service.ts';
import { type BenchCase, peakRssMiB } from './harness.ts';

export interface MemberBenchContext {
  database: Database;
  actor: Actor;
  scale: SeedScale;
  log: (line: string) => void;
  reuse?: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The registry's counts by dimension under `path`, the textbook way: one GROUP BY over members. */
async function plainStats(database: Database, path: string): Promise<number> {
  const { rows } = await sql<{ dim: string; value: string; n: number }>`
    SELECT d.dim, d.value, count(*)::int AS n
    FROM member m JOIN org_unit_version v ON v.unit_id = m.cell_id AND v.valid_to IS NULL
    CROSS JOIN LATERAL (VALUES ('standing', m.standing), ('state', m.state), ('sex', m.sex),
      ('birth_month', to_char(m.birth_date, 'YYYY-MM')), ('admission_year', to_char(m.admission_date, 'YYYY')),
      ('ethnicity', coalesce(m.ethnicity, '')), ('religion', coalesce(m.religion, '')),
      ('education', coalesce(m.education, '')), ('theory_level', coalesce(m.theory_level, ''))) AS d (dim, value)
    WHERE v.path <@ ${path}::ltree AND m.state IN ('active', 'in_transit')
    GROUP BY d.dim, d.value`.execute(database.db);
  return rows.length;
}

/** Members on each 31/12 of the last years under `path`, the textbook way: the intervals covering each date. */
async function plainSeries(database: Database, path: string): Promise<number> {
  const to = new Date().getUTCFullYear();
  const { rows } = await sql<{ y: number; total: number; official: number }>`
    SELECT y.y, count(*)::int AS total, count(*) FILTER (WHERE m.official_date <= d.d)::int AS official
    FROM generate_series(${to - SERIES_DEFAULT_YEARS}::int, ${to}::int) AS y (y)
    CROSS JOIN LATERAL (SELECT make_date(y.y, 12, 31) AS d) AS d
    JOIN membership ms ON ms.valid_from <= d.d AND (ms.valid_to IS NULL OR ms.valid_to > d.d)
    JOIN org_unit_version v ON v.unit_id = ms.cell_id AND v.valid_to IS NULL AND v.path <@ ${path}::ltree
    JOIN member m ON m.id = ms.member_id
    GROUP BY y.y`.execute(database.db);
  return rows.length;
}

async function plainSearch(database: Database, folded: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT m.id, m.full_name, m.cell_id FROM member m
    WHERE vn_fold(m.full_name) LIKE ${`%${folded}%`} ORDER BY m.sort_key, m.id LIMIT 50`.execute(database.db);
  return rows.length;
}

async function unitPath(database: Database, code: string): Promise<string> {
  const { rows } = await sql<{ path: string }>`SELECT v.path::text AS path FROM org_unit u
    JOIN org_unit_version v ON v.unit_id = u.id AND v.valid_to IS NULL WHERE u.code = ${code}`.execute(
    database.db,
  );
  const path = rows[0]?.path;
  if (!path) throw new Error(`bench: no open unit with code ${code}`);
  return path;
}

export function memberBenchCases(ctx: MemberBenchContext): BenchCase[] {
  const { database, actor, scale } = ctx;
  // enough runs for a p95 that is not just the slowest run; a baseline slower than 2 s a run (a
  // plain scan at national scale) is cut to a few runs by the harness
  const runs = 30;
  let members = 0;
  /** The grassroots committee with the most members, so the subtree case is not trivially small. */
  let grassroots = { code: '', path: '' };
  const paths = { root: '', province: '' };
  let rare = '';

  const describeData = async () => {
    paths.root = await unitPath(database, 'TW');
    paths.province = await unitPath(database, 'HN');
    const top = await sql<{ code: string; path: string }>`SELECT u.code, g.path::text AS path
        FROM org_unit_version g JOIN org_unit u ON u.id = g.unit_id
        JOIN org_unit_version c ON c.path <@ g.path AND c.valid_to IS NULL
        JOIN member_stat_cell s ON s.cell_id = c.unit_id AND s.dim = 'state'
        WHERE g.kind = 'grassroots_committee' AND g.valid_to IS NULL AND g.top_id = (
          SELECT v.unit_id FROM org_unit_version v JOIN org_unit uu ON uu.id = v.unit_id
          WHERE uu.code = 'HN' AND v.valid_to IS NULL)
        GROUP BY u.code, g.path ORDER BY sum(s.n) DESC LIMIT 1`.execute(database.db);
    grassroots = top.rows[0] ?? grassroots;
    // a rare name: family and given name of a sampled member whose given name is the rarest in the sample
    const sample = await sql<{ full_name: string }>`SELECT full_name FROM member WHERE id % 997 = 0`.execute(
      database.db,
    );
    const names = sample.rows.map((r) => r.full_name.split(' '));
    const given = new Map<string, number>();
    for (const words of names) given.set(words.at(-1) ?? '', (given.get(words.at(-1) ?? '') ?? 0) + 1);
    const frequency = (words: string[]) => given.get(words.at(-1) ?? '') ?? 0;
    const candidates = names
      .filter((w) => (w[0]?.length ?? 0) >= 3 && (w.at(-1)?.length ?? 0) >= 3)
      .sort((a, b) => frequency(a) - frequency(b) || a.join(' ').localeCompare(b.join(' ')));
    const words = candidates[0] ?? ['Nguyễn', 'Văn', 'Khuê'];
    rare = `${words[0]} ${words.at(-1)}`;
  };

  const seed: BenchCase = {
    id: 'seed-members',
    operation: `seed members --scale ${scale}`,
    size: '',
    runs: 1,
    warmup: 0,
    run: async () => {
      if (ctx.reuse) {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM member`.execute(database.db);
        members = rows[0]?.n ?? 0;
        seed.size = `${fmt(members)} members (reused)`;
        await describeData();
        return;
      }
      const started = performance.now();
      const result = await seedMembers(database, actor, {
        scale,
        onMemberProgress: (done) => ctx.log(`bench: seed ${fmt(done)} members`),
      });
      const seconds = (performance.now() - started) / 1000;
      members = result.members;
      const rows = result.members + result.memberships + result.transfers + result.events;
      seed.size = `${fmt(result.members)} members, ${fmt(rows)} rows, ${fmt(Math.round(result.members / seconds))} members/s, ${fmt(Math.round(rows / seconds))} rows/s, peak RSS ${peakRssMiB()} MiB`;
      ctx.log(`bench: members seeded in ${seconds.toFixed(1)} s: ${JSON.stringify(result)}`);
      await describeData();
    },
  };

  const stats = (id: string, label: () => string, path: () => string, code: () => string): BenchCase => {
    const bench: BenchCase = {
      id,
      operation: '',
      size: '',
      runs,
      warmup: 2,
      prepare: async () => {
        const result = await getStats(database, actor, { org: code() });
        bench.operation = `getStats ${label()}`;
        bench.size = `${fmt(result.total)} current members`;
      },
      run: () => getStats(database, actor, { org: code() }),
      baseline: {
        label: 'GROUP BY dims over member ⋈ cell path <@',
        run: () => plainStats(database, path()),
      },
    };
    return bench;
  };

  const series = (id: string, label: () => string, path: () => string, code: () => string): BenchCase => {
    const bench: BenchCase = {
      id,
      operation: '',
      size: '',
      runs,
      warmup: 2,
      prepare: async () => {
        const result = await getStatsSeries(database, actor, { org: code() });
        bench.operation = `getStatsSeries ${label()} (${result.from}–${result.to})`;
        bench.size = `${result.points.length} years, ${fmt(result.points.at(-1)?.total ?? 0)} current members`;
      },
      run: () => getStatsSeries(database, actor, { org: code() }),
      baseline: {
        label: 'count of intervals covering each 31/12 ⋈ cell path <@',
        run: () => plainSeries(database, path()),
      },
    };
    return bench;
  };

  const search = (id: string, query: () => string): BenchCase => {
    const bench: BenchCase = {
      id,
      operation: '',
      size: '',
      runs,
      warmup: 2,
      prepare: async () => {
        const hits = await searchMembers(database, actor, { q: query(), limit: 50 });
        bench.operation = `searchMembers "${query()}" (limit 50)`;
        bench.size = `${fmt(members)} names, ${hits.length} hits`;
      },
      run: () => searchMembers(database, actor, { q: query(), limit: 50 }),
      baseline: {
        label: 'vn_fold(full_name) LIKE, ORDER BY sort_key LIMIT 50',
        run: () => {
          const folded = query()
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/[đĐ]/g, 'd')
            .toLowerCase();
          return plainSearch(database, folded);
        },
      },
    };
    return bench;
  };

  return [
    seed,
    stats(
      'stats-root',
      () => 'TW (whole country)',
      () => paths.root,
      () => 'TW',
    ),
    stats(
      'stats-province',
      () => 'HN (province)',
      () => paths.province,
      () => 'HN',
    ),
    stats(
      'stats-grassroots',
      () => `${grassroots.code} (grassroots committee)`,
      () => grassroots.path,
      () => grassroots.code,
    ),
    series(
      'stats-series-root',
      () => 'TW (whole country)',
      () => paths.root,
      () => 'TW',
    ),
    series(
      'stats-series-province',
      () => 'HN (province)',
      () => paths.province,
      () => 'HN',
    ),
    series(
      'stats-series-grassroots',
      () => `${grassroots.code} (grassroots committee)`,
      () => grassroots.path,
      () => grassroots.code,
    ),
    search('search-full', () => 'nguyen van an'),
    search('search-partial', () => 'tran thi'),
    search('search-rare', () => rare),
  ];
}
