/** The errors of the member registry, with stable codes and messages in both languages. */
import { formatDateVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { RecordDateProblem } from '../../core/member-rules/index.ts';

export const memberErrors = {
  notFound: (id: number | string) =>
    new AppError('member.not_found', 'not_found', {
      vi: `Không tìm thấy đảng viên có mã ${id}`,
      en: `No member with id ${id}`,
    }),
  cellNotFound: (code: string, date: string, field = 'cellCode') =>
    new AppError(
      'member.cell_not_found',
      'validation',
      {
        vi: `Không có chi bộ "${code}" vào ngày ${formatDateVn(date)}`,
        en: `No cell "${code}" on ${formatDateVn(date)}`,
      },
      { field },
    ),
  notACell: (code: string, field = 'cellCode') =>
    new AppError(
      'member.not_a_cell',
      'validation',
      {
        vi: `"${code}" không phải chi bộ: đảng viên sinh hoạt ở chi bộ trực thuộc hoặc chi bộ cơ sở`,
        en: `"${code}" is not a cell: members belong to a cell or a grassroots cell`,
      },
      { field },
    ),
  unknownReference: (field: string, value: string) =>
    new AppError(
      'member.unknown_reference',
      'validation',
      {
        vi: `Giá trị "${value}" không có trong danh mục (${field})`,
        en: `"${value}" is not in the list of ${field}`,
      },
      { field },
    ),
  nationalIdTaken: (id: string) =>
    new AppError(
      'member.national_id_taken',
      'conflict',
      {
        vi: `Số CCCD ${id} đã có trong danh sách đảng viên`,
        en: `National ID ${id} is already in the registry`,
      },
      { field: 'nationalId' },
    ),
  cardTaken: (no: string) =>
    new AppError(
      'member.card_taken',
      'conflict',
      { vi: `Số thẻ đảng viên ${no} đã được dùng`, en: `Party card number ${no} is already used` },
      { field: 'partyCardNo' },
    ),
  dateOrder: (field: string, vi: string, en: string) =>
    new AppError('member.date_order', 'validation', { vi, en }, { field }),
  admissionAge: (message: { vi: string; en: string }) =>
    new AppError('member.admission_age', 'validation', message, { field: 'birthDate' }),
  notActive: (id: number, status: string) =>
    new AppError('member.not_active', 'validation', {
      vi: `Đảng viên ${id} không còn sinh hoạt (trạng thái: ${status})`,
      en: `Member ${id} is not active (status: ${status})`,
    }),
  alreadyOfficial: (id: number) =>
    new AppError('member.already_official', 'validation', {
      vi: `Đảng viên ${id} đã là đảng viên chính thức`,
      en: `Member ${id} is already an official member`,
    }),
  probationNotOver: (end: string) =>
    new AppError(
      'member.probation_not_over',
      'validation',
      {
        vi: `Chưa hết 12 tháng dự bị (đến ${formatDateVn(end)}); chưa thể xét công nhận chính thức`,
        en: `The 12-month probation runs until ${formatDateVn(end)}; recognition cannot be considered yet`,
      },
      { field: 'date' },
    ),
  alreadyInTransit: (id: number) =>
    new AppError('member.transfer.already_in_transit', 'conflict', {
      vi: `Đảng viên ${id} đang chuyển sinh hoạt, chưa được nơi đến tiếp nhận`,
      en: `Member ${id} is already in transit, not yet received`,
    }),
  notInTransit: (id: number) =>
    new AppError('member.transfer.not_in_transit', 'validation', {
      vi: `Đảng viên ${id} không có giấy giới thiệu sinh hoạt đảng đang chờ tiếp nhận`,
      en: `Member ${id} has no transfer waiting to be received`,
    }),
  sameCell: () =>
    new AppError(
      'member.transfer.same_cell',
      'validation',
      { vi: 'Chi bộ nơi đến trùng chi bộ hiện tại', en: 'The destination is the current cell' },
      { field: 'toCellCode' },
    ),
  beforeLastChange: (date: string, last: string) =>
    new AppError(
      'member.before_last_change',
      'validation',
      {
        vi: `Ngày ${formatDateVn(date)} sớm hơn thay đổi gần nhất (${formatDateVn(last)})`,
        en: `${formatDateVn(date)} is before the last recorded change (${formatDateVn(last)})`,
      },
      { field: 'date' },
    ),
  probationaryCannotBeExpelled: () =>
    new AppError(
      'member.expulsion.probationary',
      'validation',
      {
        vi: 'Đảng viên dự bị không bị khai trừ (Điều lệ Đảng, Điều 35): xét xóa tên hoặc không công nhận chính thức',
        en: 'A probationary member cannot be expelled (Charter Art. 35): remove from the roll or do not recognise',
      },
      { field: 'kind' },
    ),
  notProbationary: () =>
    new AppError(
      'member.not_probationary',
      'validation',
      {
        vi: 'Chỉ đảng viên dự bị mới có thể không được công nhận chính thức',
        en: 'Only a probationary member can be not recognised',
      },
      { field: 'kind' },
    ),
  badgeAlreadyAwarded: (years: number) =>
    new AppError(
      'member.badge.already_awarded',
      'conflict',
      {
        vi: `Đã được tặng Huy hiệu ${years} năm tuổi Đảng`,
        en: `The ${years}-year Party badge was already awarded`,
      },
      { field: 'years' },
    ),
  badgeNotEligible: (years: number, why: { vi: string; en: string }) =>
    new AppError(
      'member.badge.not_eligible',
      'validation',
      {
        vi: `Chưa thể tặng Huy hiệu ${years} năm tuổi Đảng: ${why.vi}`,
        en: `The ${years}-year Party badge cannot be awarded: ${why.en}`,
      },
      { field: 'years' },
    ),
  futureDate: (field: string) =>
    new AppError(
      'member.future_date',
      'validation',
      { vi: 'Ngày không được ở tương lai', en: 'The date cannot be in the future' },
      { field },
    ),
  seriesYears: (thisYear: number, maxYears: number) =>
    new AppError(
      'member.stats.series_years',
      'validation',
      {
        vi: `Khoảng năm không hợp lệ: năm đầu không sau năm cuối, năm cuối không sau ${thisYear}, tối đa ${maxYears} năm`,
        en: `Invalid years: the first no later than the last, the last no later than ${thisYear}, at most ${maxYears} years`,
      },
      { field: 'from' },
    ),
};

/** The error of a problem with a record's dates (src/core/member-rules/record-dates.ts). */
export function recordDateError(p: RecordDateProblem): AppError {
  if (p.rule === 'future') return memberErrors.futureDate(p.field);
  if (p.rule === 'order') return memberErrors.dateOrder(p.field, p.vi, p.en);
  return memberErrors.admissionAge({ vi: p.vi, en: p.en });
}
