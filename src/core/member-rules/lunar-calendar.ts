/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for the UTC+7 meridian.
 *
 * Rules of the calendar (the same as the Chinese calendar, applied at UTC+7 — Vietnam's official
 * calendar uses UTC+7 since Government Decision 121-CP of 8/8/1967, applied from 1968):
 * - a month starts on the civil day (UTC+7) of a new moon;
 * - the 11th month is the one containing the winter solstice (sun longitude 270°);
 * - when 13 months start between two 11th months, the first one after the 11th month that
 *   contains no principal solar term (sun longitude a multiple of 30°) is the leap month and
 *   takes the number of the month before it.
 * A month "contains" a term when the term falls between the start of its first day and the start
 * of the next month's first day; both instants are local midnights.
 *
 * Astronomy: new moons by the series of J. Meeus, "Astronomical Algorithms" (2nd ed.), ch. 49;
 * the sun's apparent longitude by the low-precision solution of ch. 25 (about 0.01°); ΔT by the
 * Espenak–Meeus polynomials. Written for this project; checked against the published dates of
 * Tết 1968–2099 (see the test). Dates before 1968 are computed at UTC+7 too, so they may differ
 * from calendars printed then (which used UTC+8).
 */
import { validationError } from '../errors.ts';

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

const SYNODIC_MONTH = 29.530588861;
/** Julian Ephemeris Day of new moon number 0 (6 January 2000), Meeus 49.1. */
const NEW_MOON_EPOCH = 2451550.09766;
const UNIX_EPOCH_JDN = 2440588;
const UTC_OFFSET_DAYS = 7 / 24;
const RAD = Math.PI / 180;

function sinDeg(x: number): number {
  return Math.sin(x * RAD);
}

/** ΔT = TT − UT in seconds (Espenak & Meeus, NASA eclipse site polynomials). */
function deltaTSeconds(year: number): number {
  if (year >= 2050) {
    const u = (year - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - year);
  }
  if (year >= 2005) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (year >= 1986) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year >= 1961) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year >= 1941) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year >= 1920) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year >= 1900) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u;
}

/** Instant (JDE, Terrestrial Time) of true new moon number k, Meeus ch. 49. */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  let jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
  jde +=
    -0.4072 * sinDeg(mp) +
    0.17241 * e * sinDeg(m) +
    0.01608 * sinDeg(2 * mp) +
    0.01039 * sinDeg(2 * f) +
    0.00739 * e * sinDeg(mp - m) -
    0.00514 * e * sinDeg(mp + m) +
    0.00208 * e * e * sinDeg(2 * m) -
    0.00111 * sinDeg(mp - 2 * f) -
    0.00057 * sinDeg(mp + 2 * f) +
    0.00056 * e * sinDeg(2 * mp + m) -
    0.00042 * sinDeg(3 * mp) +
    0.00042 * e * sinDeg(m + 2 * f) +
    0.00038 * e * sinDeg(m - 2 * f) -
    0.00024 * e * sinDeg(2 * mp - m) -
    0.00017 * sinDeg(om) -
    0.00007 * sinDeg(mp + 2 * m) +
    0.00004 * sinDeg(2 * mp - 2 * f) +
    0.00004 * sinDeg(3 * m) +
    0.00003 * sinDeg(mp + m - 2 * f) +
    0.00003 * sinDeg(2 * mp + 2 * f) -
    0.00003 * sinDeg(mp + m + 2 * f) +
    0.00003 * sinDeg(mp - m + 2 * f) -
    0.00002 * sinDeg(mp - m - 2 * f) -
    0.00002 * sinDeg(3 * mp + m) +
    0.00002 * sinDeg(4 * mp);
  // Planetary arguments (Meeus table 49.B).
  const planetary: ReadonlyArray<readonly [number, number, number]> = [
    [0.000325, 299.77, 0.107408],
    [0.000165, 251.88, 0.016321],
    [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478],
    [0.00011, 84.66, 18.206239],
    [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732],
    [0.000056, 154.84, 7.30686],
    [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824],
    [0.00004, 291.34, 1.844379],
    [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099],
    [0.000023, 331.55, 3.592518],
  ];
  for (const [i, [coef, a0, rate]] of planetary.entries()) {
    const a = a0 + rate * k + (i === 0 ? -0.009173 * t2 : 0);
    jde += coef * sinDeg(a);
  }
  return jde;
}

const newMoonDayCache = new Map<number, number>();

/** Julian Day Number of the UTC+7 civil day on which new moon number k falls. */
function newMoonDay(k: number): number {
  const cached = newMoonDayCache.get(k);
  if (cached !== undefined) return cached;
  const jde = newMoonJde(k);
  const jdUt = jde - deltaTSeconds(2000 + k / 12.3685) / 86400;
  const day = Math.floor(jdUt + 0.5 + UTC_OFFSET_DAYS);
  newMoonDayCache.set(k, day);
  return day;
}

