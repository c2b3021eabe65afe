/** Typed calls to `/api/v1/documents`; the types come from the server's zod schemas. */
import type {
  AnswerQuestionInput,
  CreateQuestionInput,
  DocumentDetail,
  DocumentStats,
  Hotspot,
  Question,
  SearchInput,
  SearchResult,
} from '../../../src/modules/documents/documents.schemas.ts';
import { requestJson } from './http-client.ts';

export type {
  DocumentDetail,
  DocumentStats,
  Hotspot,
  Question,
  SearchResult,
} from '../../../src/modules/documents/documents.schemas.ts';
export type DocStatus = SearchResult['status'];
export type DocProvision = DocumentDetail['provisions'][number];

export const DOC_STATUSES = [
  'in_force',
  'partly_amended',
  'replaced',
  'expired',
  'repealed',
] as const satisfies readonly DocStatus[];

export const DOC_FIELDS = [
  'party_building',
  'grassroots_members',
  'apparatus_staffing',
  'cadres',
  'political_protection',
  'congress_charter',
] as const;

/** The abbreviations offered in the type filter (the ones seen in real numbers). */
export const DOC_TYPE_CODES = [
  'NQ',
  'QĐ',
  'CT',
  'KL',
  'HD',
  'KH',
  'TB',
  'BC',
  'CV',
  'TT',
  'ĐA',
  'TTr',
] as const;

/** The search filters as the query string carries them. */
export type DocumentSearchQuery = Omit<SearchInput, 'limit'> & { limit?: number };

export function searchDocuments(input: DocumentSearchQuery, signal?: AbortSignal): Promise<SearchResult[]> {
  return requestJson<{ results: SearchResult[] }>('GET', '/api/v1/documents', {
    query: { ...input },
    signal,
  }).then((r) => r.results);
}

export function fetchDocument(id: number, signal?: AbortSignal): Promise<DocumentDetail> {
  return requestJson('GET', `/api/v1/documents/${id}`, { signal });
}

export function fetchDocumentStats(signal?: AbortSignal): Promise<DocumentStats> {
  return requestJson('GET', '/api/v1/documents/stats', { signal });
}

export interface ImportRequest {
  fileName: string;
  /** base64 */
  content: string;
  field?: string;
}

export function importDocument(body: ImportRequest): Promise<DocumentDetail> {
  return requestJson('POST', '/api/v1/documents/import', { body });
}

export function fetchHotspots(
  query: { from?: string; to?: string },
  signal?: AbortSignal,
): Promise<Hotspot[]> {
  return requestJson<{ results: Hotspot[] }>('GET', '/api/v1/documents/questions/hotspots', {
    query,
    signal,
  }).then((r) => r.results);
}

export function fetchQuestions(
  query: { status?: 'open' | 'answered'; number?: string },
  signal?: AbortSignal,
): Promise<Question[]> {
  return requestJson<{ results: Question[] }>('GET', '/api/v1/documents/questions', { query, signal }).then(
    (r) => r.results,
  );
}

export function createQuestion(body: CreateQuestionInput): Promise<Question> {
  return requestJson('POST', '/api/v1/documents/questions', { body });
}

export function answerQuestion(id: number, body: AnswerQuestionInput): Promise<Question> {
  return requestJson('POST', `/api/v1/documents/questions/${id}/answer`, { body });
}
