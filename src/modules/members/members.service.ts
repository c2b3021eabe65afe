/**
 * Use cases of the member registry. Every change is a dated event in one transaction with its
 * actor, moves membership intervals, and refreshes the rolled-up counts of the cells it touches.
 */

import type { z } from 'zod';
import { admissionRate, DEFAULT_ADMISSION_TARGET } from '../../core/admission-target.ts';
import {
  AGE_BANDS,
  type AgeBand,
  ageBandOf,
  ageInYearsByMonth,
  MEMBERSHIP_YEAR_BANDS,
  membershipYearsBand,
} from '../../core/age-bands.ts';
import { addDays, requireDate, todayVn } from '../../core/dates.ts';
import { addMonths } from '../../core/member-rules/calendar.ts';
import {
  AWARD_ROUNDS,
  BADGE_MILESTONES,
  badgeEligibility,
  birthDateAtPrecision,
  nextAwardRound,
  probationEnd,
  recognitionReviewDeadline,
  recognitionStatus,
  recordDateProblems,
  transferPresentDeadline,
} from '../../core/member-rules/index.ts';
import { holdsMembers, type OrgKind } from '../../core/org-kinds.ts';
import { parseInput } from '../../core/validation.ts';
import { foldVn, normalizeName, personSortKey } from '../../core/vn-text.ts';
import type { Database } from '../../db/database.ts';
import type { MemberState } from '../../db/tables.ts';
import { type Actor, inTransaction, type Tx } from '../../db/transaction.ts';
import { auditedRead, recordAudit } from '../audit/audit.service.ts';
import { orgErrors } from '../orgs/orgs.errors.ts';
import { memberErrors, recordDateError } from './members.errors.ts';
import * as repo from './members.repository.ts';
import {
  type AddMemberInput,
  addMemberInputSchema,
  awardBadgeInputSchema,
  type BadgeDue,
  type DueRecognition,
  type LeaveInput,
  leaveInputSchema,
  type MemberProfile,
  type MemberSearchResult,
  type MemberStats,
  type MemberStatsSeries,
  recognizeInputSchema,
  type TransferInTransit,
  type TransferOutInput,
  transferOutInputSchema,
  transferReceiveInputSchema,
} from './members.schemas.ts';

type Status = MemberSearchResult['status'];

export function statusOf(m: { state: string; standing: 'probationary' | 'official' }): Status {
  switch (m.state) {
    case 'active':
      return m.standing;
    case 'in_transit':
      return 'in_transit';
    case 'expelled':
      return 'expelled';
    case 'deceased':
      return 'deceased';
    default:
      return 'removed';
  }
}

const summary = (m: repo.MemberRow): MemberSearchResult => ({
  id: m.id,
  fullName: m.fullName,
  birthDate: m.birthDate,
  sex: m.sex,
  cellCode: m.cellCode,
  status: statusOf(m),
});

async function requireCell(tx: Tx, code: string, date: string, field = 'cellCode'): Promise<repo.CellRow> {
  const cell = await repo.findUnitAsOf(tx, code, date);
  if (!cell) throw memberErrors.cellNotFound(code, date, field);
  if (!holdsMembers(cell.kind as OrgKind)) throw memberErrors.notACell(code, field);
  return cell;
}

/** The unit a query is about (`org`), as of a date. */
async function requireUnit(tx: Tx, code: string, date: string): Promise<repo.CellRow> {
  const unit = await repo.findUnitAsOf(tx, code, date);
  if (!unit) throw orgErrors.notFound(code, 'org');
  return unit;
}

async function requireMember(tx: Tx, id: number): Promise<repo.MemberRow> {
  await repo.lockMember(tx, id);
  const member = await repo.getMember(tx, id);
  if (!member) throw memberErrors.notFound(id);
  return member;
}

async function requireNotBeforeLastChange(tx: Tx, memberId: number, date: string): Promise<void> {
  const last = await repo.latestMembershipStart(tx, memberId);
  if (last && date < last) throw memberErrors.beforeLastChange(date, last);
}

function requirePastOrToday(date: string, field: string): void {
  if (date > todayVn()) throw memberErrors.futureDate(field);
}

