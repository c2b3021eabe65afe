/**
 * Whether a Party document is in force, from the relations that other documents hold to it and
 * from its own dates. Regulation 66-QĐ/TW of 6/2/2017 Art. 3 (carried into Regulation 399-QĐ/TW
 * of 9/1/2026): a document is amended, supplemented, replaced or repealed only by its issuer or a
 * competent higher body, and the new document states what it amends or replaces.
 */

export const DOC_STATUSES = ['in_force', 'partly_amended', 'replaced', 'expired', 'repealed'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

export const DOC_RELATION_KINDS = ['replaces', 'amends', 'repeals', 'implements', 'guides', 'cites'] as const;
export type DocRelationKind = (typeof DOC_RELATION_KINDS)[number];

/** The dates that decide the status; each is the earliest such event, or null. */
export interface StatusDates {
  repealedOn: string | null;
  replacedOn: string | null;
  expiresOn: string | null;
  amendedOn: string | null;
}

/**
 * The order in which the dates decide: a repealed document stays repealed even if it was also
 * amended, a replaced one stays replaced after its planned expiry. The repository filters by
 * status with the same order (one list, two uses).
 */
export const STATUS_PRECEDENCE: readonly [Exclude<DocStatus, 'in_force'>, keyof StatusDates][] = [
  ['repealed', 'repealedOn'],
  ['replaced', 'replacedOn'],
  ['expired', 'expiresOn'],
  ['partly_amended', 'amendedOn'],
];

/** The status on `asOf` (ISO date); an event on `asOf` itself already counts. */
export function documentStatus(dates: StatusDates, asOf: string): DocStatus {
  for (const [status, key] of STATUS_PRECEDENCE) {
    const on = dates[key];
    if (on !== null && on <= asOf) return status;
  }
  return 'in_force';
}

export interface IncomingRelation {
  kind: DocRelationKind;
  /** When the relation takes effect (the newer document's effective date unless stated). */
  effectiveOn: string;
}

/** The earliest replacing, repealing and amending dates among the relations held to a document. */
export function statusDatesFrom(
  relations: readonly IncomingRelation[],
  expiresOn: string | null,
): StatusDates {
  const earliest = (kind: DocRelationKind) =>
    relations
      .filter((r) => r.kind === kind)
      .map((r) => r.effectiveOn)
      .sort()[0] ?? null;
  return {
    repealedOn: earliest('repeals'),
    replacedOn: earliest('replaces'),
    expiresOn,
    amendedOn: earliest('amends'),
  };
}

export interface ReplacementEdge {
  /** The newer document. */
  from: number;
  /** The document it replaces. */
  to: number;
}

/**
 * The replacement chain through a document, oldest first, as generations: 31 + 91 → 66 → 399 is
 * `[[31, 91], [66], [399]]`. Follows only `replaces`; a document that forks into several
 * successors lists them in one generation.
 */
export function replacementChain(id: number, edges: readonly ReplacementEdge[]): number[][] {
  const before = (ids: number[]) => [...new Set(edges.filter((e) => ids.includes(e.from)).map((e) => e.to))];
  const after = (ids: number[]) => [...new Set(edges.filter((e) => ids.includes(e.to)).map((e) => e.from))];
  const seen = new Set<number>([id]);
  const walk = (start: number[], step: (ids: number[]) => number[]): number[][] => {
    const generations: number[][] = [];
    let current = start;
    for (;;) {
      const next = step(current).filter((n) => !seen.has(n));
      if (next.length === 0) return generations;
      for (const n of next) seen.add(n);
      generations.push(next.sort((a, b) => a - b));
      current = next;
    }
  };
  const older = walk([id], before).reverse();
  const newer = walk([id], after);
  return [...older, [id], ...newer];
}

/** An issuing body as far as authority goes. */
export interface IssuerAuthority {
  id: number;
  /** Bodies above it, nearest first (a unit's ancestors' issuers, or a named body's parent). */
  ancestorIds: readonly number[];
}

/** Only the issuer or a higher body may amend, replace or repeal a document (Reg. 66 Art. 3). */
export function mayChange(changer: IssuerAuthority, target: IssuerAuthority): boolean {
  return changer.id === target.id || target.ancestorIds.includes(changer.id);
}

/** Relations that change the status of their target (and need the authority above). */
export function changesStatus(kind: DocRelationKind): boolean {
  return kind === 'replaces' || kind === 'amends' || kind === 'repeals';
}

/**
 * Documents due for review: in force (or partly amended) with no review for `years` years since
 * the later of their entry into force and their last review. Default 5 years.
 */
export const DEFAULT_REVIEW_YEARS = 5;

export function reviewDueBefore(asOf: string, years: number = DEFAULT_REVIEW_YEARS): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  // 29 February minus whole years lands on 1 March: keep the last day of February
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}
