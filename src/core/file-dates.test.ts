import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseFileDate } from './file-dates.ts';

const dateOf = (value: unknown, allowPartial = false) => {
  const read = parseFileDate(value, { allowPartial });
  return read.ok ? read.date : null;
};

describe('dates in files', () => {
  it.each([
    ['05/04/1990', '1990-04-05'],
    ['5/4/1990', '1990-04-05'],
    ['05-04-1990', '1990-04-05'],
    ['05.04.1990', '1990-04-05'],
    ['1990-04-05', '1990-04-05'],
    ['1990/04/05', '1990-04-05'],
    [' 31/12/2000 ', '2000-12-31'],
    ['29/02/2000', '2000-02-29'],
  ])('reads the text %s day first', (text, iso) => {
    expect(dateOf(text)).toBe(iso);
  });

  it('reads Excel serial day numbers, as a number cell or as its text in a CSV', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(25569)).toBe('1970-01-01');
    expect(dateOf(32978)).toBe('1990-04-15');
    expect(dateOf('32978')).toBe('1990-04-15');
    expect(dateOf(32978.75)).toBe('1990-04-15');
  });

  it('reads a workbook date cell as its calendar day', () => {
    expect(dateOf(new Date(Date.UTC(1990, 3, 5)))).toBe('1990-04-05');
  });

  it('refuses what could be read two ways, saying why in both languages', () => {
    for (const [value, why] of [
      ['05/04/90', /century|thế kỷ/],
      ['04/25/1990', /month\/day\/year/],
      [1985, /year or an Excel day number/],
      ['1985', /year or an Excel day number/],
    ] as const) {
      const read = parseFileDate(value);
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.message.en).toMatch(why);
        expect(read.message.vi.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const value of ['31/02/1990', '29/02/1900', '00/01/2000', 'hôm qua', '1990-13-01', 0, -5, null]) {
      expect(dateOf(value)).toBeNull();
    }
  });

  it('reads a partly known birth date as the first day it can mean, with its precision', () => {
    expect(parseFileDate('06/1985', { allowPartial: true })).toEqual({
      ok: true,
      date: '1985-06-01',
      precision: 'month',
    });
    expect(parseFileDate('1985', { allowPartial: true })).toEqual({
      ok: true,
      date: '1985-01-01',
      precision: 'year',
    });
    expect(parseFileDate(1985, { allowPartial: true })).toEqual({
      ok: true,
      date: '1985-01-01',
      precision: 'year',
    });
    expect(dateOf('06/1985')).toBeNull();
  });
});
