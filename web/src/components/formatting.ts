import { currentLanguage } from '../i18n/index.ts';

/** A count with the thousands separator of the current language (1.479 / 1,479). */
export function formatCount(value: number): string {
  return value.toLocaleString(currentLanguage() === 'en' ? 'en-US' : 'vi-VN');
}

/**
 * The higher levels of a unit, for telling units with the same name apart: the root (the same for
 * every unit) is left out when there is anything below it.
 */
export function ancestorPath(ancestors: readonly string[]): string {
  return (ancestors.length > 1 ? ancestors.slice(1) : ancestors).join(' › ');
}

/** A share (0.0345) as a percentage in the current language (3,45 % / 3.45%). */
export function formatPercent(share: number, digits = 1): string {
  return share.toLocaleString(currentLanguage() === 'en' ? 'en-US' : 'vi-VN', {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
