/** Test factories for the member registry (used by tests only). */
import type { Database } from '../../db/database.ts';
import { testActor } from '../orgs/orgs.fixtures.ts';
import type { AddMemberInput } from './members.schemas.ts';
import { addMember } from './members.service.ts';

let counter = 0;

export function aMember(overrides: Partial<AddMemberInput> = {}): AddMemberInput {
  counter += 1;
  return {
    fullName: `Nguyễn Văn Thử ${counter}`,
    birthDate: '1985-06-15',
    sex: 'male',
    admissionDate: '2010-05-19',
    officialDate: '2011-05-19',
    cellCode: 'C11',
    ...overrides,
  };
}

export async function addMembers(database: Database, members: Partial<AddMemberInput>[]): Promise<number[]> {
  const ids: number[] = [];
  for (const m of members) ids.push((await addMember(database, testActor, aMember(m))).id);
  return ids;
}
