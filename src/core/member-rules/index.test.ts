import { describe, expect, it } from 'vitest';
import * as rules from './index.ts';

describe('member-rules index', () => {
  it('exposes the rules the member service calls', () => {
    const names = [
      'addMonths',
      'monthsBetween',
      'yearsBetween',
      'isWorkingDay',
      'addWorkingDays',
      'normalizeBirthDate',
      'parsePartialDate',
      'admissionAgeCheck',
      'awarenessCertificateValid',
      'introducerEligible',
      'probationEnd',
      'recognitionReviewDeadline',
      'ceremonyDeadline',
      'recognitionStatus',
      'transferPresentDeadline',
      'transferProcedureDeadline',
      'transferStatus',
      'partyAgeYears',
      'badgeEligibility',
      'eligibleForRound',
      'ratingFromScore',
      'ratingExemption',
      'monthlyFee',
      'unpaidMonthsWarning',
    ];
    for (const name of names) expect(typeof (rules as Record<string, unknown>)[name], name).toBe('function');
    expect(rules.PARTY_AWARENESS_CERT_VALID_YEARS).toBe(5);
    expect(rules.PROBATION_MONTHS).toBe(12);
    expect(rules.BADGE_MILESTONES).toHaveLength(12);
    expect(rules.QUALITY_LEVELS).toHaveLength(4);
  });
});
