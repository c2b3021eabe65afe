import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { canBeChildOf, type OrgKind } from '../../core/org-kinds.ts';
import { personSortKey } from '../../core/vn-text.ts';
import type { Database } from '../../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { getStats } from '../members/members.service.ts';
import { generateOrgTree, type SeedPlan, type SeedUnit } from './seed.generator.ts';
import { generateMembers } from './seed.member-generator.ts';
import { PROVINCES } from './seed.places.ts';
import { type SeedResult, seedOrgTree, seedPlan } from './seed.service.ts';

const actor = { id: 'system:test' };
/** Fixed, so the seeded members do not depend on the day the tests run. */
const MEMBERS_AS_OF = '2026-01-15';

function generate(plan: Partial<SeedPlan> = {}): SeedUnit[] {
  return [...generateOrgTree({ scale: 'demo', seed: 1, date: '2025-07-01', ...plan })];
}

function countKinds(units: Iterable<{ kind: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const u of units) counts[u.kind] = (counts[u.kind] ?? 0) + 1;
  return counts;
}

describe('seed generator', () => {
  it('yields the same units for the same seed', () => {
    expect(generate({ seed: 42 })).toEqual(generate({ seed: 42 }));
  });

  it('yields different names for a different seed, with the same shape of codes', () => {
    const a = generate({ seed: 1 });
    const b = generate({ seed: 2 });
    expect(a.map((u) => u.name)).not.toEqual(b.map((u) => u.name));
    expect(a[0]?.code).toBe('TW');
    expect(b[1]?.code).toBe('HN');
  });

  it('gives the national tree 34 provinces, 6 central blocs, ~54,000 grassroots organizations and ~250,000 cells', () => {
    const counts: Record<string, number> = {};
    const codes = new Set<string>();
    const tops: SeedUnit[] = [];
    let units = 0;
    for (const u of generateOrgTree({ scale: 'national', seed: 7, date: '2025-07-01' })) {
      units++;
      counts[u.kind] = (counts[u.kind] ?? 0) + 1;
      codes.add(u.code);
      if (u.kind === 'province') tops.push(u);
    }
    expect(codes.size).toBe(units);
    expect(tops).toHaveLength(40);
    expect(tops.map((t) => t.name)).toContain('Đảng bộ tỉnh Ninh Bình');
    expect(tops.map((t) => t.name)).toContain('Đảng bộ Quân đội');
    expect(PROVINCES.reduce((sum, p) => sum + (p.communes ?? 0), 0)).toBe(3321);
    expect((counts.grassroots_committee ?? 0) + (counts.grassroots_cell ?? 0)).toBe(54_000);
    expect(counts.cell).toBeGreaterThan(230_000);
    expect(counts.cell).toBeLessThan(270_000);
  });

  it('dates every unit no earlier than its parent and no later than the seed date', () => {
    const byId = new Map<number, SeedUnit>();
    for (const u of generate({ scale: 'province', date: '2025-07-01' })) {
      byId.set(u.id, u);
      const parent = u.parentId === null ? undefined : byId.get(u.parentId);
      expect(u.validFrom <= '2025-07-01').toBe(true);
      if (parent) expect(u.validFrom >= parent.validFrom).toBe(true);
    }
    const older = [...byId.values()].filter((u) => u.validFrom < '2025-07-01');
    expect(older.length).toBeGreaterThan(100);
  });

  it('never dates a unit after an earlier --date', () => {
    for (const u of generate({ date: '2001-01-01' })) expect(u.validFrom <= '2001-01-01').toBe(true);
  });

  it('rejects a scale, seed or date it does not know', () => {
    expect(() => seedPlan({ scale: 'huge' as 'demo' })).toThrowError(AppError);
    expect(() => seedPlan({ scale: 'demo', seed: -1 })).toThrowError(/seed/);
    expect(() => seedPlan({ scale: 'demo', seed: 1.5 })).toThrowError(/seed/);
    expect(() => seedPlan({ scale: 'demo', date: '2025-02-30' })).toThrowError(/date/i);
    expect(seedPlan({ scale: 'demo', date: '01/07/2025' }).date).toBe('2025-07-01');
  });
});

