/** Every query of Party fees. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';

type Q = Kysely<DB>;

export interface FeeSettingRow {
  category: string;
  base: number | null;
  fixedAmount: number | null;
  exemption: string | null;
  reductionPercent: number | null;
}

export async function settingOf(q: Q, memberId: number): Promise<FeeSettingRow | undefined> {
  const result =
    await sql<FeeSettingRow>`SELECT category, base::float8 AS base, fixed_amount::float8 AS "fixedAmount",
      exemption, reduction_percent AS "reductionPercent" FROM member_fee_setting WHERE member_id = ${memberId}`.execute(
      q,
    );
  return result.rows[0];
}

export async function saveSetting(q: Q, memberId: number, s: FeeSettingRow): Promise<void> {
  await sql`INSERT INTO member_fee_setting (member_id, category, base, fixed_amount, exemption, reduction_percent)
    VALUES (${memberId}, ${s.category}, ${s.base}, ${s.fixedAmount}, ${s.exemption}, ${s.reductionPercent})
    ON CONFLICT (member_id) DO UPDATE SET category = excluded.category, base = excluded.base,
      fixed_amount = excluded.fixed_amount, exemption = excluded.exemption,
      reduction_percent = excluded.reduction_percent, updated_at = now()`.execute(q);
}

export async function paymentsOf(q: Q, memberId: number, year: number) {
  const result = await sql<{
    month: string;
    amount: number;
    paidOn: string;
  }>`SELECT month, amount::float8 AS amount,
      paid_on AS "paidOn" FROM member_fee_payment WHERE member_id = ${memberId} AND month LIKE ${`${year}-%`}
    ORDER BY month`.execute(q);
  return result.rows;
}

export async function insertPayment(
  q: Q,
  p: { memberId: number; month: string; amount: number; paidOn: string; actor: string },
): Promise<boolean> {
  const result = await sql`INSERT INTO member_fee_payment (member_id, month, amount, paid_on, recorded_by)
    VALUES (${p.memberId}, ${p.month}, ${p.amount}, ${p.paidOn}::date, ${p.actor})
    ON CONFLICT (member_id, month) DO NOTHING`.execute(q);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * Active members in the subtree with at least `threshold` months of `year` (up to `asOfMonth`)
 * neither paid nor before their admission. Exempt members are left out.
 */
export async function arrearsUnder(
  q: Q,
  args: {
    path: string;
    year: number;
    asOfMonth: string;
    threshold: number;
    limit: number;
    exemptPartyAgeYears: number | null;
  },
) {
  const first = `${args.year}-01`;
  const result = await sql<{
    id: number;
    fullName: string;
    cellCode: string;
    unpaidMonths: number;
    total: number;
  }>`
    WITH months AS (
      SELECT to_char(d, 'YYYY-MM') AS month FROM generate_series(${`${first}-01`}::date, ${`${args.asOfMonth}-01`}::date, interval '1 month') d
    ), owing AS (
      SELECT m.id, m.full_name, m.sort_key, m.cell_id,
        (SELECT count(*) FROM months mo
          WHERE mo.month >= to_char(m.admission_date, 'YYYY-MM')
            AND NOT EXISTS (SELECT 1 FROM member_fee_payment p WHERE p.member_id = m.id AND p.month = mo.month))::int AS unpaid
      FROM member m JOIN org_unit_version v ON v.unit_id = m.cell_id AND v.valid_to IS NULL
      LEFT JOIN member_fee_setting s ON s.member_id = m.id
      WHERE v.path <@ ${args.path}::ltree AND m.state = 'active' AND s.exemption IS NULL
        AND (${args.exemptPartyAgeYears}::int IS NULL
          OR m.admission_date > ${`${args.asOfMonth}-01`}::date - make_interval(years => ${args.exemptPartyAgeYears}::int))
    )
    SELECT o.id, o.full_name AS "fullName", u.code AS "cellCode", o.unpaid AS "unpaidMonths",
      count(*) OVER ()::int AS total
    FROM owing o JOIN org_unit u ON u.id = o.cell_id
    WHERE o.unpaid >= ${args.threshold}
    ORDER BY o.sort_key, o.id LIMIT ${args.limit}`.execute(q);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}
