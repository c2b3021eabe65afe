/**
 * The columns of the sector's member and organization files, in the order the template and the
 * exports write them. Imports match a header in Vietnamese or English, ignoring case, diacritics,
 * spacing and punctuation (`HỌ VÀ TÊN`, `ho va ten`, `Full name`, `full_name` are one column), so
 * a file exported by tochuc, the template, or a workbook typed by hand all read the same.
 */
import { foldVn } from './vn-text.ts';

/** How a cell's text is read. */
export type FileColumnType = 'text' | 'date' | 'partial_date' | 'sex' | 'digits' | 'org_kind';

export interface FileColumn<Key extends string = string, Field extends string = string> {
  /** Stable key, also accepted as a header. */
  key: Key;
  /** The property of the service's input (camelCase) the column fills. */
  field: Field;
  vi: string;
  en: string;
  required: boolean;
  type: FileColumnType;
  /** What to type, shown under the headers of the template. */
  hint: { vi: string; en: string };
}

const DATE_HINT = { vi: 'dd/mm/yyyy hoặc yyyy-mm-dd', en: 'dd/mm/yyyy or yyyy-mm-dd' };
const TEXT_HINT = { vi: 'chữ', en: 'text' };

export const MEMBER_FILE_COLUMNS = [
  {
    key: 'full_name',
    field: 'fullName',
    vi: 'Họ và tên',
    en: 'Full name',
    required: true,
    type: 'text',
    hint: { vi: 'Họ, tên đệm và tên', en: 'Family, middle and given names' },
  },
  {
    key: 'other_name',
    field: 'otherName',
    vi: 'Tên gọi khác',
    en: 'Other name',
    required: false,
    type: 'text',
    hint: TEXT_HINT,
  },
  {
    key: 'birth_date',
    field: 'birthDate',
    vi: 'Ngày sinh',
    en: 'Birth date',
    required: true,
    type: 'partial_date',
    hint: {
      vi: 'dd/mm/yyyy, yyyy-mm-dd; mm/yyyy hoặc yyyy nếu không rõ ngày',
      en: 'dd/mm/yyyy, yyyy-mm-dd; mm/yyyy or yyyy when the day is unknown',
    },
  },
  {
    key: 'sex',
    field: 'sex',
    vi: 'Giới tính',
    en: 'Sex',
    required: true,
    type: 'sex',
    hint: { vi: 'Nam hoặc Nữ', en: 'male or female' },
  },
  {
    key: 'birth_place',
    field: 'birthPlace',
    vi: 'Nơi sinh',
    en: 'Birth place',
    required: false,
    type: 'text',
    hint: TEXT_HINT,
  },
  {
    key: 'hometown',
    field: 'hometown',
    vi: 'Quê quán',
    en: 'Hometown',
    required: false,
    type: 'text',
    hint: TEXT_HINT,
  },
  {
    key: 'ethnicity',
    field: 'ethnicity',
    vi: 'Dân tộc',
    en: 'Ethnicity',
    required: false,
    type: 'text',
    hint: { vi: 'Tên hoặc mã, ví dụ Kinh', en: 'Name or code, e.g. Kinh' },
  },
  {
    key: 'religion',
    field: 'religion',
    vi: 'Tôn giáo',
    en: 'Religion',
    required: false,
    type: 'text',
    hint: TEXT_HINT,
  },
  {
    key: 'national_id',
    field: 'nationalId',
    vi: 'Số CCCD',
    en: 'National ID',
    required: false,
    type: 'digits',
    hint: {
      vi: '12 chữ số; nhập dạng văn bản để giữ số 0 ở đầu',
      en: '12 digits; type as text to keep leading zeros',
    },
  },
  {
    key: 'party_card_no',
    field: 'partyCardNo',
    vi: 'Số thẻ đảng viên',
    en: 'Party card number',
    required: false,
    type: 'text',
    hint: TEXT_HINT,
  },
  {
    key: 'admission_date',
    field: 'admissionDate',
    vi: 'Ngày vào Đảng',
    en: 'Admission date',
    required: true,
    type: 'date',
    hint: DATE_HINT,
  },
  {
    key: 'official_date',
    field: 'officialDate',
    vi: 'Ngày chính thức',
    en: 'Official date',
    required: false,
    type: 'date',
    hint: DATE_HINT,
  },
  {
    key: 'education',
    field: 'education',
    vi: 'Trình độ học vấn',
    en: 'Education',
    required: false,
    type: 'text',
    hint: { vi: 'Ví dụ 12/12', en: 'e.g. 12/12' },
  },
  {
    key: 'qualification',
    field: 'qualification',
    vi: 'Chuyên môn nghiệp vụ',
    en: 'Qualification',
    required: false,
    type: 'text',
    hint: TEXT_HINT,
  },
  {
    key: 'theory_level',
    field: 'theoryLevel',
    vi: 'Lý luận chính trị',
    en: 'Political theory level',
    required: false,
    type: 'text',
    hint: { vi: 'Sơ cấp, Trung cấp, Cao cấp, Cử nhân', en: 'Elementary, intermediate, advanced, bachelor' },
  },
  {
    key: 'occupation',
    field: 'occupation',
    vi: 'Nghề nghiệp',
    en: 'Occupation',
    required: false,
    type: 'text',
    hint: TEXT_HINT,
  },
  {
    key: 'cell_code',
    field: 'cellCode',
    vi: 'Mã chi bộ',
    en: 'Cell code',
    required: true,
    type: 'text',
    hint: { vi: 'Mã của chi bộ trong tochuc', en: "The cell's code in tochuc" },
  },
  {
    key: 'decision_ref',
    field: 'decisionRef',
    vi: 'Số quyết định kết nạp',
    en: 'Admission decision number',
    required: false,
    type: 'text',
    hint: { vi: 'Ví dụ 123-QĐ/ĐU', en: 'e.g. 123-QĐ/ĐU' },
  },
] as const satisfies readonly FileColumn[];

