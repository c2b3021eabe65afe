/**
 * Size rules for cells and grassroots organizations — warnings, not blocks.
 *
 * Source: Charter (2011) Art. 21 §1 and Art. 24; Regulation 24-QĐ/TW (30/7/2021) §7.1:
 * - a cell under a grassroots committee needs at least 3 official members;
 * - a grassroots organization with 30 or more members is organized as a grassroots committee
 *   (a grassroots cell of 30 or more should become one, unless the upper level consents).
 * In force: 2021-07-30 onward (the same thresholds stood in Regulation 29-QĐ/TW of 2016).
 */
import type { OrgKind } from './org-kinds.ts';

export const MIN_OFFICIAL_MEMBERS_PER_CELL = 3;
export const GRASSROOTS_CELL_MAX_MEMBERS = 30;

export type SizeWarningCode = 'cell.too_few_official' | 'grassroots_cell.too_large';

export interface SizeWarning {
  code: SizeWarningCode;
  vi: string;
  en: string;
}

export function sizeWarnings(kind: OrgKind, members: { total: number; official: number }): SizeWarning[] {
  const warnings: SizeWarning[] = [];
  if ((kind === 'cell' || kind === 'grassroots_cell') && members.official < MIN_OFFICIAL_MEMBERS_PER_CELL) {
    warnings.push({
      code: 'cell.too_few_official',
      vi: `Chi bộ có ${members.official} đảng viên chính thức (cần ít nhất ${MIN_OFFICIAL_MEMBERS_PER_CELL})`,
      en: `The cell has ${members.official} official members (at least ${MIN_OFFICIAL_MEMBERS_PER_CELL} required)`,
    });
  }
  if (kind === 'grassroots_cell' && members.total >= GRASSROOTS_CELL_MAX_MEMBERS) {
    warnings.push({
      code: 'grassroots_cell.too_large',
      vi: `Chi bộ cơ sở có ${members.total} đảng viên (từ ${GRASSROOTS_CELL_MAX_MEMBERS} trở lên nên thành lập đảng bộ cơ sở)`,
      en: `The grassroots cell has ${members.total} members (${GRASSROOTS_CELL_MAX_MEMBERS} or more should become a grassroots committee)`,
    });
  }
  return warnings;
}
