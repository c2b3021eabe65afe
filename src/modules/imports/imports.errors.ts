/** The errors of imports, with stable codes and messages in both languages. */
import { AppError, type LocalizedMessage } from '../../core/errors.ts';

export const importErrors = {
  /** The file as a whole: nothing is stored (CLI exit code 2). */
  unreadable: (fileName: string, why: string) =>
    new AppError(
      'import.unreadable',
      'validation',
      { vi: `Không đọc được tệp "${fileName}": ${why}`, en: `Cannot read the file "${fileName}": ${why}` },
      { field: 'file' },
    ),
  empty: (fileName: string) =>
    new AppError(
      'import.unreadable',
      'validation',
      { vi: `Tệp "${fileName}" không có dòng tiêu đề`, en: `The file "${fileName}" has no header row` },
      { field: 'file' },
    ),
  missingColumns: (headers: { vi: string; en: string }[]) =>
    new AppError(
      'import.unreadable',
      'validation',
      {
        vi: `Thiếu cột bắt buộc: ${headers.map((h) => h.vi).join(', ')}`,
        en: `Required columns missing: ${headers.map((h) => h.en).join(', ')}`,
      },
      { field: 'file' },
    ),
  notFound: (id: number) =>
    new AppError('import.not_found', 'not_found', {
      vi: `Không có lần nhập dữ liệu số ${id}`,
      en: `No import with id ${id}`,
    }),
};

/** Row-level messages (a rejected row, not an exception). */
export const rowMessages = {
  required: (): LocalizedMessage => ({ vi: 'Bắt buộc phải nhập', en: 'Required' }),
  sex: (value: string): LocalizedMessage => ({
    vi: `Giới tính "${value}" không hợp lệ (Nam hoặc Nữ)`,
    en: `Sex "${value}" is not valid (male or female)`,
  }),
  lostZeros: (digits: string, expected: number): LocalizedMessage => ({
    vi: `Ô số ${digits} có ${digits.length} chữ số, cần ${expected}: số 0 ở đầu có thể đã mất khi ô được lưu dạng số; hãy nhập dạng văn bản`,
    en: `The number ${digits} has ${digits.length} digits, ${expected} expected: leading zeros may have been lost in a number cell; type it as text`,
  }),
  duplicateInFile: (what: LocalizedMessage, firstRow: number | string): LocalizedMessage => ({
    vi: `${what.vi} trùng với dòng ${firstRow} của tệp`,
    en: `${what.en} repeats row ${firstRow} of the file`,
  }),
  existsDifferently: (what: LocalizedMessage): LocalizedMessage => ({
    vi: `${what.vi} đã có trong danh sách với thông tin khác; chọn "cập nhật" để ghi đè`,
    en: `${what.en} is already in the registry with other details; choose "update existing" to overwrite`,
  }),
  twoMembers: (): LocalizedMessage => ({
    vi: 'Số CCCD và số thẻ đảng viên thuộc hai đảng viên khác nhau trong danh sách',
    en: 'The national ID and the party card number belong to two different members in the registry',
  }),
  outsideScope: (code: string): LocalizedMessage => ({
    vi: `Chi bộ ${code} không thuộc phạm vi được phân quyền cập nhật của bạn`,
    en: `Cell ${code} is outside the scope you may change`,
  }),
  // the member's cell is not named: it lies outside what the user may read
  otherCellOutsideScope: (): LocalizedMessage => ({
    vi: 'Đảng viên này đang sinh hoạt ở một chi bộ ngoài phạm vi của bạn',
    en: 'This member belongs to a cell outside your scope',
  }),
  otherCell: (code: string): LocalizedMessage => ({
    vi: `Đảng viên đang sinh hoạt ở chi bộ ${code}: chuyển sinh hoạt phải làm bằng thủ tục chuyển`,
    en: `The member belongs to cell ${code}: a move is recorded as a transfer`,
  }),
  orgKind: (value: string): LocalizedMessage => ({
    vi: `Loại tổ chức "${value}" không hợp lệ`,
    en: `Unknown kind of organization "${value}"`,
  }),
  orgExistsDifferently: (code: string): LocalizedMessage => ({
    vi: `Mã ${code} đã có với tên, loại hoặc cấp trên khác (đổi tên, di chuyển làm bằng thao tác tổ chức)`,
    en: `Code ${code} already exists with another name, kind or parent (renames and moves are operations)`,
  }),
};
