/** TanStack Query hooks over the documents API; every key starts with `documents`. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  answerQuestion,
  type CreateTaskInput,
  createQuestion,
  createTask,
  type DocumentSearchQuery,
  fetchDocument,
  fetchDocumentStats,
  fetchHotspots,
  fetchQuestions,
  fetchReviewDue,
  fetchTasksDue,
  type ImportRequest,
  importDocument,
  markReviewed,
  type ProvisionInput,
  replaceStructure,
  reportTaskProgress,
  searchDocuments,
  type TaskProgressInput,
} from './documents-api.ts';

export const documentKeys = {
  all: ['documents'] as const,
  search: (input: DocumentSearchQuery) => ['documents', 'search', input] as const,
  detail: (id: number) => ['documents', 'detail', id] as const,
  stats: ['documents', 'stats'] as const,
  hotspots: (from: string, to: string) => ['documents', 'hotspots', from, to] as const,
  questions: (status: string) => ['documents', 'questions', status] as const,
  tasksDue: (org: string, withinDays: number) => ['documents', 'tasks-due', org, withinDays] as const,
  reviewDue: (years: number) => ['documents', 'review-due', years] as const,
};

export function useDocumentSearch(input: DocumentSearchQuery) {
  return useQuery({
    queryKey: documentKeys.search(input),
    queryFn: ({ signal }) => searchDocuments(input, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: number) {
  return useQuery({
    queryKey: documentKeys.detail(id),
    queryFn: ({ signal }) => fetchDocument(id, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useDocumentStats() {
  return useQuery({ queryKey: documentKeys.stats, queryFn: ({ signal }) => fetchDocumentStats(signal) });
}

export function useHotspots(from: string, to: string) {
  return useQuery({
    queryKey: documentKeys.hotspots(from, to),
    queryFn: ({ signal }) => fetchHotspots({ from: from || undefined, to: to || undefined }, signal),
  });
}

export function useQuestions(status: 'open' | 'answered') {
  return useQuery({
    queryKey: documentKeys.questions(status),
    queryFn: ({ signal }) => fetchQuestions({ status }, signal),
  });
}

export function useTasksDue(org: string | null, withinDays: number) {
  return useQuery({
    queryKey: documentKeys.tasksDue(org ?? '', withinDays),
    queryFn: ({ signal }) => fetchTasksDue({ org: org ?? '', withinDays }, signal),
    enabled: org !== null,
  });
}

export function useReviewDue(years: number) {
  return useQuery({
    queryKey: documentKeys.reviewDue(years),
    queryFn: ({ signal }) => fetchReviewDue(years, signal),
  });
}

/** Every change to the register refreshes every documents query. */
function useInvalidatingMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

export function useImportDocument() {
  return useInvalidatingMutation((body: ImportRequest) => importDocument(body));
}

export function useCreateQuestion() {
  return useInvalidatingMutation(createQuestion);
}

export function useAnswerQuestion() {
  return useInvalidatingMutation(({ id, ...body }: Parameters<typeof answerQuestion>[1] & { id: number }) =>
    answerQuestion(id, body),
  );
}

export function useCreateTask() {
  return useInvalidatingMutation(({ documentId, ...body }: CreateTaskInput & { documentId: number }) =>
    createTask(documentId, body),
  );
}

export function useReportTaskProgress() {
  return useInvalidatingMutation(({ taskId, ...body }: TaskProgressInput & { taskId: number }) =>
    reportTaskProgress(taskId, body),
  );
}

export function useMarkReviewed() {
  return useInvalidatingMutation(({ documentId, date }: { documentId: number; date: string }) =>
    markReviewed(documentId, date),
  );
}

export function useReplaceStructure() {
  return useInvalidatingMutation(
    ({ documentId, provisions }: { documentId: number; provisions: ProvisionInput[] }) =>
      replaceStructure(documentId, provisions),
  );
}
