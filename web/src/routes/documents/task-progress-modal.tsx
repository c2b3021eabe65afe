import { Button, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/documents-api.ts';
import { useReportTaskProgress } from '../../api/documents-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrorOf, isShownAtField } from '../../components/field-error.ts';
import { optionalText } from '../../components/form-values.ts';

const FIELDS: ReadonlySet<string> = new Set(['progress', 'date', 'report', 'evidence']);

/**
 * The assignee's report on a task: how far it has come, what was done and the evidence. A report
 * replaces the previous one, so the form starts from it; 100 % closes the task on the report's date.
 */
export function TaskProgressModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | string>(task.progress);
  const [report, setReport] = useState(task.report ?? '');
  const [evidence, setEvidence] = useState(task.evidence ?? '');
  const [date, setDate] = useState<string | null>(todayIso());
  const [attempted, setAttempted] = useState(false);
  const save = useReportTaskProgress();
  const errorFor = (field: string, missing: boolean) =>
    fieldErrorOf(save.error, field, attempted && missing, t('wizard.required'));
  const submit = () => {
    setAttempted(true);
    if (typeof progress !== 'number' || !date) return;
    save.mutate(
      { taskId: task.id, progress, report: optionalText(report), evidence: optionalText(evidence), date },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('documents.tasks.progressTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          {task.unitName}: {task.title}
        </Text>
        <Group grow align="flex-start">
          <NumberInput
            label={t('documents.tasks.progress')}
            value={progress}
            onChange={setProgress}
            min={0}
            max={100}
            step={10}
            suffix="%"
            clampBehavior="strict"
            allowDecimal={false}
            required
            error={errorFor('progress', typeof progress !== 'number')}
            data-testid="progress-value"
          />
          <DateField
            label={t('documents.tasks.reportDate')}
            value={date}
            onChange={setDate}
            required
            error={errorFor('date', !date)}
          />
        </Group>
        <Textarea
          label={t('documents.tasks.report')}
          value={report}
          onChange={(e) => setReport(e.currentTarget.value)}
          autosize
          minRows={3}
          error={errorFor('report', false)}
          data-testid="progress-report"
        />
        <TextInput
          label={t('documents.tasks.evidence')}
          description={t('documents.tasks.evidenceHint')}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          error={errorFor('evidence', false)}
          data-testid="progress-evidence"
        />
        {save.isError && !isShownAtField(save.error, FIELDS) && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="progress-submit">
            {t('documents.tasks.reportSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
