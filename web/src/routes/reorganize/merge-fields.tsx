import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchOrgDetail, type OrgKindValue } from '../../api/orgs-api.ts';
import { orgKeys } from '../../api/orgs-queries.ts';
import { OrgMultiPicker, OrgPicker } from '../../components/org-picker.tsx';
import { KindSelect } from './kind-select.tsx';
import { NewUnitFields } from './new-unit-fields.tsx';
import type { FieldsProps } from './wizard-form.ts';

/** The kind shared by all the given units (null while loading or when they differ). */
function useCommonKind(codes: readonly string[], asOf: string): OrgKindValue | null {
  const details = useQueries({
    queries: codes.map((code) => ({
      queryKey: orgKeys.detail(code, asOf),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchOrgDetail(code, asOf, signal),
      retry: false,
    })),
  });
  const kinds = new Set(details.map((query) => query.data?.kind));
  const [kind] = [...kinds];
  return kinds.size === 1 && kind !== undefined ? kind : null;
}

/** Merge: the units merged, and the new or existing unit they merge into. */
export function MergeFields({ form, update, asOf, errorFor }: FieldsProps) {
  const { t } = useTranslation();
  const commonKind = useCommonKind(form.fromCodes, asOf);
  // A new unit usually keeps the kind of the units merged into it: offer it, the user may change it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the common kind changes
  useEffect(() => {
    if (commonKind && form.kind === null) update({ kind: commonKind });
  }, [commonKind]);
  return (
    <>
      <OrgMultiPicker
        label={t('wizard.fromUnits')}
        value={form.fromCodes}
        onChange={(fromCodes) => update({ fromCodes })}
        asOf={asOf}
        error={errorFor('fromCodes')}
        required
        data-testid="wizard-from-units"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('wizard.mergeTarget')}
        </Text>
        <SegmentedControl
          size="xs"
          value={form.mergeTarget}
          onChange={(value) => update({ mergeTarget: value === 'existing' ? 'existing' : 'new' })}
          data={[
            { value: 'new', label: t('wizard.mergeTargetNew') },
            { value: 'existing', label: t('wizard.mergeTargetExisting') },
          ]}
          data-testid="wizard-merge-target"
        />
      </Stack>
      {form.mergeTarget === 'existing' ? (
        <OrgPicker
          label={t('wizard.intoExisting')}
          value={form.intoExistingCode}
          onChange={(intoExistingCode) => update({ intoExistingCode })}
          asOf={asOf}
          error={errorFor('intoCode')}
          required
          data-testid="wizard-into-existing"
        />
      ) : (
        <>
          <NewUnitFields
            code={form.intoNewCode}
            onCode={(intoNewCode) => update({ intoNewCode })}
            codeError={errorFor('intoCode')}
            codeTestId="wizard-into-code"
            name={form.name}
            onName={(name) => update({ name })}
            nameError={errorFor('name')}
          />
          <Group grow align="flex-start" gap="sm">
            <KindSelect
              label={t('wizard.kind')}
              value={form.kind}
              onChange={(kind) => update({ kind })}
              error={errorFor('kind')}
              required
              testId="wizard-kind"
            />
            <OrgPicker
              label={t('wizard.parent')}
              placeholder={t('wizard.parentDefault')}
              value={form.parentCode}
              onChange={(parentCode) => update({ parentCode })}
              asOf={asOf}
              error={errorFor('parentCode')}
              data-testid="wizard-parent"
            />
          </Group>
        </>
      )}
    </>
  );
}
