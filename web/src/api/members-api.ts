/** Typed calls to `/api/v1/members` and `/api/v1/stats`; the types come from the server's zod schemas. */
import type { z } from 'zod';
import type {
  AddMemberInput,
  DueRecognition,
  LeaveInput,
  MemberProfile,
  MemberSearchResult,
  MemberStats,
  MemberStatsSeries,
  recognizeInputSchema,
  TransferInTransit,
  TransferOutInput,
  transferReceiveInputSchema,
} from '../../../src/modules/members/members.schemas.ts';
import { buildUrl, requestJson } from './http-client.ts';

export type {
  AddMemberInput,
  DueRecognition,
  LeaveInput,
  MemberProfile,
  MemberSearchResult,
  MemberStats,
  MemberStatsSeries,
  TransferInTransit,
  TransferOutInput,
} from '../../../src/modules/members/members.schemas.ts';

export type MemberStatus = MemberSearchResult['status'];
export type MemberEvent = MemberProfile['events'][number];
export type MemberTransfer = MemberProfile['transfers'][number];
export type RecognizeInput = z.input<typeof recognizeInputSchema>;
export type TransferReceiveInput = z.input<typeof transferReceiveInputSchema>;
export type LeaveKind = LeaveInput['kind'];
export type DueStatus = DueRecognition['status'];

export const MEMBER_STATUSES = [
  'probationary',
  'official',
  'in_transit',
  'removed',
  'expelled',
  'deceased',
] as const satisfies readonly MemberStatus[];

export const LEAVE_KINDS = [
  'removal',
  'not_recognised',
  'expulsion',
  'resignation',
  'death',
] as const satisfies readonly LeaveKind[];

export const DUE_STATUSES = [
  'due_soon',
  'awaiting_review',
  'overdue',
] as const satisfies readonly DueStatus[];

/** The lifecycle events recorded on a member, each its own endpoint. */
export type MemberEventRequest =
  | { kind: 'recognition'; input: RecognizeInput }
  | { kind: 'transfer-out'; input: TransferOutInput }
  | { kind: 'transfer-in'; input: TransferReceiveInput }
  | { kind: 'leave'; input: LeaveInput };

export type MemberEventKind = MemberEventRequest['kind'];

const BASE = '/api/v1/members';

export async function searchMembers(
  params: { q: string; org?: string; status?: MemberStatus; limit?: number },
  signal?: AbortSignal,
): Promise<MemberSearchResult[]> {
  const answer = await requestJson<{ results: MemberSearchResult[] }>('GET', BASE, { query: params, signal });
  return answer.results;
}

export function fetchMemberProfile(id: number, signal?: AbortSignal): Promise<MemberProfile> {
  return requestJson<MemberProfile>('GET', `${BASE}/${id}`, { signal });
}

/** Records a member; `ageException` records an admission outside 18–60 decided as an exception. */
export function addMember(input: AddMemberInput, ageException: boolean): Promise<{ id: number }> {
  return requestJson<{ id: number }>('POST', BASE, {
    query: { ageException: ageException ? 'true' : undefined },
    body: input,
  });
}

/** Records an event; the server answers with the updated profile. */
export function recordMemberEvent(id: number, request: MemberEventRequest): Promise<MemberProfile> {
  return requestJson<MemberProfile>('POST', `${BASE}/${id}/${request.kind}`, { body: request.input });
}

export async function fetchDueForRecognition(org: string, signal?: AbortSignal): Promise<DueRecognition[]> {
  const answer = await requestJson<{ results: DueRecognition[] }>('GET', `${BASE}/due/recognition`, {
    query: { org },
    signal,
  });
  return answer.results;
}

export async function fetchTransfersInTransit(
  org: string,
  signal?: AbortSignal,
): Promise<TransferInTransit[]> {
  const answer = await requestJson<{ results: TransferInTransit[] }>('GET', `${BASE}/due/transfers`, {
    query: { org },
    signal,
  });
  return answer.results;
}

export function fetchMemberStats(org: string, asOf: string, signal?: AbortSignal): Promise<MemberStats> {
  return requestJson<MemberStats>('GET', '/api/v1/stats', { query: { org, asOf }, signal });
}

/** The unit's members on 31/12 of each of the last years (today for this one) and its admissions. */
export function fetchMemberStatsSeries(org: string, signal?: AbortSignal): Promise<MemberStatsSeries> {
  return requestJson<MemberStatsSeries>('GET', '/api/v1/stats/series', { query: { org }, signal });
}

/** The address of the statistics as an Excel workbook (one sheet per breakdown), for a download link. */
export function statsWorkbookUrl(org: string, asOf: string): string {
  return buildUrl('/api/v1/exports/stats.xlsx', { org, asOf });
}
