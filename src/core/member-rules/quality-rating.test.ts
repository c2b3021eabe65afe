import { describe, expect, it } from 'vitest';
import { QUALITY_LEVEL_LABELS, QUALITY_LEVELS, ratingExemption, ratingFromScore } from './quality-rating.ts';

// Reg 366-QĐ/TW (30/8/2025), replacing Reg 124-QĐ/TW (4/10/2023) and Reg 132-QĐ/TW (8/3/2018):
// ≥ 90 excellent, 70 to < 90 good, 50 to < 70 completed, < 50 not completed, from the 2025 rating.
describe('quality levels (Reg 366-QĐ/TW)', () => {
  it('has four levels with their Vietnamese names', () => {
    expect(QUALITY_LEVELS).toEqual(['excellent', 'good', 'completed', 'not_completed']);
    expect(QUALITY_LEVEL_LABELS.excellent.vi).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(QUALITY_LEVEL_LABELS.good.vi).toBe('Hoàn thành tốt nhiệm vụ');
    expect(QUALITY_LEVEL_LABELS.completed.vi).toBe('Hoàn thành nhiệm vụ');
    expect(QUALITY_LEVEL_LABELS.not_completed.vi).toBe('Không hoàn thành nhiệm vụ');
  });
});

describe('ratingFromScore (Reg 366-QĐ/TW, 100-point scale)', () => {
  const level = (score: number) => {
    const r = ratingFromScore(score, 2025);
    return r.ok ? r.level : r.code;
  };

  it('puts 89.9 in good, 90 and 90.1 in excellent', () => {
    expect(level(89.9)).toBe('good');
    expect(level(90)).toBe('excellent');
    expect(level(90.1)).toBe('excellent');
  });

  it('puts 69.9 in completed, 70 and 70.1 in good', () => {
    expect(level(69.9)).toBe('completed');
    expect(level(70)).toBe('good');
    expect(level(70.1)).toBe('good');
  });

  it('puts 49.9 in not completed, 50 and 50.1 in completed', () => {
    expect(level(49.9)).toBe('not_completed');
    expect(level(50)).toBe('completed');
    expect(level(50.1)).toBe('completed');
  });

  it('rejects a score outside 0–100', () => {
    expect(level(-1)).toBe('quality.score_out_of_range');
    expect(level(100)).toBe('excellent');
    expect(level(100.5)).toBe('quality.score_out_of_range');
    expect(level(Number.NaN)).toBe('quality.score_out_of_range');
  });

  it('has no score scale for the 2024 rating (Reg 124): the level is chosen directly', () => {
    const result = ratingFromScore(95, 2024);
    expect(result).toMatchObject({ ok: false, code: 'quality.no_score_scale' });
    if (!result.ok) expect(result.vi).toContain('366-QĐ/TW');
    expect(ratingFromScore(95, 2025)).toEqual({ ok: true, level: 'excellent' });
    expect(ratingFromScore(95, 2026)).toEqual({ ok: true, level: 'excellent' });
  });
});

describe('ratingExemption (Reg 124-QĐ/TW baseline; Reg 24-QĐ/TW Art. 7)', () => {
  const review = '2025-12-15';
  const member = { admissionCeremonyDate: '2010-05-19', suspended: false };

  it('rates a member admitted 6 months before the review, not one admitted 6 months less a day', () => {
    expect(ratingExemption({ ...member, admissionCeremonyDate: '2025-06-16' }, review)?.code).toBe(
      'admitted_under_6_months',
    );
    expect(ratingExemption({ ...member, admissionCeremonyDate: '2025-06-15' }, review)).toBeNull();
    expect(ratingExemption({ ...member, admissionCeremonyDate: '2025-06-14' }, review)).toBeNull();
  });

  it('does not rate a suspended member', () => {
    const result = ratingExemption({ ...member, suspended: true }, review);
    expect(result?.code).toBe('suspended');
    expect(result?.vi).toContain('đình chỉ sinh hoạt đảng');
  });

  it('does not rate a member exempt from Party activities by the review date', () => {
    expect(ratingExemption({ ...member, exemptFromActivitiesSince: '2025-12-15' }, review)?.code).toBe(
      'exempt_from_activities',
    );
    expect(ratingExemption({ ...member, exemptFromActivitiesSince: '2025-12-16' }, review)).toBeNull();
  });

  it('rates an ordinary member, and one whose admission date is unknown', () => {
    expect(ratingExemption(member, review)).toBeNull();
    expect(ratingExemption({ ...member, admissionCeremonyDate: null }, review)).toBeNull();
  });
});
