import { describe, expect, it } from 'vitest';
import {
  ceremonyDeadline,
  PROBATION_MONTHS,
  probationEnd,
  RECOGNITION_STATUS_LABELS,
  recognitionReviewDeadline,
  recognitionStatus,
} from './probation.ts';

// Charter Art. 5; Reg 232-QĐ/TW §4 (= Reg 24-QĐ/TW §4): 12 months from the ceremony; official as of
// the end of the 12 months; review within 30 working days after; ceremony within 30 working days
// of receiving the decision.
describe('probation (Charter Art. 5; Reg 232-QĐ/TW §4)', () => {
  it('lasts 12 months from the admission ceremony', () => {
    expect(PROBATION_MONTHS).toBe(12);
    expect(probationEnd('2024-03-15')).toBe('2025-03-15');
  });

  it('ends on 28/02 for a ceremony on 29/02 of a leap year', () => {
    expect(probationEnd('2024-02-29')).toBe('2025-02-28');
  });

  it('gives the cell 30 working days after the end to review, Hùng Kings’ day 2025 excluded', () => {
    expect(recognitionReviewDeadline('2024-03-15')).toBe('2025-04-28');
  });

  it('gives 30 working days after the decision for the ceremony, Tết 2025 excluded', () => {
    expect(ceremonyDeadline('2025-01-20')).toBe('2025-03-07');
  });
});

describe('recognitionStatus', () => {
  const ceremony = '2024-03-15'; // probation ends 15/03/2025, review deadline 28/04/2025

  it('is in_probation 31 days before the end, due_soon 30 days before', () => {
    expect(recognitionStatus(ceremony, '2025-02-12')).toBe('in_probation');
    expect(recognitionStatus(ceremony, '2025-02-13')).toBe('due_soon');
  });

  it('is due_soon the day before the end, awaiting_review on the day and the day after', () => {
    expect(recognitionStatus(ceremony, '2025-03-14')).toBe('due_soon');
    expect(recognitionStatus(ceremony, '2025-03-15')).toBe('awaiting_review');
    expect(recognitionStatus(ceremony, '2025-03-16')).toBe('awaiting_review');
  });

  it('is awaiting_review up to the deadline day and overdue the day after', () => {
    expect(recognitionStatus(ceremony, '2025-04-27')).toBe('awaiting_review');
    expect(recognitionStatus(ceremony, '2025-04-28')).toBe('awaiting_review');
    expect(recognitionStatus(ceremony, '2025-04-29')).toBe('overdue');
  });

  it('has a label in both languages for every status', () => {
    for (const label of Object.values(RECOGNITION_STATUS_LABELS)) {
      expect(label.vi.length).toBeGreaterThan(0);
      expect(label.en.length).toBeGreaterThan(0);
    }
  });
});
