/** Test factories for the document register (used by tests only). */
import type { CreateDocumentInput } from './documents.schemas.ts';

/** A regulation's text with chapters, articles, clauses and points. */
export function aRegulationText(subject: string): string {
  return [
    'Căn cứ Điều lệ Đảng;',
    `Bộ Chính trị quy định về ${subject} như sau:`,
    'Chương I',
    'QUY ĐỊNH CHUNG',
    'Điều 1. Phạm vi điều chỉnh',
    `Quy định này quy định về ${subject}.`,
    'Điều 2. Đối tượng áp dụng',
    '1. Tổ chức đảng các cấp.',
    '2. Đảng viên, gồm:',
    'a) Đảng viên chính thức;',
    'b) Đảng viên dự bị được miễn sinh hoạt vì lý do sức khỏe.',
    'Chương II',
    'TỔ CHỨC THỰC HIỆN',
    'Điều 3. Hiệu lực thi hành',
    'Quy định này có hiệu lực từ ngày ký.',
  ].join('\n');
}

export function aDocument(overrides: Partial<CreateDocumentInput> = {}): CreateDocumentInput {
  return {
    number: '366-QĐ/TW',
    kind: 'regulation',
    signedDate: '2025-08-30',
    title:
      'Quy định về kiểm điểm, đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị',
    fields: ['party_building'],
    text: aRegulationText('kiểm điểm, đánh giá, xếp loại chất lượng'),
    ...overrides,
  };
}

/** A .docx whose paragraphs are `lines`, as Word writes it (built with the `docx` package). */
export async function aDocx(lines: readonly string[]): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TextRun } = await import('docx');
  const doc = new Document({
    sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The header and body of a resolution as issued (HD 36-HD/VPTW layout), one paragraph per line. */
export function aResolutionFile(number: string, subject: string): string[] {
  return [
    'BAN CHẤP HÀNH TRUNG ƯƠNG',
    '*',
    `Số ${number}`,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Hà Nội, ngày 10 tháng 10 năm 2024',
    'NGHỊ QUYẾT',
    `về ${subject}`,
    'Căn cứ Điều lệ Đảng,',
    'Điều 1. Mục tiêu',
    `1. Nâng cao chất lượng ${subject}.`,
    '2. Bảo đảm sinh hoạt định kỳ của chi bộ, gồm:',
    'a) Sinh hoạt thường kỳ mỗi tháng một lần;',
    'b) Sinh hoạt chuyên đề ít nhất mỗi quý một lần.',
    'Điều 2. Tổ chức thực hiện',
    'Các cấp ủy tổ chức quán triệt, thực hiện nghị quyết này.',
  ];
}
