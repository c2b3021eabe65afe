import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateDecisionFields } from '../../components/date-decision-fields.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { KindSelect } from './kind-select.tsx';
import { MergeFields } from './merge-fields.tsx';
import { NewUnitFields } from './new-unit-fields.tsx';
import { SplitFields } from './split-fields.tsx';
import type { FieldsProps } from './wizard-form.ts';

/** The fields of the chosen operation, then its date and decision reference. */
export function OperationFields(props: FieldsProps) {
  const { t } = useTranslation();
  const { form, update, errorFor } = props;
  return (
    <Stack gap="xs">
      <OperationSpecificFields {...props} />
      <DateDecisionFields
        dateLabel={t('wizard.date')}
        date={form.date}
        decisionRef={form.decisionRef}
        update={update}
        errorFor={errorFor}
        testIdPrefix="wizard"
      />
    </Stack>
  );
}

function OperationSpecificFields({ operation, form, update, asOf, errorFor }: FieldsProps) {
  const { t } = useTranslation();
  const unitPicker = (
    <OrgPicker
      label={t('wizard.unit')}
      value={form.code}
      onChange={(code) => update({ code, assign: {} })}
      asOf={asOf}
      error={errorFor('code')}
      required
      data-testid="wizard-unit"
    />
  );
  switch (operation) {
    case 'create':
      return (
        <>
          <OrgPicker
            label={t('wizard.parent')}
            description={form.parentCode ? undefined : t('wizard.parentNone')}
            value={form.parentCode}
            onChange={(parentCode) => update({ parentCode })}
            asOf={asOf}
            error={errorFor('parentCode')}
            data-testid="wizard-parent"
          />
          <NewUnitFields
            code={form.newCode}
            onCode={(newCode) => update({ newCode })}
            codeError={errorFor('code')}
            codeTestId="wizard-new-code"
            name={form.name}
            onName={(name) => update({ name })}
            nameError={errorFor('name')}
          />
          <KindSelect
            label={t('wizard.kind')}
            value={form.kind}
            onChange={(kind) => update({ kind })}
            error={errorFor('kind')}
            required
            testId="wizard-kind"
          />
        </>
      );
    case 'rename':
      return (
        <>
          {unitPicker}
          <TextInput
            label={t('wizard.newName')}
            value={form.name}
            onChange={(event) => update({ name: event.currentTarget.value })}
            error={errorFor('name')}
            required
            data-testid="wizard-name"
          />
        </>
      );
    case 'move':
      return (
        <>
          {unitPicker}
          <OrgPicker
            label={t('wizard.toParent')}
            value={form.toParentCode}
            onChange={(toParentCode) => update({ toParentCode })}
            asOf={asOf}
            error={errorFor('toParentCode')}
            required
            data-testid="wizard-to-parent"
          />
        </>
      );
    case 'dissolve':
      return unitPicker;
    case 'merge':
      return (
        <MergeFields operation={operation} form={form} update={update} asOf={asOf} errorFor={errorFor} />
      );
    case 'split':
      return (
        <SplitFields operation={operation} form={form} update={update} asOf={asOf} errorFor={errorFor} />
      );
  }
}

/** The kind shared by all the given units (null while loading or when they differ). */
