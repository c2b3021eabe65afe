import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgKindValue } from '../../api/orgs-api.ts';

const KINDS: readonly OrgKindValue[] = [
  'central',
  'province',
  'intermediate',
  'grassroots_committee',
  'grassroots_cell',
  'cell',
];

/** Chooses the kind of a Party organization, labelled in the current language. */
export function KindSelect({
  value,
  onChange,
  label,
  error,
  required,
  placeholder,
  testId,
}: {
  value: OrgKindValue | null;
  onChange: (kind: OrgKindValue | null) => void;
  label: string;
  error: ReactNode;
  required?: boolean;
  placeholder?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      required={required}
      placeholder={placeholder}
      clearable={!required}
      data={KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      value={value}
      onChange={(next) => onChange(KINDS.find((kind) => kind === next) ?? null)}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
