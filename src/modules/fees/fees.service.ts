/**
 * Party fees: each member's fee setting, monthly payments, and the "3 months unpaid in a year"
 * warning, with the rates of `core/member-rules/party-fees.ts` (Regulation 01-QĐ/TW of 2026, and
 * Decision 342-QĐ/TW of 2010 before it).
 */
import { requireDate, todayVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import {
  FEE_EXEMPT_PARTY_AGE_YEARS,
  type FeeExemptionGround,
  feeRegime,
  monthlyFee,
  type PartyFeeCategory,
  partyAgeYears,
  UNPAID_MONTHS_REMOVAL_THRESHOLD,
  unpaidMonthsWarning,
} from '../../core/member-rules/index.ts';
import { parseInput } from '../../core/validation.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { memberInTransaction } from '../members/members.service.ts';
import { orgErrors } from '../orgs/orgs.errors.ts';
import { findUnitInTransaction } from '../orgs/orgs.service.ts';
import * as repo from './fees.repository.ts';
import {
  type Arrears,
  type FeeAccount,
  type FeeSettingInput,
  feeSettingInputSchema,
  paymentInputSchema,
} from './fees.schemas.ts';

const feeErrors = {
  noSetting: (id: number) =>
    new AppError('fee.no_setting', 'validation', {
      vi: `Chưa xác định mức đảng phí cho đảng viên ${id}`,
      en: `No Party fee has been set for member ${id}`,
    }),
  beforeAdmission: (month: string) =>
    new AppError(
      'fee.before_admission',
      'validation',
      { vi: `Tháng ${month} trước khi vào Đảng`, en: `${month} is before the admission` },
      { field: 'months' },
    ),
  alreadyPaid: (month: string) =>
    new AppError(
      'fee.already_paid',
      'conflict',
      { vi: `Tháng ${month} đã được ghi nhận đóng đảng phí`, en: `${month} has already been paid` },
      { field: 'months' },
    ),
};

const toInput = (s: repo.FeeSettingRow): FeeSettingInput => ({
  category: s.category as PartyFeeCategory,
  ...(s.base !== null ? { base: s.base } : {}),
  ...(s.fixedAmount !== null ? { fixedAmount: s.fixedAmount } : {}),
  ...(s.exemption !== null ? { exemption: s.exemption as FeeExemptionGround } : {}),
  ...(s.reductionPercent !== null ? { reductionPercent: s.reductionPercent as 30 | 50 | 70 } : {}),
});

function dueFor(setting: FeeSettingInput, admissionDate: string, month: string) {
  return monthlyFee({ ...setting, partyAgeYears: partyAgeYears(admissionDate, `${month}-01`) }, month);
}

export async function setFeeSetting(
  database: Database,
  actor: Actor,
  memberId: number,
  raw: FeeSettingInput,
): Promise<FeeAccount> {
  const input = parseInput(feeSettingInputSchema, raw);
  await inTransaction(database.db, actor, async (tx) => {
    const member = await memberInTransaction(tx, memberId);
    // computing this month's fee checks that the setting is complete for its category
    dueFor(input, member.admissionDate, todayVn().slice(0, 7));
    await repo.saveSetting(tx, memberId, {
      category: input.category,
      base: input.base ?? null,
      fixedAmount: input.fixedAmount ?? null,
      exemption: input.exemption ?? null,
      reductionPercent: input.reductionPercent ?? null,
    });
    await recordAudit(tx, {
      action: 'fee.setting',
      entity: 'member',
      ids: [memberId],
      details: { category: input.category },
    });
  });
  return feeAccount(database, actor, memberId, Number(todayVn().slice(0, 4)));
}

/** Records the months paid (all or none), each at the fee due for that month. */
export async function recordPayments(
  database: Database,
  actor: Actor,
  memberId: number,
  raw: { months: string[]; paidOn: string },
): Promise<FeeAccount> {
  const input = parseInput(paymentInputSchema, raw);
  const paidOn = requireDate(input.paidOn, 'paidOn');
  await inTransaction(database.db, actor, async (tx) => {
    const member = await memberInTransaction(tx, memberId);
    const setting = await repo.settingOf(tx, memberId);
    if (!setting) throw feeErrors.noSetting(memberId);
    for (const month of input.months) {
      if (month < member.admissionDate.slice(0, 7)) throw feeErrors.beforeAdmission(month);
      const due = dueFor(toInput(setting), member.admissionDate, month);
      const inserted = await repo.insertPayment(tx, {
        memberId,
        month,
        amount: due.amount,
        paidOn,
        actor: actor.id,
      });
      if (!inserted) throw feeErrors.alreadyPaid(month);
    }
    await recordAudit(tx, {
      action: 'fee.payment',
      entity: 'member',
      ids: [memberId],
      details: { months: input.months },
    });
  });
  return feeAccount(database, actor, memberId, Number(input.months[0]?.slice(0, 4)));
}

/** A member's year: what was due each month, what was paid, and the arrears warning. */
export async function feeAccount(
  database: Database,
  actor: Actor,
  memberId: number,
  year: number,
): Promise<FeeAccount> {
  return inTransaction(database.db, actor, async (tx) => {
    const member = await memberInTransaction(tx, memberId);
    const setting = await repo.settingOf(tx, memberId);
    const payments = new Map((await repo.paymentsOf(tx, memberId, year)).map((p) => [p.month, p]));
    const thisMonth = todayVn().slice(0, 7);
    const lastMonth = `${year}-12` < thisMonth ? `${year}-12` : thisMonth;
    const months: FeeAccount['months'] = [];
    const excused: string[] = [];
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      if (month > lastMonth) break;
      const before = month < member.admissionDate.slice(0, 7);
      const due = setting && !before ? dueFor(toInput(setting), member.admissionDate, month) : null;
      if (before || due?.exempt) excused.push(month);
      const paid = payments.get(month);
      months.push({
        month,
        due: due?.amount ?? 0,
        exempt: due?.exempt ?? false,
        paid: paid?.amount ?? null,
        paidOn: paid?.paidOn ?? null,
      });
    }
    const warning =
      lastMonth >= `${year}-01`
        ? unpaidMonthsWarning([...payments.keys()], year, lastMonth, excused)
        : { unpaid: [], warn: false as const };
    return {
      memberId,
      year,
      setting: setting ? toInput(setting) : null,
      months,
      warning: warning.warn ? { vi: warning.vi, en: warning.en } : null,
    };
  });
}

/** Members of a unit with 3 or more months unpaid in the year (the cell considers removal). */
export async function feeArrears(
  database: Database,
  actor: Actor,
  query: { org: string; year?: number },
): Promise<Arrears> {
  const thisMonth = todayVn().slice(0, 7);
  const year = query.year ?? Number(thisMonth.slice(0, 4));
  const asOfMonth = `${year}-12` < thisMonth ? `${year}-12` : thisMonth;
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await findUnitInTransaction(tx, query.org, todayVn());
    if (!unit) throw orgErrors.notFound(query.org, 'org');
    const rows = await repo.arrearsUnder(tx, {
      path: unit.path,
      year,
      asOfMonth,
      threshold: UNPAID_MONTHS_REMOVAL_THRESHOLD,
      limit: 2000,
      // members with 50 years of Party age pay nothing under Regulation 01-QĐ/TW (from 2026)
      exemptPartyAgeYears: feeRegime(asOfMonth) === 'reg_01_2026' ? FEE_EXEMPT_PARTY_AGE_YEARS : null,
    });
    return {
      org: unit.code,
      year,
      asOfMonth,
      results: rows.map(({ total: _total, ...r }) => r),
      total: rows[0]?.total ?? 0,
    };
  });
}