async function reference(
  tx: Tx,
  table: 'ref_ethnicity' | 'ref_religion' | 'ref_education' | 'ref_theory_level',
  field: string,
  value: string | undefined,
): Promise<string | null> {
  if (value === undefined || value.trim() === '') return null;
  const code = await repo.findRefCode(tx, table, value.trim());
  if (!code) throw memberErrors.unknownReference(field, value);
  return code;
}

export interface AddMemberOptions {
  /** Admission outside 18–60 decided as an exception by the competent committee: recorded, not silent. */
  ageException?: boolean;
  /** The day the cell considered the admission, when known (the age rule applies then); default the admission date. */
  consideredOn?: string;
}

/** Records a member (a new admission, or an existing member's record) in a cell. */
export async function addMember(
  database: Database,
  actor: Actor,
  raw: AddMemberInput,
  options: AddMemberOptions = {},
): Promise<{ id: number }> {
  return inTransaction(database.db, actor, async (tx) => {
    const added = await addMemberInTransaction(tx, actor, raw, options);
    await recordAudit(tx, { action: 'member.add', entity: 'member', ids: [added.id] });
    return added;
  });
}

/** The same inside a caller's transaction (the admission pipeline admits a candidate this way). */
export async function addMemberInTransaction(
  tx: Tx,
  actor: Actor,
  raw: AddMemberInput,
  options: AddMemberOptions = {},
): Promise<{ id: number }> {
  const input = parseInput(addMemberInputSchema, raw);
  const birthDatePrecision = input.birthDatePrecision ?? 'day';
  // a birth date known to the month or the year only is kept on the earliest day it can mean
  const birthDate = birthDateAtPrecision(requireDate(input.birthDate, 'birthDate'), birthDatePrecision);
  const admissionDate = requireDate(input.admissionDate, 'admissionDate');
  const officialDate = input.officialDate ? requireDate(input.officialDate, 'officialDate') : null;
  const dateProblems = recordDateProblems(
    { birthDate, admissionDate, officialDate },
    todayVn(),
    options.consideredOn ?? admissionDate,
  );
  const dateProblem = dateProblems.find((p) => p.rule !== 'age' || !options.ageException);
  if (dateProblem) throw recordDateError(dateProblem);
  // an admission outside the age range is recorded with the exception it was decided under
  const age = dateProblems.find((p) => p.rule === 'age');
  const cell = await requireCell(tx, input.cellCode, todayVn());
  if (input.nationalId && (await repo.memberIdByNationalId(tx, input.nationalId)) !== undefined) {
    throw memberErrors.nationalIdTaken(input.nationalId);
  }
  if (input.partyCardNo && (await repo.memberIdByCardNo(tx, input.partyCardNo)) !== undefined) {
    throw memberErrors.cardTaken(input.partyCardNo);
  }
  const fullName = normalizeName(input.fullName);
  const id = await repo.insertMember(tx, {
    fullName,
    otherName: input.otherName ?? null,
    sortKey: personSortKey(fullName),
    sex: input.sex,
    birthDate,
    birthDatePrecision,
    birthPlace: input.birthPlace ?? null,
    hometown: input.hometown ?? null,
    ethnicity: await reference(tx, 'ref_ethnicity', 'ethnicity', input.ethnicity),
    religion: await reference(tx, 'ref_religion', 'religion', input.religion),
    nationalId: input.nationalId ?? null,
    partyCardNo: input.partyCardNo ?? null,
    admissionDate,
    officialDate,
    education: await reference(tx, 'ref_education', 'education', input.education),
    qualification: input.qualification ?? null,
    theoryLevel: await reference(tx, 'ref_theory_level', 'theoryLevel', input.theoryLevel),
    occupation: input.occupation ?? null,
    standing: officialDate ? 'official' : 'probationary',
    cellId: cell.unitId,
  });
  // a member admitted before this cell existed belongs to it from its founding
  const founded = await repo.unitFoundedOn(tx, cell.unitId);
  await repo.insertMembership(
    tx,
    id,
    cell.unitId,
    founded && founded > admissionDate ? founded : admissionDate,
  );
  await repo.insertEvent(tx, {
    memberId: id,
    kind: 'admission',
    date: admissionDate,
    decisionRef: input.decisionRef ?? null,
    actor: actor.id,
    details: { cellCode: cell.code, ...(age?.rule === 'age' ? { ageException: age.code } : {}) },
  });
  if (officialDate) {
    await repo.insertEvent(tx, {
      memberId: id,
      kind: 'recognition',
      date: officialDate,
      decisionRef: null,
      actor: actor.id,
    });
  }
  await repo.refreshStats(tx, [cell.unitId]);
  return { id };
}

