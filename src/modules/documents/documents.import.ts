/**
 * Reading a document file (`.docx` or `.txt`) into lines, and its header into metadata: the
 * number line (`Số 26-NQ/TW`), the place and date line (`Hà Nội, ngày 10 tháng 10 năm 2024`),
 * the type word (`NGHỊ QUYẾT`, `QUY ĐỊNH` …) and the title under it (HD 36-HD/VPTW layout).
 */
import JSZip from 'jszip';
import { type DocKind, type DocNumber, docKindOfWord, parseDocNumber } from '../../core/doc-numbers.ts';
import { AppError } from '../../core/errors.ts';

const unsupported = (fileName: string) =>
  new AppError(
    'document.import.unsupported_file',
    'validation',
    {
      vi: `Chỉ nhập được tệp .docx hoặc .txt (nhận được "${fileName}")`,
      en: `Only .docx and .txt files can be imported (got "${fileName}")`,
    },
    { field: 'file' },
  );

const unreadable = (fileName: string) =>
  new AppError(
    'document.import.unreadable',
    'validation',
    { vi: `Không đọc được tệp "${fileName}"`, en: `Cannot read the file "${fileName}"` },
    { field: 'file' },
  );

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return XML_ENTITIES[entity] ?? whole;
  });
}

/** The paragraphs of `word/document.xml`, one per line (table cells included, in order). */
export function paragraphsOfDocumentXml(xml: string): string[] {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  return paragraphs.map((p) =>
    decodeXml(
      p
        .replace(/<w:tab\/>/g, ' ')
        .replace(/<w:br\/>/g, '\n')
        .replace(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g, '\u0000$1\u0000')
        .split('\u0000')
        .filter((_, i) => i % 2 === 1)
        .join(''),
    ),
  );
}

/** The text of a `.docx` or `.txt` file, one paragraph per line, NFC. */
export async function readDocumentFile(fileName: string, data: Uint8Array): Promise<string> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.txt'))
    return new TextDecoder('utf-8')
      .decode(data)
      .replace(/^\uFEFF/, '')
      .normalize('NFC');
  if (!lower.endsWith('.docx')) throw unsupported(fileName);
  try {
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file('word/document.xml')?.async('string');
    if (xml === undefined) throw unreadable(fileName);
    return paragraphsOfDocumentXml(xml).join('\n').normalize('NFC');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(fileName);
  }
}

export interface DocumentHeader {
  number: DocNumber | null;
  signedDate: string | null;
  kind: DocKind | null;
  title: string | null;
  /** The text after the header: what the structure is detected in. */
  body: string;
}

const HEADER_LINES = 25;
const NUMBER_LINE = /^S[ốố]\s*:?\s*(.+)$/u;
const DATE_LINE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const DECORATION = /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|\*|[-–_.\s*]+)$/u;
const BODY_START = /^(?:Căn cứ|Chương\s|CHƯƠNG\s|Điều\s+\d|PHẦN\s|Phần\s|[IVX]+\.\s)/u;

function isoFrom(day: string, month: string, year: string): string | null {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

function sentenceCase(line: string): string {
  return line.charAt(0) + line.slice(1).toLowerCase();
}

/** What the header of a Party document tells; the lines it used are not part of the body. */
export function readHeader(text: string): DocumentHeader {
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  let number: DocNumber | null = null;
  let signedDate: string | null = null;
  let kind: DocKind | null = null;
  let title: string | null = null;
  let bodyFrom = 0;
  const limit = Math.min(lines.length, HEADER_LINES);
  for (let i = 0; i < limit; i++) {
    const line = lines[i] as string;
    const numberMatch = NUMBER_LINE.exec(line);
    if (!number && numberMatch) {
      number = parseDocNumber(numberMatch[1] as string);
      bodyFrom = i + 1;
    }
    const dateMatch = DATE_LINE.exec(line);
    if (!signedDate && dateMatch) {
      signedDate = isoFrom(dateMatch[1] as string, dateMatch[2] as string, dateMatch[3] as string);
      bodyFrom = i + 1;
    }
    const word = line === line.toUpperCase() ? docKindOfWord(line) : null;
    if (!kind && word) {
      kind = word;
      // the title: the lines under the type word, up to the first line of the body
      const parts: string[] = [];
      let j = i + 1;
      for (; j < lines.length && parts.length < 4; j++) {
        const next = lines[j] as string;
        if (next === '') {
          if (parts.length > 0) break;
          continue;
        }
        if (DECORATION.test(next)) {
          if (parts.length > 0) break;
          continue;
        }
        if (BODY_START.test(next) || next.length > 300) break;
        parts.push(next);
      }
      // "CHỈ THỊ / CỦA BỘ CHÍNH TRỊ / về …" → "Chỉ thị của bộ chính trị về …"
      if (parts.length > 0) {
        const rest = parts.map((p) => (p === p.toUpperCase() ? p.toLowerCase() : p)).join(' ');
        title = `${sentenceCase(line)} ${rest}`;
      }
      bodyFrom = j;
      break;
    }
  }
  const body = lines
    .slice(bodyFrom)
    .filter((l) => !DECORATION.test(l))
    .join('\n');
  return { number, signedDate, kind, title, body };
}
