/** TanStack Query hooks over the members API; every key starts with `members` so one invalidation refreshes all. */
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type AddMemberInput,
  addMember,
  fetchDueForRecognition,
  fetchMemberProfile,
  fetchMemberStats,
  fetchMemberStatsSeries,
  fetchTransfersInTransit,
  type MemberEventRequest,
  recordMemberEvent,
  searchMembers,
} from './members-api.ts';
import { orgKeys } from './orgs-queries.ts';

export const memberKeys = {
  all: ['members'] as const,
  search: (q: string, org: string | null, limit: number) => ['members', 'search', q, org, limit] as const,
  profile: (id: number) => ['members', 'profile', id] as const,
  due: (org: string) => ['members', 'due', org] as const,
  transfers: (org: string) => ['members', 'transfers', org] as const,
  stats: (org: string, asOf: string) => ['members', 'stats', org, asOf] as const,
  series: (org: string) => ['members', 'series', org] as const,
};

/** Searching starts at 2 characters (a name, a national ID or a card number). */
export const MIN_SEARCH_LENGTH = 2;

export function useMemberSearch(q: string, org: string | null, limit: number) {
  const text = q.trim();
  return useQuery({
    queryKey: memberKeys.search(text, org, limit),
    queryFn: ({ signal }) => searchMembers({ q: text, org: org ?? undefined, limit }, signal),
    enabled: text.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
  });
}

export function useMemberProfile(id: number) {
  return useQuery({
    queryKey: memberKeys.profile(id),
    queryFn: ({ signal }) => fetchMemberProfile(id, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useDueForRecognition(org: string | null) {
  return useQuery({
    queryKey: memberKeys.due(org ?? ''),
    queryFn: ({ signal }) => fetchDueForRecognition(org ?? '', signal),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

export function useTransfersInTransit(org: string | null) {
  return useQuery({
    queryKey: memberKeys.transfers(org ?? ''),
    queryFn: ({ signal }) => fetchTransfersInTransit(org ?? '', signal),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

export function useMemberStats(org: string | null, asOf: string) {
  return useQuery({
    queryKey: memberKeys.stats(org ?? '', asOf),
    queryFn: ({ signal }) => fetchMemberStats(org ?? '', asOf, signal),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

export function useMemberStatsSeries(org: string | null) {
  return useQuery({
    queryKey: memberKeys.series(org ?? ''),
    queryFn: ({ signal }) => fetchMemberStatsSeries(org ?? '', signal),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

/** The statistics of several units at once (the sub-units of a dashboard). */
export function useMemberStatsOf(orgs: readonly string[], asOf: string) {
  return useQueries({
    queries: orgs.map((org) => ({
      queryKey: memberKeys.stats(org, asOf),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchMemberStats(org, asOf, signal),
    })),
  });
}

/** After a change: every member query (but the profile the server just answered with) and the units. */
function refreshAfterChange(queryClient: QueryClient, answeredProfile?: number) {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: memberKeys.all,
      predicate: (query) => query.queryKey[1] !== 'profile' || query.queryKey[2] !== answeredProfile,
    }),
    // A unit's warnings count its members.
    queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  ]);
}

export function useAddMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, ageException }: { input: AddMemberInput; ageException: boolean }) =>
      addMember(input, ageException),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** Records an event; the profile answered replaces the cached one, everything else is refetched. */
export function useMemberEvent(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MemberEventRequest) => recordMemberEvent(id, request),
    onSuccess: async (profile) => {
      queryClient.setQueryData(memberKeys.profile(id), profile);
      await refreshAfterChange(queryClient, id);
    },
  });
}
