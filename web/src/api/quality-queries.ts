/**
 * TanStack Query hooks of the data-quality screen. Keys start with `members`, so a correction
 * recorded in the member screens refreshes the counts and the lists (see members-queries.ts).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memberKeys } from './members-queries.ts';
import { fetchQualityIssues, fetchQualitySummary, type IssueKind } from './quality-api.ts';

export const qualityKeys = {
  summary: (org: string) => [...memberKeys.all, 'quality', org] as const,
  issues: (org: string, kind: IssueKind, page: number) =>
    [...memberKeys.all, 'quality', org, kind, page] as const,
};

export function useQualitySummary(org: string) {
  return useQuery({
    queryKey: qualityKeys.summary(org),
    queryFn: ({ signal }) => fetchQualitySummary(org, signal),
    placeholderData: keepPreviousData,
  });
}

export function useQualityIssues(org: string, kind: IssueKind, page: number) {
  return useQuery({
    queryKey: qualityKeys.issues(org, kind, page),
    queryFn: ({ signal }) => fetchQualityIssues(org, kind, page, signal),
    placeholderData: keepPreviousData,
  });
}
