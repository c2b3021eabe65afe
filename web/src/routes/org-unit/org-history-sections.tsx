import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgHistory } from '../../api/orgs-api.ts';
import { DateText } from '../../components/date-text.tsx';
import { addDays, formatTimestamp, lastDayOf } from '../../components/dates.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { OrgCodeLink } from '../../components/org-code-link.tsx';
import { OrgLink } from '../../components/org-link.tsx';
import { Section } from '../../components/section.tsx';

type Operation = OrgHistory['operations'][number];
type LineageLink = OrgHistory['lineage']['predecessors'][number];

function OperationBadge({ operation }: { operation: Operation | undefined }) {
  const { t } = useTranslation();
  if (!operation) return null;
  return (
    <Badge size="sm" variant="outline" color="gray" tt="none">
      {t(`operations.${operation.kind}`)}
    </Badge>
  );
}

/** Every version of the unit (name, kind, parent over time) and the operations that made them. */
export function HistorySection({ history }: { history: OrgHistory }) {
  const { t } = useTranslation();
  const operationsById = new Map(history.operations.map((operation) => [operation.id, operation]));
  return (
    <Section title={t('unit.history')} testId="unit-history">
      <Stack gap="sm">
        <div>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={2}>
            {t('unit.versions')}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="unit-versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.from')}</Table.Th>
                  <Table.Th>{t('common.through')}</Table.Th>
                  <Table.Th>{t('common.name')}</Table.Th>
                  <Table.Th>{t('common.parent')}</Table.Th>
                  <Table.Th>{t('common.operation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.versions.map((version) => {
                  const operation = operationsById.get(version.operationId);
                  return (
                    <Table.Tr key={`${version.validFrom}:${version.operationId}`}>
                      <Table.Td>
                        <DateText value={version.validFrom} />
                      </Table.Td>
                      <Table.Td>
                        {version.validTo === null ? (
                          t('common.now')
                        ) : version.validTo <= version.validFrom ? (
                          <Text size="xs" c="dimmed">
                            {t('common.sameDay')}
                          </Text>
                        ) : (
                          <DateText value={lastDayOf(version.validFrom, version.validTo)} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm">{version.name}</Text>
                          <KindBadge kind={version.kind} size="xs" />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {version.parentCode ? (
                          <OrgCodeLink code={version.parentCode} asOf={version.validFrom} />
                        ) : (
                          t('common.empty')
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <OperationBadge operation={operation} />
                          <Text size="xs" c="dimmed">
                            {operation?.decisionRef ?? ''}
                          </Text>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
        <div>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={2}>
            {t('unit.operations')}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="unit-operations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.date')}</Table.Th>
                  <Table.Th>{t('common.operation')}</Table.Th>
                  <Table.Th>{t('common.decisionRef')}</Table.Th>
                  <Table.Th>{t('common.actor')}</Table.Th>
                  <Table.Th>{t('common.recordedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.operations.map((operation) => (
                  <Table.Tr key={operation.id}>
                    <Table.Td>
                      <DateText value={operation.date} />
                    </Table.Td>
                    <Table.Td>
                      <OperationBadge operation={operation} />
                    </Table.Td>
                    <Table.Td>{operation.decisionRef ?? t('common.empty')}</Table.Td>
                    <Table.Td>{operation.actor}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatTimestamp(operation.recordedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      </Stack>
    </Section>
  );
}

function LineageTable({ links, side }: { links: LineageLink[]; side: 'predecessors' | 'successors' }) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={2}>
        {t(`unit.${side}`)}
      </Text>
      <Table data-testid={`unit-${side}`}>
        <Table.Tbody>
          {links.map((link) => (
            <Table.Tr key={`${link.code}:${link.operationId}`}>
              <Table.Td>
                {/* A predecessor is shown as it stood the day before the operation ended it. */}
                <OrgLink code={link.code} asOf={side === 'predecessors' ? addDays(link.date, -1) : link.date}>
                  {link.name}
                </OrgLink>
                <Text size="xs" c="dimmed" ff="monospace">
                  {link.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color="grape" tt="none">
                  {t(`relations.${link.relation}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DateText value={link.date} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Units this one came from and units it became (merges and splits), as links. */
export function LineageSection({ lineage }: { lineage: OrgHistory['lineage'] }) {
  const { t } = useTranslation();
  const empty = lineage.predecessors.length === 0 && lineage.successors.length === 0;
  return (
    <Section title={t('unit.lineage')} testId="unit-lineage">
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('unit.noLineage')}
        </Text>
      ) : (
        <Stack gap="xs">
          <LineageTable links={lineage.predecessors} side="predecessors" />
          <LineageTable links={lineage.successors} side="successors" />
        </Stack>
      )}
    </Section>
  );
}
