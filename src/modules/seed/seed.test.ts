import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { canBeChildOf, type OrgKind } from '../../core/org-kinds.ts';
import type { Database } from '../../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { generateOrgTree, type SeedPlan, type SeedUnit } from './seed.generator.ts';
import { PROVINCES } from './seed.places.ts';
import { type SeedResult, seedOrgTree, seedPlan } from './seed.service.ts';

const actor = { id: 'system:test' };

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
