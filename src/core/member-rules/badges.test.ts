import { describe, expect, it } from 'vitest';
import {
  BADGE_MILESTONES,
  type BadgeMember,
  badgeEligibility,
  earlyAwardMonths,
  eligibleForRound,
  nextAwardRound,
  partyAgeYears,
} from './badges.ts';

function aMember(overrides: Partial<BadgeMember> = {}): BadgeMember {
  return { admissionDate: '1995-11-07', awarded: [], ...overrides };
}

// HD 01-HD/TW (28/9/2021) §18: milestones 30, 40, 45 … 90; seriously ill: up to 12 months early
// for 30–65, up to 24 months early for 70–90; Party age from the admission decision date.
describe('Party age (HD 01-HD/TW §18)', () => {
  it('runs from the admission decision: 29 the day before the anniversary, 30 on the day', () => {
    expect(partyAgeYears('1995-11-07', '2025-11-06')).toBe(29);
    expect(partyAgeYears('1995-11-07', '2025-11-07')).toBe(30);
    expect(partyAgeYears('1995-11-07', '2025-11-08')).toBe(30);
  });

  it('is 0 before the admission decision', () => {
    expect(partyAgeYears('2025-11-07', '2025-01-01')).toBe(0);
  });
});

describe('badgeEligibility (HD 01-HD/TW §18)', () => {
  it('has the twelve milestones from 30 to 90 years', () => {
    expect(BADGE_MILESTONES).toEqual([30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);
  });

  it('is not eligible for the 30-year badge the day before, eligible on the day and after', () => {
    expect(badgeEligibility(aMember(), '2025-11-06')).toMatchObject({
      milestone: 30,
      reachedOn: '2025-11-07',
      eligible: false,
    });
    expect(badgeEligibility(aMember(), '2025-11-07')).toMatchObject({
      milestone: 30,
      eligible: true,
      early: false,
    });
    expect(badgeEligibility(aMember(), '2025-11-08')).toMatchObject({ milestone: 30, eligible: true });
  });

  it('moves to the next milestone once one is awarded', () => {
    const result = badgeEligibility(aMember({ awarded: [30] }), '2026-01-01');
    expect(result).toMatchObject({ milestone: 40, reachedOn: '2035-11-07', eligible: false });
    expect(result.vi).toContain('Huy hiệu 40 năm tuổi Đảng');
  });

  it('allows a seriously ill member the 30–65 badges up to 12 months early, not a day more', () => {
    const ill = aMember({ seriouslyIll: true });
    expect(earlyAwardMonths(65)).toBe(12);
    expect(badgeEligibility(ill, '2024-11-06')).toMatchObject({ milestone: 30, eligible: false });
    expect(badgeEligibility(ill, '2024-11-07')).toMatchObject({
      milestone: 30,
      eligible: true,
      early: true,
      earliestAwardDate: '2024-11-07',
    });
    expect(badgeEligibility(ill, '2024-11-08')).toMatchObject({ eligible: true, early: true });
  });

  it('allows a seriously ill member the 70–90 badges up to 24 months early', () => {
    const ill = aMember({
      admissionDate: '1956-03-10',
      awarded: [30, 40, 45, 50, 55, 60, 65],
      seriouslyIll: true,
    });
    expect(earlyAwardMonths(70)).toBe(24);
    expect(badgeEligibility(ill, '2024-03-09')).toMatchObject({ milestone: 70, eligible: false });
    const onDay = badgeEligibility(ill, '2024-03-10');
    expect(onDay).toMatchObject({ milestone: 70, eligible: true, early: true });
    expect(onDay.en).toContain('up to 24 months early');
  });

  it('proposes the highest milestone reached and lists the skipped ones', () => {
    const result = badgeEligibility(aMember({ admissionDate: '1975-01-01', awarded: [30] }), '2025-06-01');
    expect(result).toMatchObject({ milestone: 50, eligible: true, missed: [40, 45] });
    expect(result.vi).toContain('40, 45');
  });

  it('has no next milestone once the 90-year badge is awarded', () => {
    expect(badgeEligibility(aMember({ awarded: [90] }), '2090-01-01')).toMatchObject({
      milestone: null,
      eligible: false,
    });
  });
});

describe('award rounds (3/2, 19/5, 2/9, 7/11: observed practice)', () => {
  it('counts Party age to the round date', () => {
    expect(eligibleForRound(aMember(), '2025-09-02')).toMatchObject({ milestone: 30, eligible: false });
    expect(eligibleForRound(aMember(), '2025-11-07')).toMatchObject({ milestone: 30, eligible: true });
    expect(eligibleForRound(aMember({ seriouslyIll: true }), '2025-09-02')).toMatchObject({
      eligible: true,
      early: true,
    });
  });

  it('finds the next round: the day before, the day of and the day after 7/11', () => {
    expect(nextAwardRound('2025-11-06').date).toBe('2025-11-07');
    expect(nextAwardRound('2025-11-07').date).toBe('2025-11-07');
    expect(nextAwardRound('2025-11-08')).toMatchObject({ date: '2026-02-03', monthDay: '02-03' });
  });
});
