/**
 * Monthly Party fees (đảng phí).
 *
 * Two regimes, chosen by the fee month:
 * - Regulation 01-QĐ/TW of the Politburo, 3/2/2026, in force from 2026-02-03. Taken to govern
 *   fee months from 2026-02 (the month it came into force), an interpretation: no transition
 *   clause was read.
 *   - in compulsory social insurance: 1% of the previous month's SI salary base;
 *   - on sick or maternity leave paid by SI: 1% of the benefit;
 *   - on a pension, not in SI: 0.5% of the pension;
 *   - pupils and students: 5,000 VND a month;
 *   - abroad in a representative mission, accompanying spouses, state-funded students: 1% of the
 *     living allowance;
 *   - other members abroad: a fixed 30,000–400,000 VND a month, set for the member;
 *   - other members in Vietnam (farmers, the self-employed …): the text for this category was not
 *     confirmed, so the amount set for the member is an input;
 *   - exempt: 50 years of Party age or more, social pension recipients, poor or near-poor
 *     households, severe illness on the Ministry of Health list; other hardship: exemption or a
 *     30%, 50% or 70% reduction for up to 12 months on the member's request (the 12-month limit
 *     is the caller's to check: pass the reduction only for months it covers);
 *   - not paying for 3 months in a year without good reason: the cell proposes removal from the
 *     list (xóa tên), per Regulation 24-QĐ/TW §8.1, kept by Regulation 232-QĐ/TW.
 * - Decision 342-QĐ/TW (28/12/2010) for fee months before: 1% of salary and SI-bearing allowances,
 *   0.5% of pensions. Its amounts for the other categories were not read: they are inputs there.
 *   It had no automatic exemption by Party age. A recorded exemption or reduction is applied in
 *   both regimes, as the record of a decision someone made.
 * Amounts are rounded to the whole đồng.
 */
import { validationError } from '../errors.ts';

export const PARTY_FEE_CATEGORIES = [
  'social_insurance',
  'si_benefit',
  'pension',
  'student',
  'abroad_mission',
  'abroad_other',
  'other_domestic',
] as const;
export type PartyFeeCategory = (typeof PARTY_FEE_CATEGORIES)[number];

export type FeeRegime = 'reg_01_2026' | 'decision_342_2010';
/** The first fee month under Regulation 01-QĐ/TW (in force 2026-02-03). */
export const REG_01_2026_FIRST_MONTH = '2026-02';
export const FEE_EXEMPT_PARTY_AGE_YEARS = 50;
export const ABROAD_OTHER_MIN_VND = 30_000;
export const ABROAD_OTHER_MAX_VND = 400_000;
export const UNPAID_MONTHS_REMOVAL_THRESHOLD = 3;

export type FeeExemptionGround = 'social_pension' | 'poor_household' | 'severe_illness' | 'hardship';
export type FeeExemptionCode = 'party_age_50' | FeeExemptionGround;

type FeeRule =
  | { kind: 'percent'; rate: number }
  | { kind: 'fixed'; amount: number }
  | { kind: 'given'; min?: number; max?: number };

const RULES: Record<FeeRegime, Record<PartyFeeCategory, FeeRule>> = {
  reg_01_2026: {
    social_insurance: { kind: 'percent', rate: 0.01 },
    si_benefit: { kind: 'percent', rate: 0.01 },
    pension: { kind: 'percent', rate: 0.005 },
    student: { kind: 'fixed', amount: 5_000 },
    abroad_mission: { kind: 'percent', rate: 0.01 },
    abroad_other: { kind: 'given', min: ABROAD_OTHER_MIN_VND, max: ABROAD_OTHER_MAX_VND },
    other_domestic: { kind: 'given' },
  },
  decision_342_2010: {
    social_insurance: { kind: 'percent', rate: 0.01 },
    si_benefit: { kind: 'given' },
    pension: { kind: 'percent', rate: 0.005 },
    student: { kind: 'given' },
    abroad_mission: { kind: 'given' },
    abroad_other: { kind: 'given' },
    other_domestic: { kind: 'given' },
  },
};

const EXEMPTION_MESSAGES: Record<FeeExemptionCode, { vi: string; en: string }> = {
  party_age_50: {
    vi: 'Miễn đóng đảng phí: đảng viên có tuổi đảng từ 50 năm trở lên',
    en: 'Exempt from Party fees: 50 or more years of Party age',
  },
  social_pension: {
    vi: 'Miễn đóng đảng phí: đảng viên hưởng trợ cấp hưu trí xã hội',
    en: 'Exempt from Party fees: receives the social pension',
  },
  poor_household: {
    vi: 'Miễn đóng đảng phí: đảng viên thuộc hộ nghèo, hộ cận nghèo',
    en: 'Exempt from Party fees: poor or near-poor household',
  },
  severe_illness: {
    vi: 'Miễn đóng đảng phí: đảng viên mắc bệnh hiểm nghèo theo danh mục của Bộ Y tế',
    en: 'Exempt from Party fees: severe illness on the Ministry of Health list',
  },
  hardship: {
    vi: 'Miễn đóng đảng phí: đảng viên có hoàn cảnh khó khăn, được miễn theo đề nghị',
    en: 'Exempt from Party fees: hardship, exempted on request',
  },
};

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function requireYearMonth(month: string, field: string): void {
  if (!YEAR_MONTH.test(month)) {
    throw validationError(
      'party_fee.month_invalid',
      { vi: `Tháng không hợp lệ: "${month}" (dùng yyyy-mm)`, en: `Invalid month: "${month}" (use yyyy-mm)` },
      field,
    );
  }
}

