import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentStats } from '../../api/documents-api.ts';
import { useDocumentStats } from '../../api/documents-queries.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCount } from '../../components/formatting.ts';
import { Section } from '../../components/section.tsx';
import { DocumentsHeader } from './documents-header.tsx';

type Dimension = 'byField' | 'byType' | 'byIssuer' | 'byTerm' | 'byStatus';
const DIMENSIONS: readonly Dimension[] = ['byField', 'byType', 'byIssuer', 'byTerm', 'byStatus'];

function label(t: TFunction, dimension: Dimension, key: string): string {
  if (dimension === 'byField') return t(`documents.fields.${key}`, { defaultValue: key });
  if (dimension === 'byType') return t(`documents.kinds.${key}`, { defaultValue: key });
  if (dimension === 'byStatus') return t(`documents.status.${key}`, { defaultValue: key });
  if (dimension === 'byTerm') return t('documents.detail.term', { term: key });
  return `/${key}`;
}

/** `/documents/stats`: the table the sector reports — documents by field, type, issuer, term, status. */
export function DocumentStatsPage() {
  const { t } = useTranslation();
  const stats = useDocumentStats();
  const data: DocumentStats | undefined = stats.data;
  return (
    <Stack gap="sm">
      <DocumentsHeader tab="stats" />
      {stats.isError && <ErrorAlert error={stats.error} />}
      {data && (
        <>
          <Text size="sm" data-testid="doc-stats-total">
            {t('documents.stats.total', { count: formatCount(data.total) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            {DIMENSIONS.map((dimension) => (
              <Section
                key={dimension}
                title={t(`documents.stats.${dimension}`)}
                testId={`doc-stats-${dimension}`}
              >
                <Table verticalSpacing={2}>
                  <Table.Tbody>
                    {data[dimension].map((row) => (
                      <Table.Tr key={row.key}>
                        <Table.Td>{label(t, dimension, row.key)}</Table.Td>
                        <Table.Td ta="right">{formatCount(row.n)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Section>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
