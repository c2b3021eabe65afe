import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageBandOf, ageInYearsByMonth } from '../../core/age-bands.ts';
import { addDays, todayVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { addMonths, yearsBetween } from '../../core/member-rules/index.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import * as orgs from '../orgs/orgs.service.ts';
import { addMembers, aMember } from './members.fixtures.ts';
import * as members from './members.service.ts';

let db: TestDatabase;
const today = todayVn();

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
});

afterAll(async () => {
  await db?.dispose();
});

async function expectError(promise: Promise<unknown>, code: string, field?: string): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (field) expect((err as AppError).field).toBe(field);
}

describe('search', () => {
  beforeAll(async () => {
    await addMembers(db, [
      { fullName: 'Nguyễn Văn An', cellCode: 'C11', nationalId: '001085000123' },
      { fullName: 'Đặng Thị Bình', sex: 'female', cellCode: 'C11' },
      { fullName: 'Trần Văn Ân', cellCode: 'C12' },
      { fullName: 'Lê Thị Ánh', sex: 'female', cellCode: 'C21' },
      { fullName: 'Dương Văn An', cellCode: 'C21' },
    ]);
  });
  const names = async (q: string, org?: string) =>
    (await members.searchMembers(db, testActor, { q, org })).map((r) => r.fullName);

  it('finds names without diacritics, đ, decomposed input and in any word order', async () => {
    expect(await names('nguyen van an')).toEqual(['Nguyễn Văn An']);
    expect(await names('dang')).toEqual(['Đặng Thị Bình']);
    expect(await names('Đặng Thị Bình'.normalize('NFD'))).toEqual(['Đặng Thị Bình']);
    expect(await names('an nguyen')).toEqual(['Nguyễn Văn An']);
    expect(await names('001085000123')).toEqual(['Nguyễn Văn An']);
  });

  it('puts the exact accented spelling first, then sorts by given name the Vietnamese way', async () => {
    // "an" matches An, Ân, Ánh(no: "anh" contains "an"), … the exact spelling "Ân" first when typed
    expect((await names('Trần Văn Ân'))[0]).toBe('Trần Văn Ân');
    expect(await names('van an')).toEqual(['Dương Văn An', 'Nguyễn Văn An', 'Trần Văn Ân']);
    // typed with diacritics: the phrase as typed first, then the same letters with other marks
    expect(await names('Văn Ân')).toEqual(['Trần Văn Ân', 'Dương Văn An', 'Nguyễn Văn An']);
  });

  it('answers a page of any size with the start of the same order (common or rare, walked or indexed)', async () => {
    for (const q of ['an', 'van', 'Văn An', 'thi', 'an van']) {
      const everything = (await members.searchMembers(db, testActor, { q, limit: 500 })).map((r) => r.id);
      expect(everything.length).toBeGreaterThan(0);
      for (let limit = 1; limit <= everything.length; limit++) {
        const page = await members.searchMembers(db, testActor, { q, limit });
        expect(page.map((r) => r.id)).toEqual(everything.slice(0, limit));
      }
    }
  });

  it('limits the search to a subtree', async () => {
    expect(await names('an', 'P2')).toEqual(['Dương Văn An', 'Lê Thị Ánh']);
  });

  it("lists a unit's members in Vietnamese order without a query, and filters by status", async () => {
    expect(await names('', 'P2')).toEqual(['Dương Văn An', 'Lê Thị Ánh']);
    const listed = await members.searchMembers(db, testActor, { org: 'P2', status: 'probationary' });
    expect(listed).toEqual([]);
    expect(await members.searchMembers(db, testActor, { q: '' })).toEqual([]);
  });

  it('filters by sex, ethnicity, age band and years of membership', async () => {
    const all = async (f: Parameters<typeof members.searchMembers>[2]) =>
      (await members.searchMembers(db, testActor, { org: 'TW', ...f })).map((r) => r.fullName);
    expect(await all({ sex: 'female' })).toEqual(['Lê Thị Ánh', 'Đặng Thị Bình']);
    // everyone here was born on 15/06/1985 and admitted on 19/05/2010
    const band = ageBandOf(ageInYearsByMonth('1985-06', today));
    expect((await all({ ageBand: band })).length).toBe(5);
    expect(await all({ ageBand: band === '31-40' ? '41-50' : '31-40' })).toEqual([]);
    const years = yearsBetween('2010-05-19', today);
    expect((await all({ minYears: years, maxYears: years })).length).toBe(5);
    expect(await all({ minYears: years + 1 })).toEqual([]);
    expect(await all({ maxYears: years - 1 })).toEqual([]);
  });

  it('answers the contract shape', async () => {
    const [r] = await members.searchMembers(db, testActor, { q: 'binh' });
    expect(r).toEqual({
      id: expect.any(Number),
      fullName: 'Đặng Thị Bình',
      birthDate: '1985-06-15',
      sex: 'female',
      cellCode: 'C11',
      status: 'official',
    });
  });
});