export const ORG_FILE_COLUMNS = [
  {
    key: 'code',
    field: 'code',
    vi: 'Mã',
    en: 'Code',
    required: true,
    type: 'text',
    hint: { vi: 'Chữ, số, dấu . _ -', en: 'Letters, digits, . _ -' },
  },
  {
    key: 'name',
    field: 'name',
    vi: 'Tên',
    en: 'Name',
    required: true,
    type: 'text',
    hint: TEXT_HINT,
  },
  {
    key: 'kind',
    field: 'kind',
    vi: 'Loại',
    en: 'Kind',
    required: true,
    type: 'org_kind',
    hint: { vi: 'Ví dụ: Đảng bộ cơ sở, Chi bộ trực thuộc', en: 'e.g. grassroots_committee, cell' },
  },
  {
    key: 'parent_code',
    field: 'parentCode',
    vi: 'Mã cấp trên',
    en: 'Parent code',
    required: false,
    type: 'text',
    hint: {
      vi: 'Đã có trong tochuc hoặc ở dòng trên; để trống cho cấp cao nhất',
      en: 'Already in tochuc or on an earlier row; empty for the top',
    },
  },
  {
    key: 'valid_from',
    field: 'validFrom',
    vi: 'Ngày thành lập',
    en: 'Founded on',
    required: true,
    type: 'date',
    hint: DATE_HINT,
  },
] as const satisfies readonly FileColumn[];

export type MemberFileColumn = (typeof MEMBER_FILE_COLUMNS)[number];
export type MemberFileColumnKey = MemberFileColumn['key'];
export type OrgFileColumn = (typeof ORG_FILE_COLUMNS)[number];
export type OrgFileColumnKey = OrgFileColumn['key'];

/** `Số thẻ Đảng viên` → `sothedangvien`: what two headers must share to be the same column. */
export function foldHeader(header: string): string {
  return foldVn(header).replace(/[^a-z0-9]/g, '');
}

/** The column a header names (by its key, Vietnamese or English header), if any. */
export function matchHeader<C extends FileColumn>(columns: readonly C[], header: string): C | undefined {
  const folded = foldHeader(header);
  if (folded === '') return undefined;
  return columns.find(
    (c) => foldHeader(c.key) === folded || foldHeader(c.vi) === folded || foldHeader(c.en) === folded,
  );
}

/** The header a user sees for a column: Vietnamese, or English. */
export function columnHeader(column: FileColumn, language: 'vi' | 'en' = 'vi'): string {
  return language === 'vi' ? column.vi : column.en;
}
