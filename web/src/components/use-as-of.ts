import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate, todayIso } from './dates.ts';

/**
 * The "as of" date of a screen, kept in the URL (`?asOf=YYYY-MM-DD`) so a view can be linked and
 * reloaded; today when absent.
 */
export function useAsOf(): [string, (next: string | null) => void, boolean] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const explicit = raw !== null && isIsoDate(raw);
  const asOf = explicit && raw ? raw : todayIso();
  const setAsOf = useCallback(
    (next: string | null) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (!next || next === todayIso()) updated.delete('asOf');
          else updated.set('asOf', next);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [asOf, setAsOf, explicit];
}

function withAsOf(path: string, asOf: string | undefined): string {
  return asOf && asOf !== todayIso() ? `${path}?asOf=${asOf}` : path;
}

/** The path of a unit page, keeping a non-default "as of" date. */
export function unitPath(code: string, asOf?: string): string {
  return withAsOf(`/orgs/${encodeURIComponent(code)}`, asOf);
}

export function treePath(asOf?: string): string {
  return withAsOf('/orgs', asOf);
}

export function reorganizePath(operation?: string, code?: string): string {
  const params = new URLSearchParams();
  if (operation) params.set('op', operation);
  if (code) params.set('code', code);
  const search = params.toString();
  return search ? `/orgs/reorganize?${search}` : '/orgs/reorganize';
}
