/** TanStack Query hooks over the documents API; every key starts with `documents`. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  answerQuestion,
  createQuestion,
  type DocumentSearchQuery,
  fetchDocument,
  fetchDocumentStats,
  fetchHotspots,
  fetchQuestions,
  type ImportRequest,
  importDocument,
  searchDocuments,
} from './documents-api.ts';

export const documentKeys = {
  all: ['documents'] as const,
  search: (input: DocumentSearchQuery) => ['documents', 'search', input] as const,
  detail: (id: number) => ['documents', 'detail', id] as const,
  stats: ['documents', 'stats'] as const,
  hotspots: (from: string, to: string) => ['documents', 'hotspots', from, to] as const,
  questions: (status: string) => ['documents', 'questions', status] as const,
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
