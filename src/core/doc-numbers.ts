/**
 * Party document types and numbers ("Số: 26-NQ/TW").
 *
 * Types: Regulation 399-QĐ/TW of 9/1/2026 (Secretariat) on the types, issuing authority and format
 * of Party documents, in force from its signing (replacing Regulation 66-QĐ/TW of 6/2/2017).
 * Numbers: Guidance 36-HD/VPTW of 3/4/2018 §II.1.3 — `<number>-<type abbreviation>/<issuer>`, a
 * running sequence from 01 for each type within a committee's term. Quy định and Quyết định both
 * write `QĐ` and share one sequence (observed at /TW in the 13th term: 190-QĐ decision → 232-QĐ
 * regulation → 243-QĐ decision …, restarting at 01-QĐ/TW in the 14th term).
 * Abbreviations marked `confirmed: false` are not seen in a real number yet.
 */
import { foldVn } from './vn-text.ts';

export interface DocType {
  /** Stable key in code and data. */
  kind: string;
  /** The abbreviation written in numbers; also the numbering sequence. */
  code: string;
  vi: string;
  en: string;
  confirmed: boolean;
}

export const DOC_TYPES = [
  { kind: 'platform', code: 'CL', vi: 'Cương lĩnh', en: 'Political platform', confirmed: false },
  { kind: 'charter', code: 'ĐL', vi: 'Điều lệ', en: 'Charter', confirmed: false },
  { kind: 'strategy', code: 'CLc', vi: 'Chiến lược', en: 'Strategy', confirmed: false },
  { kind: 'resolution', code: 'NQ', vi: 'Nghị quyết', en: 'Resolution', confirmed: true },
  { kind: 'decision', code: 'QĐ', vi: 'Quyết định', en: 'Decision', confirmed: true },
  { kind: 'regulation', code: 'QĐ', vi: 'Quy định', en: 'Regulation', confirmed: true },
  { kind: 'directive', code: 'CT', vi: 'Chỉ thị', en: 'Directive', confirmed: true },
  { kind: 'conclusion', code: 'KL', vi: 'Kết luận', en: 'Conclusion', confirmed: true },
  { kind: 'rules', code: 'QC', vi: 'Quy chế', en: 'Rules', confirmed: false },
  { kind: 'circular', code: 'TT', vi: 'Thông tri', en: 'Circular', confirmed: true },
  { kind: 'guidance', code: 'HD', vi: 'Hướng dẫn', en: 'Guidance', confirmed: true },
  { kind: 'notice', code: 'TB', vi: 'Thông báo', en: 'Notice', confirmed: true },
  { kind: 'communique', code: 'TC', vi: 'Thông cáo', en: 'Communiqué', confirmed: false },
  { kind: 'statement', code: 'TBo', vi: 'Tuyên bố', en: 'Statement', confirmed: false },
  { kind: 'appeal', code: 'LKG', vi: 'Lời kêu gọi', en: 'Appeal', confirmed: false },
  { kind: 'report', code: 'BC', vi: 'Báo cáo', en: 'Report', confirmed: true },
  { kind: 'plan', code: 'KH', vi: 'Kế hoạch', en: 'Plan', confirmed: true },
  { kind: 'planning', code: 'QHo', vi: 'Quy hoạch', en: 'Planning', confirmed: false },
  { kind: 'programme', code: 'CTr', vi: 'Chương trình', en: 'Programme', confirmed: false },
  { kind: 'scheme', code: 'ĐA', vi: 'Đề án', en: 'Scheme', confirmed: true },
  { kind: 'option', code: 'PA', vi: 'Phương án', en: 'Option', confirmed: false },
  { kind: 'project', code: 'DA', vi: 'Dự án', en: 'Project', confirmed: false },
  { kind: 'submission', code: 'TTr', vi: 'Tờ trình', en: 'Submission', confirmed: true },
  { kind: 'letter', code: 'CV', vi: 'Công văn', en: 'Official letter', confirmed: true },
  { kind: 'minutes', code: 'BB', vi: 'Biên bản', en: 'Minutes', confirmed: false },
] as const satisfies readonly DocType[];

