import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDisplayDate } from './dates.ts';

interface DateFieldProps {
  label?: ReactNode;
  /** `YYYY-MM-DD` or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  description?: ReactNode;
  size?: 'xs' | 'sm';
  w?: number | string;
  'data-testid'?: string;
}

/** A date input that shows and accepts `dd/mm/yyyy` (and `yyyy-mm-dd`), with a calendar. */
export function DateField({
  label,
  value,
  onChange,
  error,
  required,
  clearable,
  description,
  size,
  w,
  ...rest
}: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      valueFormat="DD/MM/YYYY"
      dateParser={parseDisplayDate}
      placeholder={t('common.dateFormat')}
      error={error}
      required={required}
      clearable={clearable}
      size={size}
      w={w}
      leftSection={<IconCalendar size={16} stroke={1.5} />}
      popoverProps={{ withinPortal: true }}
      // Escape here closes the calendar, never the modal the field is in (and the form with it).
      data-mantine-stop-propagation="true"
      data-testid={rest['data-testid']}
    />
  );
}
