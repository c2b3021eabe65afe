/**
 * Property: over any sequence of dated reorganizations, no unit is lost, no cycle ever exists,
 * and the tree as of every earlier date is unchanged by later operations.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { canBeChildOf, type OrgKind } from '../../core/org-kinds.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { aSmallTree, testActor } from './orgs.fixtures.ts';
import type { OrgNode, OrgTree } from './orgs.schemas.ts';
import * as orgs from './orgs.service.ts';

type Step =
  | { op: 'move'; unit: number; parent: number }
  | { op: 'rename'; unit: number }
  | { op: 'merge'; a: number; b: number; intoNew: boolean }
  | { op: 'split'; unit: number; pick: number }
  | { op: 'dissolve'; unit: number }
  | { op: 'create'; parent: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('move' as const), unit: fc.nat(), parent: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), unit: fc.nat() }),
  fc.record({ op: fc.constant('merge' as const), a: fc.nat(), b: fc.nat(), intoNew: fc.boolean() }),
  fc.record({ op: fc.constant('split' as const), unit: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constant('dissolve' as const), unit: fc.nat() }),
  fc.record({ op: fc.constant('create' as const), parent: fc.nat() }),
);

const flatten = (
  node: OrgNode,
  parent: OrgNode | null = null,
): { node: OrgNode; parent: OrgNode | null }[] => [
  { node, parent },
  ...node.children.flatMap((c) => flatten(c, node)),
];

let seq = 0;
const freshCode = () => `N${++seq}`;

async function applyStep(database: TestDatabase, step: Step, tree: OrgTree, date: string): Promise<void> {
  const units = flatten(tree.root).filter((u) => u.parent !== null);
  const pick = (i: number) => units[i % Math.max(units.length, 1)]?.node;
  const all = flatten(tree.root).map((u) => u.node);
  switch (step.op) {
    case 'move': {
      const unit = pick(step.unit);
      const parent = all[step.parent % all.length];
      if (unit && parent)
        await orgs.moveOrg(database, testActor, { code: unit.code, toParentCode: parent.code, date });
      return;
    }
    case 'rename': {
      const unit = pick(step.unit);
      if (unit)
        await orgs.renameOrg(database, testActor, { code: unit.code, name: `${unit.name} (mới)`, date });
      return;
    }
    case 'merge': {
      const a = pick(step.a);
      const b = pick(step.b);
      if (!a || !b) return;
      if (step.intoNew) {
        await orgs.mergeOrgs(database, testActor, {
          fromCodes: [a.code, b.code],
          intoCode: freshCode(),
          name: 'Đảng bộ hợp nhất',
          kind: a.kind,
          date,
        });
      } else {
        await orgs.mergeOrgs(database, testActor, { fromCodes: [a.code], intoCode: b.code, date });
      }
      return;
    }
    case 'split': {
      const unit = pick(step.unit);
      if (!unit) return;
      const [x, y] = [freshCode(), freshCode()];
      const assign = Object.fromEntries(
        unit.children.map((c, i) => [c.code, (i + step.pick) % 2 === 0 ? x : y]),
      );
      await orgs.splitOrg(database, testActor, {
        code: unit.code,
        into: [
          { code: x, name: `${unit.name} A` },
          { code: y, name: `${unit.name} B` },
        ],
        assign,
        date,
      });
      return;
    }
    case 'dissolve': {
      const unit = pick(step.unit);
      if (unit) await orgs.dissolveOrg(database, testActor, { code: unit.code, date });
      return;
    }
    case 'create': {
      const parent = all[step.parent % all.length];
      if (!parent) return;
      const kind: OrgKind | undefined = (
        ['province', 'grassroots_committee', 'cell', 'grassroots_cell'] as const
      ).find((k) => canBeChildOf(k, parent.kind));
      if (kind)
        await orgs.createOrg(database, testActor, {
          code: freshCode(),
          name: 'Chi bộ mới',
          kind,
          parentCode: parent.code,
          date,
        });
    }
  }
}

function checkInvariants(tree: OrgTree): void {
  const seen = new Set<string>();
  for (const { node, parent } of flatten(tree.root)) {
    // no cycle: every code appears once in the tree
    expect(seen.has(node.code)).toBe(false);
    seen.add(node.code);
    if (parent) expect(canBeChildOf(node.kind, parent.kind)).toBe(true);
  }
}

describe('random sequences of reorganizations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('never lose a unit, never make a cycle, never change the past', async () => {
    let run = 0;
    const outcomes = { applied: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 10 }), async (steps) => {
        run += 1;
        // each run gets its own root codes by working on a fresh tree in its own date range
        await database.execScript('TRUNCATE org_lineage, org_unit_version, org_unit, org_operation CASCADE;');
        await aSmallTree(database);
        let date = '2001-01-01';
        const snapshots: { date: string; tree: OrgTree }[] = [];
        for (const step of steps) {
          const before = await orgs.getTree(database, testActor, { asOf: date });
          snapshots.push({
            date: addDays(date, -1),
            tree: await orgs.getTree(database, testActor, { asOf: addDays(date, -1) }),
          });
          try {
            await applyStep(database, step, before, date);
            outcomes.applied += 1;
          } catch (err) {
            outcomes.refused += 1;
            // refused operations must be clear errors and leave no trace
            expect(err).toBeInstanceOf(AppError);
            expect(await orgs.getTree(database, testActor, { asOf: date })).toEqual(before);
          }
          const after = await orgs.getTree(database, testActor, { asOf: date });
          checkInvariants(after);
          // no unit lost: every unit of the day before is still in the tree, or its end is recorded
          const nowCodes = new Set(flatten(after.root).map((u) => u.node.code));
          for (const { node } of flatten(before.root)) {
            if (nowCodes.has(node.code)) continue;
            const history = await orgs.getHistory(database, testActor, node.code);
            const last = history.versions.at(-1);
            expect(last?.validTo).toBe(date);
            const closing = history.operations.at(-1);
            expect(['merge', 'split', 'dissolve']).toContain(closing?.kind);
          }
          for (const snapshot of snapshots) {
            expect(await orgs.getTree(database, testActor, { asOf: snapshot.date })).toEqual(snapshot.tree);
          }
          date = addDays(date, 1 + (run % 3));
        }
      }),
      { numRuns: 25, seed: 20261123 },
    );
    // the property is only worth something if most generated operations really ran
    expect(outcomes.applied).toBeGreaterThan(outcomes.refused);
  }, 300_000);
});
