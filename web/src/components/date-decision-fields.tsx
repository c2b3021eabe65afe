import { Group, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from './date-field.tsx';

interface DateDecisionFieldsProps {
  dateLabel: string;
  date: string | null;
  decisionRef: string;
  update: (patch: { date?: string | null; decisionRef?: string }) => void;
  /** The message under a field (named as in the API: `date`, `decisionRef`). */
  errorFor: (field: string) => ReactNode;
  /** Test ids are `<prefix>-date` and `<prefix>-decision`. */
  testIdPrefix: string;
}

/** The date an operation or event takes effect and the number of the decision behind it, side by side. */
export function DateDecisionFields({
  dateLabel,
  date,
  decisionRef,
  update,
  errorFor,
  testIdPrefix,
}: DateDecisionFieldsProps) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start" gap="sm">
      <DateField
        label={dateLabel}
        value={date}
        onChange={(next) => update({ date: next })}
        error={errorFor('date')}
        required
        data-testid={`${testIdPrefix}-date`}
      />
      <TextInput
        label={t('wizard.decisionRef')}
        placeholder={t('wizard.decisionRefPlaceholder')}
        value={decisionRef}
        onChange={(event) => update({ decisionRef: event.currentTarget.value })}
        error={errorFor('decisionRef')}
        data-testid={`${testIdPrefix}-decision`}
      />
    </Group>
  );
}
