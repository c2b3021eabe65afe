import { Anchor, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDetail, Task } from '../../api/documents-api.ts';
import { DateText } from '../../components/date-text.tsx';
import { addDays, todayIso } from '../../components/dates.ts';
import { Section } from '../../components/section.tsx';
import { AssignTaskModal } from './assign-task-modal.tsx';
import { documentPath } from './documents-page.tsx';
import { TaskProgressModal } from './task-progress-modal.tsx';
import { DUE_SOON_DAYS, EvidenceText, TaskStatusBadge, taskCitation, taskStatus } from './task-status.tsx';

/** A task's latest report: its progress bar, what was done and the evidence. */
export function TaskProgress({ task }: { task: Task }) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Progress value={task.progress} size="sm" w={80} color={task.doneDate ? 'green' : undefined} />
        <Text size="xs" data-testid="task-progress">
          {task.progress}%
        </Text>
      </Group>
      {task.report && (
        <Text size="xs" lineClamp={2} title={task.report} data-testid="task-report">
          {task.report}
        </Text>
      )}
      {task.evidence && <EvidenceText evidence={task.evidence} />}
    </Stack>
  );
}

/** Triển khai thực hiện: the document's tasks, how far they have come, assigning and reporting. */
export function DocumentTasks({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const [assigning, setAssigning] = useState(false);
  const [reporting, setReporting] = useState<Task | null>(null);
  const dueSoonBy = addDays(todayIso(), DUE_SOON_DAYS);
  const done = doc.tasks.filter((task) => task.doneDate).length;
  const overdue = doc.tasks.filter((task) => task.overdue).length;
  return (
    <Section
      title={t('documents.tasks.title')}
      testId="doc-tasks"
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setAssigning(true)}
          data-testid="task-assign"
        >
          {t('documents.tasks.assign')}
        </Button>
      }
    >
      {doc.tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documents.tasks.none')}
        </Text>
      ) : (
        <>
          <Group gap="xs" wrap="nowrap" mb={4}>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('documents.tasks.implementation')}
            </Text>
            <Progress value={doc.implementation ?? 0} size="lg" style={{ flex: 1 }} />
            <Text size="sm" fw={700} data-testid="doc-implementation">
              {doc.implementation ?? 0}%
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            {t('documents.tasks.summary', { done, total: doc.tasks.length, overdue })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={4} striped styles={{ th: { whiteSpace: 'nowrap' } }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('documents.tasks.unit')}</Table.Th>
                  <Table.Th>{t('documents.tasks.provision')}</Table.Th>
                  <Table.Th>{t('documents.tasks.task')}</Table.Th>
                  <Table.Th>{t('documents.tasks.due')}</Table.Th>
                  <Table.Th w={220}>{t('documents.tasks.latest')}</Table.Th>
                  <Table.Th w={140}>{t('documents.tasks.statusLabel')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {doc.tasks.map((task) => (
                  <Table.Tr key={task.id} data-testid="task-row" data-id={task.id}>
                    <Table.Td>
                      <Text size="sm">{task.unitName}</Text>
                      <Text size="xs" c="dimmed">
                        {task.unitCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {task.provision ? (
                        <Anchor
                          component={Link}
                          to={documentPath(doc.id, task.provision)}
                          size="sm"
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {taskCitation(task.provision)}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('documents.tasks.wholeDocument')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{task.title}</Text>
                    </Table.Td>
                    <Table.Td c={task.overdue ? 'red' : undefined}>
                      <DateText value={task.dueDate} />
                    </Table.Td>
                    <Table.Td>
                      <TaskProgress task={task} />
                    </Table.Td>
                    <Table.Td>
                      <TaskStatusBadge status={taskStatus(task, dueSoonBy)} />
                      {task.doneDate && (
                        <Text size="xs" c="dimmed">
                          <DateText value={task.doneDate} />
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setReporting(task)}
                        data-testid="task-report-open"
                      >
                        {t('documents.tasks.reportProgress')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {assigning && <AssignTaskModal doc={doc} onClose={() => setAssigning(false)} />}
      {reporting && <TaskProgressModal task={reporting} onClose={() => setReporting(null)} />}
    </Section>
  );
}