export function feeRegime(month: string): FeeRegime {
  requireYearMonth(month, 'month');
  return month >= REG_01_2026_FIRST_MONTH ? 'reg_01_2026' : 'decision_342_2010';
}

export interface MonthlyFeeInput {
  category: PartyFeeCategory;
  /** The amount the percentage applies to (SI salary base, benefit, pension, living allowance), VND. */
  base?: number;
  /** The amount set for the member, VND, where the category has no rate. */
  fixedAmount?: number;
  /** Party age in whole years in the fee month. */
  partyAgeYears: number;
  exemption?: FeeExemptionGround;
  reductionPercent?: 30 | 50 | 70;
}

export interface MonthlyFee {
  amount: number;
  exempt: boolean;
  reason?: { code: FeeExemptionCode; vi: string; en: string };
  regime: FeeRegime;
}

function requireAmount(
  value: number | undefined,
  code: string,
  field: string,
  what: { vi: string; en: string },
): number {
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    throw validationError(code, what, field);
  }
  return value;
}

function feeBeforeReduction(input: MonthlyFeeInput, regime: FeeRegime): number {
  const rule = RULES[regime][input.category];
  if (rule.kind === 'fixed') return rule.amount;
  if (rule.kind === 'percent') {
    const base = requireAmount(input.base, 'party_fee.base_required', 'base', {
      vi: 'Cần số tiền làm căn cứ tính đảng phí (tiền lương, trợ cấp, lương hưu hoặc sinh hoạt phí)',
      en: 'The amount the fee is a percentage of is required (salary base, benefit, pension or allowance)',
    });
    return base * rule.rate;
  }
  const amount = requireAmount(input.fixedAmount, 'party_fee.amount_required', 'fixedAmount', {
    vi: 'Cần mức đảng phí được xác định cho đảng viên này',
    en: 'The fee amount set for this member is required',
  });
  if ((rule.min !== undefined && amount < rule.min) || (rule.max !== undefined && amount > rule.max)) {
    throw validationError(
      'party_fee.amount_out_of_range',
      {
        vi: `Mức đảng phí ${amount} đồng ngoài khung ${rule.min ?? 0}–${rule.max ?? '∞'} đồng/tháng`,
        en: `A fee of ${amount} VND is outside the ${rule.min ?? 0}–${rule.max ?? '∞'} VND a month range`,
      },
      'fixedAmount',
    );
  }
  return amount;
}

/** The fee a member owes for `month` (`YYYY-MM`). */
export function monthlyFee(input: MonthlyFeeInput, month: string): MonthlyFee {
  const regime = feeRegime(month);
  const exemptByAge = regime === 'reg_01_2026' && input.partyAgeYears >= FEE_EXEMPT_PARTY_AGE_YEARS;
  const code: FeeExemptionCode | undefined = exemptByAge ? 'party_age_50' : input.exemption;
  if (code) return { amount: 0, exempt: true, reason: { code, ...EXEMPTION_MESSAGES[code] }, regime };
  const full = feeBeforeReduction(input, regime);
  const reduction = input.reductionPercent ?? 0;
  if (![0, 30, 50, 70].includes(reduction)) {
    throw validationError(
      'party_fee.reduction_invalid',
      {
        vi: `Mức giảm phải là 30%, 50% hoặc 70%: ${reduction}`,
        en: `A reduction must be 30%, 50% or 70%: ${reduction}`,
      },
      'reductionPercent',
    );
  }
  return { amount: Math.round((full * (100 - reduction)) / 100), exempt: false, regime };
}

export type UnpaidMonthsWarning =
  | { unpaid: string[]; warn: false }
  | { unpaid: string[]; warn: true; vi: string; en: string };

/**
 * Months of `year`, from January to `asOfMonth` included, neither paid nor excused (exempt, or
 * not yet a member). Three or more: the cell should consider proposing removal from the list.
 */
export function unpaidMonthsWarning(
  paidMonths: readonly string[],
  year: number,
  asOfMonth: string,
  excusedMonths: readonly string[] = [],
): UnpaidMonthsWarning {
  requireYearMonth(asOfMonth, 'asOfMonth');
  const settled = new Set([...paidMonths, ...excusedMonths]);
  const unpaid: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > asOfMonth) break;
    if (!settled.has(month)) unpaid.push(month);
  }
  if (unpaid.length < UNPAID_MONTHS_REMOVAL_THRESHOLD) return { unpaid, warn: false };
  const shown = unpaid.map((m) => `${m.slice(5)}/${m.slice(0, 4)}`).join(', ');
  return {
    unpaid,
    warn: true,
    vi: `Chưa đóng đảng phí ${unpaid.length} tháng trong năm ${year} (${shown}): nếu không có lý do chính đáng, chi bộ xem xét đề nghị xóa tên`,
    en: `Party fees unpaid for ${unpaid.length} months in ${year} (${shown}): without a good reason, the cell should consider proposing removal from the list`,
  };
}
