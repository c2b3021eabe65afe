import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { aSmallTree, testActor } from './orgs.fixtures.ts';
import type { OrgNode } from './orgs.schemas.ts';
import * as orgs from './orgs.service.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.dispose();
});

const codesOf = (node: OrgNode): string[] => [node.code, ...node.children.flatMap(codesOf)];
const childCodes = async (code: string, asOf?: string) =>
  (await orgs.listChildren(database, testActor, code, asOf)).map((c) => c.code);

async function expectError(promise: Promise<unknown>, code: string, field?: string): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const appError = err as AppError;
  expect(appError.code).toBe(code);
  if (field) expect(appError.field).toBe(field);
  expect(appError.messages.vi.length).toBeGreaterThan(0);
  expect(appError.messages.en.length).toBeGreaterThan(0);
  return appError;
}

describe('organization tree', () => {
  beforeAll(async () => {
    await aSmallTree(database);
  });

  it('returns the tree with the contract shape, children in Vietnamese name order', async () => {
    const tree = await orgs.getTree(database, testActor, { asOf: '2001-01-01' });
    expect(tree.asOf).toBe('2001-01-01');
    expect(tree.root).toMatchObject({ code: 'TW', name: 'Trung ương', kind: 'central' });
    // "Hà Nam" < "Nam Định" ; under P2: "Chi bộ Trường…" before "Đảng ủy…" (c < đ)
    expect(tree.root.children.map((c) => c.code)).toEqual(['P1', 'P2']);
    expect(tree.root.children[1]?.children.map((c) => c.code)).toEqual(['GC1', 'G2']);
    expect(Object.keys(tree.root).sort()).toEqual(['children', 'code', 'kind', 'name']);
  });

  it('has no tree before the root was founded, and no unit before its founding day', async () => {
    await expectError(orgs.getTree(database, testActor, { asOf: '1999-12-31' }), 'org.tree.no_single_root');
    await expectError(orgs.getOrg(database, testActor, 'G1', '1999-12-31'), 'org.not_yet_existing');
  });

  it('limits the depth of a subtree', async () => {
    const tree = await orgs.getTree(database, testActor, { code: 'P1', asOf: '2001-01-01', depth: 1 });
    expect(codesOf(tree.root)).toEqual(['P1', 'G1']);
  });

  it('counts units by kind in a subtree', async () => {
    const detail = await orgs.getOrg(database, testActor, 'P2', '2001-01-01');
    expect(detail.countsByKind).toEqual({
      province: 1,
      grassroots_committee: 1,
      grassroots_cell: 1,
      cell: 1,
    });
    expect(detail.ancestors.map((a) => a.code)).toEqual(['TW']);
    expect(detail.parent?.code).toBe('TW');
    expect(detail.childCount).toBe(2);
  });

  it('finds units without diacritics, with đ, with decomposed input and by code', async () => {
    const search = async (q: string) =>
      (await orgs.searchOrgs(database, testActor, { q, asOf: '2001-01-01' })).map((r) => r.code);
    expect(await search('dang uy xa tan lap')).toEqual(['G1']);
    expect(await search('DONG TAM')).toEqual(['G2']);
    expect(await search('Đồng Tâm'.normalize('NFD'))).toEqual(['G2']);
    expect(await search('thon doai')).toEqual(['C12']);
    expect(await search('tan lap dang uy')).toEqual(['G1']);
    expect(await search('C11')).toEqual(['C11']);
    expect((await search('c1')).sort()).toEqual(['C11', 'C12']);
    expect(await search('không có')).toEqual([]);
    const [first] = await orgs.searchOrgs(database, testActor, { q: 'xom bac', asOf: '2001-01-01' });
    expect(first?.ancestors).toEqual(['Trung ương', 'Đảng bộ tỉnh Nam Định', 'Đảng ủy xã Đồng Tâm']);
  });

  it('refuses a cell under a cell, a duplicate code and a second root', async () => {
    await expectError(
      orgs.createOrg(database, testActor, {
        code: 'X1',
        name: 'Chi bộ X',
        kind: 'cell',
        parentCode: 'C11',
        date: '2001-01-01',
      }),
      'org.kind_not_allowed',
      'kind',
    );
    await expectError(
      orgs.createOrg(database, testActor, {
        code: 'C11',
        name: 'Chi bộ X',
        kind: 'cell',
        parentCode: 'G1',
        date: '2001-01-01',
      }),
      'org.code_taken',
      'code',
    );
    await expectError(
      orgs.createOrg(database, testActor, {
        code: 'TW2',
        name: 'Trung ương 2',
        kind: 'central',
        date: '2001-01-01',
      }),
      'org.root_exists',
    );
  });

  it('refuses a date before the parent existed, and an impossible date', async () => {
    await expectError(
      orgs.createOrg(database, testActor, {
        code: 'X2',
        name: 'Chi bộ Y',
        kind: 'cell',
        parentCode: 'G1',
        date: '1999-05-01',
      }),
      'org.not_yet_existing',
      'date',
    );
    await expectError(
      orgs.createOrg(database, testActor, {
        code: 'X3',
        name: 'Chi bộ Z',
        kind: 'cell',
        parentCode: 'G1',
        date: '2001-02-30',
      }),
      'date.invalid',
      'date',
    );
  });

  it('a preview computes the effect and stores nothing', async () => {
    const preview = await orgs.moveOrg(
      database,
      testActor,
      { code: 'G1', toParentCode: 'P2', date: '2005-01-01' },
      { preview: true },
    );
    expect(preview.applied).toBe(false);
    expect(preview.operationId).toBeNull();
    expect(preview.unitsAffected).toBe(3);
    expect(await childCodes('P1', '2006-01-01')).toEqual(['G1']);
  });
});

