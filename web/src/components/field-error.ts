import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error.ts';
import { localize } from './error-alert.tsx';

/** The field an API error is about matches `field` itself or one of its sub-paths (`into.0.code`). */
function matchesField(name: string | undefined, field: string): boolean {
  return name === field || (name?.startsWith(`${field}.`) ?? false);
}

/** The message for one input: the server's (matching the field or a sub-path of it), else "required". */
export function fieldErrorOf(error: unknown, field: string, missing: boolean, required: string): ReactNode {
  if (error instanceof ApiError) {
    if (matchesField(error.field, field) && error.messages) return localize(error.messages);
    const item = error.fieldErrors.find((entry) => matchesField(entry.field, field));
    if (item) return localize(item.message);
  }
  return missing ? required : undefined;
}

/** Whether the error is about one of the fields a form shows (then it is written under that field). */
export function isShownAtField(error: unknown, visible: ReadonlySet<string>): boolean {
  return (
    error instanceof ApiError && error.field !== undefined && visible.has(error.field.split('.')[0] ?? '')
  );
}
