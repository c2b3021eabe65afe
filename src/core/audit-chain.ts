/**
 * The audit log's hash chain: each entry's hash covers its canonical text, which includes the
 * previous entry's hash. The database computes it when an entry is appended (migration
 * 0012_audit.sql, `audit_canonical`); this module recomputes it byte for byte to verify.
 *
 * Canonical text: a JSON array (no spaces) of JSON strings or null — id, time, actor, ip,
 * action, entity, ids (array of strings), details (the jsonb text) and the previous hash —
 * exactly what PostgreSQL's `to_json(text)` and JSON.stringify both produce.
 */
import { createHash } from 'node:crypto';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  id: string;
  /** UTC with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  at: string;
  actor: string;
  ip: string | null;
  action: string;
  entity: string | null;
  ids: readonly string[];
  /** The jsonb text as PostgreSQL prints it, or null. */
  details: string | null;
  prevHash: string;
  hash: string;
}

export function canonicalEntry(e: Omit<ChainEntry, 'hash'>): string {
  return JSON.stringify([e.id, e.at, e.actor, e.ip, e.action, e.entity, e.ids, e.details, e.prevHash]);
}

export function entryHash(e: Omit<ChainEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalEntry(e), 'utf8').digest('hex');
}

export interface BrokenLink {
  id: string;
  /** `hash`: the entry is not what was written; `link`: an entry before it is missing or moved. */
  reason: 'hash' | 'link';
  expected: string;
  found: string;
}

export interface ChainState {
  /** Hash of the last entry checked (GENESIS_HASH before the first). */
  lastHash: string;
  checked: number;
  broken: BrokenLink | null;
}

export function initialChainState(): ChainState {
  return { lastHash: GENESIS_HASH, checked: 0, broken: null };
}

/**
 * Checks entries in id order, continuing from `state` (so a long log is verified page by page);
 * stops at the first broken link.
 */
export function verifyEntries(
  entries: Iterable<ChainEntry>,
  state: ChainState = initialChainState(),
): ChainState {
  if (state.broken) return state;
  let { lastHash, checked } = state;
  for (const e of entries) {
    if (e.prevHash !== lastHash) {
      return {
        lastHash,
        checked,
        broken: { id: e.id, reason: 'link', expected: lastHash, found: e.prevHash },
      };
    }
    const hash = entryHash(e);
    if (hash !== e.hash) {
      return { lastHash, checked, broken: { id: e.id, reason: 'hash', expected: hash, found: e.hash } };
    }
    lastHash = e.hash;
    checked += 1;
  }
  return { lastHash, checked, broken: null };
}
