import { Anchor, Button, Loader, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewDue } from '../../api/documents-api.ts';
import { useReviewDue } from '../../api/documents-queries.ts';
import { DateText } from '../../components/date-text.tsx';
import { formatDate } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DocStatusBadge } from './doc-status-badge.tsx';
import { DocumentsHeader } from './documents-header.tsx';
import { documentPath } from './documents-page.tsx';
import { ReviewModal } from './review-modal.tsx';
import { useIntParam } from './use-int-param.ts';

/** The server's default period and its cap on one answer. */
const DEFAULT_YEARS = 5;
const LIST_LIMIT = 200;

type DueDocument = ReviewDue['results'][number];

/** `/documents/review?years=`: documents in force for more than N years without a review, the oldest first. */
export function ReviewDuePage() {
  const { t } = useTranslation();
  const [years, setYears] = useIntParam('years', DEFAULT_YEARS, 1, 50);
  const due = useReviewDue(years);
  const [marking, setMarking] = useState<DueDocument | null>(null);
  const results = due.data?.results ?? [];
  return (
    <Stack gap="sm">
      <DocumentsHeader tab="review">
        <NumberInput
          label={t('documents.review.years')}
          defaultValue={years}
          onChange={(value) => typeof value === 'number' && setYears(value)}
          min={1}
          max={50}
          allowDecimal={false}
          w={200}
          data-testid="review-years"
        />
      </DocumentsHeader>
      {due.isLoading && <Loader size="sm" />}
      {due.isError && <ErrorAlert error={due.error} onRetry={() => void due.refetch()} />}
      {due.data && (
        <Paper withBorder p="xs">
          <Text size="sm" mb="xs" data-testid="review-summary">
            {t('documents.review.summary', {
              count: results.length,
              years: due.data.years,
              before: formatDate(due.data.before),
            })}
            {results.length >= LIST_LIMIT && ` ${t('documents.review.limited', { limit: LIST_LIMIT })}`}
          </Text>
          {results.length > 0 && (
            <Table.ScrollContainer minWidth={800}>
              <Table
                striped
                verticalSpacing={4}
                styles={{ th: { whiteSpace: 'nowrap' } }}
                data-testid="review-due"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('documents.columns.number')}</Table.Th>
                    <Table.Th>{t('documents.columns.title')}</Table.Th>
                    <Table.Th>{t('documents.detail.effective')}</Table.Th>
                    <Table.Th>{t('documents.review.last')}</Table.Th>
                    <Table.Th w={170}>{t('documents.columns.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.map((doc) => (
                    <Table.Tr key={doc.id} data-testid="review-row" data-number={doc.number}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={documentPath(doc.id)} size="sm">
                          {doc.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{doc.title}</Text>
                      </Table.Td>
                      <Table.Td>
                        <DateText value={doc.effectiveDate} />
                      </Table.Td>
                      <Table.Td>
                        {doc.lastReviewDate === doc.effectiveDate ? (
                          <Text size="sm" c="dimmed">
                            {t('documents.review.never')}
                          </Text>
                        ) : (
                          <DateText value={doc.lastReviewDate} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <DocStatusBadge status={doc.status} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => setMarking(doc)}
                          data-testid="review-row-mark"
                        >
                          {t('documents.review.mark')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      {marking && <ReviewModal doc={marking} onClose={() => setMarking(null)} />}
    </Stack>
  );
}