describe('seeding the demo tree', () => {
  let database: TestDatabase;
  let result: SeedResult;
  const progress: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    result = await seedOrgTree(database, actor, {
      scale: 'demo',
      seed: 1,
      membersAsOf: MEMBERS_AS_OF,
      onProgress: (n) => progress.push(n),
    });
  });

  afterAll(async () => {
    await database?.dispose();
  });

  interface Row {
    unit_id: number;
    code: string;
    kind: string;
    path: string;
    top_id: number | null;
    valid_from: string;
    parent_kind: string | null;
    parent_code: string | null;
    parent_path: string | null;
    parent_top_id: number | null;
  }

  async function rows(): Promise<Row[]> {
    const { rows } = await sql<Row>`SELECT v.unit_id, u.code, v.kind, v.path::text AS path, v.top_id,
        v.valid_from, p.kind AS parent_kind, pu.code AS parent_code, p.path::text AS parent_path,
        p.top_id AS parent_top_id
      FROM org_unit_version v
      JOIN org_unit u ON u.id = v.unit_id
      LEFT JOIN org_unit_version p ON p.unit_id = v.parent_id AND p.valid_to IS NULL
      LEFT JOIN org_unit pu ON pu.id = v.parent_id
      WHERE v.valid_to IS NULL
      ORDER BY v.unit_id`.execute(database.db);
    return rows;
  }

  it('reports counts in the expected ranges, matching what is stored', async () => {
    const stored = await rows();
    expect(result.units).toBe(stored.length);
    expect(result.byKind).toEqual({ ...result.byKind, ...countKinds(stored) });
    expect(result.byKind.central).toBe(1);
    expect(result.byKind.province).toBe(1);
    expect(result.byKind.grassroots_committee + result.byKind.grassroots_cell).toBe(300);
    expect(result.byKind.cell).toBeGreaterThan(1200);
    expect(result.byKind.cell).toBeLessThan(1800);
    expect(progress.at(-1)).toBe(2 * result.units);
  });

  it('puts every unit under a parent of a kind allowed for it', async () => {
    for (const r of await rows()) {
      expect(
        canBeChildOf(r.kind as OrgKind, r.parent_kind as OrgKind | null),
        `${r.code} ${r.kind} under ${r.parent_kind}`,
      ).toBe(true);
    }
  });

  it('stores paths that extend the parent path with the unit id, and the province as top_id', async () => {
    for (const r of await rows()) {
      if (r.parent_path === null) {
        expect(r.path).toBe(String(r.unit_id));
        expect(r.top_id).toBeNull();
      } else {
        expect(r.path).toBe(`${r.parent_path}.${r.unit_id}`);
        expect(r.top_id).toBe(r.kind === 'province' ? r.unit_id : r.parent_top_id);
      }
    }
  });

  it('gives unique codes that extend the parent code', async () => {
    const stored = await rows();
    expect(new Set(stored.map((r) => r.code)).size).toBe(stored.length);
    for (const r of stored) {
      if (r.parent_code !== null && r.parent_code !== 'TW')
        expect(r.code.startsWith(`${r.parent_code}.`)).toBe(true);
    }
  });

  it('records one seed operation with the counts', async () => {
    const ops = await database.db.selectFrom('org_operation').selectAll().execute();
    expect(ops).toHaveLength(1);
    expect(ops[0]?.kind).toBe('seed');
    expect(ops[0]?.actor).toBe(actor.id);
    expect(ops[0]?.summary).toMatchObject({ scale: 'demo', seed: 1, units: result.units });
  });

  it('leaves the id sequences past the seeded rows, so later inserts do not collide', async () => {
    const unit = await database.db
      .insertInto('org_unit')
      .values({ code: 'X.NEW' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(unit.id).toBe(result.units + 1);
    await database.db.deleteFrom('org_unit').where('id', '=', unit.id).execute();
  });

  it('seeds about 30,000 members in the demo, ~36 % women, ~3 % probationary, most with a national ID', async () => {
    const members = result.members;
    expect(members).toBeDefined();
    const { rows } = await sql<{
      n: number;
      women: number;
      probationary: number;
      with_id: number;
      kinh: number;
      current: number;
    }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE sex = 'female')::int AS women,
        count(*) FILTER (WHERE standing = 'probationary' AND state IN ('active', 'in_transit'))::int AS probationary,
        count(national_id)::int AS with_id, count(*) FILTER (WHERE ethnicity = '01')::int AS kinh,
        count(*) FILTER (WHERE state IN ('active', 'in_transit'))::int AS current
      FROM member`.execute(database.db);
    const r = rows[0] as NonNullable<(typeof rows)[0]>;
    expect(r.n).toBe(members?.members);
    expect(r.current).toBe(members?.current);
    expect(r.probationary).toBe(members?.probationary);
    expect(r.n).toBeGreaterThan(25_000);
    expect(r.n).toBeLessThan(45_000);
    expect(r.women / r.n).toBeGreaterThan(0.33);
    expect(r.women / r.n).toBeLessThan(0.39);
    expect(r.probationary / r.current).toBeGreaterThan(0.015);
    expect(r.probationary / r.current).toBeLessThan(0.05);
    expect(r.with_id / r.n).toBeGreaterThan(0.87);
    expect(r.with_id / r.n).toBeLessThan(0.93);
    expect(r.kinh / r.n).toBeGreaterThan(0.8);
  });

  it('admits every member at 18 to 60 years counted by month, born 1935–2006, official 12 months later', async () => {
    const { rows } = await sql<{ bad: number }>`SELECT count(*)::int AS bad FROM member
      WHERE (extract(year FROM admission_date) * 12 + extract(month FROM admission_date))
          - (extract(year FROM birth_date) * 12 + extract(month FROM birth_date)) NOT BETWEEN 216 AND 720
        OR birth_date < '1935-01-01' OR birth_date > '2006-12-31' OR admission_date > ${MEMBERS_AS_OF}::date
        OR (standing = 'official') <> (official_date IS NOT NULL)
        OR (official_date IS NOT NULL AND official_date <> (admission_date + interval '12 months')::date)
        OR (standing = 'official') <> (party_card_no IS NOT NULL OR standing = 'official' AND party_card_no IS NULL)`.execute(
      database.db,
    );
    expect(rows[0]?.bad).toBe(0);
  });

  it('fills sort keys with personSortKey and gives unique 12-digit national IDs', async () => {
    const { rows } = await sql<{ full_name: string; sort_key: string; national_id: string | null }>`
      SELECT full_name, sort_key, national_id FROM member`.execute(database.db);
    const ids = new Set<string>();
    for (const r of rows) {
      expect(r.sort_key).toBe(personSortKey(r.full_name));
      expect(r.full_name.split(' ').length).toBeGreaterThanOrEqual(3);
      if (r.national_id !== null) {
        expect(r.national_id).toMatch(/^[0-9]{12}$/);
        ids.add(r.national_id);
      }
    }
    expect(ids.size).toBe(rows.filter((r) => r.national_id !== null).length);
    const nguyen = rows.filter((r) => r.full_name.startsWith('Nguyễn ')).length / rows.length;
    expect(nguyen).toBeGreaterThan(0.28);
    expect(nguyen).toBeLessThan(0.42);
  });

  it('keeps every active member in exactly one open membership, in the cell the member row names', async () => {
    const { rows } = await sql<{ state: string; open: number; in_cell: number; n: number }>`
      SELECT m.state, count(ms.id) FILTER (WHERE ms.valid_to IS NULL)::int AS open,
        count(ms.id) FILTER (WHERE ms.valid_to IS NULL AND ms.cell_id = m.cell_id AND v.kind IN ('cell', 'grassroots_cell'))::int AS in_cell,
        count(DISTINCT m.id)::int AS n
      FROM member m LEFT JOIN membership ms ON ms.member_id = m.id
      LEFT JOIN org_unit_version v ON v.unit_id = ms.cell_id AND v.valid_to IS NULL
      GROUP BY m.state ORDER BY m.state`.execute(database.db);
    const byState = Object.fromEntries(rows.map((r) => [r.state, r]));
    expect(byState.active?.open).toBe(byState.active?.n);
    expect(byState.active?.in_cell).toBe(byState.active?.n);
    expect(byState.deceased?.n).toBeGreaterThan(0);
    expect(byState.deceased?.open).toBe(0);
    for (const r of rows) if (r.state !== 'active') expect(r.open, r.state).toBe(0);
    const transfers = await sql<{ received: number; open: number; events: number }>`
      SELECT count(*) FILTER (WHERE received_date IS NOT NULL)::int AS received,
        count(*) FILTER (WHERE received_date IS NULL)::int AS open,
        (SELECT count(*)::int FROM member_event WHERE kind = 'transfer_in') AS events
      FROM member_transfer`.execute(database.db);
    const t = transfers.rows[0];
    expect(t?.received).toBe(t?.events);
    expect((t?.received ?? 0) / (result.members?.members ?? 1)).toBeGreaterThan(0.03);
    expect(t?.open).toBe(byState.in_transit?.n ?? 0);
  });

  it('records an admission event per member and a recognition per official member', async () => {
    const { rows } = await sql<{ kind: string; n: number }>`SELECT kind, count(*)::int AS n FROM member_event
      GROUP BY kind`.execute(database.db);
    const events = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(events.admission).toBe(result.members?.members);
    const official = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM member WHERE standing = 'official'`.execute(database.db);
    expect(events.recognition).toBe(official.rows[0]?.n);
  });

  it('fills the rollups so that statistics equal a plain recount', async () => {
    const stats = await getStats(database, actor, { org: 'TW' });
    const { rows } = await sql<{ n: number; official: number; women: number }>`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE standing = 'official')::int AS official,
        count(*) FILTER (WHERE sex = 'female')::int AS women
      FROM member WHERE state IN ('active', 'in_transit')`.execute(database.db);
    expect(stats.source).toBe('rollup');
    expect(stats.total).toBe(rows[0]?.n);
    expect(stats.official).toBe(rows[0]?.official);
    expect(stats.bySex.female).toBe(rows[0]?.women);
    const hanoi = await getStats(database, actor, { org: 'HN' });
    expect(hanoi.total).toBe(rows[0]?.n);
    // every cell's rollup equals what a change would recompute for it
    const diff = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
        (SELECT cell_id, dim, value, n FROM member_stat_cell
         EXCEPT SELECT * FROM member_stat_rows(ARRAY(SELECT DISTINCT cell_id FROM member)))
        UNION ALL
        (SELECT * FROM member_stat_rows(ARRAY(SELECT DISTINCT cell_id FROM member))
         EXCEPT SELECT cell_id, dim, value, n FROM member_stat_cell)) d`.execute(database.db);
    expect(diff.rows[0]?.n).toBe(0);
  });

  it('leaves the member id sequence past the seeded rows', async () => {
    const { rows } = await sql<{
      next: number;
    }>`SELECT nextval(pg_get_serial_sequence('member', 'id'))::int AS next`.execute(database.db);
    expect(rows[0]?.next).toBe((result.members?.members ?? 0) + 1);
  });

  it('refuses to seed a tree that is not empty', async () => {
    await expect(seedOrgTree(database, actor, { scale: 'demo' })).rejects.toMatchObject({
      code: 'seed.tree_not_empty',
      kind: 'conflict',
    });
    expect(
      await database.db
        .selectFrom('org_unit')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ).toEqual({
      n: result.units,
    });
  });
});

describe('member generator', () => {
  const plan = { scale: 'demo', seed: 3, date: '2025-07-01', asOf: '2026-01-15' } as const;

  it('yields the same members for the same seed and date, and others for another seed', () => {
    const first = [...generateMembers(plan)];
    const again = [...generateMembers(plan)];
    expect(again.length).toBe(first.length);
    expect(again.slice(0, 500)).toEqual(first.slice(0, 500));
    expect(again.at(-1)).toEqual(first.at(-1));
    const other = generateMembers({ ...plan, seed: 4 }).next().value;
    expect(other?.fullName).not.toBe(first[0]?.fullName);
  });

  it('counts ids up from 1 and dates every event on or after admission, none after the reference date', () => {
    let id = 0;
    for (const m of generateMembers(plan)) {
      expect(m.id).toBe(++id);
      for (const e of m.events) {
        expect(e.date >= m.admissionDate).toBe(true);
        expect(e.date <= plan.asOf).toBe(true);
      }
      const open = m.memberships.filter((s) => s.to === null);
      expect(open.length).toBe(m.state === 'active' ? 1 : 0);
    }
  });
});

describe('a seed that fails half-way', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('removes what it wrote, so the seed can be run again', async () => {
    const failing: Database = {
      ...database,
      copyRows: (table, columns, rows) =>
        table === 'org_unit_version'
          ? Promise.reject(new Error('disk full'))
          : database.copyRows(table, columns, rows),
    };
    await expect(seedOrgTree(failing, actor, { scale: 'demo' })).rejects.toThrow('disk full');
    expect(await database.db.selectFrom('org_unit').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('org_operation').select('id').execute()).toEqual([]);
    const again = await seedOrgTree(database, actor, { scale: 'demo' });
    expect(again.units).toBeGreaterThan(1000);
  });
});
