import { describe, expect, it } from 'vitest';
import { impossibleDates, type MemberRecordDates } from './impossible-dates.ts';

const TODAY = '2026-03-10';

function record(overrides: Partial<MemberRecordDates> = {}): MemberRecordDates {
  return {
    birthDate: '1985-06-15',
    admissionDate: '2010-05-19',
    officialDate: '2011-05-19',
    ...overrides,
  };
}

const check = (overrides: Partial<MemberRecordDates>) => impossibleDates(record(overrides), TODAY);

describe('impossibleDates', () => {
  it('finds nothing wrong in an ordinary record, or one without an official date', () => {
    expect(check({})).toEqual([]);
    expect(check({ officialDate: null })).toEqual([]);
  });

  it('flags a birth before 1900 from 31/12/1899, not on 01/01/1900', () => {
    expect(check({ birthDate: '1899-12-31' })).toContain('birthBefore1900');
    expect(check({ birthDate: '1900-01-01' })).not.toContain('birthBefore1900');
  });

  it('flags dates after today, not today itself', () => {
    const tomorrow = '2026-03-11';
    expect(check({ birthDate: tomorrow })).toContain('birthInFuture');
    expect(check({ birthDate: TODAY })).not.toContain('birthInFuture');
    expect(check({ admissionDate: tomorrow, officialDate: null })).toContain('admissionInFuture');
    expect(check({ admissionDate: TODAY, officialDate: null })).not.toContain('admissionInFuture');
    expect(check({ officialDate: tomorrow })).toContain('officialInFuture');
    expect(check({ officialDate: TODAY })).not.toContain('officialInFuture');
  });

  it('flags an admission before the Party was founded on 03/02/1930', () => {
    const old = { birthDate: '1905-01-01', officialDate: null };
    expect(check({ ...old, admissionDate: '1930-02-02' })).toContain('admissionBeforeFounding');
    expect(check({ ...old, admissionDate: '1930-02-03' })).not.toContain('admissionBeforeFounding');
  });

  it('flags an admission on or before the birth date', () => {
    expect(check({ birthDate: '2010-05-19' })).toContain('admissionBeforeBirth');
    expect(check({ birthDate: '2010-05-20' })).toContain('admissionBeforeBirth');
    expect(check({ birthDate: '2010-05-18' })).not.toContain('admissionBeforeBirth');
  });

  // Charter (2011) Art. 1, Reg 24-QĐ/TW (2021): full 18 years, counted by month.
  describe('admitted under 18 (counted by month)', () => {
    const born = '1992-05-31';
    it('flags the last day of the month before the 18th birthday month', () => {
      expect(check({ birthDate: born, admissionDate: '2010-04-30', officialDate: null })).toContain(
        'admittedUnder18',
      );
    });
    it('accepts the first day of the birthday month, the birthday and the day after', () => {
      for (const admissionDate of ['2010-05-01', '2010-05-31', '2010-06-01'])
        expect(check({ birthDate: born, admissionDate, officialDate: null })).not.toContain(
          'admittedUnder18',
        );
    });
  });

  // Charter (2011) Art. 5: 12 months of probation from the ceremony.
  describe('official before the end of the 12-month probation', () => {
    // 29/02/2016 + 12 months is 28/02/2017 (the month's last day: Civil Code 2015 Art. 148)
    const admitted = { admissionDate: '2016-02-29' };
    it('flags the day before the end, not the end or later', () => {
      expect(check({ ...admitted, officialDate: '2017-02-27' })).toEqual(['officialBeforeProbationEnd']);
      expect(check({ ...admitted, officialDate: '2017-02-28' })).toEqual([]);
      expect(check({ ...admitted, officialDate: '2017-03-01' })).toEqual([]);
    });
    it('checks admissions from 19/01/2011 on, not the day before', () => {
      expect(check({ admissionDate: '2011-01-19', officialDate: '2011-07-19' })).toEqual([
        'officialBeforeProbationEnd',
      ]);
      expect(check({ admissionDate: '2011-01-18', officialDate: '2011-07-18' })).toEqual([]);
    });
    it('reports an official date before the admission once, as that', () => {
      expect(check({ admissionDate: '2015-06-01', officialDate: '2015-05-31' })).toEqual([
        'officialBeforeAdmission',
      ]);
    });
  });

  it('lists every rule a record breaks, in a stable order', () => {
    expect(
      check({
        birthDate: '2027-01-01',
        admissionDate: '2026-12-01',
        officialDate: '2027-02-01',
      }),
    ).toEqual([
      'birthInFuture',
      'admissionBeforeBirth',
      'admittedUnder18',
      'admissionInFuture',
      'officialBeforeProbationEnd',
      'officialInFuture',
    ]);
  });
});
