import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconEye } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from '../../api/orgs-api.ts';
import { DateText } from '../../components/date-text.tsx';
import { addDays } from '../../components/dates.ts';
import { formatCount } from '../../components/formatting.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { OrgCodeLink } from '../../components/org-code-link.tsx';
import { OrgLink } from '../../components/org-link.tsx';

function UnitName({
  code,
  name,
  linked,
  asOf,
}: {
  code: string;
  name: string;
  linked: boolean;
  asOf?: string;
}) {
  return linked ? (
    <OrgLink code={code} asOf={asOf}>
      {name}
    </OrgLink>
  ) : (
    <Text size="sm" span>
      {name}
    </Text>
  );
}

function Block({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count: number;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={2}>
        {title} ({count})
      </Text>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('wizard.nothing')}
        </Text>
      ) : (
        children
      )}
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} ff="monospace">
        {formatCount(value)}
      </Text>
    </Paper>
  );
}

/** The effect of an operation: a preview (nothing recorded) or what was applied. */
export function OperationResultView({ result }: { result: OperationResult }) {
  const { t } = useTranslation();
  const linked = result.applied;
  // Parents come as codes: name those the operation itself created or closed.
  const names = new Map<string, string>();
  for (const unit of [...result.created, ...result.closed]) names.set(unit.code, unit.name);
  const parent = (code: string | null, asOf: string) => {
    if (!code) return t('common.empty');
    const name = names.get(code);
    return name ? <Text size="sm">{name}</Text> : <OrgCodeLink code={code} asOf={asOf} />;
  };

  return (
    <Stack gap="sm" data-testid={result.applied ? 'operation-applied' : 'operation-preview'}>
      <Alert
        color={result.applied ? 'teal' : 'blue'}
        variant="light"
        icon={result.applied ? <IconCheck size={18} /> : <IconEye size={18} />}
        title={result.applied ? t('wizard.appliedTitle') : t('wizard.previewTitle')}
        py="xs"
      >
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t(`operations.${result.kind}`)}
          </Text>
          <Text size="sm">
            · <DateText value={result.date} />
          </Text>
          {result.decisionRef && <Text size="sm">· {result.decisionRef}</Text>}
        </Group>
        <Text size="sm">
          {result.applied
            ? t('wizard.appliedNote', { id: result.operationId ?? '' })
            : t('wizard.previewNote')}
        </Text>
      </Alert>

      <SimpleGrid cols={2} spacing="xs">
        <Stat label={t('wizard.unitsAffected')} value={result.unitsAffected} testId="result-units-affected" />
        <Stat label={t('wizard.membersMoved')} value={result.membersMoved} testId="result-members-moved" />
      </SimpleGrid>

      <Block title={t('wizard.created')} count={result.created.length} testId="result-created">
        <Table>
          <Table.Tbody>
            {result.created.map((unit) => (
              <Table.Tr key={unit.code}>
                <Table.Td>
                  <UnitName code={unit.code} name={unit.name} linked={linked} asOf={result.date} />
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {unit.code}
                </Table.Td>
                <Table.Td>
                  <KindBadge kind={unit.kind} size="xs" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Block>

      <Block title={t('wizard.closedUnits')} count={result.closed.length} testId="result-closed">
        <Table>
          <Table.Tbody>
            {result.closed.map((unit) => (
              <Table.Tr key={unit.code}>
                <Table.Td>
                  <Text size="sm">{unit.name}</Text>
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {unit.code}
                </Table.Td>
                <Table.Td>
                  <KindBadge kind={unit.kind} size="xs" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Block>

      {result.renamed.length > 0 && (
        <Block title={t('wizard.renamed')} count={result.renamed.length} testId="result-renamed">
          <Table>
            <Table.Tbody>
              {result.renamed.map((item) => (
                <Table.Tr key={item.code}>
                  <Table.Td ff="monospace" fz="xs">
                    {item.code}
                  </Table.Td>
                  <Table.Td>{item.from}</Table.Td>
                  <Table.Td>→ {item.to}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Block>
      )}

      <Block title={t('wizard.moved')} count={result.movedUnits.length} testId="result-moved">
        <Table.ScrollContainer minWidth={420} maxHeight={260}>
          <Table striped stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.unit')}</Table.Th>
                <Table.Th>{t('wizard.movedFrom')}</Table.Th>
                <Table.Th>{t('wizard.movedTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.movedUnits.map((unit) => (
                <Table.Tr key={unit.code}>
                  <Table.Td>
                    <UnitName code={unit.code} name={unit.name} linked={linked} asOf={result.date} />
                    <Text size="xs" c="dimmed" ff="monospace">
                      {unit.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{parent(unit.fromParentCode, addDays(result.date, -1))}</Table.Td>
                  <Table.Td>{parent(unit.toParentCode, result.date)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Block>
    </Stack>
  );
}