export async function getMemberProfile(database: Database, actor: Actor, id: number): Promise<MemberProfile> {
  const read = { action: 'member.profile_read', entity: 'member', ids: [id] };
  return auditedRead(database, actor, read, async (tx) => {
    const m = await repo.getMember(tx, id);
    if (!m) throw memberErrors.notFound(id);
    const events = await repo.eventsOf(tx, id);
    const transfers = await repo.transfersOf(tx, id);
    return {
      ...summary(m),
      otherName: m.otherName,
      birthDatePrecision: m.birthDatePrecision,
      birthPlace: m.birthPlace,
      hometown: m.hometown,
      ethnicity: m.ethnicity,
      religion: m.religion,
      nationalId: m.nationalId,
      partyCardNo: m.partyCardNo,
      admissionDate: m.admissionDate,
      officialDate: m.officialDate,
      probationEnd: probationEnd(m.admissionDate),
      education: m.education,
      qualification: m.qualification,
      theoryLevel: m.theoryLevel,
      occupation: m.occupation,
      cellName: m.cellName,
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        date: e.event_date,
        decisionRef: e.decision_ref,
        actor: e.actor,
        details: e.details as Record<string, unknown>,
        recordedAt: new Date(e.recorded_at).toISOString(),
      })),
      transfers: transfers.map((t) => ({
        id: t.id,
        kind: t.kind,
        fromCellCode: t.fromCellCode,
        toCellCode: t.toCellCode,
        introductionDate: t.introductionDate,
        receivedDate: t.receivedDate,
        presentBy: transferPresentDeadline(t.introductionDate),
        decisionRef: t.decisionRef,
      })),
      memberships: await repo.membershipsOf(tx, id),
    };
  });
}

export const STATUS_FILTER: Record<
  Status,
  { states: MemberState[]; standing: 'probationary' | 'official' | null }
> = {
  probationary: { states: ['active'], standing: 'probationary' },
  official: { states: ['active'], standing: 'official' },
  in_transit: { states: ['in_transit'], standing: null },
  removed: { states: ['removed', 'resigned'], standing: null },
  expelled: { states: ['expelled'], standing: null },
  deceased: { states: ['deceased'], standing: null },
};

/**
 * Members by name without diacritics, national ID or card number, best match first; with no
 * query but a unit, the unit's members in Vietnamese order.
 */
export interface MemberListFilters {
  sex?: 'male' | 'female';
  /** Code or name, as in the reference lists. */
  ethnicity?: string;
  religion?: string;
  education?: string;
  theoryLevel?: string;
  /** An age band of the statistics (`<=30`, `31-40`, …), on today's date. */
  ageBand?: AgeBand;
  /** Whole years of Party membership, today: at least / at most. */
  minYears?: number;
  maxYears?: number;
}

/** Age bands and membership years as date bounds on today's date (by month, as the statistics count). */
export async function storedFilters(tx: Tx, f: MemberListFilters): Promise<repo.MemberFilters> {
  const today = todayVn();
  const monthStart = `${today.slice(0, 7)}-01`;
  const bands: Record<AgeBand, [number | null, number | null]> = {
    '<=30': [null, 30],
    '31-40': [31, 40],
    '41-50': [41, 50],
    '51-60': [51, 60],
    '>60': [61, null],
  };
  const [minAge, maxAge] = f.ageBand ? bands[f.ageBand] : [null, null];
  return {
    sex: f.sex,
    ethnicity: (await reference(tx, 'ref_ethnicity', 'ethnicity', f.ethnicity)) ?? undefined,
    religion: (await reference(tx, 'ref_religion', 'religion', f.religion)) ?? undefined,
    education: (await reference(tx, 'ref_education', 'education', f.education)) ?? undefined,
    theoryLevel: (await reference(tx, 'ref_theory_level', 'theoryLevel', f.theoryLevel)) ?? undefined,
    // age A by month this month ⇔ born in the month A years ago or earlier
    bornTo: minAge === null ? undefined : addDays(addMonths(monthStart, -12 * minAge + 1), -1),
    bornFrom: maxAge === null ? undefined : addMonths(monthStart, -12 * (maxAge + 1) + 1),
    admittedTo: f.minYears === undefined ? undefined : addMonths(today, -12 * f.minYears),
    admittedFrom: f.maxYears === undefined ? undefined : addDays(addMonths(today, -12 * (f.maxYears + 1)), 1),
  };
}

