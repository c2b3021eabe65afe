/**
 * The annual quality rating of members (Regulation 366-QĐ/TW of 30/8/2025 and the earlier
 * regulations, rules in `core/member-rules/quality-rating.ts`), and exemption from Party work and
 * activities (Regulation 232-QĐ/TW; exempt members are not rated).
 */
import { requireDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import {
  QUALITY_LEVELS,
  ratingExemption,
  ratingFromScore,
  SCORE_SCALE_FROM_YEAR,
} from '../../core/member-rules/index.ts';
import { parseInput } from '../../core/validation.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { memberInTransaction, recordMemberEvent } from '../members/members.service.ts';
import { orgErrors } from '../orgs/orgs.errors.ts';
import { findUnitInTransaction } from '../orgs/orgs.service.ts';
import * as repo from './ratings.repository.ts';
import { type RateInput, type Rating, type RatingSummary, rateInputSchema } from './ratings.schemas.ts';

const ratingErrors = {
  alreadyRated: (year: number) =>
    new AppError(
      'rating.already_rated',
      'conflict',
      { vi: `Đảng viên đã được xếp loại năm ${year}`, en: `The member has already been rated for ${year}` },
      { field: 'year' },
    ),
  levelOrScore: (vi: string, en: string, field: string) =>
    new AppError('rating.invalid', 'validation', { vi, en }, { field }),
  notActive: () =>
    new AppError('rating.not_active', 'validation', {
      vi: 'Chỉ xếp loại đảng viên đang sinh hoạt',
      en: 'Only active members are rated',
    }),
};

/** Records a member's rating for a year, or why they are not rated. */
export async function rateMember(
  database: Database,
  actor: Actor,
  memberId: number,
  raw: RateInput,
): Promise<Rating> {
  const input = parseInput(rateInputSchema, raw);
  const date = requireDate(input.date, 'date');
  return inTransaction(database.db, actor, async (tx) => {
    const member = await memberInTransaction(tx, memberId);
    if (member.status !== 'official' && member.status !== 'probationary') throw ratingErrors.notActive();
    const exemption = ratingExemption(
      {
        admissionCeremonyDate: member.admissionDate,
        suspended: false,
        exemptFromActivitiesSince: await repo.exemptSinceOf(tx, memberId),
      },
      date,
    );
    let level: (typeof QUALITY_LEVELS)[number] | null = null;
    if (!exemption) {
      if (input.score !== undefined) {
        const scored = ratingFromScore(input.score, input.year);
        if (!scored.ok) throw ratingErrors.levelOrScore(scored.vi, scored.en, 'score');
        level = scored.level;
      } else if (input.level && input.year < SCORE_SCALE_FROM_YEAR) {
        level = input.level;
      } else {
        const scored = input.year >= SCORE_SCALE_FROM_YEAR;
        throw ratingErrors.levelOrScore(
          scored
            ? `Từ năm ${SCORE_SCALE_FROM_YEAR} cần nhập điểm (thang 100) để xếp loại`
            : 'Cần chọn mức xếp loại',
          scored
            ? `From ${SCORE_SCALE_FROM_YEAR} the score (out of 100) decides the level`
            : 'Choose the level',
          scored ? 'score' : 'level',
        );
      }
    }
    const inserted = await repo.insertRating(tx, {
      memberId,
      year: input.year,
      score: exemption ? null : (input.score ?? null),
      level,
      exemption: exemption?.code ?? null,
      date,
      decisionRef: input.decisionRef ?? null,
      actor: actor.id,
    });
    if (!inserted) throw ratingErrors.alreadyRated(input.year);
    await recordAudit(tx, {
      action: 'rating.rate',
      entity: 'member',
      ids: [memberId],
      details: { year: input.year },
    });
    return {
      memberId,
      year: input.year,
      score: exemption ? null : (input.score ?? null),
      level,
      exemption: exemption ? { code: exemption.code, vi: exemption.vi, en: exemption.en } : null,
      date,
    };
  });
}

/** Exempts a member from Party work and activities (old age or health), decided by the cell. */
export async function exemptFromActivities(
  database: Database,
  actor: Actor,
  memberId: number,
  raw: { date: string; reason: 'old_age' | 'health'; decisionRef?: string },
): Promise<void> {
  const date = requireDate(raw.date, 'date');
  await inTransaction(database.db, actor, async (tx) => {
    const member = await memberInTransaction(tx, memberId);
    if (member.status !== 'official' && member.status !== 'probationary') throw ratingErrors.notActive();
    await repo.setExemptSince(tx, memberId, date);
    await recordMemberEvent(tx, actor, {
      memberId,
      kind: 'exemption',
      date,
      decisionRef: raw.decisionRef ?? null,
      details: { reason: raw.reason },
    });
    await recordAudit(tx, {
      action: 'rating.exempt',
      entity: 'member',
      ids: [memberId],
      details: { reason: raw.reason },
    });
  });
}

/** How the members of a unit were rated for a year. */
export async function ratingSummary(
  database: Database,
  actor: Actor,
  query: { org: string; year: number },
): Promise<RatingSummary> {
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await findUnitInTransaction(tx, query.org, `${query.year}-12-31`);
    if (!unit) throw orgErrors.notFound(query.org, 'org');
    const rows = await repo.ratingCountsUnder(tx, unit.path, query.year);
    const byLevel = Object.fromEntries(QUALITY_LEVELS.map((l) => [l, 0])) as RatingSummary['byLevel'];
    let exempt = 0;
    let notRatedYet = 0;
    let members = 0;
    for (const r of rows) {
      members += r.n;
      if (r.level) byLevel[r.level as keyof typeof byLevel] += r.n;
      else if (r.exemption) exempt += r.n;
      else notRatedYet += r.n;
    }
    return { org: unit.code, year: query.year, members, byLevel, exempt, notRatedYet };
  });
}