describe('recording members', () => {
  it('refuses a duplicate national ID, a non-cell, an unknown ethnicity and impossible dates', async () => {
    await expectError(
      members.addMember(db, testActor, aMember({ nationalId: '001085000123' })),
      'member.national_id_taken',
      'nationalId',
    );
    await expectError(
      members.addMember(db, testActor, aMember({ cellCode: 'G1' })),
      'member.not_a_cell',
      'cellCode',
    );
    await expectError(
      members.addMember(db, testActor, aMember({ ethnicity: 'Không tồn tại' })),
      'member.unknown_reference',
      'ethnicity',
    );
    await expectError(
      members.addMember(db, testActor, aMember({ admissionDate: '2010-01-01', officialDate: '2009-01-01' })),
      'member.date_order',
      'officialDate',
    );
    await expectError(
      members.addMember(
        db,
        testActor,
        aMember({ admissionDate: addDays(today, 1), officialDate: undefined }),
      ),
      'member.future_date',
    );
  });

  it('starts the membership when the cell was founded, for a member admitted before it', async () => {
    await orgs.createOrg(db, testActor, {
      code: 'C40',
      name: 'Chi bộ mới lập',
      kind: 'cell',
      parentCode: 'G1',
      date: '2020-03-01',
    });
    const { id } = await members.addMember(
      db,
      testActor,
      aMember({ cellCode: 'C40', admissionDate: '2015-01-01', officialDate: '2016-01-01' }),
    );
    const profile = await members.getMemberProfile(db, testActor, id);
    expect(profile.memberships).toEqual([
      { cellCode: 'C40', cellName: 'Chi bộ mới lập', validFrom: '2020-03-01', validTo: null },
    ]);
  });

  it('accepts ethnicity by name without diacritics', async () => {
    const { id } = await members.addMember(
      db,
      testActor,
      aMember({ ethnicity: 'tay', religion: 'Phật giáo' }),
    );
    const profile = await members.getMemberProfile(db, testActor, id);
    expect(profile.ethnicity).toBe('Tày');
    expect(profile.religion).toBe('Phật giáo');
  });

  it('keeps a birth date known to the year or the month on the first day it can mean', async () => {
    const profileOf = async (birthDate: string, birthDatePrecision: 'year' | 'month') => {
      const { id } = await members.addMember(db, testActor, aMember({ birthDate, birthDatePrecision }));
      const { birthDate: kept, birthDatePrecision: precision } = await members.getMemberProfile(
        db,
        testActor,
        id,
      );
      return [kept, precision];
    };
    expect(await profileOf('1975-06-15', 'year')).toEqual(['1975-01-01', 'year']);
    expect(await profileOf('1975-06-15', 'month')).toEqual(['1975-06-01', 'month']);
  });

  it('counts admission age by month: 18 years is enough, a month short is not, over 60 needs an exception', async () => {
    await members.addMember(
      db,
      testActor,
      aMember({ birthDate: '2000-03-10', admissionDate: '2018-03-01', officialDate: undefined }),
    );
    await expectError(
      members.addMember(
        db,
        testActor,
        aMember({ birthDate: '2000-03-10', admissionDate: '2018-02-28', officialDate: undefined }),
      ),
      'member.admission_age',
      'birthDate',
    );
    const old = aMember({ birthDate: '1950-01-01', admissionDate: '2015-01-05', officialDate: '2016-01-05' });
    await expectError(members.addMember(db, testActor, old), 'member.admission_age');
    const { id } = await members.addMember(db, testActor, old, { ageException: true });
    const profile = await members.getMemberProfile(db, testActor, id);
    expect(profile.events[0]?.details).toMatchObject({ ageException: 'admission.over_60' });
  });
});