export type DocKind = (typeof DOC_TYPES)[number]['kind'];
export type DocTypeCode = (typeof DOC_TYPES)[number]['code'];
export const DOC_KINDS = DOC_TYPES.map((t) => t.kind) as [DocKind, ...DocKind[]];
export const DOC_TYPE_CODES = [...new Set(DOC_TYPES.map((t) => t.code))] as [DocTypeCode, ...DocTypeCode[]];

export function docTypeOfKind(kind: DocKind): (typeof DOC_TYPES)[number] {
  return DOC_TYPES.find((t) => t.kind === kind) as (typeof DOC_TYPES)[number];
}

/** Folded for comparison: no diacritics, `đ` as `d`, lower case. */
const fold = (text: string) => foldVn(text).replace(/\s+/g, '');

/**
 * The type abbreviation as written in numbers, from any spelling (`qd`, `QĐ`, `nq`). An exact
 * match wins over a folded one, so `DA` is dự án and `da` or `ĐA` is đề án (the one seen in use).
 */
export function docTypeCode(text: string): DocTypeCode | null {
  const exact = DOC_TYPE_CODES.find((c) => c === text.trim());
  if (exact) return exact;
  const folded = fold(text);
  return DOC_TYPE_CODES.find((c) => fold(c) === folded) ?? null;
}

/** The type word in a heading or a query (`QUY ĐỊNH`, `nghi quyet`) → its kind. */
export function docKindOfWord(text: string): DocKind | null {
  const folded = foldVn(text);
  return DOC_TYPES.find((t) => foldVn(t.vi) === folded)?.kind ?? null;
}

/**
 * Issuing-body suffixes seen in real numbers (domain-rules §7.3), with the body's name and the
 * body above it (for "only the issuer or a higher body may amend or replace").
 */
export const KNOWN_ISSUERS = [
  { suffix: 'TW', vi: 'Ban Chấp hành Trung ương', en: 'Central Committee', parent: null },
  { suffix: 'VPTW', vi: 'Văn phòng Trung ương Đảng', en: 'Central Party Office', parent: 'TW' },
  { suffix: 'BTCTW', vi: 'Ban Tổ chức Trung ương', en: 'Central Organization Commission', parent: 'TW' },
  { suffix: 'UBKTTW', vi: 'Ủy ban Kiểm tra Trung ương', en: 'Central Inspection Committee', parent: 'TW' },
  { suffix: 'TU', vi: 'Tỉnh ủy', en: 'Provincial Party Committee', parent: 'TW' },
  { suffix: 'TP', vi: 'Thành ủy', en: 'City Party Committee', parent: 'TW' },
  { suffix: 'VPTU', vi: 'Văn phòng Tỉnh ủy', en: 'Provincial Party Office', parent: 'TU' },
  { suffix: 'BTGTU', vi: 'Ban Tuyên giáo Tỉnh ủy', en: 'Provincial Propaganda Department', parent: 'TU' },
  { suffix: 'HU', vi: 'Huyện ủy', en: 'District Party Committee', parent: 'TU' },
  { suffix: 'ĐU', vi: 'Đảng ủy', en: 'Party Committee', parent: 'TU' },
  { suffix: 'ĐUK', vi: 'Đảng ủy khối', en: 'Bloc Party Committee', parent: 'TU' },
  { suffix: 'BCSĐ', vi: 'Ban cán sự đảng', en: 'Party affairs committee', parent: 'TW' },
  { suffix: 'BTCĐU', vi: 'Ban Tổ chức Đảng ủy', en: 'Organisation board of a Party committee', parent: 'ĐU' },
] as const;

/** A suffix in its usual spelling (`du` → `ĐU`); an unknown one upper-cased as written. */
export function issuerSuffix(text: string): string {
  const trimmed = text.trim();
  const known = KNOWN_ISSUERS.find(
    (i) => i.suffix === trimmed.toUpperCase() || fold(i.suffix) === fold(trimmed),
  );
  return known ? known.suffix : trimmed.toUpperCase();
}

