/** Test factories for the organization tree (used by tests only). */
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../db/transaction.ts';
import type { CreateOrgInput } from './orgs.schemas.ts';
import { createOrg } from './orgs.service.ts';

export const testActor: Actor = { id: 'test:runner' };

let counter = 0;

export function anOrg(overrides: Partial<CreateOrgInput> = {}): CreateOrgInput {
  counter += 1;
  return {
    code: `U${counter}`,
    name: `Chi bộ số ${counter}`,
    kind: 'cell',
    date: '2000-01-01',
    ...overrides,
  };
}

/**
 * A small tree: TW → two provinces (P1 Hà Nam, P2 Nam Định) → grassroots committees with
 * cells, and a grassroots cell. All founded 01/01/2000.
 */
export async function aSmallTree(database: Database): Promise<void> {
  const units: CreateOrgInput[] = [
    { code: 'TW', name: 'Trung ương', kind: 'central', date: '2000-01-01' },
    { code: 'P1', name: 'Đảng bộ tỉnh Hà Nam', kind: 'province', parentCode: 'TW', date: '2000-01-01' },
    { code: 'P2', name: 'Đảng bộ tỉnh Nam Định', kind: 'province', parentCode: 'TW', date: '2000-01-01' },
    {
      code: 'G1',
      name: 'Đảng ủy xã Tân Lập',
      kind: 'grassroots_committee',
      parentCode: 'P1',
      date: '2000-01-01',
    },
    { code: 'C11', name: 'Chi bộ thôn Đông', kind: 'cell', parentCode: 'G1', date: '2000-01-01' },
    { code: 'C12', name: 'Chi bộ thôn Đoài', kind: 'cell', parentCode: 'G1', date: '2000-01-01' },
    {
      code: 'G2',
      name: 'Đảng ủy xã Đồng Tâm',
      kind: 'grassroots_committee',
      parentCode: 'P2',
      date: '2000-01-01',
    },
    { code: 'C21', name: 'Chi bộ xóm Bắc', kind: 'cell', parentCode: 'G2', date: '2000-01-01' },
    {
      code: 'GC1',
      name: 'Chi bộ Trường Tiểu học Lê Lợi',
      kind: 'grassroots_cell',
      parentCode: 'P2',
      date: '2000-01-01',
    },
  ];
  for (const unit of units) await createOrg(database, testActor, unit);
}