export async function searchMembers(
  database: Database,
  actor: Actor,
  query: { q?: string; org?: string; status?: Status; limit?: number } & MemberListFilters,
): Promise<MemberSearchResult[]> {
  const text = (query.q ?? '').normalize('NFC').trim();
  const tokens = foldVn(text).split(' ').filter(Boolean);
  if (tokens.length === 0 && !query.org) return [];
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const filter = query.status ? STATUS_FILTER[query.status] : { states: null, standing: null };
  return inTransaction(database.db, actor, async (tx) => {
    let scopePath: string | null = null;
    if (query.org) {
      scopePath = (await requireUnit(tx, query.org, todayVn())).path;
    }
    const filters = await storedFilters(tx, query);
    const rows = await repo.searchMembers(tx, {
      text,
      foldedTokens: tokens,
      scopePath,
      ...filter,
      filters,
      limit,
    });
    return rows.map(summary);
  });
}

/** A dated change to one member: the input checked, the member locked, the profile answered. */
async function changeMember<S extends z.ZodType<{ date: string }>>(
  database: Database,
  actor: Actor,
  id: number,
  schema: S,
  raw: unknown,
  change: (tx: Tx, m: repo.MemberRow, input: z.infer<S>, date: string) => Promise<void>,
): Promise<MemberProfile> {
  const input = parseInput(schema, raw);
  const date = requireDate(input.date, 'date');
  requirePastOrToday(date, 'date');
  await inTransaction(database.db, actor, async (tx) => change(tx, await requireMember(tx, id), input, date));
  return getMemberProfile(database, actor, id);
}

export async function recognizeMember(
  database: Database,
  actor: Actor,
  id: number,
  raw: { date: string; decisionRef?: string },
): Promise<MemberProfile> {
  return changeMember(database, actor, id, recognizeInputSchema, raw, async (tx, m, input, date) => {
    if (m.state !== 'active') throw memberErrors.notActive(id, statusOf(m));
    if (m.standing === 'official') throw memberErrors.alreadyOfficial(id);
    const end = probationEnd(m.admissionDate);
    if (date < end) throw memberErrors.probationNotOver(end);
    // Official as of the end of the 12 months, even when the meeting is late (Charter Art. 5).
    await repo.updateMember(tx, id, { standing: 'official', officialDate: end });
    await repo.insertEvent(tx, {
      memberId: id,
      kind: 'recognition',
      date: end,
      decisionRef: input.decisionRef ?? null,
      actor: actor.id,
      details: {
        consideredOn: date,
        reviewDeadline: recognitionReviewDeadline(m.admissionDate),
        late: date > recognitionReviewDeadline(m.admissionDate),
      },
    });
    // the official date counts in the series of every cell the member was in since
    await repo.refreshStats(tx, await repo.cellsOfMember(tx, id));
    await recordAudit(tx, { action: 'member.recognize', entity: 'member', ids: [id] });
  });
}

