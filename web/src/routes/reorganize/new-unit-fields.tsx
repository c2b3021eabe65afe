import { Group, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface NewUnitFieldsProps {
  code: string;
  onCode: (code: string) => void;
  codeError?: ReactNode;
  codeTestId: string;
  name: string;
  onName: (name: string) => void;
  nameError?: ReactNode;
}

/** Code and name of a unit the operation creates (create, merge into a new unit). */
export function NewUnitFields(props: NewUnitFieldsProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm">
      <TextInput
        label={t('wizard.newCode')}
        value={props.code}
        onChange={(event) => props.onCode(event.currentTarget.value)}
        error={props.codeError}
        required
        w={180}
        data-testid={props.codeTestId}
      />
      <TextInput
        label={t('wizard.name')}
        value={props.name}
        onChange={(event) => props.onName(event.currentTarget.value)}
        error={props.nameError}
        required
        style={{ flex: 1 }}
        data-testid="wizard-name"
      />
    </Group>
  );
}
