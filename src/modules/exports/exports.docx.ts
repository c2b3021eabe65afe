/**
 * Word documents in the sector's layout: Times New Roman (it carries every Vietnamese letter),
 * the Party heading, bordered tables. The member profile follows the "Phiếu đảng viên" (personal
 * details, Party history, events); the report is a landscape table.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatDateVn } from '../../core/dates.ts';
import type { MemberProfile } from '../members/members.schemas.ts';
import { partialDate, STATUS_VI } from './exports.member-file.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface TextOptions {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

export function para(text: string, o: TextOptions = {}): Paragraph {
  return new Paragraph({
    alignment: o.align,
    spacing: { after: 60 },
    children: [new TextRun({ text, bold: o.bold, italics: o.italic, size: o.size })],
  });
}

export interface CellSpec {
  text: string;
  bold?: boolean;
  columnSpan?: number;
  rowSpan?: number;
  align?: TextOptions['align'];
  /** Width in percent of the table. */
  width?: number;
}

export function cell(spec: CellSpec | string, size?: number): TableCell {
  const s = typeof spec === 'string' ? { text: spec } : spec;
  return new TableCell({
    columnSpan: s.columnSpan,
    rowSpan: s.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    width: s.width === undefined ? undefined : { size: s.width, type: WidthType.PERCENTAGE },
    children: [para(s.text, { bold: s.bold, align: s.align, size })],
  });
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export function table(rows: (CellSpec | string)[][], size?: number, headerRows = 1): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: rows.map(
      (cells, i) => new TableRow({ tableHeader: i < headerRows, children: cells.map((c) => cell(c, size)) }),
    ),
  });
}

/** The two-column heading of Party documents: the unit on the left, the Party's name on the right. */
export function partyHeading(unitLines: string[]): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 45, type: WidthType.PERCENTAGE },
            children: unitLines.map((t, i) =>
              para(t, { bold: i === unitLines.length - 1, align: AlignmentType.CENTER }),
            ),
          }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            children: [para('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, align: AlignmentType.CENTER })],
          }),
        ],
      }),
    ],
  });
}

export async function documentBuffer(children: FileChild[], landscape = false): Promise<Buffer> {
  const document = new Document({
    creator: 'tochuc',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: 11_906,
              height: 16_838,
              orientation: landscape ? PageOrientation.LANDSCAPE : undefined,
            },
            margin: { top: 1_000, bottom: 1_000, left: 1_200, right: 1_000 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

const EVENT_VI: Record<string, string> = {
  admission: 'Kết nạp vào Đảng',
  recognition: 'Công nhận đảng viên chính thức',
  transfer_out: 'Chuyển sinh hoạt đi',
  transfer_in: 'Tiếp nhận sinh hoạt',
  removal: 'Xoá tên',
  not_recognised: 'Không công nhận đảng viên chính thức',
  expulsion: 'Khai trừ',
  resignation: 'Xin ra khỏi Đảng',
  death: 'Từ trần',
  badge: 'Trao Huy hiệu Đảng',
  exemption: 'Miễn công tác và sinh hoạt Đảng',
};

function eventText(kind: string, details: Record<string, unknown>): string {
  const label = EVENT_VI[kind] ?? kind;
  if (kind === 'badge' && details.years) return `${label} ${details.years} năm`;
  if (kind === 'transfer_out' && details.toCellCode) return `${label} (đến ${details.toCellCode})`;
  if (kind === 'transfer_in' && details.fromCellCode) return `${label} (từ ${details.fromCellCode})`;
  return label;
}

const dash = (v: string | null) => v ?? '—';

/** The member profile ("Phiếu đảng viên"): heading, personal details, Party history, events. */
export async function profileDocx(p: MemberProfile, unitLines: string[], today: string): Promise<Buffer> {
  const details: [string, string][] = [
    ['Họ và tên', p.fullName],
    ['Tên gọi khác', dash(p.otherName)],
    ['Giới tính', p.sex === 'male' ? 'Nam' : 'Nữ'],
    ['Ngày sinh', partialDate(p.birthDate, p.birthDatePrecision)],
    ['Nơi sinh', dash(p.birthPlace)],
    ['Quê quán', dash(p.hometown)],
    ['Dân tộc', dash(p.ethnicity)],
    ['Tôn giáo', dash(p.religion)],
    ['Số CCCD', dash(p.nationalId)],
    ['Nghề nghiệp', dash(p.occupation)],
    ['Trình độ học vấn', dash(p.education)],
    ['Chuyên môn nghiệp vụ', dash(p.qualification)],
    ['Lý luận chính trị', dash(p.theoryLevel)],
    ['Ngày vào Đảng', formatDateVn(p.admissionDate)],
    ['Ngày chính thức', p.officialDate ? formatDateVn(p.officialDate) : '—'],
    ['Số thẻ đảng viên', dash(p.partyCardNo)],
    ['Chi bộ sinh hoạt', `${p.cellName} (${p.cellCode})`],
    ['Tình trạng', STATUS_VI[p.status] ?? p.status],
  ];
  const numbered = details.map(([label, value], i) => [`${i + 1}. ${label}`, { text: value, bold: i === 0 }]);
  const history = p.memberships.map((m) => [
    `${m.cellName} (${m.cellCode})`,
    formatDateVn(m.validFrom),
    m.validTo ? formatDateVn(m.validTo) : 'nay',
  ]);
  const events = p.events.map((e) => [
    formatDateVn(e.date),
    eventText(e.kind, e.details),
    e.decisionRef ?? '',
  ]);
  const children: FileChild[] = [
    partyHeading(unitLines),
    para(''),
    para('PHIẾU ĐẢNG VIÊN', { bold: true, size: 32, align: AlignmentType.CENTER }),
    para(`Số thẻ đảng viên: ${dash(p.partyCardNo)}`, { italic: true, align: AlignmentType.CENTER }),
    para('I. SƠ LƯỢC LÝ LỊCH', { bold: true }),
    table(numbered, undefined, 0),
    para(''),
    para('II. QUÁ TRÌNH SINH HOẠT ĐẢNG', { bold: true }),
    table([
      [
        { text: 'Chi bộ', bold: true, width: 60 },
        { text: 'Từ ngày', bold: true, width: 20 },
        { text: 'Đến ngày', bold: true, width: 20 },
      ],
      ...history,
    ]),
    para(''),
    para('III. NHỮNG SỰ KIỆN', { bold: true }),
    table([
      [
        { text: 'Ngày', bold: true, width: 18 },
        { text: 'Sự kiện', bold: true, width: 52 },
        { text: 'Số quyết định', bold: true, width: 30 },
      ],
      ...events,
    ]),
    para(''),
    para(`Xuất từ tochuc ngày ${formatDateVn(today)}`, { italic: true, align: AlignmentType.RIGHT }),
  ];
  return documentBuffer(children);
}
