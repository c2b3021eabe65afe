/** Typed calls to `/api/v1/documents`; the types come from the server's zod schemas. */
import type {
  AnswerQuestionInput,
  CreateQuestionInput,
  CreateTaskInput,
  DocumentDetail,
  DocumentStats,
  Hotspot,
  ProvisionInput,
  Question,
  ReviewDue,
  SearchInput,
  SearchResult,
  Task,
  TaskProgressInput,
} from '../../../src/modules/documents/documents.schemas.ts';
import { requestJson } from './http-client.ts';

export type {
  CreateTaskInput,
  DocumentDetail,
  DocumentStats,
  Hotspot,
  ProvisionInput,
  Question,
  ReviewDue,
  SearchResult,
  Task,
  TaskProgressInput,
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

export function createTask(documentId: number, body: CreateTaskInput): Promise<Task> {
  return requestJson('POST', `/api/v1/documents/${documentId}/tasks`, { body });
}

export function reportTaskProgress(taskId: number, body: TaskProgressInput): Promise<Task> {
  return requestJson('POST', `/api/v1/documents/tasks/${taskId}/progress`, { body });
}

/** Open tasks of the units under `org`: overdue, and due within `withinDays` days. */
export function fetchTasksDue(
  query: { org: string; withinDays: number },
  signal?: AbortSignal,
): Promise<Task[]> {
  return requestJson<{ results: Task[] }>('GET', '/api/v1/documents/tasks/due', { query, signal }).then(
    (r) => r.results,
  );
}

/** Documents in force for more than `years` years since they took effect or were last reviewed. */
export function fetchReviewDue(years: number, signal?: AbortSignal): Promise<ReviewDue> {
  return requestJson('GET', '/api/v1/documents/review-due', { query: { years }, signal });
}

export function markReviewed(documentId: number, date: string): Promise<DocumentDetail> {
  return requestJson('POST', `/api/v1/documents/${documentId}/review`, { body: { date } });
}

/** Replaces the detected structure with the corrected one, in document order. */
export function replaceStructure(documentId: number, provisions: ProvisionInput[]): Promise<DocumentDetail> {
  return requestJson('POST', `/api/v1/documents/${documentId}/provisions`, { body: { provisions } });
}
