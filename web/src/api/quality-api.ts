/** Typed calls to `/api/v1/quality`; the types come from the server's zod schemas. */
import type {
  IssueKind,
  QualityIssues,
  QualitySummary,
} from '../../../src/modules/quality/quality.schemas.ts';
import { requestJson } from './http-client.ts';

export { ISSUE_KINDS } from '../../../src/core/member-quality-checks.ts';
export type {
  DuplicateKind,
  ImpossibleDateRule,
  IssueKind,
  QualityField,
  QualityIssue,
  QualityIssues,
  QualitySummary,
} from '../../../src/modules/quality/quality.schemas.ts';

/** Records to fix shown per page. */
export const ISSUES_PAGE_SIZE = 50;

export function fetchQualitySummary(org: string, signal?: AbortSignal): Promise<QualitySummary> {
  return requestJson('GET', '/api/v1/quality', { query: { org }, signal });
}

export function fetchQualityIssues(
  org: string,
  kind: IssueKind,
  page: number,
  signal?: AbortSignal,
): Promise<QualityIssues> {
  return requestJson('GET', '/api/v1/quality/issues', {
    query: { org, kind, limit: ISSUES_PAGE_SIZE, offset: (page - 1) * ISSUES_PAGE_SIZE },
    signal,
  });
}
