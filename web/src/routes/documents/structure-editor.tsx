import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconArrowBarUp, IconCut } from '@tabler/icons-react';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../api/documents-api.ts';
import { useReplaceStructure } from '../../api/documents-queries.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  changedIds,
  depths,
  mergeWithPrevious,
  PROVISION_KINDS,
  type ProvisionKind,
  provisionsOf,
  rowsOf,
  type StructureRow,
  splitRow,
} from './structure-rows.ts';

interface RowEditorProps {
  row: StructureRow;
  depth: number;
  first: boolean;
  onChange: (key: string, patch: Partial<StructureRow>) => void;
  onMerge: (key: string) => void;
  onSplit: (key: string) => void;
  onCaret: (key: string, at: number) => void;
}

/** One provision as a row of inputs; memoized, so typing in one row does not redraw the others. */
const RowEditor = memo(function RowEditor({
  row,
  depth,
  first,
  onChange,
  onMerge,
  onSplit,
  onCaret,
}: RowEditorProps) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="structure-row" data-eid={row.saved?.id ?? ''}>
      <Table.Td style={{ paddingLeft: 4 + depth * 14 }}>
        <NativeSelect
          size="xs"
          value={row.kind}
          onChange={(e) => onChange(row.key, { kind: e.currentTarget.value as ProvisionKind })}
          data={PROVISION_KINDS.map((kind) => ({
            value: kind,
            label: t(`documents.structure.kinds.${kind}`),
          }))}
          aria-label={t('documents.structure.kind')}
          data-testid="structure-kind"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          value={row.num}
          onChange={(e) => onChange(row.key, { num: e.currentTarget.value })}
          aria-label={t('documents.structure.num')}
          data-testid="structure-num"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          value={row.heading}
          onChange={(e) => onChange(row.key, { heading: e.currentTarget.value })}
          aria-label={t('documents.structure.heading')}
          data-testid="structure-heading"
        />
      </Table.Td>
      <Table.Td>
        <Textarea
          size="xs"
          autosize
          minRows={1}
          maxRows={6}
          value={row.text}
          onChange={(e) => onChange(row.key, { text: e.currentTarget.value })}
          onSelect={(e) => onCaret(row.key, e.currentTarget.selectionStart)}
          aria-label={t('documents.structure.text')}
          data-testid="structure-text"
        />
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('documents.structure.merge')}>
            <ActionIcon
              variant="subtle"
              size="sm"
              disabled={first}
              onClick={() => onMerge(row.key)}
              aria-label={t('documents.structure.merge')}
              data-testid="structure-merge"
            >
              <IconArrowBarUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('documents.structure.split')}>
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={() => onSplit(row.key)}
              aria-label={t('documents.structure.split')}
              data-testid="structure-split"
            >
              <IconCut size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

/**
 * Corrects the detected structure: each provision's kind (its level follows from it), number,
 * heading and text; a row can be joined to the one above or cut at the cursor. Saving replaces the
 * document's provisions with these rows.
 */
export function StructureEditor({ doc, onDone }: { doc: DocumentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(() => rowsOf(doc.provisions));
  const carets = useRef(new Map<string, number>());
  const save = useReplaceStructure();
  const levels = useMemo(() => depths(rows), [rows]);
  const changes = useMemo(() => changedIds(rows, doc.provisions), [rows, doc.provisions]);
  const pointedAt = useMemo(() => {
    const gone = new Set(changes.map((c) => c.from));
    return {
      tasks: doc.tasks.filter((task) => task.provision !== null && gone.has(task.provision)).length,
      questions: doc.provisions.filter((p) => gone.has(p.id)).reduce((sum, p) => sum + p.questions, 0),
    };
  }, [changes, doc.tasks, doc.provisions]);

  const onChange = useCallback((key: string, patch: Partial<StructureRow>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }, []);
  const onMerge = useCallback((key: string) => {
    setRows((current) =>
      mergeWithPrevious(
        current,
        current.findIndex((row) => row.key === key),
      ),
    );
  }, []);
  const onSplit = useCallback((key: string) => {
    setRows((current) => {
      const index = current.findIndex((row) => row.key === key);
      // without a cursor in its text, an empty row is added below
      return splitRow(current, index, carets.current.get(key) ?? current[index]?.text.length ?? 0);
    });
  }, []);
  const onCaret = useCallback((key: string, at: number) => {
    carets.current.set(key, at);
  }, []);

  return (
    <Stack gap="xs" data-testid="structure-editor">
      <Text size="xs" c="dimmed">
        {t('documents.structure.hint')}
      </Text>
      <Table.ScrollContainer minWidth={900} maxHeight={640}>
        <Table verticalSpacing={2} horizontalSpacing={4} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('documents.structure.kind')}</Table.Th>
              <Table.Th w={70}>{t('documents.structure.num')}</Table.Th>
              <Table.Th w={240}>{t('documents.structure.heading')}</Table.Th>
              <Table.Th>{t('documents.structure.text')}</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <RowEditor
                key={row.key}
                row={row}
                depth={levels[i] ?? 0}
                first={i === 0}
                onChange={onChange}
                onMerge={onMerge}
                onSplit={onSplit}
                onCaret={onCaret}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {changes.length > 0 && (
        <Alert color="yellow" variant="light" data-testid="structure-changes">
          <Text size="sm">
            {t('documents.structure.changed', { count: changes.length })}{' '}
            {changes
              .slice(0, 12)
              .map((c) => (c.to ? `${c.from} → ${c.to}` : `${c.from} ✕`))
              .join(', ')}
            {changes.length > 12 && ' …'}
          </Text>
          {pointedAt.tasks + pointedAt.questions > 0 && (
            <Text size="sm" fw={600}>
              {t('documents.structure.pointedAt', pointedAt)}
            </Text>
          )}
        </Alert>
      )}
      {save.isError && <ErrorAlert error={save.error} title={t('documents.structure.failed')} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone} data-testid="structure-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({ documentId: doc.id, provisions: provisionsOf(rows) }, { onSuccess: onDone })
          }
          data-testid="structure-save"
        >
          {t('documents.structure.save')}
        </Button>
      </Group>
    </Stack>
  );
}