/** Sends a member to another cell: the membership ends, the member is in transit until received. */
export async function transferOut(
  database: Database,
  actor: Actor,
  id: number,
  raw: TransferOutInput,
): Promise<MemberProfile> {
  return changeMember(database, actor, id, transferOutInputSchema, raw, async (tx, m, input, date) => {
    if (m.state === 'in_transit') throw memberErrors.alreadyInTransit(id);
    if (m.state !== 'active') throw memberErrors.notActive(id, statusOf(m));
    const to = await requireCell(tx, input.toCellCode, date, 'toCellCode');
    if (to.unitId === m.cellId) throw memberErrors.sameCell();
    await requireNotBeforeLastChange(tx, id, date);
    await repo.closeMembership(tx, id, date);
    await repo.insertTransfer(tx, {
      memberId: id,
      kind: input.kind,
      fromCellId: m.cellId,
      toCellId: to.unitId,
      date,
      decisionRef: input.decisionRef ?? null,
    });
    await repo.updateMember(tx, id, { state: 'in_transit' });
    await repo.insertEvent(tx, {
      memberId: id,
      kind: 'transfer_out',
      date,
      decisionRef: input.decisionRef ?? null,
      actor: actor.id,
      details: {
        fromCellCode: m.cellCode,
        toCellCode: to.code,
        kind: input.kind,
        presentBy: transferPresentDeadline(date),
      },
    });
    await repo.refreshStats(tx, [m.cellId]);
    await recordAudit(tx, {
      action: 'member.transfer_out',
      entity: 'member',
      ids: [id],
      details: { toCellCode: to.code },
    });
  });
}

/** The receiving cell takes the member in: a new membership from the date of receipt. */
export async function receiveTransfer(
  database: Database,
  actor: Actor,
  id: number,
  raw: { date: string; decisionRef?: string },
): Promise<MemberProfile> {
  return changeMember(database, actor, id, transferReceiveInputSchema, raw, async (tx, m, input, date) => {
    const transfer = await repo.openTransferOf(tx, id);
    if (!transfer || m.state !== 'in_transit') throw memberErrors.notInTransit(id);
    if (date < transfer.introductionDate) {
      throw memberErrors.dateOrder(
        'date',
        'Ngày tiếp nhận không thể trước ngày giới thiệu',
        'The date of receipt cannot be before the introduction date',
      );
    }
    await requireCell(tx, transfer.toCellCode, date, 'toCellCode');
    await repo.markTransferReceived(tx, transfer.id, date);
    await repo.insertMembership(tx, id, transfer.toCellId, date);
    await repo.updateMember(tx, id, { state: 'active', cellId: transfer.toCellId });
    const presentBy = transferPresentDeadline(transfer.introductionDate);
    await repo.insertEvent(tx, {
      memberId: id,
      kind: 'transfer_in',
      date,
      decisionRef: input.decisionRef ?? null,
      actor: actor.id,
      details: {
        fromCellCode: transfer.fromCellCode,
        toCellCode: transfer.toCellCode,
        presentBy,
        late: date > presentBy,
      },
    });
    await repo.refreshStats(tx, [transfer.fromCellId, transfer.toCellId]);
    await recordAudit(tx, { action: 'member.transfer_in', entity: 'member', ids: [id] });
  });
}

const LEAVE_STATE = {
  removal: 'removed',
  not_recognised: 'removed',
  expulsion: 'expelled',
  resignation: 'resigned',
  death: 'deceased',
} as const;

