import { useOrgDetail } from '../api/orgs-queries.ts';
import { OrgLink } from './org-link.tsx';

/** A link to a unit known only by its code, named as the unit was called on the given date. */
export function OrgCodeLink({ code, asOf, name }: { code: string; asOf: string; name?: string }) {
  const detail = useOrgDetail(name ? null : code, asOf);
  return (
    <span title={code}>
      <OrgLink code={code} asOf={asOf}>
        {name ?? detail.data?.name ?? code}
      </OrgLink>
    </span>
  );
}
