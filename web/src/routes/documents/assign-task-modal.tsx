import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../api/documents-api.ts';
import { useCreateTask } from '../../api/documents-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrorOf, isShownAtField } from '../../components/field-error.ts';
import { OrgPicker } from '../../components/org-picker.tsx';

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
const FIELDS: ReadonlySet<string> = new Set(['unitCode', 'provision', 'dueDate', 'title']);

/** Assigns a unit a task implementing the document, or one of its provisions, by a deadline. */
export function AssignTaskModal({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | null>(null);
  const [provision, setProvision] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [attempted, setAttempted] = useState(false);
  const create = useCreateTask();
  // what is missing is said at once; anything else about a field, in the server's words under it
  const errorFor = (field: string, missing: boolean) =>
    fieldErrorOf(create.error, field, attempted && missing, t('wizard.required'));
  const provisions = doc.provisions
    .filter((p) => p.kind !== 'preamble')
    .map((p) => ({
      value: p.id,
      label: [p.citation, p.heading ?? shorten(p.text)].filter(Boolean).join(' – '),
    }));
  const submit = () => {
    setAttempted(true);
    if (!unit || !due || !title.trim()) return;
    create.mutate(
      { documentId: doc.id, unitCode: unit, provision: provision ?? undefined, dueDate: due, title },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('documents.tasks.assignTitle', { number: doc.number })}
      size="lg"
    >
      <Stack gap="sm">
        <OrgPicker
          label={t('documents.tasks.unit')}
          value={unit}
          onChange={setUnit}
          asOf={todayIso()}
          required
          error={errorFor('unitCode', !unit)}
          data-testid="task-unit"
        />
        <Select
          label={t('documents.tasks.provision')}
          placeholder={t('documents.tasks.wholeDocument')}
          data={provisions}
          value={provision}
          onChange={setProvision}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          error={errorFor('provision', false)}
          data-testid="task-provision"
        />
        <DateField
          label={t('documents.tasks.due')}
          value={due}
          onChange={setDue}
          required
          data-testid="task-due"
        />
        <Textarea
          label={t('documents.tasks.task')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={errorFor('title', !title.trim())}
          data-testid="task-title"
        />
        {create.isError && !isShownAtField(create.error, FIELDS) && <ErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="task-submit">
            {t('documents.tasks.assign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
