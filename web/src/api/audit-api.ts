/** Typed calls to `/api/v1/audit` (the auditor's) and their TanStack Query hooks. */
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type {
  AuditEntry,
  AuditFilter,
  AuditPage,
  AuditVerification,
} from '../../../src/modules/audit/audit.schemas.ts';
import { requestJson } from './http-client.ts';

export type { AuditEntry, AuditFilter, AuditPage, AuditVerification };

const BASE = '/api/v1/audit';
const PAGE_SIZE = 50;

export function fetchAuditPage(filter: AuditFilter, signal?: AbortSignal): Promise<AuditPage> {
  return requestJson<AuditPage>('GET', BASE, { query: { ...filter }, signal });
}

/** The log, newest first, one keyset page after another. */
export function useAuditLog(filter: Omit<AuditFilter, 'before' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      fetchAuditPage({ ...filter, before: pageParam ?? undefined, limit: PAGE_SIZE }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
}

/** Recomputes the whole chain on the server (on demand: it reads every entry). */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => requestJson<AuditVerification>('GET', `${BASE}/verify`),
  });
}
