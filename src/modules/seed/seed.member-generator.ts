/**
 * Synthetic Party members for every cell of the synthetic tree, generated lazily and
 * deterministically: the same plan and reference date always yield the same members in the same
 * order, with ids counting up from 1, so they stream into COPY without being held in memory.
 *
 * Each member carries its own history (membership intervals, events, a past transfer), all
 * consistent with the registry's constraints: one cell at a time, admission at 18–60 counted by
 * month, official 12 months after admission, leavers with a closed interval.
 */
import { ADMISSION_MAX_AGE_YEARS, ADMISSION_MIN_AGE_YEARS } from '../../core/member-rules/admission.ts';
import { probationEnd } from '../../core/member-rules/probation.ts';
import { personSortKey } from '../../core/vn-text.ts';
import { generateOrgTree, type SeedPlan, type SeedUnit } from './seed.generator.ts';
import {
  type CellSetting,
  drawWeighted,
  EDUCATION,
  ETHNICITY,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  ID_PROVINCE_CODE,
  KINH_FAMILIES,
  MALE_GIVEN,
  MALE_MIDDLE,
  type MemberRegion,
  MINORITY_FAMILIES,
  OCCUPATION,
  QUALIFICATION,
  religionWeights,
  THEORY_LEVEL,
  type Weighted,
  weightedList,
} from './seed.people.ts';
import { CENTRAL_BLOCS, PROVINCES, type TopSpec } from './seed.places.ts';
import { deriveSeed, Random } from './seed.random.ts';

export type MemberState = 'active' | 'in_transit' | 'removed' | 'resigned' | 'deceased';

export interface SeedMembership {
  cellId: number;
  from: string;
  to: string | null;
}

export interface SeedMemberEvent {
  kind: 'admission' | 'recognition' | 'transfer_out' | 'transfer_in' | 'removal' | 'resignation' | 'death';
  date: string;
  decisionRef: string | null;
  details: string;
}

export interface SeedTransfer {
  fromCellId: number;
  toCellId: number;
  introductionDate: string;
  receivedDate: string | null;
}

export interface SeedMember {
  id: number;
  fullName: string;
  sortKey: string;
  sex: 'male' | 'female';
  birthDate: string;
  birthDatePrecision: 'day' | 'month';
  birthPlace: string | null;
  hometown: string | null;
  ethnicity: string;
  religion: string;
  nationalId: string | null;
  partyCardNo: string | null;
  admissionDate: string;
  officialDate: string | null;
  education: string | null;
  qualification: string | null;
  theoryLevel: string | null;
  occupation: string | null;
  standing: 'probationary' | 'official';
  state: MemberState;
  /** The cell now (the sending cell while in transit, the last one after leaving). */
  cellId: number;
  memberships: SeedMembership[];
  events: SeedMemberEvent[];
  transfers: SeedTransfer[];
}

export interface MemberPlan extends SeedPlan {
  /** "Today" for the members: probation, recent admissions and leavers are dated from it. */
  asOf: string;
}

const DAY_MS = 86_400_000;
// a few tens of thousands of distinct days, converted millions of times
const isoOfDay = new Map<number, string>();
const dayOfIso = new Map<string, number>();
function toDay(iso: string): number {
  let day = dayOfIso.get(iso);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    dayOfIso.set(iso, day);
  }
  return day;
}
function fromDay(day: number): string {
  let iso = isoOfDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoOfDay.set(day, iso);
  }
  return iso;
}
const pad2 = (n: number) => String(n).padStart(2, '0');

const BIRTH_FIRST_YEAR = 1935;
const BIRTH_LAST_YEAR = 2006;
/** Shares of the registry; the rest are active members with no transfer. */
const FEMALE_SHARE = 0.36;
const NATIONAL_ID_SHARE = 0.9;
const PAST_TRANSFER_SHARE = 0.05;
const IN_TRANSIT_SHARE = 0.002;
const REMOVED_SHARE = 0.004;
const RESIGNED_SHARE = 0.001;
/** Probationary members past their 12 months whose cell has not yet met to recognise them. */
const OVERDUE_SHARE = 0.12;

const RELIGION = Object.fromEntries(
  (Object.keys(ETHNICITY) as MemberRegion[]).map((r) => [r, religionWeights(r)]),
) as Record<MemberRegion, Weighted<string>>;

const south = (region: MemberRegion) => region === 'south' || region === 'mekong';

/** A cell with what shapes its members. */
export interface SeedCell {
  unit: SeedUnit;
  setting: CellSetting;
  region: MemberRegion;
  top: TopSpec | undefined;
}

const TOP_SPECS = new Map([...PROVINCES, ...CENTRAL_BLOCS].map((spec) => [spec.code, spec]));

