/** Errors as `application/problem+json` (RFC 9457) with the message in Vietnamese and English. */
import { AppError, httpStatusOf, type LocalizedMessage } from '../core/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  message: LocalizedMessage;
  field?: string;
  errors?: { field?: string; message: LocalizedMessage }[];
}

export function problemOf(err: unknown): Problem {
  if (err instanceof AppError) {
    const status = httpStatusOf[err.kind];
    const errors = err.details?.errors as Problem['errors'] | undefined;
    return {
      type: `urn:tochuc:error:${err.code}`,
      title: err.messages.en,
      status,
      code: err.code,
      detail: err.messages.en,
      message: err.messages,
      ...(err.field ? { field: err.field } : {}),
      ...(errors ? { errors } : {}),
    };
  }
  return {
    type: 'urn:tochuc:error:internal',
    title: 'Internal error',
    status: 500,
    code: 'internal',
    detail: 'Internal error',
    message: {
      vi: 'Lỗi hệ thống, vui lòng thử lại hoặc báo quản trị viên',
      en: 'Internal error, try again or tell the administrator',
    },
  };
}

export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

export const notFoundProblem = (path: string): Problem =>
  problemOf(
    new AppError('http.not_found', 'not_found', {
      vi: `Không có địa chỉ ${path}`,
      en: `No such endpoint: ${path}`,
    }),
  );
