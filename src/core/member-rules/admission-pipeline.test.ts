/** Reg 232-QĐ/TW (as Reg 24-QĐ/TW §3–§4): the admission steps, introducers, the 30-working-day ceremony deadline. */
import { describe, expect, it } from 'vitest';
import { candidateWarnings, nextStep } from './admission-pipeline.ts';

const official = { introducerOfficialSince: '2010-01-01', knownSince: '2023-01-01' };
const codes = (w: { code: string }[]) => w.map((x) => x.code);

describe('candidateWarnings', () => {
  const base = {
    birthDate: '2000-05-10',
    youthUnionMember: false,
    steps: { awareness_class: '2024-03-01', application: '2024-04-01', cell_resolution: '2024-05-01' },
    introducers: [official, official],
  };

  it('has nothing to say about a candidate whose steps are in order', () => {
    expect(candidateWarnings(base, '2024-05-02')).toEqual([]);
  });

  it('flags a step dated before the previous one', () => {
    const w = candidateWarnings(
      { ...base, steps: { ...base.steps, application: '2024-06-01' } },
      '2024-06-02',
    );
    expect(codes(w)).toEqual(['admission.step_out_of_order']);
  });

  it('flags a certificate older than 5 years at the cell meeting: the day of expiry still counts', () => {
    const steps = { awareness_class: '2019-05-01', application: '2024-04-01', cell_resolution: '2024-05-01' };
    expect(codes(candidateWarnings({ ...base, steps }, '2024-05-02'))).toEqual([]);
    const late = { ...steps, cell_resolution: '2024-05-02' };
    expect(codes(candidateWarnings({ ...base, steps: late }, '2024-05-03'))).toEqual([
      'admission.awareness_class_expired',
    ]);
  });

  it('needs two eligible introducers, one for a Youth Union member', () => {
    const one = {
      ...base,
      introducers: [official, { introducerOfficialSince: '2010-01-01', knownSince: '2023-06-01' }],
    };
    expect(codes(candidateWarnings(one, '2024-05-02'))).toEqual(['admission.introducers']);
    expect(codes(candidateWarnings({ ...one, youthUnionMember: true }, '2024-05-02'))).toEqual([]);
  });

  it('flags the ceremony the day after the 30th working day from the decision', () => {
    const steps = { ...base.steps, decision: '2024-06-03' };
    // 30 working days from Monday 03/06/2024 end on Monday 15/07/2024
    expect(codes(candidateWarnings({ ...base, steps }, '2024-07-15'))).toEqual([]);
    expect(codes(candidateWarnings({ ...base, steps }, '2024-07-16'))).toEqual([
      'admission.ceremony_overdue',
    ]);
  });

  it('checks the age at the cell meeting, counted by month', () => {
    const young = { ...base, birthDate: '2006-06-01' };
    expect(codes(candidateWarnings(young, '2024-05-02'))).toEqual(['admission.too_young']);
  });
});

describe('nextStep', () => {
  it('names the first step not done', () => {
    expect(nextStep({})).toBe('awareness_class');
    expect(nextStep({ awareness_class: '2024-01-01', application: '2024-02-01' })).toBe('cell_resolution');
  });
});
