import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A screen's choice kept in the URL (`?org=…`, `?q=…`) so it can be linked, reloaded and carried
 * from one screen to the next; null when absent. Changing it replaces the history entry.
 *
 * The setter starts from the address bar, not from the params of the last render: React Router
 * hands its updater the params it rendered with, so two changes before the next render (a date
 * field's blur, then the next field's) would drop the first (remix-run/react-router#9757).
 */
export function useUrlParam(name: string): [string | null, (next: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name);
  const setValue = useCallback(
    (next: string | null) => {
      setParams(
        () => {
          const updated = new URLSearchParams(window.location.search);
          if (next === null || next === '') updated.delete(name);
          else updated.set(name, next);
          return updated;
        },
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [value || null, setValue];
}
