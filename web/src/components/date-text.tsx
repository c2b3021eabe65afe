import { useTranslation } from 'react-i18next';
import { formatDate } from './dates.ts';

/** A calendar date shown as `dd/mm/yyyy`; `null` shows the given fallback (a dash by default). */
export function DateText({ value, fallback }: { value: string | null | undefined; fallback?: string }) {
  const { t } = useTranslation();
  if (!value) return <span>{fallback ?? t('common.empty')}</span>;
  return (
    <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
      {formatDate(value)}
    </time>
  );
}
