/** Turns validation failures (zod issues) into an AppError naming the field, in both languages. */
import type { z } from 'zod';
import { AppError, type LocalizedMessage } from './errors.ts';
import { NOT_A_CALENDAR_DAY } from './iso-date.ts';

/** The parts of a zod issue the messages use (zod 4 `$ZodIssue`). */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  input?: unknown;
  values?: readonly unknown[];
}

function describe(issue: Issue): LocalizedMessage {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { vi: 'bắt buộc phải nhập', en: 'is required' }
        : { vi: 'sai kiểu dữ liệu', en: `has the wrong type (${issue.message})` };
    case 'too_small':
      return issue.origin === 'string'
        ? {
            vi: `quá ngắn (tối thiểu ${issue.minimum} ký tự)`,
            en: `is too short (at least ${issue.minimum} characters)`,
          }
        : issue.origin === 'array'
          ? { vi: `cần ít nhất ${issue.minimum} mục`, en: `needs at least ${issue.minimum} items` }
          : { vi: `nhỏ hơn mức tối thiểu ${issue.minimum}`, en: `is below the minimum ${issue.minimum}` };
    case 'too_big':
      return issue.origin === 'string'
        ? {
            vi: `quá dài (tối đa ${issue.maximum} ký tự)`,
            en: `is too long (at most ${issue.maximum} characters)`,
          }
        : { vi: `vượt mức tối đa ${issue.maximum}`, en: `is above the maximum ${issue.maximum}` };
    case 'invalid_format':
      return { vi: `sai định dạng (${issue.message})`, en: `has the wrong format (${issue.message})` };
    case 'invalid_value':
      return {
        vi: `phải là một trong: ${(issue.values ?? []).join(', ')}`,
        en: `must be one of: ${(issue.values ?? []).join(', ')}`,
      };
    case 'custom':
      if (issue.message === NOT_A_CALENDAR_DAY)
        return { vi: 'không phải là một ngày có thật', en: 'is not a day of the calendar' };
      return { vi: `không hợp lệ (${issue.message})`, en: `is invalid (${issue.message})` };
    default:
      return { vi: `không hợp lệ (${issue.message})`, en: `is invalid (${issue.message})` };
  }
}

export function invalidInputError(issues: readonly Issue[]): AppError {
  const errors = issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    const what = describe(issue);
    return {
      field,
      message: {
        vi: field ? `Trường "${field}" ${what.vi}` : `Dữ liệu ${what.vi}`,
        en: field ? `"${field}" ${what.en}` : `The input ${what.en}`,
      },
    };
  });
  const first = errors[0];
  return new AppError(
    'validation.invalid_input',
    'validation',
    first?.message ?? { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
    { field: first?.field, details: { errors } },
  );
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInputError(result.error.issues as readonly Issue[]);
}