/** The cells of the tree (kinds `cell` and `grassroots_cell`), in tree order. */
export function* generateSeedCells(plan: SeedPlan): Generator<SeedCell> {
  const tops = new Map<number, TopSpec>();
  const settings = new Map<number, CellSetting>();
  for (const unit of generateOrgTree(plan)) {
    if (unit.kind === 'province') {
      const spec = TOP_SPECS.get(unit.code);
      if (spec) tops.set(unit.id, spec);
      continue;
    }
    const top = unit.topId === null ? undefined : tops.get(unit.topId);
    const blocSetting: CellSetting | null =
      top?.profile === 'army' ? 'army' : top?.profile === 'police' ? 'police' : null;
    if (unit.kind === 'grassroots_committee') {
      const commune = unit.name.startsWith('Đảng ủy xã') || unit.name.startsWith('Đảng ủy đặc khu');
      settings.set(
        unit.id,
        blocSetting ?? (commune ? 'rural' : unit.name.startsWith('Đảng ủy phường') ? 'ward' : 'agency'),
      );
      continue;
    }
    if (unit.kind !== 'cell' && unit.kind !== 'grassroots_cell') continue;
    const setting =
      blocSetting ??
      (unit.kind === 'cell' && unit.parentId !== null ? settings.get(unit.parentId) : undefined) ??
      'agency';
    yield { unit, setting, region: top?.region ?? 'central_bloc', top };
  }
}

function pick<T>(rng: Random, w: Weighted<T>): T {
  return drawWeighted(w, rng.next());
}

/** Members of one cell: village cells are small, agency and army cells larger, grassroots cells mostly under 30. */
function memberCount(rng: Random, cell: SeedCell): number {
  const r = rng.next();
  if (cell.unit.kind === 'grassroots_cell') return r < 0.85 ? rng.int(8, 29) : rng.int(30, 45);
  switch (cell.setting) {
    case 'rural':
      return r < 0.65 ? rng.int(5, 15) : r < 0.92 ? rng.int(16, 30) : rng.int(31, 60);
    case 'ward':
      return r < 0.85 ? rng.int(8, 30) : rng.int(31, 60);
    default:
      return r < 0.65 ? rng.int(8, 25) : r < 0.92 ? rng.int(26, 45) : rng.int(46, 80);
  }
}

/** Admission year weights: few survivors of the early decades, about 3.5 % of members a year lately. */
function admissionYearWeight(year: number): number {
  if (year < 1975) return 0.3;
  if (year < 1990) return 1;
  if (year < 2000) return 1.8;
  if (year < 2010) return 3;
  return 3.5;
}

/** Age at admission in months: most join in their twenties or thirties. */
function admissionAgeMonths(rng: Random): number {
  const r = rng.next();
  const years =
    r < 0.15 ? rng.int(18, 21) : r < 0.6 ? rng.int(22, 29) : r < 0.9 ? rng.int(30, 39) : rng.int(40, 59);
  return years * 12 + rng.int(0, 11);
}

/** Scrambles a counter into a 10^digits space one-to-one (the multiplier is prime to 10). */
function scramble(counter: number, digits: number): string {
  const mod = 10 ** digits;
  return String((counter * 7_919 * 7_907 + 104_729) % mod).padStart(digits, '0');
}

export class MemberFactory {
  readonly #plan: MemberPlan;
  readonly #asOfDay: number;
  readonly #years: Weighted<number>;
  #nextId = 1;
  #nextCard = 1;
  readonly #idCounters = new Map<string, number>();
  /** Recently seen cells: where a member transferred from. */
  readonly #recent: SeedUnit[] = [];

  constructor(plan: MemberPlan) {
    this.#plan = plan;
    this.#asOfDay = toDay(plan.asOf);
    const first = BIRTH_FIRST_YEAR + 18;
    const last = Number(plan.asOf.slice(0, 4));
    const years: number[] = [];
    for (let y = first; y <= last; y++) years.push(y);
    // the reference year counts only for the part of it already past
    const elapsed = (this.#asOfDay - toDay(`${last}-01-01`)) / 365;
    this.#years = weightedList(
      years.map((y) => [y, admissionYearWeight(y) * (y === last ? elapsed : 1)] as const),
    );
  }

