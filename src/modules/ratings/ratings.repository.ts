/** Every query of the annual quality rating and of exemption from activities. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;

export async function exemptSinceOf(q: Q, memberId: number): Promise<string | null> {
  const row = await q
    .selectFrom('member')
    .select('exempt_since')
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row?.exempt_since ?? null;
}

export async function setExemptSince(q: Q, memberId: number, date: string): Promise<void> {
  await q.updateTable('member').set({ exempt_since: date }).where('id', '=', memberId).execute();
}

export async function insertRating(
  q: Q,
  r: {
    memberId: number;
    year: number;
    score: number | null;
    level: string | null;
    exemption: string | null;
    date: string;
    decisionRef: string | null;
    actor: string;
  },
): Promise<boolean> {
  const result =
    await sql`INSERT INTO member_rating (member_id, year, score, level, exemption, decided_on, decision_ref, recorded_by)
    VALUES (${r.memberId}, ${r.year}, ${r.score}, ${r.level}, ${r.exemption}, ${r.date}::date, ${r.decisionRef}, ${r.actor})
    ON CONFLICT (member_id, year) DO NOTHING`.execute(q);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Active members of the subtree, and how many of them were rated (by level) or exempt for `year`. */
export async function ratingCountsUnder(q: Q, path: string, year: number) {
  const result = await sql<{
    level: string | null;
    exemption: string | null;
    n: number;
  }>`SELECT r.level, r.exemption,
      count(*)::int AS n
    FROM member m JOIN org_unit_version v ON v.unit_id = m.cell_id AND v.valid_to IS NULL
    LEFT JOIN member_rating r ON r.member_id = m.id AND r.year = ${year}
    WHERE v.path <@ ${path}::ltree AND m.state = 'active'
    GROUP BY r.level, r.exemption`.execute(q);
  return result.rows;
}
