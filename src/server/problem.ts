/** Errors as `application/problem+json` (RFC 9457) with the message in Vietnamese and English. */
import { HTTPException } from 'hono/http-exception';
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
  // Hono's own refusals (a body that is not JSON at all): the client's fault, said as such.
  if (err instanceof HTTPException && err.status < 500)
    return {
      ...problemOf(
        new AppError('http.bad_request', 'validation', {
          vi: 'Yêu cầu không đúng định dạng (JSON hỏng?)',
          en: 'Malformed request (broken JSON?)',
        }),
      ),
      status: err.status,
    };
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

export const bodyTooLargeProblem = (): Problem => ({
  ...problemOf(
    new AppError('http.body_too_large', 'validation', {
      vi: 'Dữ liệu gửi lên quá lớn',
      en: 'The request body is too large',
    }),
  ),
  status: 413,
});