describe('probation and recognition', () => {
  it('dates recognition at the end of the 12 months even when the meeting is late', async () => {
    const [id] = await addMembers(db, [
      { fullName: 'Phạm Dự Bị', admissionDate: '2024-03-15', officialDate: undefined },
    ]);
    const before = await members.getMemberProfile(db, testActor, id as number);
    expect(before.status).toBe('probationary');
    expect(before.probationEnd).toBe('2025-03-15');
    await expectError(
      members.recognizeMember(db, testActor, id as number, { date: '2025-03-14' }),
      'member.probation_not_over',
    );
    const after = await members.recognizeMember(db, testActor, id as number, {
      date: '2025-06-20',
      decisionRef: '45-QĐ/ĐU',
    });
    expect(after.status).toBe('official');
    expect(after.officialDate).toBe('2025-03-15');
    expect(after.events.at(-1)).toMatchObject({
      kind: 'recognition',
      date: '2025-03-15',
      decisionRef: '45-QĐ/ĐU',
    });
  });

  it('lists members due for recognition: due soon, awaiting review and overdue', async () => {
    const dueSoon = addMonths(addDays(today, 10), -12);
    const awaiting = addMonths(addDays(today, -5), -12);
    const overdue = addMonths(addDays(today, -90), -12);
    const notYet = addMonths(addDays(today, 60), -12);
    await addMembers(db, [
      {
        fullName: 'Hoàng Sắp Đến',
        admissionDate: dueSoon,
        officialDate: undefined,
        cellCode: 'C21',
        birthDate: '1995-01-01',
      },
      {
        fullName: 'Hoàng Chờ Xét',
        admissionDate: awaiting,
        officialDate: undefined,
        cellCode: 'C21',
        birthDate: '1995-01-01',
      },
      {
        fullName: 'Hoàng Quá Hạn',
        admissionDate: overdue,
        officialDate: undefined,
        cellCode: 'C21',
        birthDate: '1995-01-01',
      },
      {
        fullName: 'Hoàng Chưa Đến',
        admissionDate: notYet,
        officialDate: undefined,
        cellCode: 'C21',
        birthDate: '1995-01-01',
      },
    ]);
    const due = await members.dueForRecognition(db, testActor, { org: 'G2' });
    expect(due.map((d) => [d.fullName, d.status])).toEqual([
      ['Hoàng Quá Hạn', 'overdue'],
      ['Hoàng Chờ Xét', 'awaiting_review'],
      ['Hoàng Sắp Đến', 'due_soon'],
    ]);
  });
});

