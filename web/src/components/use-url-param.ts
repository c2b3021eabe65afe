import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A screen's choice kept in the URL (`?org=…`, `?q=…`) so it can be linked, reloaded and carried
 * from one screen to the next; null when absent. Changing it replaces the history entry.
 */
export function useUrlParam(name: string): [string | null, (next: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name);
  const setValue = useCallback(
    (next: string | null) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
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