/** Apparent longitude of the sun in degrees [0, 360) at UTC+7 midnight starting day `jdn`. */
function sunLongitudeAtDayStart(jdn: number): number {
  const jdUt = jdn - 0.5 - UTC_OFFSET_DAYS;
  const year = 2000 + (jdUt - 2451545) / 365.25;
  const t = (jdUt + deltaTSeconds(year) / 86400 - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDeg(m) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * m) +
    0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const apparent = l0 + c - 0.00569 - 0.00478 * sinDeg(omega);
  return ((apparent % 360) + 360) % 360;
}

function solarTermSector(jdn: number): number {
  return Math.floor(sunLongitudeAtDayStart(jdn) / 30);
}

/** The new moon number starting the 11th lunar month, the one holding the December solstice of `year`. */
function month11Lunation(year: number): number {
  let k = Math.floor((jdnOf(year, 12, 31) - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  // Longitudes here stay within 220°–300°, so no wrap-around at 360°.
  while (sunLongitudeAtDayStart(newMoonDay(k)) >= 270) k--;
  return k;
}

interface LunarCycle {
  /** New moon number of the 11th month of lunar year `year`. */
  start: number;
  /** 12 or 13 months until the next 11th month. */
  length: number;
  /** Offset from `start` of the leap month, or null. */
  leapOffset: number | null;
}

const cycleCache = new Map<number, LunarCycle>();

/** The months from the 11th month of lunar year `year` to the 10th month of `year + 1`. */
function lunarCycle(year: number): LunarCycle {
  const cached = cycleCache.get(year);
  if (cached) return cached;
  const start = month11Lunation(year);
  const length = month11Lunation(year + 1) - start;
  let leapOffset: number | null = null;
  if (length === 13) {
    for (let j = 1; j < 13; j++) {
      if (solarTermSector(newMoonDay(start + j)) === solarTermSector(newMoonDay(start + j + 1))) {
        leapOffset = j;
        break;
      }
    }
  }
  const cycle = { start, length, leapOffset };
  cycleCache.set(year, cycle);
  return cycle;
}

function monthLabel(offset: number, leapOffset: number | null): { month: number; leap: boolean } {
  const shift = leapOffset !== null && offset >= leapOffset ? 1 : 0;
  return { month: ((10 + offset - shift) % 12) + 1, leap: offset === leapOffset };
}

function jdnOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / 86_400_000) + UNIX_EPOCH_JDN;
}

function isoOfJdn(jdn: number): string {
  const d = new Date((jdn - UNIX_EPOCH_JDN) * 86_400_000);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Gregorian ISO date → Vietnamese lunar date. */
export function solarToLunar(date: string): LunarDate {
  const match = ISO.exec(date);
  const jdn = match ? jdnOf(Number(match[1]), Number(match[2]), Number(match[3])) : Number.NaN;
  if (!match || isoOfJdn(jdn) !== date) {
    throw validationError('date.invalid', {
      vi: `Ngày không hợp lệ: "${date}" (dùng yyyy-mm-dd)`,
      en: `Invalid date: "${date}" (use yyyy-mm-dd)`,
    });
  }
  const year = Number(match[1]);
  let k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > jdn) k--;
  while (newMoonDay(k + 1) <= jdn) k++;
  const cycleYear = k >= lunarCycle(year).start ? year : year - 1;
  const cycle = lunarCycle(cycleYear);
  const label = monthLabel(k - cycle.start, cycle.leapOffset);
  return {
    year: label.month >= 11 ? cycleYear : cycleYear + 1,
    month: label.month,
    day: jdn - newMoonDay(k) + 1,
    leap: label.leap,
  };
}

/**
 * Vietnamese lunar date → Gregorian ISO date, or null when that date does not exist (a leap month
 * the year does not have, or day 30 of a 29-day month).
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): string | null {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    return null;
  }
  const cycle = lunarCycle(month >= 11 ? year : year - 1);
  for (let offset = 0; offset < cycle.length; offset++) {
    const label = monthLabel(offset, cycle.leapOffset);
    if (label.month !== month || label.leap !== leap) continue;
    const first = newMoonDay(cycle.start + offset);
    const length = newMoonDay(cycle.start + offset + 1) - first;
    return day <= length ? isoOfJdn(first + day - 1) : null;
  }
  return null;
}

/** Mùng 1 Tết: the first day of the first lunar month of `year`. */
export function lunarNewYear(year: number): string {
  const date = lunarToSolar(year, 1, 1);
  if (!date) throw new RangeError(`no lunar new year computed for ${year}`);
  return date;
}
