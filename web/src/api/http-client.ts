/**
 * A small typed fetch wrapper: JSON in, JSON out, problem+json turned into `ApiError`. Every
 * state-changing request carries the session's CSRF token; a 401 sends the user to sign in.
 */
import { ApiError, parseProblem } from './api-error.ts';

let csrfToken: string | undefined;

/** Set from the sign-in answer and from `GET /api/v1/auth/me`. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Where a 401 leads, remembering the screen to come back to. */
export function loginPath(next: string): string {
  return next.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

export type QueryValue = string | number | boolean | undefined | null;

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'client.network');
  }
  const body = await readJson(response);
  if (!response.ok) {
    const problem = parseProblem(body);
    // the session ended (expired, signed out elsewhere): sign in again, except while signing in
    if (response.status === 401 && !path.includes('/auth/') && window.location.pathname !== '/login')
      window.location.assign(loginPath(window.location.pathname + window.location.search));
    throw new ApiError(response.status, problem.code ?? 'client.unexpected', problem);
  }
  return body as T;
}
