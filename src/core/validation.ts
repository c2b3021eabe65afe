/** Turns validation failures (zod issues) into an AppError naming the field, in both languages. */
import type { z } from 'zod';
import { AppError } from './errors.ts';

export function invalidInputError(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): AppError {
  const errors = issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    return {
      field,
      message: {
        vi: `Giá trị không hợp lệ${field ? ` ở trường "${field}"` : ''}: ${issue.message}`,
        en: `Invalid value${field ? ` for "${field}"` : ''}: ${issue.message}`,
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
  throw invalidInputError(result.error.issues);
}
