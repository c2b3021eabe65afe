/** The command line as users run it: a real process on an embedded database folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { runCli } from './cli-runner.ts';

let dir: string;
const data = () => ['--data', dir];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-cli-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('tochuc org', () => {
  it('creates units and prints the tree in the contract shape', async () => {
    const units = [
      ['--code', 'TW', '--name', 'Trung ương', '--kind', 'central'],
      ['--code', 'HN', '--name', 'Đảng bộ thành phố Hà Nội', '--kind', 'province', '--parent', 'TW'],
      ['--code', 'X1', '--name', 'Đảng ủy xã Tân Lập', '--kind', 'grassroots_committee', '--parent', 'HN'],
      ['--code', 'X2', '--name', 'Đảng ủy xã Đồng Tâm', '--kind', 'grassroots_committee', '--parent', 'HN'],
      ['--code', 'X1C1', '--name', 'Chi bộ thôn 1', '--kind', 'cell', '--parent', 'X1'],
      ['--code', 'X2C1', '--name', 'Chi bộ thôn 2', '--kind', 'cell', '--parent', 'X2'],
    ];
    for (const unit of units) {
      const res = await runCli(['org', 'create', ...unit, '--date', '2020-01-01', ...data()]);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
    }
    const res = await runCli(['org', 'tree', '--as-of', '2021-01-01', '--json', ...data()]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      asOf: '2021-01-01',
      root: {
        code: 'TW',
        name: 'Trung ương',
        kind: 'central',
        children: [
          {
            code: 'HN',
            name: 'Đảng bộ thành phố Hà Nội',
            kind: 'province',
            children: [
              {
                code: 'X2',
                name: 'Đảng ủy xã Đồng Tâm',
                kind: 'grassroots_committee',
                children: [{ code: 'X2C1', name: 'Chi bộ thôn 2', kind: 'cell', children: [] }],
              },
              {
                code: 'X1',
                name: 'Đảng ủy xã Tân Lập',
                kind: 'grassroots_committee',
                children: [{ code: 'X1C1', name: 'Chi bộ thôn 1', kind: 'cell', children: [] }],
              },
            ],
          },
        ],
      },
    });
  });

  it('merges into a new unit, renames, and prints the history with decisions', async () => {
    const merge = await runCli([
      'org',
      'merge',
      '--from',
      'X1,X2',
      '--into',
      'X3',
      '--name',
      'Đảng ủy xã Tân Đồng',
      '--kind',
      'grassroots_committee',
      '--date',
      '2025-07-01',
      '--decision',
      '123-QĐ/TU',
      '--json',
      ...data(),
    ]);
    expect(merge.code).toBe(0);
    expect(JSON.parse(merge.stdout)).toMatchObject({
      applied: true,
      kind: 'merge',
      decisionRef: '123-QĐ/TU',
    });
    const rename = await runCli([
      'org',
      'rename',
      '--org',
      'X3',
      '--name',
      'Đảng ủy phường Tân Đồng',
      '--date',
      '2026-01-01',
      ...data(),
    ]);
    expect(rename.code).toBe(0);
    const history = JSON.parse((await runCli(['org', 'history', '--org', 'X3', '--json', ...data()])).stdout);
    expect(history.versions.map((v: { name: string }) => v.name)).toEqual([
      'Đảng ủy xã Tân Đồng',
      'Đảng ủy phường Tân Đồng',
    ]);
    expect(
      history.operations.map((o: { kind: string; decisionRef: string | null }) => [o.kind, o.decisionRef]),
    ).toEqual([
      ['merge', '123-QĐ/TU'],
      ['rename', null],
    ]);
    expect(history.operations[0].actor).toMatch(/^system:/);
    expect(history.lineage.predecessors.map((p: { code: string }) => p.code)).toEqual(['X1', 'X2']);
    const before = JSON.parse(
      (await runCli(['org', 'tree', '--org', 'HN', '--as-of', '2025-06-30', '--json', ...data()])).stdout,
    );
    expect(before.root.children.map((c: { code: string }) => c.code)).toEqual(['X2', 'X1']);
  });

  it('moves, splits and dissolves', async () => {
    expect(
      (
        await runCli([
          'org',
          'create',
          '--code',
          'X3C2',
          '--name',
          'Chi bộ khu phố 3',
          '--kind',
          'cell',
          '--parent',
          'X3',
          '--date',
          '2026-02-01',
          ...data(),
        ])
      ).code,
    ).toBe(0);
    const split = await runCli([
      'org',
      'split',
      '--org',
      'X3',
      '--into',
      'X4:Đảng ủy phường Bắc,X5:Đảng ủy phường Nam',
      '--assign',
      'X1C1=X4,X2C1=X5,X3C2=X5',
      '--date',
      '2026-03-01',
      '--json',
      ...data(),
    ]);
    expect(split.code).toBe(0);
    expect(JSON.parse(split.stdout).created.map((c: { code: string }) => c.code)).toEqual(['X4', 'X5']);
    expect(
      (await runCli(['org', 'move', '--org', 'X1C1', '--to', 'X5', '--date', '2026-04-01', ...data()])).code,
    ).toBe(0);
    expect(
      (
        await runCli([
          'org',
          'dissolve',
          '--org',
          'X4',
          '--date',
          '2026-04-01',
          '--decision',
          '9-QĐ/TU',
          ...data(),
        ])
      ).code,
    ).toBe(0);
    const tree = JSON.parse(
      (await runCli(['org', 'tree', '--org', 'HN', '--as-of', '2026-04-01', '--json', ...data()])).stdout,
    );
    expect(tree.root.children.map((c: { code: string }) => c.code)).toEqual(['X5']);
  });

  it('refuses bad input in both languages with a non-zero exit and nothing on stdout', async () => {
    const res = await runCli([
      'org',
      'create',
      '--code',
      'BAD',
      '--name',
      'Chi bộ',
      '--kind',
      'cell',
      '--parent',
      'X1C1',
      '--date',
      '2026-05-01',
      '--json',
      ...data(),
    ]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('Lỗi');
    expect(res.stderr).toContain('Error');
    const bad = await runCli(['org', 'move', '--org', 'X5', '--to', 'TW', '--date', '2026-13-01', ...data()]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Ngày không hợp lệ.*\n.*Invalid date/);
  });

  it('adds and finds members, and prints statistics, in the contract shapes', async () => {
    const add = await runCli([
      'members',
      'add',
      '--full-name',
      'Nguyễn Văn An',
      '--birth-date',
      '1990-04-12',
      '--sex',
      'male',
      '--admission-date',
      '2015-05-19',
      '--official-date',
      '2016-05-19',
      '--cell',
      'X1C1',
      '--national-id',
      '001090001234',
      '--json',
      ...data(),
    ]);
    expect(add.stderr).toBe('');
    const { id } = JSON.parse(add.stdout);
    expect(JSON.parse(add.stdout)).toEqual({ id: expect.any(Number) });
    const search = await runCli([
      'members',
      'search',
      'nguyen van an',
      '--org',
      'HN',
      '--limit',
      '5',
      '--json',
      ...data(),
    ]);
    expect(JSON.parse(search.stdout)).toEqual({
      results: [
        {
          id,
          fullName: 'Nguyễn Văn An',
          birthDate: '1990-04-12',
          sex: 'male',
          cellCode: 'X1C1',
          status: 'official',
        },
      ],
    });
    const stats = JSON.parse((await runCli(['stats', '--org', 'HN', '--json', ...data()])).stdout);
    expect(stats).toMatchObject({
      org: 'HN',
      total: 1,
      official: 1,
      probationary: 0,
      bySex: { male: 1, female: 0 },
    });
    expect(Object.keys(stats.byAgeBand)).toEqual(['<=30', '31-40', '41-50', '51-60', '>60']);
    expect(stats).toHaveProperty('admittedThisYear');
    expect(stats).toHaveProperty('admissionRate');
    const series = JSON.parse(
      (
        await runCli([
          'stats',
          '--org',
          'HN',
          '--series',
          '--from',
          '2019',
          '--to',
          '2021',
          '--json',
          ...data(),
        ])
      ).stdout,
    );
    // admitted in 2015, in the cell from its founding on 01/01/2020
    expect(
      series.points.map((p: { year: number; total: number; official: number }) => [
        p.year,
        p.total,
        p.official,
      ]),
    ).toEqual([
      [2019, 0, 0],
      [2020, 1, 1],
      [2021, 1, 1],
    ]);
    const duplicate = await runCli([
      'members',
      'add',
      '--full-name',
      'Trần Văn Bình',
      '--birth-date',
      '1990-04-12',
      '--sex',
      'male',
      '--admission-date',
      '2015-05-19',
      '--cell',
      'X1C1',
      '--national-id',
      '001090001234',
      '--json',
      ...data(),
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('CCCD');
  });

  it('answers --help', async () => {
    const res = await runCli(['--help']);
    expect(res.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'org']) expect(res.stdout).toContain(command);
  });
});

describe('tochuc seed', () => {
  const seedInto = async (extra: string[]) => {
    const folder = fs.mkdtempSync(path.join(dir, 'seed-'));
    const res = await runCli([
      'seed',
      '--scale',
      'demo',
      '--no-members',
      '--json',
      ...extra,
      '--data',
      folder,
    ]);
    expect(res.code, res.stderr).toBe(0);
    const database = await openDatabase({ dataDir: folder });
    try {
      const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM document`.execute(database.db);
      return {
        result: JSON.parse(res.stdout) as { units: number; documents?: { real: number; synthetic: number } },
        stored: Number(stored.rows[0]?.n),
      };
    } finally {
      await database.close();
    }
  };

  it('fills the document register at the scale of the tree, unless --no-documents', async () => {
    const withDocuments = await seedInto([]);
    expect(withDocuments.result.units).toBeGreaterThan(1_000);
    const { real = 0, synthetic = 0 } = withDocuments.result.documents ?? {};
    expect(real).toBeGreaterThan(0);
    expect(synthetic).toBeGreaterThan(0);
    expect(withDocuments.stored).toBe(real + synthetic);
    const without = await seedInto(['--no-documents']);
    expect(without.result.units).toBe(withDocuments.result.units);
    expect(without.result.documents).toBeUndefined();
    expect(without.stored).toBe(0);
  });
});
