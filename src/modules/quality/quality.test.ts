/** The data-quality report on a real database: counts, lists of records to fix, scope, HTTP and CLI. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-runner.ts';
import { addDays, todayVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { addMonths } from '../../core/member-rules/calendar.ts';
import { IMPOSSIBLE_DATE_RULES, impossibleDates } from '../../core/member-rules/impossible-dates.ts';
import { type Database, openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import type { Actor } from '../../db/transaction.ts';
import { aUser, signedInApp } from '../auth/auth.fixtures.ts';
import { actorOfUsername } from '../auth/auth.service.ts';
import { addMembers, aMember } from '../members/members.fixtures.ts';
import type { AddMemberInput } from '../members/members.schemas.ts';
import { addMember, recordLeave } from '../members/members.service.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import type { IssueKind, QualitySummary } from './quality.schemas.ts';
import { qualityIssues, qualitySummary } from './quality.service.ts';

const today = todayVn();
let serial = 0;

/** A member with every profile field filled (a different national ID and card each time). */
function aCompleteMember(overrides: Partial<AddMemberInput> = {}): Partial<AddMemberInput> {
  serial += 1;
  return {
    nationalId: `0361${String(serial).padStart(8, '0')}`,
    partyCardNo: `QT${String(serial).padStart(6, '0')}`,
    ethnicity: 'Kinh',
    religion: 'Không',
    birthPlace: 'Nam Định',
    hometown: 'Ý Yên, Nam Định',
    education: 'upper_secondary',
    qualification: 'Kỹ sư nông nghiệp',
    theoryLevel: 'intermediate',
    occupation: 'Công chức',
    cellCode: 'C21',
    ...overrides,
  };
}

const missingNationalId = (m: Partial<AddMemberInput>) => aCompleteMember({ ...m, nationalId: undefined });

/**
 * The province P2 (cell C21 under G2, and the grassroots cell GC1): complete records, three
 * without national ID, a duplicate pair across G2 and GC1, two card numbers written differently,
 * and records with impossible dates. A removed member and a member of P1 are not counted.
 */
async function aProvinceToCheck(database: Database) {
  await addMembers(database, [
    aCompleteMember({ fullName: 'Phạm Văn Đủ' }),
    missingNationalId({ fullName: 'Lê Thị Thiếu', sex: 'female', birthPlace: undefined }),
    aCompleteMember({ fullName: 'Trịnh Văn Trùng', birthDate: '1970-02-02' }),
    aCompleteMember({ fullName: 'TRỊNH VĂN TRÙNG', birthDate: '1970-02-02', cellCode: 'GC1' }),
    aCompleteMember({ fullName: 'Đỗ Thị Thẻ', sex: 'female', partyCardNo: '12.345.678' }),
    aCompleteMember({ fullName: 'Vũ Văn Thẻ', partyCardNo: '12 345 678', cellCode: 'GC1' }),
  ]);
  // a record typed with a wrong year gets in only as a flagged exception
  const young = aCompleteMember({
    fullName: 'Trần Văn Trẻ',
    birthDate: '2000-01-01',
    admissionDate: '2015-01-01',
    officialDate: '2016-01-01',
  });
  await addMember(database, testActor, aMember(young), { ageException: true });
  const [, , an, , , future, removed] = await addMembers(database, [
    aCompleteMember({
      fullName: 'Lý Văn Cụ',
      birthDate: '1899-05-01',
      admissionDate: '1950-01-01',
      officialDate: '1951-01-01',
    }),
    aCompleteMember({ fullName: 'Mai Văn Nhanh', admissionDate: '2015-03-01', officialDate: '2015-09-01' }),
    missingNationalId({ fullName: 'Ngô Văn Ân', birthDate: '1980-01-01', birthDatePrecision: 'year' }),
    // probation not over: the official date does not apply yet
    aCompleteMember({
      fullName: 'Đinh Văn Mới',
      birthDate: '1995-01-01',
      admissionDate: addDays(today, -90),
      officialDate: undefined,
    }),
    // probation over for two months, not recognised yet
    missingNationalId({
      fullName: 'Hà Văn Bình',
      birthDate: '1995-01-01',
      admissionDate: addMonths(today, -14),
      officialDate: undefined,
    }),
    aCompleteMember({ fullName: 'Kiều Văn Hẹn' }),
    aMember({ fullName: 'Trịnh Văn Trùng', birthDate: '1970-02-02', cellCode: 'C21' }),
    aMember({ fullName: 'Ngoài Phạm Vi', cellCode: 'C11' }),
  ]);
  // loaded before these checks existed: an official date after today
  await sql`UPDATE member SET official_date = ${addDays(today, 10)}::date WHERE id = ${future}`.execute(
    database.db,
  );
  await recordLeave(database, testActor, removed as number, { kind: 'removal', date: today });
  return { an: an as number, future: future as number };
}

