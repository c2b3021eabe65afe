/**
 * Kinds of Party organization and where each may stand in the tree.
 *
 * Source: Charter of the Communist Party of Vietnam (Điều lệ Đảng, 2011), Art. 21–24 on the
 * system of organizations and grassroots organizations; Regulation 24-QĐ/TW (30/7/2021) on
 * implementing the Charter, §7–§8. Conclusion 150-KL/TW and the 2025 reorganisation (effective
 * 01/07/2025) removed the district level, so grassroots organizations may stand directly under a
 * province-level committee as well as under an intermediate one. In force: 2011-01-19 onward.
 */
export const ORG_KINDS = [
  'central',
  'province',
  'intermediate',
  'grassroots_committee',
  'grassroots_cell',
  'cell',
] as const;

export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, { vi: string; en: string }> = {
  central: { vi: 'Trung ương', en: 'Central' },
  province: { vi: 'Đảng bộ trực thuộc Trung ương', en: 'Committee directly under the Central' },
  intermediate: { vi: 'Đảng bộ cấp trên cơ sở', en: 'Intermediate committee' },
  grassroots_committee: { vi: 'Đảng bộ cơ sở', en: 'Grassroots committee' },
  grassroots_cell: { vi: 'Chi bộ cơ sở', en: 'Grassroots cell' },
  cell: { vi: 'Chi bộ trực thuộc', en: 'Cell under a grassroots committee' },
};

/** Which kinds may be the parent of each kind; `null` means it may be a root. */
const ALLOWED_PARENTS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  central: [null],
  province: ['central'],
  intermediate: ['province'],
  grassroots_committee: ['province', 'intermediate'],
  grassroots_cell: ['province', 'intermediate'],
  cell: ['grassroots_committee'],
};

export function isOrgKind(value: string): value is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(value);
}

export function canBeChildOf(child: OrgKind, parent: OrgKind | null): boolean {
  return ALLOWED_PARENTS[child].includes(parent);
}

/** Kinds to which members belong directly (Charter Art. 24: every member is in a cell). */
export function holdsMembers(kind: OrgKind): boolean {
  return kind === 'cell' || kind === 'grassroots_cell';
}

export function allowedParentsOf(kind: OrgKind): readonly (OrgKind | null)[] {
  return ALLOWED_PARENTS[kind];
}
