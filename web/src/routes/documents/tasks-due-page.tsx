import { Anchor, Badge, Group, Loader, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../api/documents-api.ts';
import { useTasksDue } from '../../api/documents-queries.ts';
import { DateText } from '../../components/date-text.tsx';
import { addDays, todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { useDefaultOrg } from '../../components/use-default-org.ts';
import { TaskProgress } from './document-tasks.tsx';
import { DocumentsHeader } from './documents-header.tsx';
import { documentPath } from './documents-page.tsx';
import { DUE_SOON_DAYS, TaskStatusBadge, taskCitation, taskStatus } from './task-status.tsx';
import { useIntParam } from './use-int-param.ts';

interface UnitTasks {
  code: string;
  name: string;
  overdue: number;
  tasks: Task[];
}

/** The tasks grouped by unit, the units in the order of their most urgent task. */
function byUnit(tasks: readonly Task[]): UnitTasks[] {
  const groups = new Map<string, UnitTasks>();
  for (const task of tasks) {
    const group = groups.get(task.unitCode) ?? {
      code: task.unitCode,
      name: task.unitName,
      overdue: 0,
      tasks: [],
    };
    group.tasks.push(task);
    if (task.overdue) group.overdue += 1;
    groups.set(task.unitCode, group);
  }
  return [...groups.values()];
}

/** `/documents/tasks?org=&within=`: open tasks of the units under a unit, overdue and due soon. */
export function TasksDuePage() {
  const { t } = useTranslation();
  const [org, setOrg] = useDefaultOrg();
  const [within, setWithin] = useIntParam('within', DUE_SOON_DAYS, 0, 365);
  const due = useTasksDue(org, within);
  const dueSoonBy = addDays(todayIso(), within);
  const tasks = due.data ?? [];
  const overdue = tasks.filter((task) => task.overdue).length;
  return (
    <Stack gap="sm">
      <DocumentsHeader tab="tasks">
        <Group gap="xs" align="flex-end">
          <OrgPicker
            label={t('documents.tasks.unitsUnder')}
            value={org}
            onChange={setOrg}
            asOf={todayIso()}
            data-testid="tasks-due-org"
          />
          <NumberInput
            label={t('documents.tasks.within')}
            defaultValue={within}
            onChange={(value) => typeof value === 'number' && setWithin(value)}
            min={0}
            max={365}
            allowDecimal={false}
            w={180}
            data-testid="tasks-due-within"
          />
        </Group>
      </DocumentsHeader>
      {due.isLoading && <Loader size="sm" />}
      {due.isError && <ErrorAlert error={due.error} onRetry={() => void due.refetch()} />}
      {due.data && (
        <Paper withBorder p="xs">
          <Text size="sm" mb="xs" data-testid="tasks-due-summary">
            {t('documents.tasks.dueSummary', { overdue, soon: tasks.length - overdue, days: within })}
          </Text>
          {tasks.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('documents.tasks.noneDue')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing={4} styles={{ th: { whiteSpace: 'nowrap' } }} data-testid="tasks-due">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('documents.tasks.document')}</Table.Th>
                    <Table.Th>{t('documents.tasks.task')}</Table.Th>
                    <Table.Th>{t('documents.tasks.due')}</Table.Th>
                    <Table.Th w={220}>{t('documents.tasks.latest')}</Table.Th>
                    <Table.Th w={140}>{t('documents.tasks.statusLabel')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {byUnit(tasks).map((group) => (
                    <Fragment key={group.code}>
                      <Table.Tr
                        bg="var(--mantine-color-gray-light)"
                        data-testid="tasks-due-unit"
                        data-code={group.code}
                      >
                        <Table.Td colSpan={5}>
                          <Group gap="xs">
                            <Text size="sm" fw={700}>
                              {group.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {group.code}
                            </Text>
                            {group.overdue > 0 && (
                              <Badge size="sm" variant="light" color="red" tt="none">
                                {t('documents.tasks.overdueCount', { count: group.overdue })}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                      {group.tasks.map((task) => (
                        <Table.Tr key={task.id} data-testid="tasks-due-row" data-id={task.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Anchor
                              component={Link}
                              to={documentPath(task.documentId, task.provision)}
                              size="sm"
                              data-testid="tasks-due-document"
                            >
                              {task.documentNumber}
                            </Anchor>
                            {task.provision && (
                              <Text size="xs" c="dimmed">
                                {taskCitation(task.provision)}
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
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
    </Stack>
  );
}
