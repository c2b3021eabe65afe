/**
 * Typed calls behind the work queues of the member registry: Party badges due, fee arrears, the
 * admission pipeline and the yearly quality ratings. The types come from the server's zod schemas.
 */
import type { z } from 'zod';
import type {
  Candidate,
  CreateCandidateInput,
  RecordStepInput,
} from '../../../src/modules/admissions/admissions.schemas.ts';
import type { Arrears, FeeAccount, FeeSettingInput } from '../../../src/modules/fees/fees.schemas.ts';
import type { BadgeDue, MemberProfile } from '../../../src/modules/members/members.schemas.ts';
import type {
  qualityLevelSchema,
  RateInput,
  Rating,
  RatingSummary,
} from '../../../src/modules/ratings/ratings.schemas.ts';
import { requestJson } from './http-client.ts';

export type {
  Candidate,
  CreateCandidateInput,
  RecordStepInput,
} from '../../../src/modules/admissions/admissions.schemas.ts';
export type { Arrears, FeeAccount, FeeSettingInput } from '../../../src/modules/fees/fees.schemas.ts';
export type { BadgeDue } from '../../../src/modules/members/members.schemas.ts';
export type { RateInput, Rating, RatingSummary } from '../../../src/modules/ratings/ratings.schemas.ts';

export type AdmissionStep = RecordStepInput['step'];
export type QualityLevel = z.infer<typeof qualityLevelSchema>;
export type FeeCategory = FeeSettingInput['category'];
export type FeeArrear = Arrears['results'][number];

export const FEE_CATEGORIES = [
  'social_insurance',
  'si_benefit',
  'pension',
  'student',
  'abroad_mission',
  'abroad_other',
  'other_domestic',
] as const satisfies readonly FeeCategory[];

export const QUALITY_LEVELS = [
  'excellent',
  'good',
  'completed',
  'not_completed',
] as const satisfies readonly QualityLevel[];

export async function fetchBadgesDue(
  org: string,
  round: string,
  signal?: AbortSignal,
): Promise<{ round: string; results: BadgeDue[] }> {
  return requestJson('GET', '/api/v1/members/due/badges', { query: { org, round }, signal });
}

/** Records a badge award; the server answers with the member's profile. */
export function awardBadge(
  memberId: number,
  input: { years: number; date: string; decisionRef?: string },
): Promise<MemberProfile> {
  return requestJson('POST', `/api/v1/members/${memberId}/badges`, { body: input });
}

export function fetchFeeArrears(org: string, year: number, signal?: AbortSignal): Promise<Arrears> {
  return requestJson('GET', '/api/v1/fees/arrears', { query: { org, year }, signal });
}

export function fetchFeeAccount(memberId: number, year: number, signal?: AbortSignal): Promise<FeeAccount> {
  return requestJson('GET', `/api/v1/members/${memberId}/fees`, { query: { year }, signal });
}

export function setFeeSetting(memberId: number, input: FeeSettingInput): Promise<FeeAccount> {
  return requestJson('PUT', `/api/v1/members/${memberId}/fees/setting`, { body: input });
}

export function recordFeePayment(
  memberId: number,
  input: { months: string[]; paidOn: string },
): Promise<FeeAccount> {
  return requestJson('POST', `/api/v1/members/${memberId}/fees/payments`, { body: input });
}

export async function fetchCandidates(org: string, signal?: AbortSignal): Promise<Candidate[]> {
  const answer = await requestJson<{ results: Candidate[] }>('GET', '/api/v1/admissions/candidates', {
    query: { org },
    signal,
  });
  return answer.results;
}

export function recordAdmissionStep(candidateId: number, input: RecordStepInput): Promise<Candidate> {
  return requestJson('POST', `/api/v1/admissions/candidates/${candidateId}/steps`, { body: input });
}

export function createCandidate(input: CreateCandidateInput): Promise<Candidate> {
  return requestJson('POST', '/api/v1/admissions/candidates', { body: input });
}

/** An introducer: an official member who has known the candidate for 12 months (the server checks). */
export function addIntroducer(
  candidateId: number,
  input: { memberId: number; knownSince: string },
): Promise<Candidate> {
  return requestJson('POST', `/api/v1/admissions/candidates/${candidateId}/introducers`, { body: input });
}

export function fetchRatingSummary(org: string, year: number, signal?: AbortSignal): Promise<RatingSummary> {
  return requestJson('GET', '/api/v1/ratings/summary', { query: { org, year }, signal });
}

export function rateMember(memberId: number, input: RateInput): Promise<Rating> {
  return requestJson('POST', `/api/v1/members/${memberId}/ratings`, { body: input });
}
