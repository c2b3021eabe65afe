import { describe, expect, it } from 'vitest';
import {
  admissionAgeCheck,
  awarenessCertificateExpiry,
  awarenessCertificateValid,
  introducerEligible,
  PARTY_AWARENESS_CERT_VALID_YEARS,
} from './admission.ts';

// Reg 232-QĐ/TW (20/1/2025), as Reg 24-QĐ/TW (30/7/2021): 18 to 60, counted by month, at the
// date the cell considers the admission; over 60 needs the standing committee's consent.
describe('admissionAgeCheck (Reg 232-QĐ/TW §3, age 18–60 counted by month)', () => {
  const born = '2007-03-15';

  it('refuses in the month before the 18th birthday month, with the age in months', () => {
    const result = admissionAgeCheck(born, '2025-02-28');
    expect(result).toMatchObject({ ok: false, code: 'admission.too_young', months: 215 });
    if (!result.ok) {
      expect(result.vi).toContain('17 tuổi 11 tháng');
      expect(result.vi).toContain('28/02/2025');
      expect(result.en).toContain('17 years 11 months');
    }
  });

  it('accepts on the 18th birthday and the day after', () => {
    // counted by month: the whole birthday month counts, its first day included
    expect(admissionAgeCheck(born, '2025-03-01')).toEqual({ ok: true });
    expect(admissionAgeCheck(born, '2025-03-15')).toEqual({ ok: true });
    expect(admissionAgeCheck(born, '2025-03-16')).toEqual({ ok: true });
  });

  it('accepts at 60 years and 0 months: the whole month of the 60th birthday', () => {
    expect(admissionAgeCheck('1965-03-15', '2025-03-15')).toEqual({ ok: true });
    expect(admissionAgeCheck('1965-03-15', '2025-03-31')).toEqual({ ok: true });
  });

  it('flags over 60 as an exception needing the standing committee’s consent, from 60 years 1 month', () => {
    const result = admissionAgeCheck('1965-03-15', '2025-04-01');
    expect(result).toMatchObject({ ok: false, code: 'admission.over_60', months: 721 });
    if (!result.ok) {
      expect(result.vi).toContain('ban thường vụ');
      expect(result.en).toContain('written consent of its standing committee');
    }
  });

  it('counts a birth date known only by its year from 01/01 (normalized before the check)', () => {
    expect(admissionAgeCheck('2007-01-01', '2024-12-31')).toMatchObject({ code: 'admission.too_young' });
    expect(admissionAgeCheck('2007-01-01', '2025-01-01')).toEqual({ ok: true });
  });
});

describe('Party-awareness certificate (valid 5 years)', () => {
  it('is valid 5 years', () => {
    expect(PARTY_AWARENESS_CERT_VALID_YEARS).toBe(5);
    expect(awarenessCertificateExpiry('2020-03-10')).toBe('2025-03-10');
  });

  it('is valid on the anniversary day and the day before, not the day after', () => {
    expect(awarenessCertificateValid('2020-03-10', '2025-03-09')).toBe(true);
    expect(awarenessCertificateValid('2020-03-10', '2025-03-10')).toBe(true);
    expect(awarenessCertificateValid('2020-03-10', '2025-03-11')).toBe(false);
  });

  it('is not valid before it was issued', () => {
    expect(awarenessCertificateValid('2020-03-10', '2020-03-09')).toBe(false);
  });
});

describe('introducerEligible (Charter Art. 4; Reg 232: official member, ≥ 12 months together)', () => {
  const official = '2015-06-01';

  it('refuses an introducer who has known the applicant 11 months and 30 days', () => {
    const result = introducerEligible(
      { introducerOfficialSince: official, knownSince: '2024-05-10' },
      '2025-05-09',
    );
    expect(result).toMatchObject({ ok: false, code: 'introducer.known_too_short' });
    if (!result.ok) expect(result.en).toContain('11 months');
  });

  it('accepts on the day 12 months are completed, and the day after', () => {
    const facts = { introducerOfficialSince: official, knownSince: '2024-05-10' };
    expect(introducerEligible(facts, '2025-05-10')).toEqual({ ok: true });
    expect(introducerEligible(facts, '2025-05-11')).toEqual({ ok: true });
  });

  it('refuses a probationary member and one who becomes official only later', () => {
    expect(
      introducerEligible({ introducerOfficialSince: null, knownSince: '2020-01-01' }, '2025-05-10'),
    ).toMatchObject({
      ok: false,
      code: 'introducer.not_official',
    });
    expect(
      introducerEligible({ introducerOfficialSince: '2025-05-11', knownSince: '2020-01-01' }, '2025-05-10'),
    ).toMatchObject({ code: 'introducer.not_official' });
    expect(
      introducerEligible({ introducerOfficialSince: '2025-05-10', knownSince: '2020-01-01' }, '2025-05-10'),
    ).toEqual({
      ok: true,
    });
  });
});
