import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Question } from '../../api/documents-api.ts';
import { useAnswerQuestion, useHotspots, useQuestions } from '../../api/documents-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { DateText } from '../../components/date-text.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Section } from '../../components/section.tsx';
import { DocumentsHeader } from './documents-header.tsx';
import { documentPath } from './documents-page.tsx';

function AnswerForm({ question }: { question: Question }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [publish, setPublish] = useState(true);
  const answering = useAnswerQuestion();
  return (
    <Stack gap={4} mt={4}>
      <Textarea
        value={answer}
        onChange={(e) => setAnswer(e.currentTarget.value)}
        placeholder={t('documents.questions.answerPlaceholder')}
        autosize
        minRows={2}
        data-testid="question-answer"
      />
      {answering.isError && <ErrorAlert error={answering.error} />}
      <Group justify="space-between">
        <Checkbox
          label={t('documents.questions.publish')}
          checked={publish}
          onChange={(e) => setPublish(e.currentTarget.checked)}
          data-testid="question-publish"
        />
        <Button
          size="xs"
          loading={answering.isPending}
          onClick={() => answering.mutate({ id: question.id, answer, answeredDate: todayIso(), publish })}
          data-testid="question-answer-submit"
        >
          {t('documents.questions.answer')}
        </Button>
      </Group>
    </Stack>
  );
}

/** `/documents/questions`: the inbox of questions from lower units, and the provisions they hit most. */
export function DocumentQuestionsPage() {
  const { t } = useTranslation();
  const open = useQuestions('open');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const hot = useHotspots(from ?? '', to ?? '');
  return (
    <Stack gap="sm">
      <DocumentsHeader tab="questions" />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <Section title={t('documents.questions.open')} testId="questions-open">
          {open.isError && <ErrorAlert error={open.error} />}
          {open.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('documents.questions.none')}
            </Text>
          )}
          <Stack gap="xs">
            {open.data?.map((q) => (
              <Paper key={q.id} withBorder p="xs" data-testid="question" data-id={q.id}>
                <Text size="xs" c={q.overdue ? 'red' : 'dimmed'}>
                  {q.sender} · <DateText value={q.receivedDate} />
                  {q.dueDate && (
                    <>
                      {' · '}
                      {t('documents.questions.due')} <DateText value={q.dueDate} />
                    </>
                  )}
                </Text>
                <Text size="sm">{q.text}</Text>
                <Text size="xs">
                  {q.targets.map((target) => (
                    <Anchor
                      key={`${target.documentId}-${target.provision}`}
                      component={Link}
                      to={documentPath(target.documentId, target.provision)}
                      mr="xs"
                    >
                      {target.citation ? `${target.citation} ` : ''}
                      {target.number}
                    </Anchor>
                  ))}
                </Text>
                <AnswerForm question={q} />
              </Paper>
            ))}
          </Stack>
        </Section>
        <Section title={t('documents.questions.hotspots')} testId="hotspots">
          <Group gap="xs" mb="xs">
            <DateField
              label={t('documents.questions.from')}
              value={from}
              onChange={setFrom}
              clearable
              size="xs"
            />
            <DateField label={t('documents.questions.to')} value={to} onChange={setTo} clearable size="xs" />
          </Group>
          {hot.isError && <ErrorAlert error={hot.error} />}
          <Table verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.questions.provision')}</Table.Th>
                <Table.Th ta="right">{t('documents.questions.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hot.data?.map((h) => (
                <Table.Tr
                  key={`${h.documentId}-${h.provision}`}
                  data-testid="hotspot"
                  data-eid={h.provision ?? ''}
                >
                  <Table.Td>
                    <Anchor component={Link} to={documentPath(h.documentId, h.provision)} size="sm">
                      {h.citation ? `${h.citation} ` : ''}
                      {h.number}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {h.title}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{h.questions}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
