import { Anchor, Group, type MantineColor, Progress, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IssueKind, QualitySummary } from '../../api/quality-api.ts';
import { formatCount, formatPercent } from '../../components/formatting.ts';
import { dataQualityPath } from '../../components/member-paths.ts';
import { Section } from '../../components/section.tsx';

/** Below 80 % a field is mostly unusable for reports; from 95 % it is nearly complete. */
function shareColor(share: number): MantineColor {
  if (share >= 0.95) return 'teal';
  return share >= 0.8 ? 'yellow' : 'red';
}

interface RowsProps {
  summary: QualitySummary;
  /** The list open below, highlighted here. */
  chosen: IssueKind | null;
}

/** A row leading to its list of records to fix, when there are any. */
function IssueRow({
  kind,
  count,
  chosen,
  org,
  label,
  children,
  testId,
}: {
  kind: IssueKind;
  count: number;
  chosen: IssueKind | null;
  org: string;
  label: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Table.Tr
      bg={chosen === kind ? 'var(--mantine-primary-color-light)' : undefined}
      data-kind={kind}
      data-testid={testId}
    >
      <Table.Td>
        {count > 0 ? (
          <Anchor component={Link} to={dataQualityPath(org, kind)} size="sm" data-testid="quality-open-list">
            {label}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {label}
          </Text>
        )}
      </Table.Td>
      {children}
    </Table.Tr>
  );
}

/** Each profile field: how many of the members concerned have it, as a bar and a percentage. */
export function CompletenessSection({ summary, chosen }: RowsProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('quality.completenessTitle')} testId="quality-completeness">
      <Table.ScrollContainer minWidth={520}>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quality.columns.field')}</Table.Th>
              <Table.Th w="32%">{t('quality.columns.share')}</Table.Th>
              <Table.Th ta="right">{t('quality.columns.filled')}</Table.Th>
              <Table.Th ta="right">{t('quality.columns.missing')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.completeness.map((row) => {
              const missing = row.applicable - row.filled;
              return (
                <IssueRow
                  key={row.field}
                  kind={`missing.${row.field}`}
                  count={missing}
                  chosen={chosen}
                  org={summary.org}
                  label={t(`quality.fields.${row.field}`)}
                  testId="quality-field-row"
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        value={row.share * 100}
                        color={shareColor(row.share)}
                        size="lg"
                        style={{ flex: 1 }}
                        aria-label={t(`quality.fields.${row.field}`)}
                      />
                      <Text size="sm" ff="monospace" w={64} ta="right" data-testid="quality-share">
                        {formatPercent(row.share)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {formatCount(row.filled)}/{formatCount(row.applicable)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" data-testid="quality-missing">
                    {formatCount(missing)}
                  </Table.Td>
                </IssueRow>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** Members sharing a name and birth date, or a card number, with another member of the unit. */
export function DuplicatesSection({ summary, chosen }: RowsProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('quality.duplicatesTitle')} testId="quality-duplicates">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quality.columns.kind')}</Table.Th>
            <Table.Th ta="right">{t('quality.columns.records')}</Table.Th>
            <Table.Th ta="right">{t('quality.columns.groups')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.duplicates.map((row) => (
            <IssueRow
              key={row.kind}
              kind={`duplicate.${row.kind}`}
              count={row.records}
              chosen={chosen}
              org={summary.org}
              label={t(`quality.duplicates.${row.kind}`)}
              testId="quality-duplicate-row"
            >
              <Table.Td ta="right" ff="monospace" c={row.records > 0 ? 'orange' : undefined}>
                {formatCount(row.records)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatCount(row.groups)}
              </Table.Td>
            </IssueRow>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

/** The date rules, each with the number of records breaking it. */
export function DatesSection({ summary, chosen }: RowsProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('quality.datesTitle')} testId="quality-dates">
      <Text size="sm" mb={4} data-testid="quality-dates-total">
        {t('quality.datesTotal', { total: formatCount(summary.recordsWithImpossibleDates) })}
      </Text>
      <Table>
        <Table.Tbody>
          {summary.impossibleDates.map((row) => (
            <IssueRow
              key={row.rule}
              kind={`date.${row.rule}`}
              count={row.records}
              chosen={chosen}
              org={summary.org}
              label={t(`quality.rules.${row.rule}`)}
              testId="quality-date-row"
            >
              <Table.Td ta="right" ff="monospace" c={row.records > 0 ? 'red' : 'dimmed'}>
                {formatCount(row.records)}
              </Table.Td>
            </IssueRow>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
