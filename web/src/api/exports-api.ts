/** Addresses of the file exports (`/api/v1/exports/…`), for download links; the browser streams them. */
import type {
  MemberExportQuery,
  MemberFileFormat,
  ReportFormat,
} from '../../../src/modules/exports/exports.schemas.ts';
import { buildUrl } from './http-client.ts';

export type MemberListFilters = Omit<MemberExportQuery, 'format'>;

/** The member list with the filters of the list screen, in the columns the import reads. */
export function memberListFileUrl(filters: MemberListFilters, format: MemberFileFormat): string {
  return buildUrl('/api/v1/exports/members', { ...filters, format });
}

export function memberProfileDocxUrl(id: number): string {
  return `/api/v1/exports/members/${id}/profile.docx`;
}

/** The quantity-and-quality report of members by the unit's direct subordinate units. */
export function unitReportUrl(org: string, asOf: string, format: ReportFormat): string {
  return buildUrl('/api/v1/exports/report', { org, asOf, format });
}
