/** TanStack Query hooks over the orgs API; every key starts with `orgs` so one invalidation refreshes all. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchOrgChildren,
  fetchOrgDetail,
  fetchOrgHistory,
  fetchOrgTree,
  type OperationRequest,
  runOperation,
  searchOrgs,
} from './orgs-api.ts';

export const orgKeys = {
  all: ['orgs'] as const,
  root: (asOf: string) => ['orgs', 'root', asOf] as const,
  children: (code: string, asOf: string) => ['orgs', 'children', code, asOf] as const,
  detail: (code: string, asOf: string) => ['orgs', 'detail', code, asOf] as const,
  history: (code: string) => ['orgs', 'history', code] as const,
  search: (q: string, asOf: string, limit: number) => ['orgs', 'search', q, asOf, limit] as const,
};

export function useOrgRoot(asOf: string) {
  return useQuery({
    queryKey: orgKeys.root(asOf),
    queryFn: ({ signal }) => fetchOrgTree({ asOf, depth: 1 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrgChildren(code: string, asOf: string, enabled = true) {
  return useQuery({
    queryKey: orgKeys.children(code, asOf),
    queryFn: ({ signal }) => fetchOrgChildren(code, asOf, signal),
    enabled,
  });
}

export function useOrgDetail(code: string | null, asOf: string) {
  return useQuery({
    queryKey: orgKeys.detail(code ?? '', asOf),
    queryFn: ({ signal }) => fetchOrgDetail(code ?? '', asOf, signal),
    enabled: Boolean(code),
  });
}

export function useOrgHistory(code: string) {
  return useQuery({
    queryKey: orgKeys.history(code),
    queryFn: ({ signal }) => fetchOrgHistory(code, signal),
  });
}

export function useOrgSearch(q: string, asOf: string, limit = 20) {
  const text = q.trim();
  return useQuery({
    queryKey: orgKeys.search(text, asOf, limit),
    queryFn: ({ signal }) => searchOrgs({ q: text, asOf, limit }, signal),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useOperationPreview() {
  return useMutation({ mutationFn: (request: OperationRequest) => runOperation(request, true) });
}

export function useOperationApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: OperationRequest) => runOperation(request, false),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
