/** Errors from the HTTP API, carrying the server's message in both languages. */

export interface LocalizedMessage {
  vi: string;
  en: string;
}

export interface FieldError {
  /** Dotted path of the input (`into.0.code`); absent when the error is about the whole request. */
  field?: string;
  message: LocalizedMessage;
}

/** The `application/problem+json` body the server answers with on any 4xx/5xx. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  message?: LocalizedMessage;
  field?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  /** Stable code from the server, or `client.network` / `client.unexpected` when there was no problem body. */
  readonly code: string;
  /** Absent when the server did not send a message (the UI then shows a generic one). */
  readonly messages: LocalizedMessage | undefined;
  readonly field: string | undefined;
  readonly fieldErrors: FieldError[];

  constructor(status: number, code: string, problem: ProblemDetails = {}) {
    super(problem.message?.en ?? problem.detail ?? problem.title ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = problem.message;
    this.field = problem.field;
    this.fieldErrors = problem.errors ?? [];
  }
}

function isLocalizedMessage(value: unknown): value is LocalizedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.vi === 'string' && typeof record.en === 'string';
}

/** Reads a problem body defensively: anything missing or malformed is simply left out. */
export function parseProblem(body: unknown): ProblemDetails {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const problem: ProblemDetails = {};
  if (typeof record.type === 'string') problem.type = record.type;
  if (typeof record.title === 'string') problem.title = record.title;
  if (typeof record.status === 'number') problem.status = record.status;
  if (typeof record.code === 'string') problem.code = record.code;
  if (typeof record.detail === 'string') problem.detail = record.detail;
  if (typeof record.field === 'string') problem.field = record.field;
  if (isLocalizedMessage(record.message)) problem.message = record.message;
  if (Array.isArray(record.errors)) {
    problem.errors = record.errors.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const entry = item as Record<string, unknown>;
      if (!isLocalizedMessage(entry.message)) return [];
      return [
        typeof entry.field === 'string'
          ? { field: entry.field, message: entry.message }
          : { message: entry.message },
      ];
    });
  }
  return problem;
}
