/**
 * Reading the rows of an uploaded file, streamed: `.xlsx` (the first worksheet) or `.csv` in
 * UTF-8 (with or without BOM), UTF-16 (by its BOM), Windows-1258, or 8-bit legacy text (TCVN3,
 * VNI) that the row checker converts cell by cell. Rows keep the number the spreadsheet shows.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { unguardCsvText } from '../../core/spreadsheet-text.ts';
import { importErrors } from './imports.errors.ts';

/** A cell as read: text, a number, a date cell of a workbook, or empty. */
export type CellValue = string | number | Date | null;

export interface FileRow {
  /** As the spreadsheet shows it: the header is row 1. */
  rowNo: number;
  cells: CellValue[];
  /** The part of the file read when the row came (0–1): the progress of a file streamed through. */
  share: number;
}

export type CsvEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258' | 'latin1';

const SAMPLE_BYTES = 64 * 1024;

function readSample(path: string): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const n = fs.readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function isUtf8(sample: Buffer, complete: boolean): boolean {
  // a multi-byte character may be cut at the end of the sample: drop up to three trailing bytes
  let end = sample.length;
  if (!complete) {
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const byte = sample[end - back] as number;
      if ((byte & 0xc0) === 0xc0) {
        end -= back;
        break;
      }
      if ((byte & 0x80) === 0) break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

// Windows-1258 writes tones as combining marks after the vowel: ̀ 0xCC, ̉ 0xD2, ̃ 0xDE, ́ 0xEC, ̣ 0xF2.
const CP1258_TONES = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);
// vowels in Windows-1258: ASCII, and â ê ô ă ơ ư with their capitals
const CP1258_VOWELS = new Set([
  ...'aeiouyAEIOUY'.split('').map((c) => c.charCodeAt(0)),
  0xe2,
  0xea,
  0xf4,
  0xe3,
  0xf5,
  0xfd,
  0xc2,
  0xca,
  0xd4,
  0xc3,
  0xd5,
  0xdd,
]);

/**
 * An 8-bit file is Windows-1258 when its tone bytes follow vowels, as that code page's combining
 * marks do; in TCVN3 the same bytes are whole vowels (after consonants), and VNI does not use
 * them as marks.
 */
function looksWindows1258(sample: Buffer): boolean {
  let tones = 0;
  let afterVowel = 0;
  for (let i = 1; i < sample.length; i++) {
    if (!CP1258_TONES.has(sample[i] as number)) continue;
    tones += 1;
    if (CP1258_VOWELS.has(sample[i - 1] as number)) afterVowel += 1;
  }
  return tones > 0 && afterVowel / tones >= 0.8;
}

export function detectCsvEncoding(sample: Buffer, complete: boolean): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  if (isUtf8(sample, complete)) return 'utf8';
  // legacy text is kept as the Windows-1252 characters of its bytes, which the cells' converter reads
  return looksWindows1258(sample) ? 'windows1258' : 'latin1';
}

/** `;` or tab when the header line has more of them than commas (Excel in some locales). */
function detectDelimiter(firstLine: string): string {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [',', ';', '\t'].map((d) => ({ d, n: count(d) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0]?.n ? (candidates[0].d as string) : ',';
}

/** The part of a file a stream has read so far (0–1). */
const shareOf = (source: fs.ReadStream, size: number) =>
  size > 0 ? Math.min(1, source.bytesRead / size) : 1;

async function* csvRows(path: string): AsyncGenerator<FileRow> {
  const sample = readSample(path);
  const complete = sample.length < SAMPLE_BYTES;
  const encoding = detectCsvEncoding(sample, complete);
  const text = iconv.decode(sample, encoding === 'utf16be' ? 'utf-16be' : encoding);
  const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
  const decoder = iconv.decodeStream(encoding === 'utf16be' ? 'utf-16be' : encoding);
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, bom: true });
  const size = fs.statSync(path).size;
  const source = fs.createReadStream(path);
  source.on('error', (err) => parser.destroy(err));
  source.pipe(decoder).pipe(parser);
  let rowNo = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNo += 1;
    // the apostrophe an export puts before a formula-like value (workbook cells never have one)
    const cells = record.map((c) => (c === '' ? null : unguardCsvText(c)));
    yield { rowNo, cells, share: shareOf(source, size) };
  }
}

/** The value a workbook cell shows: formulas by their result, rich text as its text. */
function workbookValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return workbookValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

async function* xlsxRows(path: string): AsyncGenerator<FileRow> {
  const size = fs.statSync(path).size;
  const source = fs.createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      yield { rowNo: row.number, cells: values.slice(1).map(workbookValue), share: shareOf(source, size) };
    }
    return; // the first worksheet only
  }
}

function isZip(path: string): boolean {
  const head = readSample(path).subarray(0, 4);
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** The rows of the file at `path`; errors reading it are `import.unreadable`. */
export async function* readFileRows(path: string, fileName: string): AsyncGenerator<FileRow> {
  let zip: boolean;
  try {
    zip = isZip(path);
  } catch (err) {
    throw importErrors.unreadable(fileName, (err as Error).message);
  }
  const lower = fileName.toLowerCase();
  if (!zip && (lower.endsWith('.xlsx') || lower.endsWith('.xls'))) {
    throw importErrors.unreadable(fileName, 'not an .xlsx workbook');
  }
  try {
    yield* zip ? xlsxRows(path) : csvRows(path);
  } catch (err) {
    throw importErrors.unreadable(fileName, (err as Error).message);
  }
}
