import { describe, expect, it } from 'vitest';
import {
  docNumbersIn,
  docTypeCode,
  formatDocNumber,
  parseDocNumber,
  parseDocNumberQuery,
  romanTerm,
  termOf,
  withoutDocNumbers,
} from './doc-numbers.ts';

describe('document numbers (HD 36-HD/VPTW §II.1.3)', () => {
  it.each([
    ['26-NQ/TW', { seq: 26, code: 'NQ', issuer: 'TW', qualifier: null }],
    ['Số: 26-NQ/TW', { seq: 26, code: 'NQ', issuer: 'TW', qualifier: null }],
    ['Số 366-QĐ/TW', { seq: 366, code: 'QĐ', issuer: 'TW', qualifier: null }],
    ['26/NQ-TW', { seq: 26, code: 'NQ', issuer: 'TW', qualifier: null }],
    ['26 – nq / tw', { seq: 26, code: 'NQ', issuer: 'TW', qualifier: null }],
    ['96-QD/TW', { seq: 96, code: 'QĐ', issuer: 'TW', qualifier: null }],
    ['141-CV/VPTW/nb', { seq: 141, code: 'CV', issuer: 'VPTW', qualifier: 'nb' }],
    ['06-HD/BTCTW', { seq: 6, code: 'HD', issuer: 'BTCTW', qualifier: null }],
    ['09-KH/DU', { seq: 9, code: 'KH', issuer: 'ĐU', qualifier: null }],
    ['33-TTr/BCSĐ', { seq: 33, code: 'TTr', issuer: 'BCSĐ', qualifier: null }],
    ['10-ĐA/TU', { seq: 10, code: 'ĐA', issuer: 'TU', qualifier: null }],
    ['01-HD/BTCĐU', { seq: 1, code: 'HD', issuer: 'BTCĐU', qualifier: null }],
  ])('reads %s', (text, expected) => {
    expect(parseDocNumber(text)).toEqual(expected);
  });

  it.each([
    ['nq 26', { seq: 26, code: 'NQ', issuer: null }],
    ['NQ26', { seq: 26, code: 'NQ', issuer: null }],
    ['nghị quyết số 26', { seq: 26, code: 'NQ', issuer: null }],
    ['quy dinh 366', { seq: 366, code: 'QĐ', issuer: null }],
    ['Quyết định 190', { seq: 190, code: 'QĐ', issuer: null }],
    ['qd 96/tw', { seq: 96, code: 'QĐ', issuer: 'TW' }],
    ['26 nq', { seq: 26, code: 'NQ', issuer: null }],
  ])('reads the partial spelling %s', (text, expected) => {
    expect(parseDocNumberQuery(text)).toMatchObject(expected);
  });

  it.each(['đảng viên', 'Điều 5', '2024', 'năm 2024', 'xyz 12-AB', ''])('%s is not a number', (text) => {
    expect(parseDocNumberQuery(text)).toBeNull();
  });

  it('formats with at least two digits and the qualifier', () => {
    expect(formatDocNumber({ seq: 1, code: 'QĐ', issuer: 'TW', qualifier: null })).toBe('01-QĐ/TW');
    expect(formatDocNumber({ seq: 141, code: 'CV', issuer: 'VPTW', qualifier: 'nb' })).toBe('141-CV/VPTW/nb');
    const n = parseDocNumber('26/nq-tw');
    expect(n && formatDocNumber(n)).toBe('26-NQ/TW');
  });

  it('Quy định and Quyết định share the QĐ abbreviation (one sequence)', () => {
    expect(docTypeCode('qđ')).toBe('QĐ');
    expect(parseDocNumberQuery('quy định 232')?.code).toBe(parseDocNumberQuery('quyết định 190')?.code);
  });

  it('finds the numbers mentioned in a question', () => {
    const found = docNumbersIn(
      'Theo Quy định 366-QĐ/TW và Nghị quyết số 26, hướng dẫn 06/HD-BTCTW thì đảng viên 70 tuổi…',
    );
    expect(found.map((f) => `${f.seq}-${f.code}/${f.issuer ?? '?'}`)).toEqual([
      '366-QĐ/TW',
      '6-HD/BTCTW',
      '26-NQ/?',
    ]);
  });

  it('leaves the subject of a question once the numbers cited are taken out', () => {
    expect(
      withoutDocNumbers('Theo Quy định 366-QĐ/TW và Nghị quyết số 26 thì đảng viên').replace(/\s+/g, ' '),
    ).toBe('Theo và thì đảng viên');
  });

  it('numbers in the term of the committee: the 14th from the day after 23/1/2026', () => {
    expect(termOf('2026-01-23')).toBe(13);
    expect(termOf('2026-01-24')).toBe(14);
    expect(termOf('2025-08-30')).toBe(13);
    expect(termOf('2021-02-01')).toBe(12);
    expect(termOf('2021-02-02')).toBe(13);
    expect(romanTerm(13)).toBe('XIII');
    expect(romanTerm(14)).toBe('XIV');
  });
});
