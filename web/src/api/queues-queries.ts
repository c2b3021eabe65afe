/**
 * TanStack Query hooks of the work queues. Keys start with `members` so a change recorded here or
 * in the member screens refreshes every queue, profile and count (see members-queries.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { memberKeys } from './members-queries.ts';
import { orgKeys } from './orgs-queries.ts';
import {
  addIntroducer,
  awardBadge,
  type CreateCandidateInput,
  createCandidate,
  type FeeSettingInput,
  fetchBadgesDue,
  fetchCandidates,
  fetchFeeAccount,
  fetchFeeArrears,
  fetchRatingSummary,
  type RateInput,
  type RecordStepInput,
  rateMember,
  recordAdmissionStep,
  recordFeePayment,
  setFeeSetting,
} from './queues-api.ts';

export const queueKeys = {
  badges: (org: string, round: string) => [...memberKeys.all, 'badges', org, round] as const,
  arrears: (org: string, year: number) => [...memberKeys.all, 'arrears', org, year] as const,
  feeAccount: (id: number, year: number) => [...memberKeys.all, 'fees', id, year] as const,
  candidates: (org: string) => [...memberKeys.all, 'candidates', org] as const,
  ratings: (org: string, year: number) => [...memberKeys.all, 'ratings', org, year] as const,
};

export function useBadgesDue(org: string | null, round: string) {
  return useQuery({
    queryKey: queueKeys.badges(org ?? '', round),
    queryFn: ({ signal }) => fetchBadgesDue(org ?? '', round, signal),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

export function useFeeArrears(org: string | null, year: number) {
  return useQuery({
    queryKey: queueKeys.arrears(org ?? '', year),
    queryFn: ({ signal }) => fetchFeeArrears(org ?? '', year, signal),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

export function useFeeAccount(memberId: number, year: number) {
  return useQuery({
    queryKey: queueKeys.feeAccount(memberId, year),
    queryFn: ({ signal }) => fetchFeeAccount(memberId, year, signal),
  });
}

export function useCandidates(org: string | null) {
  return useQuery({
    queryKey: queueKeys.candidates(org ?? ''),
    queryFn: ({ signal }) => fetchCandidates(org ?? '', signal),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

export function useRatingSummary(org: string | null, year: number) {
  return useQuery({
    queryKey: queueKeys.ratings(org ?? '', year),
    queryFn: ({ signal }) => fetchRatingSummary(org ?? '', year, signal),
    enabled: Boolean(org),
    placeholderData: keepPreviousData,
  });
}

/** A mutation after which every member query and the units' counts are fetched again. */
function useQueueMutation<Variables, Answer>(run: (variables: Variables) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
        queryClient.invalidateQueries({ queryKey: orgKeys.all }),
      ]),
  });
}

export function useAwardBadge(memberId: number) {
  return useQueueMutation((input: { years: number; date: string; decisionRef?: string }) =>
    awardBadge(memberId, input),
  );
}

export function useSetFeeSetting(memberId: number) {
  return useQueueMutation((input: FeeSettingInput) => setFeeSetting(memberId, input));
}

export function useRecordFeePayment(memberId: number) {
  return useQueueMutation((input: { months: string[]; paidOn: string }) => recordFeePayment(memberId, input));
}

export function useRecordAdmissionStep(candidateId: number) {
  return useQueueMutation((input: RecordStepInput) => recordAdmissionStep(candidateId, input));
}

export function useCreateCandidate() {
  return useQueueMutation((input: CreateCandidateInput) => createCandidate(input));
}

export function useAddIntroducer(candidateId: number) {
  return useQueueMutation((input: { memberId: number; knownSince: string }) =>
    addIntroducer(candidateId, input),
  );
}

export function useRateMember() {
  return useQueueMutation(({ memberId, input }: { memberId: number; input: RateInput }) =>
    rateMember(memberId, input),
  );
}