let db: TestDatabase;
let world: Awaited<ReturnType<typeof aProvinceToCheck>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  world = await aProvinceToCheck(db);
});

afterAll(async () => {
  await db?.dispose();
});

const byField = (s: QualitySummary) => Object.fromEntries(s.completeness.map((c) => [c.field, c]));
const names = async (kind: IssueKind, org = 'P2', actor: Actor = testActor) =>
  (await qualityIssues(db, actor, { org, kind })).results.map((r) => r.fullName);

async function expectError(promise: Promise<unknown>, code: string, field?: string): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (field) expect((err as AppError).field).toBe(field);
}

describe('summary of a unit', () => {
  it('counts the current members of the subtree and how complete each field is', async () => {
    const summary = await qualitySummary(db, testActor, { org: 'P2' });
    expect(summary).toMatchObject({ org: 'P2', orgName: 'Đảng bộ tỉnh Nam Định', asOf: today, total: 13 });
    const fields = byField(summary);
    expect(fields.nationalId).toEqual({ field: 'nationalId', applicable: 13, filled: 10, share: 10 / 13 });
    expect(fields.birthPlace).toMatchObject({ applicable: 13, filled: 12 });
    expect(fields.birthDateExact).toMatchObject({ applicable: 13, filled: 12 });
    // admitted 90 days ago: not yet concerned; admitted 14 months ago and not recognised: missing
    expect(fields.officialDate).toMatchObject({ applicable: 12, filled: 11 });
    for (const field of ['partyCardNo', 'ethnicity', 'religion', 'education', 'theoryLevel', 'occupation'])
      expect(fields[field], field).toMatchObject({ applicable: 13, filled: 13, share: 1 });
  });

  it('counts suspected duplicates within the subtree only, and impossible dates by rule', async () => {
    const summary = await qualitySummary(db, testActor, { org: 'P2' });
    expect(summary.duplicates).toEqual([
      { kind: 'nameBirth', records: 2, groups: 1 },
      { kind: 'cardNo', records: 2, groups: 1 },
    ]);
    const broken = Object.fromEntries(summary.impossibleDates.map((d) => [d.rule, d.records]));
    expect(broken).toEqual({
      ...Object.fromEntries(IMPOSSIBLE_DATE_RULES.map((rule) => [rule, 0])),
      birthBefore1900: 1,
      admittedUnder18: 1,
      officialBeforeProbationEnd: 1,
      officialInFuture: 1,
    });
    expect(summary.recordsWithImpossibleDates).toBe(4);
    // the pair is split between G2 and GC1: neither sees a duplicate alone
    const g2 = await qualitySummary(db, testActor, { org: 'G2' });
    expect(g2.total).toBe(11);
    expect(g2.duplicates.map((d) => d.records)).toEqual([0, 0]);
  });

  it('answers an unknown unit with org.not_found', async () => {
    await expectError(qualitySummary(db, testActor, { org: 'NOPE' }), 'org.not_found', 'org');
  });
});

