import { Anchor, Badge, Button, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight, IconCalendarCheck, IconHierarchy } from '@tabler/icons-react';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { DocProvision } from '../../api/documents-api.ts';
import { useDocument } from '../../api/documents-queries.ts';
import { DateText } from '../../components/date-text.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Section } from '../../components/section.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { DocStatusBadge } from './doc-status-badge.tsx';
import { DocumentTasks } from './document-tasks.tsx';
import { documentPath } from './documents-page.tsx';
import { ProvisionTree } from './provision-tree.tsx';
import { QuestionModal } from './question-modal.tsx';
import { ReviewModal } from './review-modal.tsx';
import { StructureEditor } from './structure-editor.tsx';

/**
 * `/documents/:id#provision`: metadata and review, replacement chain, relations, implementation
 * tasks, and the provisions (with the editor that corrects their detected structure).
 */
export function DocumentPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { hash } = useLocation();
  const selected = hash ? decodeURIComponent(hash.slice(1)) : null;
  const doc = useDocument(id);
  const [asking, setAsking] = useState<DocProvision | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [editing, setEditing] = useState(false);
  usePageTitle(doc.data?.number);
  const loaded = doc.data !== undefined;
  // the provisions arrive after the page: land on the one in the address once they are there
  useEffect(() => {
    if (loaded && selected) document.getElementById(selected)?.scrollIntoView({ block: 'start' });
  }, [loaded, selected]);

  if (doc.isError) return <ErrorAlert error={doc.error} />;
  if (!doc.data) return <Loader size="sm" />;
  const d = doc.data;
  return (
    <Stack gap="sm">
      <div>
        <Group gap="xs">
          <Title order={2} data-testid="doc-number">
            {d.number}
          </Title>
          <DocStatusBadge status={d.status} />
        </Group>
        <Text data-testid="doc-title">{d.title}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Section
          title={t('documents.detail.metadata')}
          testId="doc-metadata"
          actions={
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCalendarCheck size={14} />}
              onClick={() => setReviewing(true)}
              data-testid="doc-review"
            >
              {t('documents.review.mark')}
            </Button>
          }
        >
          <Table verticalSpacing={2}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('documents.detail.kind')}</Table.Th>
                <Table.Td>{t(`documents.kinds.${d.kind}`, { defaultValue: d.kind })}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('documents.detail.issuer')}</Table.Th>
                <Table.Td>
                  {d.issuer.name} (/{d.issuer.suffix}) · {t('documents.detail.term', { term: d.term })}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('documents.detail.signed')}</Table.Th>
                <Table.Td>
                  <DateText value={d.signedDate} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('documents.detail.effective')}</Table.Th>
                <Table.Td>
                  <DateText value={d.effectiveDate} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('documents.review.last')}</Table.Th>
                <Table.Td data-testid="doc-reviewed">
                  <DateText value={d.reviewedDate} fallback={t('documents.review.never')} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('documents.detail.fields')}</Table.Th>
                <Table.Td>
                  {d.fields.map((f) => t(`documents.fields.${f}`, { defaultValue: f })).join(', ')}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Section>
        <Section title={t('documents.detail.relations')} testId="doc-relations">
          {d.chain.length > 0 && (
            <Group gap={4} mb="xs" data-testid="doc-chain">
              {d.chain.map((generation, i) => (
                <Fragment key={generation.map((g) => g.id).join('+')}>
                  {i > 0 && <IconArrowRight size={14} />}
                  {generation.map((link) => (
                    <Badge key={link.id} variant={link.id === d.id ? 'filled' : 'light'} tt="none">
                      <Anchor component={Link} to={documentPath(link.id)} c="inherit" size="xs">
                        {link.number}
                      </Anchor>
                    </Badge>
                  ))}
                </Fragment>
              ))}
            </Group>
          )}
          {d.relations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('documents.detail.noRelations')}
            </Text>
          ) : (
            d.relations.map((r) => (
              <Text size="sm" key={`${r.direction}-${r.kind}-${r.document.id}`}>
                {t(`documents.relations.${r.direction}.${r.kind}`)}{' '}
                <Anchor component={Link} to={documentPath(r.document.id)}>
                  {r.document.number}
                </Anchor>{' '}
                {r.provisions.length > 0 && `(${r.provisions.join(', ')}) `}
                {r.authorityWarning && (
                  <Badge size="xs" color="red" variant="light">
                    {t('documents.detail.authorityWarning')}
                  </Badge>
                )}
              </Text>
            ))
          )}
        </Section>
      </SimpleGrid>
      <DocumentTasks doc={d} />
      <Section
        title={t('documents.detail.provisions')}
        actions={
          !editing && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconHierarchy size={14} />}
              onClick={() => setEditing(true)}
              data-testid="structure-edit"
            >
              {t('documents.structure.edit')}
            </Button>
          )
        }
      >
        {editing ? (
          <StructureEditor key={d.id} doc={d} onDone={() => setEditing(false)} />
        ) : (
          <ProvisionTree provisions={d.provisions} selected={selected} onAsk={setAsking} />
        )}
      </Section>
      {asking && (
        <QuestionModal
          number={d.number}
          provision={asking.id}
          citation={asking.citation}
          onClose={() => setAsking(null)}
        />
      )}
      {reviewing && <ReviewModal doc={d} onClose={() => setReviewing(false)} />}
    </Stack>
  );
}
