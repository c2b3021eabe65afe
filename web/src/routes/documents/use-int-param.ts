import { useUrlParam } from '../../components/use-url-param.ts';

/** A whole number kept in the URL (`?years=5`), within [min, max]; the default when absent or not a number. */
export function useIntParam(
  name: string,
  fallback: number,
  min: number,
  max: number,
): [number, (next: number) => void] {
  const [param, setParam] = useUrlParam(name);
  const parsed = Number(param);
  const value = param !== null && Number.isInteger(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
  return [value, (next) => setParam(next === fallback ? null : String(next))];
}
