import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ImportKind,
  type ImportResult,
  type ImportRun,
  rejectedRowsUrl,
  templateUrl,
  useImport,
  useImports,
  useUploadImport,
} from '../../api/imports-api.ts';
import { formatTimestamp } from '../../components/dates.ts';
import { ErrorAlert, localize } from '../../components/error-alert.tsx';
import { formatCount } from '../../components/formatting.ts';
import { usePageTitle } from '../../components/use-page-title.ts';

function StatusBadge({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const color = {
    running: 'blue',
    done: run.rejected > 0 ? 'yellow' : 'green',
    unreadable: 'red',
    failed: 'red',
  }[run.status];
  return <Badge color={color}>{t(`imports.status.${run.status}`)}</Badge>;
}

function Outcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.status === 'running') {
    const percent = Math.floor(result.progress * 100);
    return (
      <Stack gap={4} data-testid="import-progress">
        <Progress value={percent} striped animated />
        <Text size="sm">
          {percent >= 100
            ? t('imports.saving', { rows: formatCount(result.rowsRead) })
            : t('imports.progress', { count: result.rowsRead, rows: formatCount(result.rowsRead), percent })}
        </Text>
      </Stack>
    );
  }
  if (result.failure) {
    return (
      <Alert color="red" title={t(`imports.status.${result.status}`)} data-testid="import-result">
        {localize(result.failure)}
      </Alert>
    );
  }
  const counts = [
    ['accepted', result.accepted],
    ['rejected', result.rejected],
    ['created', result.created],
    ['updated', result.updated],
    ['unchanged', result.unchanged],
  ] as const;
  const converted = result.converted.tcvn3 + result.converted.vni + result.converted.nfd;
  return (
    <Stack gap="sm" data-testid="import-result">
      <Text fw={600}>{t(result.dryRun ? 'imports.result.preview' : 'imports.result.applied')}</Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {counts.map(([key, value]) => (
          <Paper key={key} withBorder p="xs" data-testid={`import-count-${key}`}>
            <Text size="xs" c="dimmed">
              {t(`imports.result.${key}`)}
            </Text>
            <Text fw={700}>{formatCount(value)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      {converted > 0 && (
        <Text size="sm" data-testid="import-converted">
          {t('imports.result.converted', result.converted)}
        </Text>
      )}
      {result.rejected > 0 && (
        <>
          <Group justify="space-between">
            <Text fw={600}>{t('imports.errors.title', { count: result.rejected })}</Text>
            <Button
              component="a"
              href={rejectedRowsUrl(result.id)}
              download
              variant="light"
              leftSection={<IconDownload size={16} />}
              data-testid="import-rejected-download"
            >
              {t('imports.errors.download')}
            </Button>
          </Group>
          <Table striped withTableBorder data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.errors.row')}</Table.Th>
                <Table.Th>{t('imports.errors.column')}</Table.Th>
                <Table.Th>{t('imports.errors.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((e) => (
                <Table.Tr key={`${e.row}-${e.column}-${e.message.en}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{localize(e.message)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.errors.length < result.rejected && (
            <Text size="xs" c="dimmed">
              {t('imports.errors.more')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function History() {
  const { t } = useTranslation();
  const imports = useImports();
  if (imports.isError) return <ErrorAlert error={imports.error} onRetry={() => imports.refetch()} />;
  const runs = imports.data?.imports ?? [];
  return (
    <Table striped withTableBorder data-testid="imports-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('imports.history.when')}</Table.Th>
          <Table.Th>{t('imports.history.file')}</Table.Th>
          <Table.Th>{t('imports.history.kind')}</Table.Th>
          <Table.Th>{t('imports.history.who')}</Table.Th>
          <Table.Th>{t('imports.history.status')}</Table.Th>
          <Table.Th>{t('imports.result.accepted')}</Table.Th>
          <Table.Th>{t('imports.result.rejected')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={run.id}>
            <Table.Td>{formatTimestamp(run.startedAt)}</Table.Td>
            <Table.Td>
              {run.fileName}
              {run.dryRun && (
                <Badge ml="xs" size="xs" variant="outline">
                  {t('imports.history.dryRun')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{t(`imports.kind.${run.kind}`)}</Table.Td>
            <Table.Td>{run.actor}</Table.Td>
            <Table.Td>
              <StatusBadge run={run} />
            </Table.Td>
            <Table.Td>{formatCount(run.accepted)}</Table.Td>
            <Table.Td>
              {run.rejected > 0 ? (
                <Anchor href={rejectedRowsUrl(run.id)} download>
                  {formatCount(run.rejected)}
                </Anchor>
              ) : (
                0
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `/imports`: upload a file, preview it (a dry run), import it, download the rejected rows, see past imports. */
export function ImportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  const [kind, setKind] = useState<ImportKind>('members');
  const [file, setFile] = useState<File | null>(null);
  const [update, setUpdate] = useState(false);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const upload = useUploadImport();
  const current = useImport(currentId);
  const running = upload.isPending || current.data?.status === 'running';

  const start = (dryRun: boolean) => {
    if (!file) return;
    upload.mutate(
      { file, kind, dryRun, update: kind === 'members' && update },
      { onSuccess: (run) => setCurrentId(run.id) },
    );
  };

  return (
    <Stack gap="sm">
      <Title order={2}>{t('imports.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('imports.intro')}
      </Text>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap">
            <SegmentedControl
              value={kind}
              onChange={(value) => {
                setKind(value as ImportKind);
                setCurrentId(null);
              }}
              data={[
                { value: 'members', label: t('imports.kind.members') },
                { value: 'orgs', label: t('imports.kind.orgs') },
              ]}
              data-testid="import-kind"
            />
            <FileInput
              label={t('imports.file')}
              placeholder={t('imports.filePlaceholder')}
              accept=".xlsx,.csv"
              value={file}
              onChange={(value) => {
                setFile(value);
                setCurrentId(null);
              }}
              leftSection={<IconFileSpreadsheet size={16} />}
              w={320}
              clearable
              data-testid="import-file"
            />
            {kind === 'members' && (
              <Checkbox
                label={t('imports.update')}
                checked={update}
                onChange={(e) => setUpdate(e.currentTarget.checked)}
                data-testid="import-update"
              />
            )}
          </Group>
          <Group>
            <Button
              variant="light"
              disabled={!file || running}
              onClick={() => start(true)}
              data-testid="import-preview"
            >
              {t('imports.preview')}
            </Button>
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={!file || running}
              onClick={() => start(false)}
              data-testid="import-apply"
            >
              {t('imports.apply')}
            </Button>
            <Anchor href={templateUrl(kind)} download size="sm">
              {t('imports.template')}
            </Anchor>
          </Group>
          {upload.isError && <ErrorAlert error={upload.error} />}
          {current.isError && <ErrorAlert error={current.error} />}
          {current.data && <Outcome result={current.data} />}
        </Stack>
      </Paper>
      <Title order={3}>{t('imports.history.title')}</Title>
      <History />
    </Stack>
  );
}
