import { ActionIcon, Badge, Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocProvision } from '../../api/documents-api.ts';
import { provisionLabel } from './structure-rows.ts';

const INDENT: Record<string, number> = {
  part: 0,
  chapter: 0,
  section: 8,
  article: 8,
  clause: 24,
  point: 40,
  preamble: 0,
};

/** The provisions in document order, each with its anchor (`#art_5__cl_2`), guidance and questions. */
export function ProvisionTree({
  provisions,
  selected,
  onAsk,
}: {
  provisions: readonly DocProvision[];
  selected: string | null;
  onAsk: (provision: DocProvision) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="provision-tree">
      {provisions.map((p) => {
        const block = p.kind === 'part' || p.kind === 'chapter' || p.kind === 'section';
        const label = provisionLabel(p.kind, p.num);
        return (
          <Box
            key={p.id}
            id={p.id}
            pl={INDENT[p.kind] ?? 0}
            py={2}
            data-testid="provision"
            data-eid={p.id}
            style={{
              scrollMarginTop: 80,
              background: selected === p.id ? 'var(--mantine-color-yellow-light)' : undefined,
            }}
          >
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text size="sm" fw={block || p.kind === 'article' ? 700 : 400} style={{ flex: 1 }}>
                {label && `${label} `}
                {p.heading}
                {p.heading && p.text ? ' ' : ''}
                <Text span fw={400} style={{ whiteSpace: 'pre-line' }}>
                  {p.text}
                </Text>
              </Text>
              {p.questions > 0 && (
                <Badge size="xs" variant="light" color="orange" data-testid="provision-question-count">
                  {t('documents.provision.questions', { count: p.questions })}
                </Badge>
              )}
              {p.kind !== 'preamble' && (
                <Tooltip label={t('documents.provision.ask', { citation: p.citation })}>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    onClick={() => onAsk(p)}
                    data-testid="provision-ask"
                    aria-label={t('documents.provision.ask', { citation: p.citation })}
                  >
                    <IconMessageQuestion size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
            {p.guidance.map((g) => (
              <Paper
                key={g.questionId}
                withBorder
                p={6}
                ml="md"
                mt={4}
                bg="var(--mantine-color-blue-light)"
                data-testid="provision-guidance"
              >
                <Text size="xs" fw={600}>
                  {t('documents.provision.guidance')}: {g.question}
                </Text>
                <Text size="xs">{g.answer}</Text>
              </Paper>
            ))}
          </Box>
        );
      })}
    </Stack>
  );
}