/** Removal from the roll, non-recognition, expulsion, resignation or death. */
export async function recordLeave(
  database: Database,
  actor: Actor,
  id: number,
  raw: LeaveInput,
): Promise<MemberProfile> {
  return changeMember(database, actor, id, leaveInputSchema, raw, async (tx, m, input, date) => {
    if (m.state !== 'active' && m.state !== 'in_transit') throw memberErrors.notActive(id, statusOf(m));
    if (input.kind === 'expulsion' && m.standing === 'probationary')
      throw memberErrors.probationaryCannotBeExpelled();
    if (input.kind === 'not_recognised' && m.standing !== 'probationary')
      throw memberErrors.notProbationary();
    await requireNotBeforeLastChange(tx, id, date);
    await repo.closeMembership(tx, id, date);
    await repo.updateMember(tx, id, { state: LEAVE_STATE[input.kind] });
    await repo.insertEvent(tx, {
      memberId: id,
      kind: input.kind,
      date,
      decisionRef: input.decisionRef ?? null,
      actor: actor.id,
      details: input.reason ? { reason: input.reason } : {},
    });
    await repo.refreshStats(tx, [m.cellId]);
    await recordAudit(tx, {
      action: 'member.leave',
      entity: 'member',
      ids: [id],
      details: { kind: input.kind },
    });
  });
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Where a unit's kept counts are: the whole registry, a committee's own totals, or its cells. */
function statScopeOf(unit: repo.CellRow): repo.StatScope {
  if (unit.parentId === null) return { kind: 'all' };
  if (unit.topId === unit.unitId) return { kind: 'top', topId: unit.unitId };
  return { kind: 'subtree', path: unit.path };
}

/** Statistics of a unit's subtree on a date: kept counts for today, the registry for past dates. */
export async function getStats(
  database: Database,
  actor: Actor,
  query: { org: string; asOf?: string },
): Promise<MemberStats> {
  const today = todayVn();
  const asOf = query.asOf ? requireDate(query.asOf, 'asOf') : today;
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await requireUnit(tx, query.org, asOf);
    const fromRollup = asOf === today;
    const rows = fromRollup
      ? await repo.statsFromRollup(tx, statScopeOf(unit))
      : await repo.statsFromRegistry(tx, unit.path, asOf);
    const names = await repo.refNames(tx);
    const by = (dim: string) => rows.filter((r) => r.dim === dim);
    const named = (dim: string) =>
      Object.fromEntries(
        by(dim).map((r) => [r.value === '' ? '—' : (names.get(`${dim}:${r.value}`) ?? r.value), r.n]),
      );
    const count = (dim: string, value: string) => by(dim).find((r) => r.value === value)?.n ?? 0;
    const byAgeBand = emptyCounts(AGE_BANDS);
    for (const r of by('birth_month')) byAgeBand[ageBandOf(ageInYearsByMonth(r.value, asOf))] += r.n;
    const year = Number(asOf.slice(0, 4));
    const byYears = emptyCounts(MEMBERSHIP_YEAR_BANDS);
    for (const r of by('admission_year')) byYears[membershipYearsBand(year - Number(r.value))] += r.n;
    const official = count('standing', 'official');
    const probationary = count('standing', 'probationary');
    const total = official + probationary;
    const admittedThisYear = count('admission_year', String(year));
    const target = (await repo.admissionTargetOf(tx, year)) ?? DEFAULT_ADMISSION_TARGET;
    return {
      org: unit.code,
      asOf,
      total,
      official,
      probationary,
      inTransit: count('state', 'in_transit'),
      bySex: { male: count('sex', 'male'), female: count('sex', 'female') },
      byAgeBand,
      byEthnicity: named('ethnicity'),
      byReligion: named('religion'),
      byEducation: named('education'),
      byTheoryLevel: named('theory_level'),
      byYearsOfMembership: byYears,
      admittedThisYear,
      admissionRate: admissionRate(admittedThisYear, total - admittedThisYear),
      admissionTarget: { min: target.min, max: target.max },
      source: fromRollup ? 'rollup' : 'registry',
    };
  });
}

/** A series starts ten years before the year it ends by default, and spans at most a century. */
export const SERIES_DEFAULT_YEARS = 10;
const SERIES_MAX_YEARS = 100;

/**
 * A unit's members year by year: on 31/12 of each year from `from` to `to` (today for the current
 * year), with the admissions of the year against its target.
 *
 * Computed from the kept counts, never from a scan of the registry per year: each cell keeps, by
 * year, its admissions, the net of its membership intervals opening and closing, and the net of
 * its intervals becoming official and ending official (migration 0019), so the members at the end
 * of year Y are a running sum over the years <= Y — a few hundred rows read from the committee's
 * totals (a province, or the provinces for the root) or from the cells of a smaller subtree. The
 * current year is today's kept counts by standing, as in `getStats` (members in transit
 * included); past years count, like `getStats` on a past date, the members in a cell on 31/12.
 * The rate of a year is its admissions over the members on 31/12 of the year before. The cells are
 * those of the unit today, with their whole history (cells merged or dissolved since included).
 */
