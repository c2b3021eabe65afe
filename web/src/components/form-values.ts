/** Turning what was typed or chosen in a form into request values. */

/** Trimmed text, or undefined when nothing was typed (optional fields are left out of the request). */
export function optionalText(text: string): string | undefined {
  const value = text.trim();
  return value === '' ? undefined : value;
}

/** The value when it is one of the allowed ones (from a select, the URL), else null. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined): T | null {
  return allowed.find((item) => item === value) ?? null;
}
