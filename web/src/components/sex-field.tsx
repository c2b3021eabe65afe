import { Group, Radio } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Sex = 'male' | 'female';

/** Male / female, required: the member form and the admission candidate form. */
export function SexField(props: {
  /** null: not chosen yet */
  value: Sex | null;
  onChange: (sex: Sex) => void;
  error?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('members.fields.sex')}
      value={props.value}
      onChange={(value) => props.onChange(value === 'female' ? 'female' : 'male')}
      error={props.error}
      required
      data-testid={props.testId}
    >
      <Group gap="lg" mt={4}>
        <Radio value="male" label={t('members.sex.male')} />
        <Radio value="female" label={t('members.sex.female')} />
      </Group>
    </Radio.Group>
  );
}
