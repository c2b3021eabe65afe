import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCsvText, unguardCsvText } from './spreadsheet-text.ts';

// OWASP, CSV Injection: a cell beginning with = + - @, tab or carriage return runs as a formula.
describe('CSV text guarded against formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+84 Hà Nội', `'+84 Hà Nội`],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['@SUM(1+1)', `'@SUM(1+1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['-', `'-`],
  ])('marks %j as text', (value, cell) => {
    expect(guardCsvText(value)).toBe(cell);
    expect(unguardCsvText(cell)).toBe(value);
  });

  it.each([
    '',
    'Nguyễn Văn Một',
    '12-QĐ/ĐU',
    '001190012345',
    '03/02/2015',
    ' =1+1',
    '＝1+1',
    "'",
    "'Ông Ba'",
    "Đ'=x",
  ])('leaves %j as it is, both ways', (value) => {
    expect(guardCsvText(value)).toBe(value);
    expect(unguardCsvText(value)).toBe(value);
  });

  it('adds one more apostrophe to a value whose apostrophes already come before a formula', () => {
    expect(guardCsvText("'=1+1")).toBe("''=1+1");
    expect(guardCsvText("''-")).toBe("'''-");
    expect(unguardCsvText("''=1+1")).toBe("'=1+1");
    // a file typed by hand: the apostrophe before a formula character is a spreadsheet's text mark
    expect(unguardCsvText("'+84 912 345 678")).toBe('+84 912 345 678');
  });

  it('reads back every text as it was, and never writes a cell that starts a formula', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', 'Đ'), maxLength: 6 }),
    );
    fc.assert(
      fc.property(text, (value) => {
        const cell = guardCsvText(value);
        expect(unguardCsvText(cell)).toBe(value);
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