describe('records to fix', () => {
  it('lists the members missing a field in Vietnamese order of the given name', async () => {
    // Ân before Bình (a, ă, â, b …), Bình before Thiếu
    expect(await names('missing.nationalId')).toEqual(['Ngô Văn Ân', 'Hà Văn Bình', 'Lê Thị Thiếu']);
    expect(await names('missing.officialDate')).toEqual(['Hà Văn Bình']);
    const [exact] = (await qualityIssues(db, testActor, { org: 'P2', kind: 'missing.birthDateExact' }))
      .results;
    expect(exact).toMatchObject({
      memberId: world.an,
      fullName: 'Ngô Văn Ân',
      birthDate: '1980-01-01',
      cellCode: 'C21',
      cellName: 'Chi bộ xóm Bắc',
      problem: 'missing.birthDateExact',
      field: 'birthDate',
      relatedIds: [],
    });
  });

  it('lists each duplicate next to the other members of its group', async () => {
    const page = await qualityIssues(db, testActor, { org: 'P2', kind: 'duplicate.nameBirth' });
    expect(page.total).toBe(2);
    const [a, b] = page.results;
    expect([a?.fullName, b?.fullName].sort()).toEqual(['TRỊNH VĂN TRÙNG', 'Trịnh Văn Trùng']);
    expect(a?.relatedIds).toEqual([b?.memberId]);
    expect(b?.relatedIds).toEqual([a?.memberId]);
    expect(a?.field).toBe('fullName');
    const cards = await qualityIssues(db, testActor, { org: 'P2', kind: 'duplicate.cardNo' });
    expect(cards.results.map((r) => [r.fullName, r.field])).toEqual([
      ['Đỗ Thị Thẻ', 'partyCardNo'],
      ['Vũ Văn Thẻ', 'partyCardNo'],
    ]);
  });

  it('lists the records breaking each date rule, the same as the rules of core say', async () => {
    expect(await names('date.admittedUnder18')).toEqual(['Trần Văn Trẻ']);
    expect(await names('date.birthBefore1900')).toEqual(['Lý Văn Cụ']);
    expect(await names('date.officialBeforeProbationEnd')).toEqual(['Mai Văn Nhanh']);
    const future = await qualityIssues(db, testActor, { org: 'P2', kind: 'date.officialInFuture' });
    expect(future.results).toMatchObject([{ memberId: world.future, field: 'officialDate' }]);
    // every current member of P2, checked by the pure rules, against the lists from SQL
    const members = await sql<{
      id: number;
      birthDate: string;
      admissionDate: string;
      officialDate: string | null;
    }>`
      SELECT m.id, m.birth_date AS "birthDate", m.admission_date AS "admissionDate", m.official_date AS "officialDate"
      FROM member m JOIN org_unit_version v ON v.unit_id = m.cell_id AND v.valid_to IS NULL
      WHERE m.state IN ('active', 'in_transit') AND v.path <@ (SELECT p.path FROM org_unit_version p
        JOIN org_unit u ON u.id = p.unit_id WHERE u.code = 'P2' AND p.valid_to IS NULL)`.execute(db.db);
    for (const rule of IMPOSSIBLE_DATE_RULES) {
      const expected = members.rows
        .filter((m) => impossibleDates(m, today).includes(rule))
        .map((m) => Number(m.id))
        .sort();
      const listed = (
        await qualityIssues(db, testActor, { org: 'P2', kind: `date.${rule}`, limit: 500 })
      ).results
        .map((r) => r.memberId)
        .sort();
      expect(listed, rule).toEqual(expected);
    }
  });

  it('pages through a list and keeps the total on an empty page', async () => {
    const first = await qualityIssues(db, testActor, { org: 'P2', kind: 'missing.nationalId', limit: 2 });
    expect(first).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.results.map((r) => r.fullName)).toEqual(['Ngô Văn Ân', 'Hà Văn Bình']);
    const second = await qualityIssues(db, testActor, {
      org: 'P2',
      kind: 'missing.nationalId',
      limit: 2,
      offset: 2,
    });
    expect(second.results.map((r) => r.fullName)).toEqual(['Lê Thị Thiếu']);
    const past = await qualityIssues(db, testActor, { org: 'P2', kind: 'missing.nationalId', offset: 50 });
    expect(past).toMatchObject({ total: 3, results: [] });
  });

  it('refuses an unknown kind of problem at the field', async () => {
    await expectError(
      qualityIssues(db, testActor, { org: 'P2', kind: 'missing.shoeSize' as IssueKind }),
      'validation.invalid_input',
      'kind',
    );
  });
});

