/**
 * Errors are values with a stable code and a message in both languages. Routes turn them into
 * `application/problem+json`, the CLI into a message and a non-zero exit code.
 */
export type ErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'unavailable';

export interface LocalizedMessage {
  vi: string;
  en: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly messages: LocalizedMessage;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: string,
    kind: ErrorKind,
    messages: LocalizedMessage,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(messages.en);
    this.name = 'AppError';
    this.code = code;
    this.kind = kind;
    this.messages = messages;
    this.field = options.field;
    this.details = options.details;
  }
}

export const httpStatusOf: Record<ErrorKind, number> = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
};

export function validationError(code: string, messages: LocalizedMessage, field?: string): AppError {
  return new AppError(code, 'validation', messages, { field });
}
