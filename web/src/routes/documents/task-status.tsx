import { Anchor, Badge, type MantineColor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { citeProvision } from '../../../../src/core/doc-structure.ts';
import type { Task } from '../../api/documents-api.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** Open tasks due within this many days are "due soon" (the server's default for the due list). */
export const DUE_SOON_DAYS = 14;

export type TaskStatus = 'done' | 'overdue' | 'due_soon' | 'open';

const COLORS: Record<TaskStatus, MantineColor> = {
  done: 'green',
  overdue: 'red',
  due_soon: 'yellow',
  open: 'blue',
};

/** `dueSoonBy`: the last deadline counted as due soon. */
export function taskStatus(task: Task, dueSoonBy: string): TaskStatus {
  if (task.doneDate) return 'done';
  if (task.overdue) return 'overdue';
  return task.dueDate <= dueSoonBy ? 'due_soon' : 'open';
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      size="sm"
      tt="none"
      data-testid="task-status"
      data-status={status}
    >
      {t(`documents.tasks.status.${status}`)}
    </Badge>
  );
}

/** `art_2__cl_1` → `khoản 1 Điều 2` (or `Article 2, clause 1`), in the current language. */
export function taskCitation(provision: string): string {
  return citeProvision(provision, currentLanguage());
}

/** The evidence of a report: a link when it is an address, else the reference as written. */
export function EvidenceText({ evidence }: { evidence: string }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" data-testid="task-evidence">
      {t('documents.tasks.evidence')}:{' '}
      {/^https?:\/\//.test(evidence) ? (
        <Anchor href={evidence} target="_blank" rel="noreferrer" size="xs">
          {evidence}
        </Anchor>
      ) : (
        evidence
      )}
    </Text>
  );
}
