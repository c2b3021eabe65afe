/**
 * Yearly target for admitting new members: 3–4 % of the membership, the figure the organization
 * sector sets itself (product brief; the exact resolution is unconfirmed — see
 * research/domain-rules.md §9, likely Resolution 21-NQ/TW of 16/6/2022). Each year's target can be
 * set in the `admission_target` table; this is the default when a year has none.
 */
export const DEFAULT_ADMISSION_TARGET = { min: 0.03, max: 0.04 } as const;

/** Admissions in a year against the members at its start. */
export function admissionRate(admitted: number, membersAtStart: number): number {
  return membersAtStart > 0 ? Math.round((admitted / membersAtStart) * 10_000) / 10_000 : 0;
}