  *membersOf(cell: SeedCell): Generator<SeedMember> {
    const rng = new Random(deriveSeed(this.#plan.seed, 0x6d656d, cell.unit.id));
    const count = memberCount(rng, cell);
    for (let i = 0; i < count; i++) yield this.#member(rng, cell);
    this.#recent.push(cell.unit);
    if (this.#recent.length > 256) this.#recent.shift();
  }

  #admissionDay(rng: Random): number {
    const year = drawWeighted(this.#years, rng.next());
    const start = toDay(`${year}-01-01`);
    const end = Math.min(toDay(`${year}-12-31`), this.#asOfDay - 1);
    return start + Math.floor(rng.next() * Math.max(1, end - start + 1));
  }

  /** Admission and birth dates: birth 1935–2006, admission at 18–60 years counted by month. */
  #dates(rng: Random): { admission: string; birth: string } {
    for (let attempt = 0; ; attempt++) {
      const admission = fromDay(this.#admissionDay(rng));
      const ay = Number(admission.slice(0, 4));
      const am = Number(admission.slice(5, 7));
      const months = ay * 12 + am - 1 - admissionAgeMonths(rng);
      const by = Math.floor(months / 12);
      if ((by < BIRTH_FIRST_YEAR || by > BIRTH_LAST_YEAR) && attempt < 20) continue;
      const clampedYear = Math.min(BIRTH_LAST_YEAR, Math.max(BIRTH_FIRST_YEAR, by));
      const birth = `${clampedYear}-${pad2((months % 12) + 1)}-${pad2(rng.int(1, 28))}`;
      // 18 to 60 years counted by month (core/member-rules/admission.ts), day of birth ignored
      const age = ay * 12 + am - (clampedYear * 12 + (months % 12) + 1);
      if (age < ADMISSION_MIN_AGE_YEARS * 12 || age > ADMISSION_MAX_AGE_YEARS * 12) continue;
      return { admission, birth };
    }
  }

  #nationalId(cell: SeedCell, sex: 'male' | 'female', birth: string, rng: Random): string {
    const code =
      (cell.top && ID_PROVINCE_CODE[cell.top.code]) ??
      (Object.values(ID_PROVINCE_CODE)[rng.int(0, 33)] as string);
    const century = birth < '2000' ? 0 : 2;
    const prefix = `${code}${century + (sex === 'female' ? 1 : 0)}${birth.slice(2, 4)}`;
    const n = this.#idCounters.get(prefix) ?? 0;
    this.#idCounters.set(prefix, n + 1);
    return `${prefix}${scramble(n, 6)}`;
  }

  #name(
    rng: Random,
    sex: 'male' | 'female',
    ethnicity: string,
    region: MemberRegion,
    birthYear: number,
  ): string {
    const minority = MINORITY_FAMILIES[ethnicity];
    const family = minority
      ? rng.pick(minority)
      : pick(rng, south(region) ? KINH_FAMILIES.south : KINH_FAMILIES.north);
    let middle = pick(rng, sex === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
    // "Thị" is giving way among women born since 1990
    while (sex === 'female' && middle === 'Thị' && birthYear >= 1990 && rng.chance(0.35)) {
      middle = pick(rng, FEMALE_MIDDLE);
    }
    const given = pick(rng, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
    if (sex === 'female' && middle === 'Thị' && rng.chance(0.08)) {
      // a few carry two middle names ("Nguyễn Thị Thu Hà")
      const second = pick(rng, FEMALE_MIDDLE);
      return `${family} Thị ${second === 'Thị' ? 'Thu' : second} ${given}`;
    }
    return `${family} ${middle} ${given}`;
  }

  #member(rng: Random, cell: SeedCell): SeedMember {
    const id = this.#nextId++;
    const asOf = this.#plan.asOf;
    const sex = rng.chance(FEMALE_SHARE) ? 'female' : 'male';
    const { admission, birth } = this.#dates(rng);
    const birthYear = Number(birth.slice(0, 4));
    const ethnicity = pick(rng, ETHNICITY[cell.region]);
    const fullName = this.#name(rng, sex, ethnicity, cell.region, birthYear);
    const end = probationEnd(admission);
    const overdue = end <= asOf && toDay(asOf) - toDay(end) < 90 && rng.chance(OVERDUE_SHARE);
    const official = end <= asOf && !overdue;
    const code = cell.unit.code;
    const unitRef = code.split('.')[0] ?? 'ĐU';
    const events: SeedMemberEvent[] = [
      {
        kind: 'admission',
        date: admission,
        decisionRef: `${(id % 900) + 100}-QĐ/${unitRef}`,
        details: JSON.stringify({ cellCode: code }),
      },
    ];
    if (official) events.push({ kind: 'recognition', date: end, decisionRef: null, details: '{}' });

    const memberships: SeedMembership[] = [];
    const transfers: SeedTransfer[] = [];
    let lastStart = toDay(admission);
    const earlier = this.#recent.length > 0 ? rng.pick(this.#recent) : undefined;
    const admissionDay = toDay(admission);
    if (earlier && rng.chance(PAST_TRANSFER_SHARE) && this.#asOfDay - admissionDay > 400) {
      // transferred in some time after admission; a few weeks in transit between the two cells
      const received = admissionDay + 200 + Math.floor(rng.next() * (this.#asOfDay - admissionDay - 230));
      const introduced = Math.max(admissionDay + 1, received - rng.int(5, 60));
      memberships.push({ cellId: earlier.id, from: admission, to: fromDay(introduced) });
      transfers.push({
        fromCellId: earlier.id,
        toCellId: cell.unit.id,
        introductionDate: fromDay(introduced),
        receivedDate: fromDay(received),
      });
      const details = JSON.stringify({ fromCellCode: earlier.code, toCellCode: code, kind: 'official' });
      events.push(
        { kind: 'transfer_out', date: fromDay(introduced), decisionRef: null, details },
        { kind: 'transfer_in', date: fromDay(received), decisionRef: null, details },
      );
      lastStart = received;
    }
    const current: SeedMembership = { cellId: cell.unit.id, from: fromDay(lastStart), to: null };
    memberships.push(current);

    let state: MemberState = 'active';
    const age = Number(asOf.slice(0, 4)) - birthYear;
    const deathChance = age >= 85 ? 0.35 : age >= 75 ? 0.12 : age >= 65 ? 0.03 : 0.003;
    const leave = rng.next();
    const leaveKind =
      leave < deathChance
        ? 'death'
        : leave < deathChance + REMOVED_SHARE
          ? 'removal'
          : leave < deathChance + REMOVED_SHARE + RESIGNED_SHARE
            ? 'resignation'
            : leave < deathChance + REMOVED_SHARE + RESIGNED_SHARE + IN_TRANSIT_SHARE
              ? 'transit'
              : null;
    // after every other event: the last membership change and the recognition
    const settled = Math.max(lastStart, official ? toDay(end) : 0) + 30;
    if (leaveKind && this.#asOfDay - settled > 30 && (leaveKind !== 'transit' || this.#recent.length > 1)) {
      const earliest = Math.max(
        settled,
        leaveKind === 'transit' ? this.#asOfDay - 60 : this.#asOfDay - 15 * 365,
      );
      const day = earliest + Math.floor(rng.next() * (this.#asOfDay - earliest));
      current.to = fromDay(day);
      if (leaveKind === 'transit') {
        const to = rng.pick(this.#recent);
        if (to.id !== cell.unit.id) {
          state = 'in_transit';
          transfers.push({
            fromCellId: cell.unit.id,
            toCellId: to.id,
            introductionDate: fromDay(day),
            receivedDate: null,
          });
          events.push({
            kind: 'transfer_out',
            date: fromDay(day),
            decisionRef: null,
            details: JSON.stringify({ fromCellCode: code, toCellCode: to.code, kind: 'official' }),
          });
        } else {
          current.to = null;
        }
      } else {
        state = leaveKind === 'death' ? 'deceased' : leaveKind === 'removal' ? 'removed' : 'resigned';
        events.push({ kind: leaveKind, date: fromDay(day), decisionRef: null, details: '{}' });
      }
    }

    const older = birthYear < 1960;
    const education = pick(rng, older ? EDUCATION.older : EDUCATION.younger);
    const qualification = pick(rng, QUALIFICATION);
    const theory = pick(rng, official ? THEORY_LEVEL.official : THEORY_LEVEL.probationary);
    const occupation =
      age >= 62 && cell.setting !== 'army' && cell.setting !== 'police' && rng.chance(0.85)
        ? 'Hưu trí'
        : pick(rng, OCCUPATION[cell.setting]);
    const place = cell.top?.place;
    const hometown = rng.chance(0.05)
      ? null
      : place && rng.chance(0.7)
        ? place
        : (rng.pick(PROVINCES).place ?? null);
    const birthPlace = rng.chance(0.05)
      ? null
      : rng.chance(0.8)
        ? hometown
        : (rng.pick(PROVINCES).place ?? null);
    const monthOnly = rng.chance(0.015);
    return {
      id,
      fullName,
      sortKey: personSortKey(fullName),
      sex,
      birthDate: monthOnly ? `${birth.slice(0, 8)}01` : birth,
      birthDatePrecision: monthOnly ? 'month' : 'day',
      birthPlace,
      hometown,
      ethnicity,
      religion: pick(rng, RELIGION[cell.region]),
      nationalId: rng.chance(NATIONAL_ID_SHARE) ? this.#nationalId(cell, sex, birth, rng) : null,
      partyCardNo: official && rng.chance(0.97) ? scramble(this.#nextCard++, 8) : null,
      admissionDate: admission,
      officialDate: official ? end : null,
      education: education || null,
      qualification: qualification || null,
      theoryLevel: theory || null,
      occupation,
      standing: official ? 'official' : 'probationary',
      state,
      cellId: cell.unit.id,
      memberships,
      events,
      transfers,
    };
  }
}

/** Every member of every cell, in tree order. */
export function* generateMembers(plan: MemberPlan): Generator<SeedMember> {
  const factory = new MemberFactory(plan);
  for (const cell of generateSeedCells(plan)) yield* factory.membersOf(cell);
}
