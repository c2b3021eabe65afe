/** Typed calls to `/api/v1/orgs`; the types come from the server's zod schemas. */
import type {
  CreateOrgInput,
  DissolveOrgInput,
  MergeOrgInput,
  MoveOrgInput,
  OperationResult,
  OrgDetail,
  OrgHistory,
  OrgSearchResult,
  OrgSummary,
  OrgTree,
  RenameOrgInput,
  SplitOrgInput,
} from '../../../src/modules/orgs/orgs.schemas.ts';
import { requestJson } from './http-client.ts';

export type {
  CreateOrgInput,
  DissolveOrgInput,
  MergeOrgInput,
  MoveOrgInput,
  OperationResult,
  OrgDetail,
  OrgHistory,
  OrgKindValue,
  OrgSearchResult,
  OrgSummary,
  OrgTree,
  RenameOrgInput,
  SplitOrgInput,
} from '../../../src/modules/orgs/orgs.schemas.ts';

const BASE = '/api/v1/orgs';

/** The reorganization operations a user can run (the `seed` operation is recorded, never requested). */
export const REORGANIZATION_KINDS = ['create', 'rename', 'move', 'merge', 'split', 'dissolve'] as const;
export type ReorganizationKind = (typeof REORGANIZATION_KINDS)[number];

export type OperationRequest =
  | { kind: 'create'; input: CreateOrgInput }
  | { kind: 'rename'; input: RenameOrgInput }
  | { kind: 'move'; input: MoveOrgInput }
  | { kind: 'merge'; input: MergeOrgInput }
  | { kind: 'split'; input: SplitOrgInput }
  | { kind: 'dissolve'; input: DissolveOrgInput };

function unitPath(code: string, suffix = ''): string {
  return `${BASE}/${encodeURIComponent(code)}${suffix}`;
}

export function fetchOrgTree(
  params: { org?: string; asOf: string; depth?: number },
  signal?: AbortSignal,
): Promise<OrgTree> {
  return requestJson<OrgTree>('GET', `${BASE}/tree`, { query: params, signal });
}

export async function searchOrgs(
  params: { q: string; asOf: string; limit?: number },
  signal?: AbortSignal,
): Promise<OrgSearchResult[]> {
  const answer = await requestJson<{ results: OrgSearchResult[] }>('GET', `${BASE}/search`, {
    query: params,
    signal,
  });
  return answer.results;
}

export function fetchOrgDetail(code: string, asOf: string, signal?: AbortSignal): Promise<OrgDetail> {
  return requestJson<OrgDetail>('GET', unitPath(code), { query: { asOf }, signal });
}

export async function fetchOrgChildren(
  code: string,
  asOf: string,
  signal?: AbortSignal,
): Promise<OrgSummary[]> {
  const answer = await requestJson<{ results: OrgSummary[] }>('GET', unitPath(code, '/children'), {
    query: { asOf },
    signal,
  });
  return answer.results;
}

export function fetchOrgHistory(code: string, signal?: AbortSignal): Promise<OrgHistory> {
  return requestJson<OrgHistory>('GET', unitPath(code, '/history'), { signal });
}

/** Runs an operation; with `preview` the server computes the effect and rolls it back. */
export function runOperation(request: OperationRequest, preview: boolean): Promise<OperationResult> {
  const path = request.kind === 'create' ? BASE : `${BASE}/operations/${request.kind}`;
  return requestJson<OperationResult>('POST', path, {
    query: { preview: preview ? 'true' : undefined },
    body: request.input,
  });
}