export interface DocNumber {
  seq: number;
  code: DocTypeCode;
  issuer: string;
  /** What follows the issuer, e.g. `nb` in `141-CV/VPTW/nb`. */
  qualifier: string | null;
}

/** A number as far as a query gives it: `nq 26` has no issuer. */
export type DocNumberQuery = Pick<DocNumber, 'seq' | 'code'> & {
  issuer: string | null;
  qualifier: string | null;
};

/** `26-NQ/TW`; sequence numbers below 10 are written with two digits (`01-QĐ/TW`). */
export function formatDocNumber(n: DocNumber): string {
  const seq = String(n.seq).padStart(2, '0');
  return `${seq}-${n.code}/${n.issuer}${n.qualifier ? `/${n.qualifier}` : ''}`;
}

const LEAD = /^\s*(?:s[ốo]\s*:?\s*)?/i;
const LETTERS = '[A-Za-zĐđ]+';
// 26-NQ/TW, 26–NQ/TW, 141-CV/VPTW/nb, 26-NQ/TW, "26 NQ TW"
const CANONICAL = new RegExp(
  `^(\\d{1,6})\\s*[-–—\\s]\\s*(${LETTERS})\\s*[/\\s]\\s*(${LETTERS})(?:\\s*/\\s*(${LETTERS}))?$`,
);
// 26/NQ-TW (State-style slashes)
const SLASHED = new RegExp(`^(\\d{1,6})\\s*/\\s*(${LETTERS})\\s*-\\s*(${LETTERS})$`);
// nq 26, NQ26, nq 26/tw, nghị quyết 26, quy dinh so 96
const TYPE_FIRST = new RegExp(
  `^(\\p{L}[\\p{L}\\s]*?)\\s*(?:s[ốo]\\s*)?(\\d{1,6})(?:\\s*[/-]\\s*(${LETTERS}))?$`,
  'u',
);
// 26 nq, 26-nq
const NUMBER_FIRST = new RegExp(`^(\\d{1,6})\\s*[-–\\s]\\s*(${LETTERS})$`);

function typeFrom(text: string): DocTypeCode | null {
  const code = docTypeCode(text);
  if (code) return code;
  const kind = docKindOfWord(text);
  return kind ? docTypeOfKind(kind).code : null;
}

/**
 * Reads a number in any common spelling: `26-NQ/TW`, `Số: 26-NQ/TW`, `26/NQ-TW`, `nq 26`,
 * `nghị quyết số 26`, `141-CV/VPTW/nb`. Returns null when the text is not a document number.
 */
export function parseDocNumberQuery(text: string): DocNumberQuery | null {
  const t = text.normalize('NFC').replace(LEAD, '').trim();
  if (!/\d/.test(t)) return null;
  const canonical = CANONICAL.exec(t) ?? SLASHED.exec(t);
  if (canonical) {
    const code = typeFrom(canonical[2] as string);
    if (!code) return null;
    return {
      seq: Number(canonical[1]),
      code,
      issuer: issuerSuffix(canonical[3] as string),
      qualifier: canonical[4] ? canonical[4].toLowerCase() : null,
    };
  }
  const typeFirst = TYPE_FIRST.exec(t);
  if (typeFirst) {
    const code = typeFrom(typeFirst[1] as string);
    if (!code) return null;
    return {
      seq: Number(typeFirst[2]),
      code,
      issuer: typeFirst[3] ? issuerSuffix(typeFirst[3]) : null,
      qualifier: null,
    };
  }
  const numberFirst = NUMBER_FIRST.exec(t);
  if (numberFirst) {
    const code = typeFrom(numberFirst[2] as string);
    return code ? { seq: Number(numberFirst[1]), code, issuer: null, qualifier: null } : null;
  }
  return null;
}

/** A complete number (with its issuer), or null. */
export function parseDocNumber(text: string): DocNumber | null {
  const q = parseDocNumberQuery(text);
  return q?.issuer ? { ...q, issuer: q.issuer } : null;
}

