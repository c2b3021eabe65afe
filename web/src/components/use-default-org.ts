import { useOrgRoot } from '../api/orgs-queries.ts';
import { todayIso } from './dates.ts';
import { useUrlParam } from './use-url-param.ts';

/**
 * The unit a screen works on (`?org=`); until one is chosen, the root of the tree, so the screen
 * shows everything the user can see.
 */
export function useDefaultOrg(): [string | null, (next: string | null) => void] {
  const [org, setOrg] = useUrlParam('org');
  const root = useOrgRoot(todayIso());
  return [org ?? root.data?.root.code ?? null, setOrg];
}