export async function getStatsSeries(
  database: Database,
  actor: Actor,
  query: { org: string; from?: number; to?: number },
): Promise<MemberStatsSeries> {
  const today = todayVn();
  const thisYear = Number(today.slice(0, 4));
  const to = query.to ?? thisYear;
  const from = query.from ?? to - SERIES_DEFAULT_YEARS;
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(to) ||
    from > to ||
    to > thisYear ||
    to - from >= SERIES_MAX_YEARS
  ) {
    throw memberErrors.seriesYears(thisYear, SERIES_MAX_YEARS);
  }
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await requireUnit(tx, query.org, today);
    const scope = statScopeOf(unit);
    const rows = await repo.statsFromRollup(tx, scope, [...repo.SERIES_DIMS, 'standing']);
    const flows = rows.filter((r) => r.dim !== 'standing');
    const standing = rows.filter((r) => r.dim === 'standing');
    const targets = await repo.admissionTargetsBetween(tx, from, to);
    const sumThrough = (dims: readonly string[], year: number) =>
      flows.reduce((sum, r) => (dims.includes(r.dim) && Number(r.value) <= year ? sum + r.n : sum), 0);
    const membersAt = (year: number) => sumThrough(['series_admitted', 'series_moved'], year);
    const todayCount = (value: string) => standing.find((r) => r.value === value)?.n ?? 0;
    const points: MemberStatsSeries['points'] = [];
    for (let year = from; year <= to; year++) {
      const current = year === thisYear;
      const total = current ? todayCount('official') + todayCount('probationary') : membersAt(year);
      const official = current ? todayCount('official') : sumThrough(['series_official'], year);
      const admitted = flows.find((r) => r.dim === 'series_admitted' && r.value === String(year))?.n ?? 0;
      const membersAtStart = membersAt(year - 1);
      const target = targets.get(year) ?? DEFAULT_ADMISSION_TARGET;
      points.push({
        year,
        asOf: current ? today : `${year}-12-31`,
        total,
        official,
        probationary: total - official,
        admitted,
        membersAtStart,
        admissionRate: admissionRate(admitted, membersAtStart),
        admissionTarget: { min: target.min, max: target.max },
      });
    }
    return { org: unit.code, from, to, points };
  });
}

/** Probationary members whose recognition falls due in the next 30 days, or is awaited or overdue. */
export async function dueForRecognition(
  database: Database,
  actor: Actor,
  query: { org: string; today?: string },
): Promise<DueRecognition[]> {
  const today = query.today ? requireDate(query.today, 'today') : todayVn();
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await requireUnit(tx, query.org, today);
    // admitted at most 12 months + 30 days ago can be due: probation ends within 30 days
    const rows = await repo.probationaryUnder(tx, unit.path, today);
    const due: DueRecognition[] = [];
    for (const m of rows) {
      const status = recognitionStatus(m.admissionDate, today);
      if (status === 'in_probation') continue;
      due.push({
        id: m.id,
        fullName: m.fullName,
        cellCode: m.cellCode,
        admissionDate: m.admissionDate,
        probationEnd: probationEnd(m.admissionDate),
        reviewDeadline: recognitionReviewDeadline(m.admissionDate),
        status,
      });
    }
    return due;
  });
}

/** Members in transit from or to the unit's cells, with the deadline to present the introduction. */
export async function transfersInTransit(
  database: Database,
  actor: Actor,
  query: { org: string },
): Promise<TransferInTransit[]> {
  const today = todayVn();
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await requireUnit(tx, query.org, today);
    return (await repo.openTransfersUnder(tx, unit.path)).map((t) => {
      const presentBy = transferPresentDeadline(t.introductionDate);
      return {
        id: t.id,
        kind: t.kind,
        fromCellCode: t.fromCellCode,
        toCellCode: t.toCellCode,
        introductionDate: t.introductionDate,
        receivedDate: t.receivedDate,
        presentBy,
        decisionRef: t.decisionRef,
        memberId: t.memberId,
        fullName: t.fullName,
        overdue: today > presentBy,
      };
    });
  });
}

/** The award round before `round` (rounds: 3/2, 19/5, 2/9, 7/11 — observed practice). */
function previousRound(round: string): string {
  const year = Number(round.slice(0, 4));
  const dates = [year - 1, year]
    .flatMap((y) => AWARD_ROUNDS.map((r) => `${y}-${r.monthDay}`))
    .filter((d) => d < round);
  return dates.sort().at(-1) ?? addMonths(round, -12);
}

/**
 * Who becomes eligible for a Party badge at an award round: members reaching a milestone since
 * the previous round (HD 01-HD/TW §18), with lower milestones they never received.
 */
