import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeBirthDate, parsePartialDate } from '../../../../src/core/member-rules/birth-date.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatDate, formatPartialDate } from '../../components/dates.ts';
import type { BirthDatePrecision } from './member-form.ts';

interface BirthDateInputProps {
  label: ReactNode;
  precision: BirthDatePrecision;
  /** `YYYY-MM-DD` as the server keeps it (a partial date on its first day), or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
}

/**
 * The birth date as far as it is known: a full date with a calendar, or only `mm/yyyy` or `yyyy`
 * typed, kept on the first day it can mean (the convention of core/member-rules/birth-date.ts,
 * which the server applies too).
 */
export function BirthDateInput({ label, precision, value, onChange, error }: BirthDateInputProps) {
  if (precision === 'day') {
    return (
      <DateField
        label={label}
        value={value}
        onChange={onChange}
        error={error}
        required
        data-testid="new-birthDate"
      />
    );
  }
  // a fresh input for each precision, starting from what the previous one held
  return (
    <PartialBirthDate key={precision} precision={precision} value={value} onChange={onChange} error={error} />
  );
}

/** The date `text` stands for when it gives exactly the parts of `precision` (`yyyy`, `mm/yyyy`), else null. */
function partialBirthDate(text: string, precision: 'month' | 'year'): string | null {
  const parts = parsePartialDate(text);
  if (parts === null || parts.day !== undefined) return null;
  return (parts.month !== undefined) === (precision === 'month') ? normalizeBirthDate(parts) : null;
}

function PartialBirthDate({
  precision,
  value,
  onChange,
  error,
}: Omit<BirthDateInputProps, 'label' | 'precision'> & { precision: 'month' | 'year' }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (value ? formatPartialDate(value, precision) : ''));
  const read = partialBirthDate(text, precision);
  const invalid = text.trim() !== '' && read === null;
  const known = precision === 'year' ? 'knownYear' : 'knownMonth';

  return (
    <TextInput
      label={t(`membersExtra.birthDate.${precision}`)}
      placeholder={t(`membersExtra.birthDate.${precision}Placeholder`)}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(partialBirthDate(event.currentTarget.value, precision));
      }}
      error={
        error ??
        (invalid
          ? t(
              precision === 'year'
                ? 'membersExtra.birthDate.invalidYear'
                : 'membersExtra.birthDate.invalidMonth',
            )
          : undefined)
      }
      description={
        read &&
        t('membersExtra.birthDate.storedAs', {
          known: t(`membersExtra.birthDate.${known}`),
          date: formatDate(read),
          shown: formatPartialDate(read, precision),
        })
      }
      // the note on how the date is kept goes under the input, which stays level with its neighbour
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      required
      inputMode="numeric"
      data-testid="new-birthDate"
    />
  );
}
