import { Button, Grid, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconCheck, IconEye, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type OperationRequest,
  type OperationResult,
  REORGANIZATION_KINDS,
  type ReorganizationKind,
} from '../../api/orgs-api.ts';
import { useOperationApply, useOperationPreview } from '../../api/orgs-queries.ts';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrorOf, isShownAtField } from '../../components/field-error.ts';
import { oneOf } from '../../components/form-values.ts';
import { unitPath } from '../../components/use-as-of.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { OperationFields } from './operation-fields.tsx';
import { OperationResultView } from './operation-result-view.tsx';
import {
  buildRequest,
  initialForm,
  missingFields,
  primaryUnitCode,
  visibleFields,
  type WizardForm,
} from './wizard-form.ts';

function parseOperation(value: string | null): ReorganizationKind {
  return oneOf(REORGANIZATION_KINDS, value) ?? 'merge';
}

/**
 * `/orgs/reorganize?op=merge&code=X`: choose an operation, fill it in, preview its effect (the
 * server computes and rolls back), then apply it.
 */
export function ReorganizePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const operation = parseOperation(params.get('op'));
  usePageTitle(`${t('wizard.title')}: ${t(`operations.${operation}`)}`);
  const [form, setForm] = useState<WizardForm>(() => initialForm(operation, params.get('code')));
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [previewed, setPreviewed] = useState<{ key: string; result: OperationResult } | null>(null);
  const [applied, setApplied] = useState<{ request: OperationRequest; result: OperationResult } | null>(null);
  const preview = useOperationPreview();
  const apply = useOperationApply();

  const missing = missingFields(operation, form);
  const request = missing.size === 0 ? buildRequest(operation, form) : null;
  const requestKey = request ? JSON.stringify(request) : null;
  const previewIsCurrent = previewed !== null && previewed.key === requestKey;

  const update = useCallback(
    (patch: Partial<WizardForm>) => setForm((current) => ({ ...current, ...patch })),
    [],
  );

  const chooseOperation = (value: string) => {
    const next = parseOperation(value);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('op', next);
        return updated;
      },
      { replace: true },
    );
    setForm((current) => ({
      ...initialForm(next, null),
      date: current.date,
      decisionRef: current.decisionRef,
    }));
    setError(null);
    setAttempted(false);
    setPreviewed(null);
    setApplied(null);
  };

  const runPreview = () => {
    setAttempted(true);
    setApplied(null);
    if (!request || !requestKey) return;
    setError(null);
    preview.mutate(request, {
      onSuccess: (result) => setPreviewed({ key: requestKey, result }),
      onError: (failure) => {
        setPreviewed(null);
        setError(failure);
      },
    });
  };

  const runApply = () => {
    if (!request || !previewIsCurrent) return;
    setError(null);
    apply.mutate(request, {
      onSuccess: (result) => {
        setApplied({ request, result });
        setPreviewed(null);
      },
      onError: (failure) => setError(failure),
    });
  };

  const errorFor = (field: string) =>
    fieldErrorOf(error, field, attempted && missing.has(field), t('wizard.required'));
  // An error about a field the form shows is written under that field; anything else above the buttons.
  const shownAtField = isShownAtField(error, visibleFields(operation, form));
  const appliedUnit = applied ? primaryUnitCode(applied.request, applied.result.created) : null;

  return (
    <Stack gap="sm">
      <div>
        <Title order={2}>{t('wizard.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('wizard.subtitle')}
        </Text>
      </div>
      <SegmentedControl
        value={operation}
        onChange={chooseOperation}
        data={REORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`operations.${kind}`) }))}
        data-testid="wizard-operation"
        aria-label={t('wizard.chooseOperation')}
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconInfoCircle
                  size={16}
                  style={{ flexShrink: 0, marginTop: 2 }}
                  color="var(--mantine-color-dimmed)"
                />
                <Text size="sm" c="dimmed">
                  {t(`operationHints.${operation}`)}
                </Text>
              </Group>
              <OperationFields
                operation={operation}
                form={form}
                update={update}
                asOf={form.date ?? todayIso()}
                errorFor={errorFor}
              />
              {error !== null && !shownAtField && <ErrorAlert error={error} />}
              <Group justify="space-between">
                <Button
                  variant="light"
                  leftSection={<IconEye size={16} />}
                  onClick={runPreview}
                  loading={preview.isPending}
                  data-testid="wizard-preview"
                >
                  {t('wizard.preview')}
                </Button>
                <Button
                  leftSection={<IconCheck size={16} />}
                  onClick={runApply}
                  disabled={!previewIsCurrent}
                  loading={apply.isPending}
                  data-testid="wizard-apply"
                >
                  {t('wizard.apply')}
                </Button>
              </Group>
              {!applied && !previewIsCurrent && (
                <Text size="xs" c="dimmed">
                  {previewed ? t('wizard.staleHint') : t('wizard.applyHint')}
                </Text>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {previewed && <OperationResultView result={previewed.result} />}
          {!previewed && !applied && (
            <Paper withBorder p="md" bg="transparent" style={{ borderStyle: 'dashed' }}>
              <Text size="sm" c="dimmed">
                {t('wizard.resultPlaceholder')}
              </Text>
            </Paper>
          )}
          {applied && (
            <Stack gap="sm">
              <OperationResultView result={applied.result} />
              <Group gap="sm">
                {appliedUnit && (
                  <Button
                    component={Link}
                    to={unitPath(
                      appliedUnit,
                      applied.result.date > todayIso() ? applied.result.date : undefined,
                    )}
                    rightSection={<IconArrowRight size={16} />}
                    data-testid="wizard-open-unit"
                  >
                    {t('wizard.openUnit')}
                  </Button>
                )}
                <Button variant="default" onClick={() => chooseOperation(operation)}>
                  {t('wizard.another')}
                </Button>
              </Group>
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
