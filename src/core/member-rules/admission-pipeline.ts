/**
 * The steps of admitting a new member and what can go wrong between them (warnings, not blocks:
 * the officer sees them on the work queue).
 *
 * Source: Regulation 232-QĐ/TW (20/1/2025), as Regulation 24-QĐ/TW (30/7/2021) §3–§4; Guidance
 * 12-HD/BTCTW (2022) forms 1–15-KNĐ; Charter (2011) Art. 4. In force: 2021-07-30 onward.
 * Order: Party-awareness class → application (with the introducers) → the cell's resolution →
 * the competent committee's decision → the admission ceremony within 30 working days of the
 * decision. A Youth Union member is introduced by one official member plus the Union's
 * resolution; anyone else by two official members. The pipeline holds no information about
 * candidates' relatives or political opinions.
 */
import { formatDateVn, type IsoDate } from '../dates.ts';
import {
  admissionAgeCheck,
  awarenessCertificateExpiry,
  type IntroducerFacts,
  introducerEligible,
} from './admission.ts';
import { ceremonyDeadline } from './probation.ts';

export const ADMISSION_STEPS = [
  'awareness_class',
  'application',
  'cell_resolution',
  'decision',
  'ceremony',
] as const;
export type AdmissionStep = (typeof ADMISSION_STEPS)[number];

export const ADMISSION_STEP_LABELS: Record<AdmissionStep, { vi: string; en: string }> = {
  awareness_class: { vi: 'Học lớp bồi dưỡng nhận thức về Đảng', en: 'Party-awareness class' },
  application: { vi: 'Đơn xin vào Đảng', en: 'Application' },
  cell_resolution: { vi: 'Nghị quyết của chi bộ', en: "Cell's resolution" },
  decision: { vi: 'Quyết định kết nạp', en: 'Admission decision' },
  ceremony: { vi: 'Lễ kết nạp', en: 'Admission ceremony' },
};

export interface CandidateFacts {
  birthDate: IsoDate;
  youthUnionMember: boolean;
  steps: Partial<Record<AdmissionStep, IsoDate>>;
  introducers: IntroducerFacts[];
}

export interface PipelineWarning {
  code: string;
  vi: string;
  en: string;
}

/** Warnings for a candidate on `today`: steps out of order, expired certificate, age, introducers, deadlines. */
export function candidateWarnings(c: CandidateFacts, today: IsoDate): PipelineWarning[] {
  const warnings: PipelineWarning[] = [];
  let previous: { step: AdmissionStep; date: IsoDate } | undefined;
  for (const step of ADMISSION_STEPS) {
    const date = c.steps[step];
    if (!date) continue;
    if (previous && date < previous.date) {
      warnings.push({
        code: 'admission.step_out_of_order',
        vi: `${ADMISSION_STEP_LABELS[step].vi} (${formatDateVn(date)}) trước ${ADMISSION_STEP_LABELS[previous.step].vi.toLowerCase()} (${formatDateVn(previous.date)})`,
        en: `${ADMISSION_STEP_LABELS[step].en} (${formatDateVn(date)}) is before the ${ADMISSION_STEP_LABELS[previous.step].en.toLowerCase()} (${formatDateVn(previous.date)})`,
      });
    }
    previous = { step, date };
  }
  // the cell considers the admission at its resolution; until then, today
  const considered = c.steps.cell_resolution ?? today;
  const cert = c.steps.awareness_class;
  if (!cert) {
    warnings.push({
      code: 'admission.no_awareness_class',
      vi: 'Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng',
      en: 'No Party-awareness class certificate yet',
    });
  } else if (considered > awarenessCertificateExpiry(cert)) {
    warnings.push({
      code: 'admission.awareness_class_expired',
      vi: `Giấy chứng nhận học lớp nhận thức về Đảng hết hạn ngày ${formatDateVn(awarenessCertificateExpiry(cert))} (giá trị 5 năm)`,
      en: `The Party-awareness certificate expired on ${formatDateVn(awarenessCertificateExpiry(cert))} (valid 5 years)`,
    });
  }
  const age = admissionAgeCheck(c.birthDate, considered);
  if (!age.ok) warnings.push({ code: age.code, vi: age.vi, en: age.en });
  const needed = c.youthUnionMember ? 1 : 2;
  const eligible = c.introducers.filter((i) => introducerEligible(i, considered).ok).length;
  if (eligible < needed) {
    warnings.push({
      code: 'admission.introducers',
      vi: `Cần ${needed} người giới thiệu là đảng viên chính thức, đã cùng công tác/cư trú ít nhất 12 tháng; hiện có ${eligible}`,
      en: `${needed} introducer(s) needed who are official members and have known the applicant for 12 months; ${eligible} so far`,
    });
  }
  const decision = c.steps.decision;
  if (decision && !c.steps.ceremony && today > ceremonyDeadline(decision)) {
    warnings.push({
      code: 'admission.ceremony_overdue',
      vi: `Quá hạn tổ chức lễ kết nạp (30 ngày làm việc, đến ${formatDateVn(ceremonyDeadline(decision))})`,
      en: `The admission ceremony is overdue (30 working days, by ${formatDateVn(ceremonyDeadline(decision))})`,
    });
  }
  return warnings;
}

/** The next step to do, or null when the candidate has been admitted. */
export function nextStep(steps: Partial<Record<AdmissionStep, IsoDate>>): AdmissionStep | null {
  return ADMISSION_STEPS.find((s) => !steps[s]) ?? null;
}