describe('transfers and statistics', () => {
  it('moves a member between cells without losing or duplicating them', async () => {
    const [id] = await addMembers(db, [{ fullName: 'Vũ Chuyển Đi', cellCode: 'C12', sex: 'female' }]);
    const c12 = await members.getStats(db, testActor, { org: 'C12' });
    const c21 = await members.getStats(db, testActor, { org: 'C21' });
    const p1 = await members.getStats(db, testActor, { org: 'P1' });
    const tw = await members.getStats(db, testActor, { org: 'TW' });

    const sent = await members.transferOut(db, testActor, id as number, {
      toCellCode: 'C21',
      date: '2026-01-10',
      decisionRef: '12-GGT/HU',
    });
    expect(sent.status).toBe('in_transit');
    // 30 working days from Saturday 10/01/2026, skipping Tết (16–20/02/2026)
    expect(sent.transfers[0]).toMatchObject({
      fromCellCode: 'C12',
      toCellCode: 'C21',
      receivedDate: null,
      presentBy: '2026-02-27',
    });
    await expectError(
      members.transferOut(db, testActor, id as number, { toCellCode: 'C11', date: '2026-01-11' }),
      'member.transfer.already_in_transit',
    );
    const queue = await members.transfersInTransit(db, testActor, { org: 'P2' });
    expect(queue.map((t) => [t.fullName, t.fromCellCode, t.toCellCode, t.overdue])).toEqual([
      ['Vũ Chuyển Đi', 'C12', 'C21', true],
    ]);
    const inTransit = await members.getStats(db, testActor, { org: 'TW' });
    expect(inTransit.total).toBe(tw.total);
    expect(inTransit.inTransit).toBe(1);

    const received = await members.receiveTransfer(db, testActor, id as number, { date: '2026-02-02' });
    expect(received.status).toBe('official');
    expect(received.cellCode).toBe('C21');
    expect(received.memberships.map((m) => [m.cellCode, m.validFrom, m.validTo])).toEqual([
      ['C12', '2010-05-19', '2026-01-10'],
      ['C21', '2026-02-02', null],
    ]);
    expect((await members.getStats(db, testActor, { org: 'C12' })).total).toBe(c12.total - 1);
    expect((await members.getStats(db, testActor, { org: 'C21' })).total).toBe(c21.total + 1);
    expect((await members.getStats(db, testActor, { org: 'P1' })).total).toBe(p1.total - 1);
    const after = await members.getStats(db, testActor, { org: 'TW' });
    expect(after.total).toBe(tw.total);
    expect(after.bySex).toEqual(tw.bySex);
    expect(after.inTransit).toBe(0);
    await expectError(
      members.receiveTransfer(db, testActor, id as number, { date: '2026-02-03' }),
      'member.transfer.not_in_transit',
    );
  });

  it('adds up: the root equals its provinces, a province its committees', async () => {
    const tw = await members.getStats(db, testActor, { org: 'TW' });
    const p1 = await members.getStats(db, testActor, { org: 'P1' });
    const p2 = await members.getStats(db, testActor, { org: 'P2' });
    expect(tw.total).toBe(p1.total + p2.total);
    expect(tw.official + tw.probationary).toBe(tw.total);
    expect(tw.bySex.male + tw.bySex.female).toBe(tw.total);
    expect(Object.values(tw.byAgeBand).reduce((a, b) => a + b, 0)).toBe(tw.total);
    const g1 = await members.getStats(db, testActor, { org: 'G1' });
    expect(p1.total).toBe(g1.total);
    expect(tw.source).toBe('rollup');
  });

  it('computes a past date from the registry', async () => {
    const past = await members.getStats(db, testActor, { org: 'TW', asOf: '2012-01-01' });
    expect(past.source).toBe('registry');
    // members admitted up to 2012 whose memberships held then
    expect(past.total).toBeGreaterThan(0);
    expect(past.total).toBeLessThan((await members.getStats(db, testActor, { org: 'TW' })).total);
  });

  it('refuses to expel a probationary member and records a death', async () => {
    const [probationary, official] = await addMembers(db, [
      {
        fullName: 'Mai Dự Bị',
        admissionDate: '2026-01-05',
        officialDate: undefined,
        birthDate: '2000-01-01',
      },
      { fullName: 'Mai Từ Trần', cellCode: 'C11' },
    ]);
    await expectError(
      members.recordLeave(db, testActor, probationary as number, { kind: 'expulsion', date: '2026-03-01' }),
      'member.expulsion.probationary',
    );
    const before = await members.getStats(db, testActor, { org: 'C11' });
    const dead = await members.recordLeave(db, testActor, official as number, {
      kind: 'death',
      date: '2026-03-01',
    });
    expect(dead.status).toBe('deceased');
    expect((await members.getStats(db, testActor, { org: 'C11' })).total).toBe(before.total - 1);
  });
});

describe('Party badges', () => {
  it('lists who reaches a milestone since the previous round, and records the award once', async () => {
    const [thirty, fortyFive] = await addMembers(db, [
      {
        fullName: 'Cao Ba Mươi',
        admissionDate: '1995-06-10',
        officialDate: '1996-06-10',
        birthDate: '1970-01-01',
        cellCode: 'C21',
      },
      {
        fullName: 'Cao Bốn Lăm',
        admissionDate: '1980-08-20',
        officialDate: '1981-08-20',
        birthDate: '1955-01-01',
        cellCode: 'C21',
      },
      {
        fullName: 'Cao Chưa Tới',
        admissionDate: '1995-09-10',
        officialDate: '1996-09-10',
        birthDate: '1970-01-01',
        cellCode: 'C21',
      },
    ]);
    // round of 2/9/2025: milestones reached after 19/5/2025 and by 2/9/2025
    const due = await members.badgesDue(db, testActor, { org: 'G2', round: '2025-09-02' });
    expect(due.results.map((r) => [r.fullName, r.milestone, r.reachedOn, r.missed])).toEqual([
      ['Cao Bốn Lăm', 45, '2025-08-20', [30, 40]],
      ['Cao Ba Mươi', 30, '2025-06-10', []],
    ]);
    await expectError(
      members.awardBadge(db, testActor, thirty as number, { years: 40, date: '2025-09-02' }),
      'member.badge.not_eligible',
    );
    const awarded = await members.awardBadge(db, testActor, thirty as number, {
      years: 30,
      date: '2025-09-02',
      decisionRef: '200-QĐ/TU',
    });
    expect(awarded.events.at(-1)).toMatchObject({ kind: 'badge', details: { years: 30 } });
    await expectError(
      members.awardBadge(db, testActor, thirty as number, { years: 30, date: '2025-09-03' }),
      'member.badge.already_awarded',
    );
    const after = await members.badgesDue(db, testActor, { org: 'G2', round: '2025-09-02' });
    expect(after.results.map((r) => r.id)).toEqual([fortyFive]);
  });
});