describe('scope', () => {
  it('reports a subtree to a user granted it, and answers not found above or beside it', async () => {
    const officer = await actorOfUsername(db, await aUser(db, [{ role: 'viewer', org: 'G2' }]));
    const g2 = await qualitySummary(db, officer, { org: 'G2' });
    expect(g2.total).toBe(11);
    expect(byField(g2).nationalId).toMatchObject({ applicable: 11, filled: 8 });
    expect(await names('missing.nationalId', 'G2', officer)).toEqual([
      'Ngô Văn Ân',
      'Hà Văn Bình',
      'Lê Thị Thiếu',
    ]);
    await expectError(qualitySummary(db, officer, { org: 'P2' }), 'org.not_found');
    await expectError(
      qualityIssues(db, officer, { org: 'GC1', kind: 'duplicate.nameBirth' }),
      'org.not_found',
    );
  });
});

describe('over HTTP', () => {
  it('answers the summary, and an unknown unit or kind with problem+json', async () => {
    const { client } = await signedInApp(db);
    const ok = await client.request('/api/v1/quality?org=P2');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as QualitySummary).total).toBe(13);
    const unknown = await client.request('/api/v1/quality?org=NOPE');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(await unknown.json()).toMatchObject({
      code: 'org.not_found',
      field: 'org',
      message: { vi: 'Không tìm thấy tổ chức có mã "NOPE"', en: 'No organization with code "NOPE"' },
    });
    const page = await client.request('/api/v1/quality/issues?org=P2&kind=missing.nationalId&limit=1');
    expect(await page.json()).toMatchObject({ total: 3, results: [{ fullName: 'Ngô Văn Ân' }] });
    const badKind = await client.request('/api/v1/quality/issues?org=P2&kind=everything');
    expect(badKind.status).toBe(422);
    expect(((await badKind.json()) as { field: string }).field).toBe('kind');
  });
});

describe('tochuc quality', () => {
  it('prints the summary and a list of records from an embedded database folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-quality-cli-'));
    try {
      const folder = await openDatabase({ dataDir: dir });
      await migrate(folder);
      await aSmallTree(folder);
      await addMembers(folder, [
        aCompleteMember({ fullName: 'Phạm Văn Đủ' }),
        missingNationalId({ fullName: 'Lê Thị Thiếu', sex: 'female' }),
      ]);
      await folder.close();
      const summary = await runCli(['quality', '--org', 'G2', '--data', dir]);
      expect(summary.stderr).toBe('');
      expect(summary.stdout).toContain('G2 Đảng ủy xã Đồng Tâm');
      expect(summary.stdout).toMatch(/nationalId\s+1\/2\s+50\.0%/);
      const list = await runCli([
        'quality',
        '--org',
        'G2',
        '--kind',
        'missing.nationalId',
        '--json',
        '--data',
        dir,
      ]);
      expect(JSON.parse(list.stdout)).toMatchObject({ total: 1, results: [{ fullName: 'Lê Thị Thiếu' }] });
      const unknown = await runCli(['quality', '--org', 'NOPE', '--data', dir]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('Không tìm thấy tổ chức có mã "NOPE"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
