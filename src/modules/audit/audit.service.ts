/**
 * The audit trail: every change, every read of a member profile, every export and import, every
 * sign-in. An entry is appended inside the caller's transaction, so an audited action and its
 * entry commit or roll back together. The database fills in who (`tochuc.actor` of the
 * transaction), from where (`tochuc.ip`, when the transaction sets it and the entry does not),
 * when, and the hash chain (migration 0012_audit.sql).
 */
import { initialChainState, verifyEntries } from '../../core/audit-chain.ts';
import { addDays } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, inTransaction, type Tx } from '../../db/transaction.ts';
import * as repo from './audit.repository.ts';
import {
  type AuditFilter,
  type AuditPage,
  type AuditVerification,
  auditFilterSchema,
} from './audit.schemas.ts';

export interface AuditEntryInput {
  /** `module.use_case`, e.g. `member.profile_read`, `org.rename`. */
  action: string;
  /** The kind of record the ids name, e.g. `member`, `org_unit`. */
  entity?: string;
  ids?: readonly (string | number)[];
  details?: Record<string, unknown>;
  ip?: string;
}

export async function recordAudit(tx: Tx, entry: AuditEntryInput): Promise<void> {
  await repo.insertEntry(tx, {
    action: entry.action,
    entity: entry.entity ?? null,
    ids: (entry.ids ?? []).map(String),
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
    ip: entry.ip ?? null,
  });
}

/** An entry in a transaction of its own (an export is written after its service call returns). */
export async function recordAuditAlone(
  database: Database,
  actor: Actor,
  entry: AuditEntryInput,
): Promise<void> {
  await inTransaction(database.db, actor, (tx) => recordAudit(tx, entry));
}

/**
 * A read worth tracing (a member profile): `work` and its entry in one transaction. A refused
 * attempt (not found, outside the caller's scope) rolls that back, so it is recorded on its own
 * as `<action>_denied`: probing for records leaves a trace too.
 */
export async function auditedRead<T>(
  database: Database,
  actor: Actor,
  entry: AuditEntryInput,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(database.db, actor, async (tx) => {
      const result = await work(tx);
      await recordAudit(tx, entry);
      return result;
    });
  } catch (err) {
    if (err instanceof AppError && (err.kind === 'not_found' || err.kind === 'forbidden')) {
      await recordAuditAlone(database, actor, {
        ...entry,
        action: `${entry.action}_denied`,
        details: { ...entry.details, code: err.code },
      });
    }
    throw err;
  }
}

const DEFAULT_PAGE = 50;
/** Vietnam has kept UTC+7 all year since 1975; a day filter means a day there. */
const vnMidnight = (day: string) => `${day}T00:00:00+07:00`;

/** Browse the log, newest first, one page at a time. */
export async function listAudit(database: Database, actor: Actor, input: AuditFilter): Promise<AuditPage> {
  const f = parseInput(auditFilterSchema, input);
  const limit = f.limit ?? DEFAULT_PAGE;
  const actors = f.actor?.includes(':')
    ? [f.actor]
    : f.actor
      ? ['user', 'system', 'web'].map((kind) => `${kind}:${f.actor}`)
      : undefined;
  const rows = await inTransaction(database.db, actor, (tx) =>
    repo.listEntries(tx, {
      actors,
      action: f.action,
      entity: f.entity,
      recordId: f.recordId,
      fromAt: f.from ? vnMidnight(f.from) : undefined,
      toAt: f.to ? vnMidnight(addDays(f.to, 1)) : undefined,
      before: f.before,
      limit: limit + 1,
    }),
  );
  const entries = rows.slice(0, limit);
  return { entries, next: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}

const VERIFY_PAGE = 5_000;

/**
 * Recomputes the whole chain in id order and reports the first broken link. Pages in one
 * transaction each: ids are drawn under the chain lock, so every committed prefix is a chain.
 */
export async function verifyAudit(database: Database, actor: Actor): Promise<AuditVerification> {
  let state = initialChainState();
  let after: string | null = null;
  for (;;) {
    const page = await inTransaction(database.db, actor, (tx) => repo.chainPage(tx, after, VERIFY_PAGE));
    state = verifyEntries(page, state);
    if (state.broken || page.length < VERIFY_PAGE) break;
    after = page.at(-1)?.id ?? null;
  }
  return {
    intact: state.broken === null,
    checked: state.checked,
    lastHash: state.lastHash,
    broken: state.broken,
  };
}
