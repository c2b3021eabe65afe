import { describe, expect, it } from 'vitest';
import { recordDateProblems } from './record-dates.ts';

const today = '2026-12-06';
const rules = (
  birthDate: string,
  admissionDate: string,
  officialDate: string | null,
  consideredOn?: string,
) =>
  recordDateProblems({ birthDate, admissionDate, officialDate }, today, consideredOn).map((p) => [
    p.rule,
    p.field,
  ]);

describe('recordDateProblems (the member form and the import alike)', () => {
  it('finds nothing wrong with a plain record', () => {
    expect(rules('1985-06-15', '2010-05-19', '2011-05-19')).toEqual([]);
    // admitted and recognised today
    expect(rules('1985-06-15', today, today)).toEqual([]);
  });

  it('refuses dates in the future, the admission first', () => {
    expect(rules('1985-06-15', '2026-12-07', '2027-12-07')).toEqual([
      ['future', 'admissionDate'],
      ['future', 'officialDate'],
    ]);
  });

  it('refuses an admission on or before the birth, and then does not judge the age', () => {
    expect(rules('1985-06-15', '1985-06-15', null)).toEqual([['order', 'admissionDate']]);
  });

  it('refuses recognition before admission, and reports the age as well', () => {
    expect(rules('2000-01-10', '2017-12-01', '2017-11-30')).toEqual([
      ['order', 'officialDate'],
      ['age', 'admissionDate'],
    ]);
  });

  it('judges the age on the day the cell considered the admission', () => {
    const [problem] = recordDateProblems(
      { birthDate: '2008-03-15', admissionDate: '2026-04-02', officialDate: null },
      today,
      '2026-02-20',
    );
    expect(problem).toMatchObject({ rule: 'age', code: 'admission.too_young' });
    expect(rules('2008-03-15', '2026-04-02', null)).toEqual([]);
  });
});
