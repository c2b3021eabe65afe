/** Every query of the audit log. The chaining trigger (migration 0012) sets id, time, actor and hashes. */
import { type Kysely, sql } from 'kysely';
import type { ChainEntry } from '../../core/audit-chain.ts';
import type { DB } from '../../db/tables.ts';
import type { AuditEntry } from './audit.schemas.ts';

type Q = Kysely<DB>;

export interface NewAuditRow {
  action: string;
  entity: string | null;
  ids: string[];
  /** JSON text, or null. */
  details: string | null;
  ip: string | null;
}

export async function insertEntry(q: Q, row: NewAuditRow): Promise<void> {
  await sql`INSERT INTO audit_log (action, entity, ids, details, ip)
    VALUES (${row.action}, ${row.entity}, ${row.ids}::text[], ${row.details}::jsonb, ${row.ip})`.execute(q);
}

export interface AuditQuery {
  /** Exact actors to match (any of them). */
  actors?: string[];
  action?: string;
  entity?: string;
  recordId?: string;
  /** Instants, inclusive lower and exclusive upper bound. */
  fromAt?: string;
  toAt?: string;
  before?: number;
  limit: number;
}

/** Newest first, keyset on id. */
export async function listEntries(q: Q, f: AuditQuery): Promise<AuditEntry[]> {
  const where = [sql`true`];
  if (f.actors) where.push(sql`actor = ANY(${f.actors}::text[])`);
  if (f.action) where.push(sql`(action = ${f.action} OR starts_with(action, ${`${f.action}.`}))`);
  if (f.entity) where.push(sql`entity = ${f.entity}`);
  if (f.recordId) where.push(sql`ids @> ARRAY[${f.recordId}]::text[]`);
  if (f.fromAt) where.push(sql`at >= ${f.fromAt}::timestamptz`);
  if (f.toAt) where.push(sql`at < ${f.toAt}::timestamptz`);
  if (f.before) where.push(sql`id < ${f.before}`);
  const result = await sql<AuditEntry>`SELECT id::float8 AS id,
      to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
      actor, ip, action, entity, ids, details, hash
    FROM audit_log WHERE ${sql.join(where, sql` AND `)}
    ORDER BY audit_log.id DESC LIMIT ${f.limit}`.execute(q);
  return result.rows;
}

/** A page of the chain in id order, with the fields exactly as hashed (see audit_canonical). */
export async function chainPage(q: Q, afterId: string | null, limit: number): Promise<ChainEntry[]> {
  const result = await sql<ChainEntry>`SELECT id::text AS id,
      to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
      actor, ip, action, entity, ids, details::text AS details, prev_hash AS "prevHash", hash
    FROM audit_log WHERE id > ${afterId ?? '0'}::bigint ORDER BY audit_log.id LIMIT ${limit}`.execute(q);
  return result.rows;
}