describe('reorganizations carry members', () => {
  it('moves the members of merged cells and refuses to dissolve a cell with members', async () => {
    await expectError(
      orgs.dissolveOrg(db, testActor, { code: 'C12', date: '2026-04-01' }),
      'org.has_members',
    );
    const c11 = await members.getStats(db, testActor, { org: 'C11' });
    const c12 = await members.getStats(db, testActor, { org: 'C12' });
    const result = await orgs.mergeOrgs(db, testActor, {
      fromCodes: ['C11', 'C12'],
      intoCode: 'C10',
      name: 'Chi bộ thôn Đông Đoài',
      kind: 'cell',
      date: '2026-04-01',
    });
    expect(result.membersMoved).toBe(c11.total + c12.total);
    expect((await members.getStats(db, testActor, { org: 'C10' })).total).toBe(c11.total + c12.total);
    const [an] = await members.searchMembers(db, testActor, { q: 'nguyen van an' });
    expect(an?.cellCode).toBe('C10');
  });

  it('warns about a cell with fewer than 3 official members', async () => {
    await orgs.createOrg(db, testActor, {
      code: 'C30',
      name: 'Chi bộ nhỏ',
      kind: 'cell',
      parentCode: 'G2',
      date: '2026-01-01',
    });
    await addMembers(db, [{ fullName: 'Lý Một', cellCode: 'C30' }]);
    const detail = await orgs.getOrg(db, testActor, 'C30');
    expect(detail.warnings.map((w) => w.code)).toEqual(['cell.too_few_official']);
  });

  it('moves the kept counts with a committee moved to another province', async () => {
    const g2 = await members.getStats(db, testActor, { org: 'G2' });
    const p1 = await members.getStats(db, testActor, { org: 'P1' });
    await orgs.moveOrg(db, testActor, { code: 'G2', toParentCode: 'P1', date: '2026-05-01' });
    expect((await members.getStats(db, testActor, { org: 'P1' })).total).toBe(p1.total + g2.total);
  });

  it('carries the rolled-up counts of a merged province into the one it joins', async () => {
    const tw = await members.getStats(db, testActor, { org: 'TW' });
    const p1 = await members.getStats(db, testActor, { org: 'P1' });
    const p2 = await members.getStats(db, testActor, { org: 'P2' });
    // the previous test left P2 without members: merge P1 into it
    expect(p1.total).toBeGreaterThan(0);
    await orgs.mergeOrgs(db, testActor, { fromCodes: ['P1'], intoCode: 'P2', date: '2026-05-01' });
    const merged = await members.getStats(db, testActor, { org: 'P2' });
    expect(merged.source).toBe('rollup');
    expect(merged.total).toBe(p1.total + p2.total);
    expect(merged.bySex.female).toBe(p1.bySex.female + p2.bySex.female);
    expect((await members.getStats(db, testActor, { org: 'TW' })).total).toBe(tw.total);
    // every open cell's counts are with the committee it is under today (closed cells keep their
    // history with the committee they were last in) …
    const misplaced = await sql<{ n: number }>`SELECT count(*)::int AS n FROM member_stat_cell_top t
      JOIN org_unit_version v ON v.unit_id = t.cell_id AND v.valid_to IS NULL
      WHERE t.top_id IS DISTINCT FROM v.top_id`.execute(db.db);
    expect(misplaced.rows[0]?.n).toBe(0);
    // … and every committee's kept counts equal a recount of the cells attributed to it
    const drift = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
        (SELECT top_id, dim, value, n FROM member_stat_top
         EXCEPT SELECT t.top_id, s.dim, s.value, sum(s.n)::int FROM member_stat_cell s
           JOIN member_stat_cell_top t ON t.cell_id = s.cell_id
           WHERE t.top_id IS NOT NULL GROUP BY t.top_id, s.dim, s.value HAVING sum(s.n) <> 0)
        UNION ALL
        (SELECT t.top_id, s.dim, s.value, sum(s.n)::int FROM member_stat_cell s
           JOIN member_stat_cell_top t ON t.cell_id = s.cell_id
           WHERE t.top_id IS NOT NULL GROUP BY t.top_id, s.dim, s.value HAVING sum(s.n) <> 0
         EXCEPT SELECT top_id, dim, value, n FROM member_stat_top)) d`.execute(db.db);
    expect(drift.rows[0]?.n).toBe(0);
  });
});