const TYPE_WORDS = DOC_TYPES.map((t) => t.vi).join('|');
const FULL_MENTION = `\\d{1,6}\\s*[-–/]\\s*${LETTERS}\\s*[-/]\\s*${LETTERS}(?:/[a-z]+\\b)?`;
/** `Quy định 366-QĐ/TW`, `366-QĐ/TW`, `26/NQ-TW` (the type word before it included). */
const FULL_MENTIONS = new RegExp(`(?:(?:${TYPE_WORDS})\\s+(?:số\\s+)?)?\\b(${FULL_MENTION})`, 'giu');
/** `Nghị quyết số 26` (no issuer). */
const WORDED_MENTIONS = new RegExp(`(?:${TYPE_WORDS})\\s+(?:số\\s+)?\\d{1,6}(?![-–/\\d])`, 'giu');

/**
 * Document numbers mentioned in free text (a question, a body): `Quy định 366-QĐ/TW`,
 * `Nghị quyết số 26`, `26/NQ-TW`. Each found once, in order.
 */
export function docNumbersIn(text: string): DocNumberQuery[] {
  const found: DocNumberQuery[] = [];
  const seen = new Set<string>();
  const add = (q: DocNumberQuery | null) => {
    if (!q) return;
    const key = `${q.seq}|${q.code}|${q.issuer ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push(q);
    }
  };
  const nfc = text.normalize('NFC');
  for (const m of nfc.matchAll(FULL_MENTIONS)) add(parseDocNumberQuery(m[1] as string));
  for (const m of nfc.matchAll(WORDED_MENTIONS)) add(parseDocNumberQuery(m[0]));
  return found;
}

/** The text without its document numbers (and their type words): what is left is the subject. */
export function withoutDocNumbers(text: string): string {
  return text.normalize('NFC').replace(FULL_MENTIONS, ' ').replace(WORDED_MENTIONS, ' ');
}

/**
 * Terms of the Central Committee: term N runs from the day after the N-th National Congress
 * closed to the day the next one closed (HD 36 §II.1.3). Closing days of the congresses.
 */
const CONGRESS_CLOSINGS: readonly [term: number, closed: string][] = [
  [9, '2001-04-22'],
  [10, '2006-04-25'],
  [11, '2011-01-19'],
  [12, '2016-01-28'],
  [13, '2021-02-01'],
  [14, '2026-01-23'],
];

/**
 * The committee term a document signed on `date` is numbered in. Local committees hold their
 * congresses in the months before the national one; until their own dates are recorded, the
 * national term stands for theirs.
 */
export function termOf(date: string): number {
  let term = 8;
  for (const [n, closed] of CONGRESS_CLOSINGS) if (date > closed) term = n;
  return term;
}

/** `XIII` for 13, as terms are written. */
export function romanTerm(term: number): string {
  const numerals: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = term;
  let out = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** The fields the sector reports documents by (its annual statistics table). */
export const DOC_FIELDS = [
  { key: 'party_building', vi: 'Xây dựng, chỉnh đốn Đảng', en: 'Party building and rectification' },
  {
    key: 'grassroots_members',
    vi: 'Tổ chức cơ sở đảng và đảng viên',
    en: 'Grassroots organizations and members',
  },
  { key: 'apparatus_staffing', vi: 'Tổ chức bộ máy, biên chế', en: 'Apparatus and staffing' },
  { key: 'cadres', vi: 'Công tác cán bộ', en: 'Cadre work' },
  { key: 'political_protection', vi: 'Bảo vệ chính trị nội bộ', en: 'Internal political protection' },
  { key: 'congress_charter', vi: 'Đại hội đảng và Điều lệ Đảng', en: 'Congresses and the Charter' },
] as const;

export type DocField = (typeof DOC_FIELDS)[number]['key'];
export const DOC_FIELD_KEYS = DOC_FIELDS.map((f) => f.key) as [DocField, ...DocField[]];
