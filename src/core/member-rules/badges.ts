/**
 * Party badges by Party age (Huy hiệu Đảng).
 *
 * Source: Guidance 01-HD/TW (28/9/2021) §18, implementing Regulation 24-QĐ/TW (30/7/2021); in
 * force from 2021-09-28 (Reg 232-QĐ/TW of 20/1/2025 did not change the milestones as far as read).
 * - Badges are awarded at 30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85 and 90 years of Party age.
 * - A seriously ill member may receive the next badge early: up to 12 months for the 30–65-year
 *   badges, up to 24 months for the 70–90-year badges.
 * - Party age (tuổi đảng) runs from the date of the admission decision. Periods of interruption
 *   (a member removed and readmitted, whose Party age excludes the gap) are not modelled: pass
 *   an admission date already adjusted for them.
 * Award rounds on 3/2, 19/5, 2/9 and 7/11 are observed practice in news reports, not a rule read
 * in a regulation. A member who skipped a milestone (never given the 40-year badge and now past
 * 45) is proposed for the highest milestone reached; the skipped ones are listed for the
 * committee to decide, since no rule on catching up was read. Posthumous awards are not covered.
 */
import { formatDateVn, type IsoDate } from '../dates.ts';
import { addMonths, addYears, yearsBetween } from './calendar.ts';

export const BADGE_MILESTONES = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90] as const;
export type BadgeMilestone = (typeof BADGE_MILESTONES)[number];

/** Whole years of Party age on `onDate` (0 before the admission decision). */
export function partyAgeYears(admissionDecisionDate: IsoDate, onDate: IsoDate): number {
  return Math.max(0, yearsBetween(admissionDecisionDate, onDate));
}

/** How many months early a seriously ill member may receive this badge. */
export function earlyAwardMonths(milestone: BadgeMilestone): 12 | 24 {
  return milestone >= 70 ? 24 : 12;
}

export interface BadgeMember {
  /** Date of the admission decision, from which Party age runs. */
  admissionDate: IsoDate;
  /** Milestones already awarded, in years. */
  awarded: readonly number[];
  seriouslyIll?: boolean;
}

export interface BadgeEligibility {
  /** The milestone to consider next; null when every milestone has been awarded. */
  milestone: BadgeMilestone | null;
  /** The date the member reaches that Party age. */
  reachedOn: IsoDate | null;
  /** `reachedOn`, or earlier by the early-award allowance for a seriously ill member. */
  earliestAwardDate: IsoDate | null;
  eligible: boolean;
  /** Eligible only because of the early-award allowance. */
  early: boolean;
  /** Lower milestones reached but never awarded, skipped by `milestone`. */
  missed: BadgeMilestone[];
  vi: string;
  en: string;
}

function earliestAwardDate(member: BadgeMember, milestone: BadgeMilestone): IsoDate {
  const reached = addYears(member.admissionDate, milestone);
  return member.seriouslyIll ? addMonths(reached, -earlyAwardMonths(milestone)) : reached;
}

export function badgeEligibility(member: BadgeMember, onDate: IsoDate): BadgeEligibility {
  const highestAwarded = Math.max(0, ...member.awarded);
  const pending = BADGE_MILESTONES.filter((m) => m > highestAwarded);
  const reachable = pending.filter((m) => earliestAwardDate(member, m) <= onDate);
  const milestone = reachable.at(-1) ?? pending[0];
  if (milestone === undefined) {
    return {
      milestone: null,
      reachedOn: null,
      earliestAwardDate: null,
      eligible: false,
      early: false,
      missed: [],
      vi: 'Đã được tặng Huy hiệu Đảng ở mọi mốc (đến 90 năm tuổi Đảng)',
      en: 'Every Party badge milestone (up to 90 years) has been awarded',
    };
  }
  const reachedOn = addYears(member.admissionDate, milestone);
  const earliest = earliestAwardDate(member, milestone);
  const eligible = earliest <= onDate;
  const early = eligible && onDate < reachedOn;
  const missed = reachable.slice(0, -1);
  const badgeVi = `Huy hiệu ${milestone} năm tuổi Đảng`;
  const badgeEn = `${milestone}-year Party badge`;
  const reachedVi = `đủ ${milestone} năm tuổi Đảng ngày ${formatDateVn(reachedOn)}`;
  const reachedEn = `${milestone} years of Party age on ${formatDateVn(reachedOn)}`;
  let vi: string;
  let en: string;
  if (early) {
    const months = earlyAwardMonths(milestone);
    vi = `Đủ điều kiện xét tặng sớm ${badgeVi} do ốm đau nặng (sớm tối đa ${months} tháng; ${reachedVi})`;
    en = `Eligible early for the ${badgeEn} as seriously ill (up to ${months} months early; ${reachedEn})`;
  } else if (eligible) {
    vi = `Đủ điều kiện xét tặng ${badgeVi} (${reachedVi})`;
    en = `Eligible for the ${badgeEn} (${reachedEn})`;
  } else {
    vi = `Chưa đủ điều kiện xét tặng ${badgeVi} (${reachedVi})`;
    en = `Not yet eligible for the ${badgeEn} (${reachedEn})`;
  }
  if (missed.length > 0) {
    vi += `; chưa được tặng các mốc ${missed.join(', ')} năm: cấp ủy xem xét`;
    en += `; milestones ${missed.join(', ')} were never awarded: for the committee to decide`;
  }
  return { milestone, reachedOn, earliestAwardDate: earliest, eligible, early, missed, vi, en };
}

/** Eligibility counted to the date of an award round: Party age is reckoned to the award date. */
export function eligibleForRound(member: BadgeMember, roundDate: IsoDate): BadgeEligibility {
  return badgeEligibility(member, roundDate);
}

export interface AwardRound {
  /** `MM-DD`. */
  monthDay: string;
  vi: string;
  en: string;
}

/** Usual award rounds, from observed practice (news reports), not from a regulation. */
export const AWARD_ROUNDS: readonly AwardRound[] = [
  { monthDay: '02-03', vi: 'Kỷ niệm ngày thành lập Đảng (3/2)', en: 'Party Foundation Day (3/2)' },
  {
    monthDay: '05-19',
    vi: 'Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh (19/5)',
    en: "President Hồ Chí Minh's birthday (19/5)",
  },
  { monthDay: '09-02', vi: 'Quốc khánh (2/9)', en: 'National Day (2/9)' },
  {
    monthDay: '11-07',
    vi: 'Kỷ niệm Cách mạng Tháng Mười Nga (7/11)',
    en: 'October Revolution anniversary (7/11)',
  },
];

/** The first usual award round on or after `onDate`. */
export function nextAwardRound(onDate: IsoDate): { date: IsoDate } & AwardRound {
  const year = Number(onDate.slice(0, 4));
  const dateIn = (y: number, round: AwardRound) => `${String(y).padStart(4, '0')}-${round.monthDay}`;
  const thisYear = AWARD_ROUNDS.find((round) => dateIn(year, round) >= onDate);
  if (thisYear) return { date: dateIn(year, thisYear), ...thisYear };
  const first = AWARD_ROUNDS[0] as AwardRound;
  return { date: dateIn(year + 1, first), ...first };
}
