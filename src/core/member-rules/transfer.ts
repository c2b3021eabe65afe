/**
 * Deadlines of an official transfer of Party membership (chuyển sinh hoạt đảng chính thức).
 *
 * Source: Regulation 232-QĐ/TW (20/1/2025) §6.3.1, same as Regulation 24-QĐ/TW (30/7/2021)
 * §6.3.1. Applies from 2021-07-30 (Reg 24), unchanged by Reg 232.
 * - The transfer procedure is done within 60 working days of the decision (job transfer,
 *   retirement, demobilisation …) taking effect, or of the change of residence.
 * - The member presents the introduction letter to the receiving Party organization within 30
 *   working days of the date of the introduction; a late member reports the reason.
 * Temporary transfers (chuyển sinh hoạt tạm thời) are not covered: their thresholds were not
 * confirmed.
 */
import type { IsoDate } from '../dates.ts';
import { addWorkingDays } from './calendar.ts';

export const TRANSFER_PRESENT_WORKING_DAYS = 30;
export const TRANSFER_PROCEDURE_WORKING_DAYS = 60;

/** Last day to present the introduction letter at the receiving organization. */
export function transferPresentDeadline(introductionDate: IsoDate): IsoDate {
  return addWorkingDays(introductionDate, TRANSFER_PRESENT_WORKING_DAYS);
}

/** Last day to complete the transfer procedure after the decision takes effect (or the move). */
export function transferProcedureDeadline(decisionEffectiveDate: IsoDate): IsoDate {
  return addWorkingDays(decisionEffectiveDate, TRANSFER_PROCEDURE_WORKING_DAYS);
}

export type TransferStatus = 'in_transit' | 'overdue' | 'received_late' | 'received';

/**
 * - not received yet: `in_transit` up to the deadline day included, `overdue` after it;
 * - received: `received` on or before the deadline, `received_late` after it.
 */
export function transferStatus(
  introductionDate: IsoDate,
  receivedDate: IsoDate | null,
  today: IsoDate,
): TransferStatus {
  const deadline = transferPresentDeadline(introductionDate);
  if (receivedDate !== null) return receivedDate <= deadline ? 'received' : 'received_late';
  return today <= deadline ? 'in_transit' : 'overdue';
}

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, { vi: string; en: string }> = {
  in_transit: { vi: 'Đang chuyển, trong hạn 30 ngày làm việc', en: 'In transit, within 30 working days' },
  overdue: {
    vi: 'Quá 30 ngày làm việc chưa xuất trình giấy giới thiệu: đảng viên phải báo cáo lý do',
    en: 'Not presented within 30 working days: the member must report the reason',
  },
  received_late: {
    vi: 'Đã tiếp nhận, nhưng quá hạn 30 ngày làm việc',
    en: 'Received, but after the 30-working-day deadline',
  },
  received: { vi: 'Đã tiếp nhận trong hạn', en: 'Received on time' },
};
