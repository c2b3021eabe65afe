/** Paths of the member screens; the chosen unit (and date) travel in the query string. */
import type { MemberEventKind, MemberStatus } from '../api/members-api.ts';
import { todayIso } from './dates.ts';

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The member list, filtered to a unit's subtree and/or a status. */
export function membersListPath(
  filter: { org?: string | null; status?: MemberStatus | null; q?: string } = {},
) {
  return withQuery('/members', { q: filter.q, org: filter.org, status: filter.status });
}

/** A member's profile; `action` opens the form of that event at once. */
export function memberPath(id: number, action?: MemberEventKind): string {
  return withQuery(`/members/${id}`, { action });
}

export function newMemberPath(org?: string | null): string {
  return withQuery('/members/new', { org });
}

export function memberDuePath(org?: string | null): string {
  return withQuery('/members/due', { org });
}

export function admissionsPath(org?: string | null): string {
  return withQuery('/members/admissions', { org });
}

export function ratingsPath(org?: string | null): string {
  return withQuery('/members/ratings', { org });
}

/** The data quality of a unit's records; `kind` opens the list of records with that problem. */
export function dataQualityPath(org?: string | null, kind?: string | null): string {
  return withQuery('/members/quality', { org, kind });
}

export function memberStatsPath(org?: string | null, asOf?: string): string {
  return withQuery('/members/stats', { org, asOf: asOf && asOf !== todayIso() ? asOf : null });
}