export async function badgesDue(
  database: Database,
  actor: Actor,
  query: { org: string; round?: string },
): Promise<{ round: string; results: BadgeDue[] }> {
  const round = query.round ? requireDate(query.round, 'round') : nextAwardRound(todayVn()).date;
  const after = previousRound(round);
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await requireUnit(tx, query.org, todayVn());
    const rows = await repo.badgeCandidatesUnder(tx, unit.path, BADGE_MILESTONES, after, round, 5000);
    const results: BadgeDue[] = [];
    for (const m of rows) {
      const e = badgeEligibility({ admissionDate: m.admissionDate, awarded: m.awarded }, round);
      if (!e.eligible || e.milestone === null || e.reachedOn === null) continue;
      results.push({
        id: m.id,
        fullName: m.fullName,
        cellCode: m.cellCode,
        admissionDate: m.admissionDate,
        milestone: e.milestone,
        reachedOn: e.reachedOn,
        missed: e.missed,
      });
    }
    return { round, results };
  });
}

/** Records a badge award; refused before the member reaches the milestone. */
export async function awardBadge(
  database: Database,
  actor: Actor,
  id: number,
  raw: { years: number; date: string; decisionRef?: string },
): Promise<MemberProfile> {
  const input = parseInput(awardBadgeInputSchema, raw);
  const date = requireDate(input.date, 'date');
  await inTransaction(database.db, actor, async (tx) => {
    const m = await requireMember(tx, id);
    if (m.state !== 'active') throw memberErrors.notActive(id, statusOf(m));
    const awarded = await repo.badgesOf(tx, id);
    if (awarded.includes(input.years)) throw memberErrors.badgeAlreadyAwarded(input.years);
    const eligibility = badgeEligibility({ admissionDate: m.admissionDate, awarded }, date);
    const reachable = [...eligibility.missed, eligibility.milestone];
    if (!eligibility.eligible || !reachable.includes(input.years as (typeof BADGE_MILESTONES)[number])) {
      throw memberErrors.badgeNotEligible(input.years, { vi: eligibility.vi, en: eligibility.en });
    }
    await repo.insertBadge(tx, {
      memberId: id,
      years: input.years,
      date,
      decisionRef: input.decisionRef ?? null,
    });
    await repo.insertEvent(tx, {
      memberId: id,
      kind: 'badge',
      date,
      decisionRef: input.decisionRef ?? null,
      actor: actor.id,
      details: { years: input.years },
    });
    await recordAudit(tx, {
      action: 'member.badge',
      entity: 'member',
      ids: [id],
      details: { years: input.years },
    });
  });
  return getMemberProfile(database, actor, id);
}

/** Records a dated event of a member inside another module's transaction. */
export async function recordMemberEvent(
  tx: Tx,
  actor: Actor,
  e: { memberId: number; kind: string; date: string; decisionRef: string | null; details?: object },
): Promise<void> {
  await repo.insertEvent(tx, { ...e, actor: actor.id });
}

/** A member's identity and dates inside another module's transaction (fees, ratings). */
export async function memberInTransaction(
  tx: Tx,
  id: number,
): Promise<{ id: number; fullName: string; admissionDate: string; status: Status; cellCode: string }> {
  const m = await requireMember(tx, id);
  return {
    id: m.id,
    fullName: m.fullName,
    admissionDate: m.admissionDate,
    status: statusOf(m),
    cellCode: m.cellCode,
  };
}

/** Called by reorganizations: members of cells merged into another cell move with them. */
export async function moveMembersOfMergedCells(
  tx: Tx,
  fromCellIds: number[],
  toCellId: number,
  date: string,
): Promise<number> {
  const moved = await repo.moveMembersBetweenCells(tx, fromCellIds, toCellId, date);
  await repo.refreshStats(tx, [...fromCellIds, toCellId]);
  return moved;
}

/** Called by reorganizations that move subtrees between committees: the kept counts follow the cells. */
export async function moveStatsUnder(tx: Tx, path: string): Promise<void> {
  await repo.moveStats(tx, await repo.currentCellsUnder(tx, path));
}

/** Members still belonging to (or in transit from) the given cells. */
export async function countMembersOfCells(tx: Tx, cellIds: number[]): Promise<number> {
  return repo.countMembersOfCells(tx, cellIds);
}

export async function cellSize(tx: Tx, cellId: number): Promise<{ total: number; official: number }> {
  return repo.cellSize(tx, cellId);
}