describe('reorganizations keep the past', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await aSmallTree(db);
  });
  afterAll(async () => {
    await db?.dispose();
  });
  const tree = (asOf: string) => orgs.getTree(db, testActor, { asOf });
  const children = async (code: string, asOf: string) =>
    (await orgs.listChildren(db, testActor, code, asOf)).map((c) => c.code);

  it('moves a unit with its whole subtree and leaves the day before unchanged', async () => {
    const before = await tree('2004-12-31');
    const result = await orgs.moveOrg(db, testActor, {
      code: 'G1',
      toParentCode: 'P2',
      date: '2005-01-01',
      decisionRef: '15-QĐ/TU',
    });
    expect(result).toMatchObject({ applied: true, kind: 'move', unitsAffected: 3, decisionRef: '15-QĐ/TU' });
    expect(result.movedUnits).toEqual([
      { code: 'G1', name: 'Đảng ủy xã Tân Lập', fromParentCode: 'P1', toParentCode: 'P2' },
    ]);
    expect(await tree('2004-12-31')).toEqual(before);
    // c < đ, and Đồng < Tân
    expect(await children('P2', '2005-01-01')).toEqual(['GC1', 'G2', 'G1']);
    const cell = await orgs.getOrg(db, testActor, 'C11', '2005-01-01');
    expect(cell.ancestors.map((a) => a.code)).toEqual(['TW', 'P2', 'G1']);
  });

  it('refuses a move into its own subtree and a change dated before a later one', async () => {
    await expectError(
      orgs.moveOrg(db, testActor, { code: 'P2', toParentCode: 'G1', date: '2006-01-01' }),
      'org.move.cycle',
    );
    await expectError(
      orgs.moveOrg(db, testActor, { code: 'G1', toParentCode: 'C11', date: '2006-01-01' }),
      'org.move.cycle',
    );
    await expectError(
      orgs.moveOrg(db, testActor, { code: 'G1', toParentCode: 'C21', date: '2006-01-01' }),
      'org.kind_not_allowed',
      'toParentCode',
    );
    await expectError(
      orgs.renameOrg(db, testActor, { code: 'G1', name: 'Đảng ủy xã Tân Lập mới', date: '2004-06-01' }),
      'org.operation.before_later_change',
      'date',
    );
  });

  it('renames on a date and keeps the old name in the history', async () => {
    await orgs.renameOrg(db, testActor, {
      code: 'G2',
      name: 'Đảng ủy thị trấn Đồng Tâm',
      date: '2006-01-01',
    });
    expect((await orgs.getOrg(db, testActor, 'G2', '2005-12-31')).name).toBe('Đảng ủy xã Đồng Tâm');
    expect((await orgs.getOrg(db, testActor, 'G2', '2006-01-01')).name).toBe('Đảng ủy thị trấn Đồng Tâm');
    const history = await orgs.getHistory(db, testActor, 'G2');
    expect(history.versions.map((v) => [v.validFrom, v.validTo, v.name])).toEqual([
      ['2000-01-01', '2006-01-01', 'Đảng ủy xã Đồng Tâm'],
      ['2006-01-01', null, 'Đảng ủy thị trấn Đồng Tâm'],
    ]);
    expect(history.operations.map((o) => o.kind)).toEqual(['create', 'rename']);
  });

  it('adds a child dated before its parent was renamed (a rename does not move the parent)', async () => {
    await orgs.createOrg(db, testActor, {
      code: 'C22',
      name: 'Chi bộ xóm Nam',
      kind: 'cell',
      parentCode: 'G2',
      date: '2005-06-01',
    });
    expect((await orgs.getOrg(db, testActor, 'C22', '2005-06-01')).ancestors.map((a) => a.code)).toEqual([
      'TW',
      'P2',
      'G2',
    ]);
    // but not under a unit that has since moved: its path then differs from today's
    await expectError(
      orgs.createOrg(db, testActor, {
        code: 'C14',
        name: 'Chi bộ cũ',
        kind: 'cell',
        parentCode: 'G1',
        date: '2004-06-01',
      }),
      'org.operation.before_later_change',
    );
  });

  it('allows two changes on the same day', async () => {
    await orgs.createOrg(db, testActor, {
      code: 'C13',
      name: 'Chi bộ mới',
      kind: 'cell',
      parentCode: 'G1',
      date: '2007-01-01',
    });
    await orgs.renameOrg(db, testActor, { code: 'C13', name: 'Chi bộ khu phố 3', date: '2007-01-01' });
    expect((await orgs.getOrg(db, testActor, 'C13', '2007-01-01')).name).toBe('Chi bộ khu phố 3');
    expect((await orgs.getHistory(db, testActor, 'C13')).versions).toHaveLength(2);
  });

  it('refuses to merge units of different kinds unless the kind is given', async () => {
    await expectError(
      orgs.mergeOrgs(db, testActor, {
        fromCodes: ['G2', 'GC1'],
        intoCode: 'G9',
        name: 'Đảng ủy xã Mới',
        date: '2008-01-01',
      }),
      'org.merge.kind_required',
      'kind',
    );
  });

  it('merges two provinces into a new one: children move, sources close, lineage recorded', async () => {
    const before = await tree('2009-12-31');
    const result = await orgs.mergeOrgs(db, testActor, {
      fromCodes: ['P1', 'P2'],
      intoCode: 'P3',
      name: 'Đảng bộ tỉnh Ninh Bình',
      kind: 'province',
      date: '2010-01-01',
      decisionRef: '321-QĐ/TW',
    });
    expect(result.created.map((c) => c.code)).toEqual(['P3']);
    expect(result.closed.map((c) => c.code)).toEqual(['P1', 'P2']);
    // P1 has no children any more (G1 moved in 2005): P2's three children and their cells move
    expect(result.movedUnits.map((m) => m.code).sort()).toEqual(['G1', 'G2', 'GC1']);
    expect(await tree('2009-12-31')).toEqual(before);
    const after = await tree('2010-01-01');
    expect(after.root.children.map((c) => c.code)).toEqual(['P3']);
    expect(codesOf(after.root).sort()).toEqual([
      'C11',
      'C12',
      'C13',
      'C21',
      'C22',
      'G1',
      'G2',
      'GC1',
      'P3',
      'TW',
    ]);
    const history = await orgs.getHistory(db, testActor, 'P3');
    expect(history.lineage.predecessors.map((p) => [p.code, p.relation])).toEqual([
      ['P1', 'merged_into'],
      ['P2', 'merged_into'],
    ]);
    const p1 = await orgs.getHistory(db, testActor, 'P1');
    expect(p1.lineage.successors.map((s) => s.code)).toEqual(['P3']);
    expect(p1.versions.at(-1)?.validTo).toBe('2010-01-01');
    await expectError(orgs.getOrg(db, testActor, 'P1', '2010-01-01'), 'org.no_longer_existing');
  });

  it('merges a unit into an existing one, changing its kind when asked', async () => {
    const result = await orgs.mergeOrgs(db, testActor, {
      fromCodes: ['GC1'],
      intoCode: 'G2',
      kind: 'grassroots_committee',
      date: '2011-01-01',
    });
    expect(result.closed.map((c) => c.code)).toEqual(['GC1']);
    expect(result.created).toEqual([]);
    // "thị trấn" < "xã"
    expect(await children('P3', '2011-01-01')).toEqual(['G2', 'G1']);
  });

  it('splits a unit, sending each child where it is told, and refuses a forgotten child', async () => {
    await expectError(
      orgs.splitOrg(db, testActor, {
        code: 'G1',
        into: [
          { code: 'G1A', name: 'Đảng ủy xã Tân Lập A' },
          { code: 'G1B', name: 'Đảng ủy xã Tân Lập B' },
        ],
        assign: { C11: 'G1A' },
        date: '2012-01-01',
      }),
      'org.split.unassigned_child',
    );
    const result = await orgs.splitOrg(db, testActor, {
      code: 'G1',
      into: [
        { code: 'G1A', name: 'Đảng ủy xã Tân Lập A' },
        { code: 'G1B', name: 'Đảng ủy xã Tân Lập B' },
      ],
      assign: { C11: 'G1A', C12: 'G1B', C13: 'G1B' },
      date: '2012-01-01',
    });
    expect(result.closed.map((c) => c.code)).toEqual(['G1']);
    expect(await children('G1A', '2012-01-01')).toEqual(['C11']);
    expect(await children('G1B', '2012-01-01')).toEqual(['C13', 'C12']);
    expect(await children('G1', '2011-12-31')).toEqual(['C13', 'C12', 'C11']);
    const g1 = await orgs.getHistory(db, testActor, 'G1');
    expect(g1.lineage.successors.map((s) => [s.code, s.relation])).toEqual([
      ['G1A', 'split_into'],
      ['G1B', 'split_into'],
    ]);
  });

  it('dissolves only an empty unit', async () => {
    await expectError(
      orgs.dissolveOrg(db, testActor, { code: 'G1A', date: '2013-01-01' }),
      'org.dissolve.not_empty',
    );
    await orgs.moveOrg(db, testActor, { code: 'C11', toParentCode: 'G1B', date: '2013-01-01' });
    await orgs.dissolveOrg(db, testActor, { code: 'G1A', date: '2013-01-01', decisionRef: '88-QĐ/TU' });
    expect(await children('P3', '2013-01-01')).toEqual(['G2', 'G1B']);
    expect(await children('P3', '2012-12-31')).toEqual(['G2', 'G1A', 'G1B']);
    await expectError(orgs.getOrg(db, testActor, 'G1A', '2013-01-01'), 'org.no_longer_existing');
  });
});
