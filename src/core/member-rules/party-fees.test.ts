import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { feeRegime, type MonthlyFeeInput, monthlyFee, unpaidMonthsWarning } from './party-fees.ts';

function errorCode(fn: () => unknown): string | null {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return null;
}

function aFee(overrides: Partial<MonthlyFeeInput> = {}): MonthlyFeeInput {
  return { category: 'social_insurance', base: 4_960_000, partyAgeYears: 20, ...overrides };
}

// Reg 01-QĐ/TW (3/2/2026) from 2026-02; Decision 342-QĐ/TW (2010) before.
describe('fee regime by month (Reg 01-QĐ/TW in force 2026-02-03)', () => {
  it('applies Decision 342 to 2026-01, Reg 01 to 2026-02 and 2026-03', () => {
    expect(feeRegime('2026-01')).toBe('decision_342_2010');
    expect(feeRegime('2026-02')).toBe('reg_01_2026');
    expect(feeRegime('2026-03')).toBe('reg_01_2026');
  });

  it('rejects a month that is not yyyy-mm', () => {
    expect(errorCode(() => feeRegime('2026-13'))).toBe('party_fee.month_invalid');
    expect(errorCode(() => feeRegime('03/2026'))).toBe('party_fee.month_invalid');
  });
});

describe('monthlyFee rates (Reg 01-QĐ/TW)', () => {
  it('takes 1% of the SI salary base, and 1% of an SI benefit', () => {
    expect(monthlyFee(aFee(), '2026-03')).toEqual({ amount: 49_600, exempt: false, regime: 'reg_01_2026' });
    expect(monthlyFee(aFee({ category: 'si_benefit', base: 3_000_000 }), '2026-03').amount).toBe(30_000);
  });

  it('takes 0.5% of a pension, rounded to the whole đồng', () => {
    expect(monthlyFee(aFee({ category: 'pension', base: 7_123_457 }), '2026-03').amount).toBe(35_617);
    expect(monthlyFee(aFee({ category: 'pension', base: 7_123_500 }), '2026-03').amount).toBe(35_618);
  });

  it('takes 5,000 VND from a student, and 1% of the living allowance in a mission abroad', () => {
    expect(monthlyFee(aFee({ category: 'student', base: undefined }), '2026-03').amount).toBe(5_000);
    expect(monthlyFee(aFee({ category: 'abroad_mission', base: 25_000_000 }), '2026-03').amount).toBe(
      250_000,
    );
  });

  it('takes the amount set for other members abroad, within 30,000–400,000 VND', () => {
    const abroad = (fixedAmount: number) => () =>
      monthlyFee(aFee({ category: 'abroad_other', fixedAmount }), '2026-03').amount;
    expect(errorCode(abroad(29_999))).toBe('party_fee.amount_out_of_range');
    expect(abroad(30_000)()).toBe(30_000);
    expect(abroad(400_000)()).toBe(400_000);
    expect(errorCode(abroad(400_001))).toBe('party_fee.amount_out_of_range');
  });

  it('takes the amount set for other members in Vietnam, which is required', () => {
    expect(monthlyFee(aFee({ category: 'other_domestic', fixedAmount: 10_000 }), '2026-03').amount).toBe(
      10_000,
    );
    expect(errorCode(() => monthlyFee(aFee({ category: 'other_domestic' }), '2026-03'))).toBe(
      'party_fee.amount_required',
    );
  });

  it('requires the base for a percentage category', () => {
    expect(errorCode(() => monthlyFee(aFee({ base: undefined }), '2026-03'))).toBe('party_fee.base_required');
    expect(errorCode(() => monthlyFee(aFee({ base: -1 }), '2026-03'))).toBe('party_fee.base_required');
  });

  it('applies a 30%, 50% or 70% reduction', () => {
    expect(monthlyFee(aFee({ reductionPercent: 30 }), '2026-03').amount).toBe(34_720);
    expect(monthlyFee(aFee({ reductionPercent: 50 }), '2026-03').amount).toBe(24_800);
    expect(monthlyFee(aFee({ reductionPercent: 70 }), '2026-03').amount).toBe(14_880);
  });
});

describe('monthlyFee exemptions (Reg 01-QĐ/TW)', () => {
  it('exempts 50 years of Party age from 2026-02, not 49 years, and not in 2026-01', () => {
    expect(monthlyFee(aFee({ partyAgeYears: 49 }), '2026-02')).toMatchObject({
      exempt: false,
      amount: 49_600,
    });
    const exempt = monthlyFee(aFee({ partyAgeYears: 50 }), '2026-02');
    expect(exempt).toMatchObject({ exempt: true, amount: 0, reason: { code: 'party_age_50' } });
    expect(exempt.reason?.vi).toContain('50 năm');
    expect(monthlyFee(aFee({ partyAgeYears: 50 }), '2026-01')).toMatchObject({
      exempt: false,
      amount: 49_600,
    });
  });

  it('exempts social pension recipients, poor households and severe illness', () => {
    for (const exemption of ['social_pension', 'poor_household', 'severe_illness'] as const) {
      expect(monthlyFee(aFee({ exemption }), '2026-03')).toMatchObject({
        amount: 0,
        exempt: true,
        reason: { code: exemption },
      });
    }
  });
});

describe('monthlyFee under Decision 342-QĐ/TW (before 2026-02)', () => {
  it('takes 1% of salary and 0.5% of a pension', () => {
    expect(monthlyFee(aFee(), '2025-12')).toEqual({
      amount: 49_600,
      exempt: false,
      regime: 'decision_342_2010',
    });
    expect(monthlyFee(aFee({ category: 'pension', base: 6_000_000 }), '2025-12').amount).toBe(30_000);
  });

  it('needs the amount set for a student, whose 2010 rate was not confirmed', () => {
    expect(errorCode(() => monthlyFee(aFee({ category: 'student' }), '2025-12'))).toBe(
      'party_fee.amount_required',
    );
    expect(monthlyFee(aFee({ category: 'student', fixedAmount: 2_000 }), '2025-12').amount).toBe(2_000);
  });
});

describe('unpaidMonthsWarning (3 unpaid months in a year: the cell proposes removal)', () => {
  const paid = ['2026-01', '2026-02'];

  it('does not warn at 2 unpaid months, warns at 3', () => {
    expect(unpaidMonthsWarning(paid, 2026, '2026-04')).toEqual({
      unpaid: ['2026-03', '2026-04'],
      warn: false,
    });
    const three = unpaidMonthsWarning(paid, 2026, '2026-05');
    expect(three).toMatchObject({ unpaid: ['2026-03', '2026-04', '2026-05'], warn: true });
    if (three.warn) {
      expect(three.vi).toContain('03/2026, 04/2026, 05/2026');
      expect(three.en).toContain('removal from the list');
    }
  });

  it('does not count excused months (exempt, or before joining)', () => {
    expect(unpaidMonthsWarning(paid, 2026, '2026-05', ['2026-03']).warn).toBe(false);
  });

  it('counts the whole year once it is over, and nothing before it starts', () => {
    expect(unpaidMonthsWarning([], 2025, '2026-03').unpaid).toHaveLength(12);
    expect(unpaidMonthsWarning([], 2026, '2025-12').unpaid).toEqual([]);
    expect(unpaidMonthsWarning([], 2026, '2026-01').unpaid).toEqual(['2026-01']);
  });
});
