import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { addMembers } from '../members/members.fixtures.ts';
import * as members from '../members/members.service.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import * as admissions from './admissions.service.ts';

let db: TestDatabase;
let introducers: number[];

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  introducers = await addMembers(db, [
    { fullName: 'Lê Văn Giới', cellCode: 'C21' },
    { fullName: 'Lê Thị Thiệu', sex: 'female', cellCode: 'C21' },
  ]);
});

afterAll(async () => {
  await db?.dispose();
});

describe('admission pipeline', () => {
  it('walks a candidate through the steps, warning on what is missing, and admits at the ceremony', async () => {
    const created = await admissions.createCandidate(db, testActor, {
      cellCode: 'C21',
      fullName: 'Hà Thị Mới',
      birthDate: '2001-04-20',
      sex: 'female',
    });
    expect(created.nextStep).toBe('awareness_class');
    expect(created.warnings.map((w) => w.code)).toEqual([
      'admission.no_awareness_class',
      'admission.introducers',
    ]);

    await admissions.recordStep(db, testActor, created.id, { step: 'awareness_class', date: '2024-03-01' });
    await admissions.recordStep(db, testActor, created.id, { step: 'application', date: '2024-04-01' });
    for (const memberId of introducers) {
      await admissions.addIntroducer(db, testActor, created.id, { memberId, knownSince: '2022-01-01' });
    }
    const resolved = await admissions.recordStep(db, testActor, created.id, {
      step: 'cell_resolution',
      date: '2024-05-01',
    });
    expect(resolved.warnings).toEqual([]);
    expect(resolved.introducers.map((i) => i.fullName)).toEqual(['Lê Văn Giới', 'Lê Thị Thiệu']);

    const decided = await admissions.recordStep(db, testActor, created.id, {
      step: 'decision',
      date: '2024-06-03',
      decisionRef: '77-QĐ/ĐU',
    });
    // today is long past 30 working days after the decision
    expect(decided.warnings.map((w) => w.code)).toEqual(['admission.ceremony_overdue']);
    const queue = await admissions.candidateQueue(db, testActor, { org: 'P2' });
    expect(queue.map((c) => c.fullName)).toEqual(['Hà Thị Mới']);

    const admitted = await admissions.recordStep(db, testActor, created.id, {
      step: 'ceremony',
      date: '2024-06-20',
    });
    expect(admitted.memberId).not.toBeNull();
    const member = await members.getMemberProfile(db, testActor, admitted.memberId as number);
    expect(member).toMatchObject({
      fullName: 'Hà Thị Mới',
      status: 'probationary',
      admissionDate: '2024-06-20',
      cellCode: 'C21',
    });
    expect(member.events[0]).toMatchObject({ kind: 'admission', decisionRef: '77-QĐ/ĐU' });
    expect(await admissions.candidateQueue(db, testActor, { org: 'P2' })).toEqual([]);
    const again = await admissions
      .recordStep(db, testActor, created.id, { step: 'ceremony', date: '2024-06-21' })
      .catch((e: unknown) => e);
    expect((again as AppError).code).toBe('admission.already_admitted');
  });

  it('refuses the ceremony before the resolution and the decision', async () => {
    const c = await admissions.createCandidate(db, testActor, {
      cellCode: 'C21',
      fullName: 'Tô Văn Vội',
      birthDate: '1999-01-01',
      sex: 'male',
    });
    const err = await admissions
      .recordStep(db, testActor, c.id, { step: 'ceremony', date: '2024-06-20' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('admission.steps_missing');
  });

  it('refuses an introducer who is not an official member or has known the candidate under 12 months', async () => {
    const c = await admissions.createCandidate(db, testActor, {
      cellCode: 'C21',
      fullName: 'Đỗ Thị Chờ',
      birthDate: '2000-02-02',
      sex: 'female',
    });
    const [probationary] = await addMembers(db, [
      {
        fullName: 'Vũ Văn Dự',
        cellCode: 'C21',
        admissionDate: addDays(todayVn(), -30),
        officialDate: undefined,
      },
    ]);
    const refusal = (memberId: number, knownSince: string) =>
      admissions.addIntroducer(db, testActor, c.id, { memberId, knownSince }).then(
        () => {
          throw new Error('accepted');
        },
        (e: unknown) => e as AppError,
      );
    const notOfficial = await refusal(probationary as number, '2020-01-01');
    expect([notOfficial.code, notOfficial.field]).toEqual(['admission.introducer.not_official', 'memberId']);
    expect(notOfficial.messages.vi).toContain('chưa là đảng viên chính thức');
    const tooShort = await refusal(introducers[0] as number, addDays(todayVn(), -90));
    expect([tooShort.code, tooShort.field]).toEqual(['admission.introducer.known_too_short', 'knownSince']);
    expect(tooShort.messages.en).toContain('at least 12 required');
    const unknown = await refusal(999_999, '2020-01-01');
    expect(unknown.code).toBe('admission.introducer_not_found');
    const accepted = await admissions.addIntroducer(db, testActor, c.id, {
      memberId: introducers[0] as number,
      knownSince: '2020-01-01',
    });
    expect(accepted.introducers.map((i) => i.fullName)).toEqual(['Lê Văn Giới']);
  });
});
