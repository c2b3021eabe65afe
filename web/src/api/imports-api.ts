/** Typed calls to `/api/v1/imports` and their TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportKind, ImportResult, ImportRun } from '../../../src/modules/imports/imports.schemas.ts';
import { ApiError, parseProblem } from './api-error.ts';
import { buildUrl, requestJson } from './http-client.ts';

export type { ImportKind, ImportResult, ImportRun };

const BASE = '/api/v1/imports';

export interface UploadOptions {
  file: File;
  kind: ImportKind;
  dryRun: boolean;
  update: boolean;
}

/** Sends the file as the request body (the server streams it to disk); answers with the started import. */
async function uploadFile({ file, kind, dryRun, update }: UploadOptions): Promise<ImportRun> {
  // the CSRF token of the session, as every state-changing request carries it
  const me = await requestJson<{ csrfToken: string }>('GET', '/api/v1/auth/me');
  let response: Response;
  try {
    response = await fetch(buildUrl(BASE, { kind, fileName: file.name, dryRun, update }), {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-csrf-token': me.csrfToken,
        accept: 'application/json',
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'client.network');
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const problem = parseProblem(body);
    throw new ApiError(response.status, problem.code ?? 'client.unexpected', problem);
  }
  return body as ImportRun;
}

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadFile,
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
}

/** One import, polled while it runs (the progress bar), then kept. */
export function useImport(id: number | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['imports', 'one', id],
    enabled: id !== null,
    queryFn: async ({ signal }) => {
      const result = await requestJson<ImportResult>('GET', `${BASE}/${id}`, { signal });
      if (result.status !== 'running') await client.invalidateQueries({ queryKey: ['imports', 'list'] });
      return result;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
}

export function useImports() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: ({ signal }) => requestJson<{ imports: ImportRun[] }>('GET', BASE, { signal }),
  });
}

export const rejectedRowsUrl = (id: number) => `${BASE}/${id}/rejected.xlsx`;
export const templateUrl = (kind: ImportKind) => `${BASE}/template/${kind}`;
