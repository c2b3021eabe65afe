import {
  Anchor,
  Button,
  FileButton,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DOC_FIELDS, DOC_STATUSES, DOC_TYPE_CODES } from '../../api/documents-api.ts';
import { useDocumentSearch, useImportDocument } from '../../api/documents-queries.ts';
import { DateText } from '../../components/date-text.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { oneOf } from '../../components/form-values.ts';
import { useUrlParam } from '../../components/use-url-param.ts';
import { DocStatusBadge } from './doc-status-badge.tsx';
import { DocumentsHeader } from './documents-header.tsx';
import { Excerpt } from './excerpt.tsx';

/** The file as base64, for the JSON import request. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function documentPath(id: number, provision?: string | null): string {
  return `/documents/${id}${provision ? `#${provision}` : ''}`;
}

/** `/documents?q=&type=&status=&field=`: the register, searched without diacritics or by number. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useUrlParam('q');
  const [typeParam, setType] = useUrlParam('type');
  const [statusParam, setStatus] = useUrlParam('status');
  const [fieldParam, setField] = useUrlParam('field');
  const status = oneOf(DOC_STATUSES, statusParam);
  const field = oneOf(DOC_FIELDS, fieldParam);
  const type = oneOf(DOC_TYPE_CODES, typeParam);
  const [text, setText] = useState(q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  useEffect(() => setQ(debounced || null), [debounced, setQ]);
  const search = useDocumentSearch({
    q: debounced,
    type: type ?? undefined,
    status: status ?? undefined,
    field: field ?? undefined,
    limit: 50,
  });
  const importing = useImportDocument();

  const upload = async (file: File | null) => {
    if (!file) return;
    const doc = await importing.mutateAsync({ fileName: file.name, content: await base64Of(file) });
    navigate(documentPath(doc.id));
  };

  return (
    <Stack gap="sm">
      <DocumentsHeader tab="register">
        <FileButton onChange={(file) => void upload(file).catch(() => undefined)} accept=".docx,.txt">
          {(props) => (
            <Button
              {...props}
              leftSection={<IconFileImport size={16} />}
              loading={importing.isPending}
              data-testid="doc-import"
            >
              {t('documents.import.button')}
            </Button>
          )}
        </FileButton>
      </DocumentsHeader>
      {importing.isError && <ErrorAlert error={importing.error} title={t('documents.import.failed')} />}
      <Paper withBorder p="sm">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('documents.search.label')}
              placeholder={t('documents.search.placeholder')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              leftSection={<IconSearch size={16} />}
              rightSection={search.isFetching ? <Loader size="xs" /> : undefined}
              type="search"
              autoFocus
              data-testid="doc-search-input"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 4, md: 2 }}>
            <Select
              label={t('documents.search.type')}
              placeholder={t('documents.search.any')}
              data={[...DOC_TYPE_CODES]}
              value={type}
              onChange={setType}
              clearable
              data-testid="doc-search-type"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 4, md: 2 }}>
            <Select
              label={t('documents.search.status')}
              placeholder={t('documents.search.any')}
              data={DOC_STATUSES.map((value) => ({ value, label: t(`documents.status.${value}`) }))}
              value={status}
              onChange={setStatus}
              clearable
              data-testid="doc-search-status"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 4, md: 2 }}>
            <Select
              label={t('documents.search.field')}
              placeholder={t('documents.search.any')}
              data={DOC_FIELDS.map((value) => ({ value, label: t(`documents.fields.${value}`) }))}
              value={field}
              onChange={setField}
              clearable
              data-testid="doc-search-field"
            />
          </Grid.Col>
        </Grid>
      </Paper>
      {search.isError && <ErrorAlert error={search.error} />}
      {search.data && (
        <Paper withBorder p="xs">
          {search.data.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('documents.search.none')}
            </Text>
          ) : (
            <Table striped highlightOnHover verticalSpacing={4} data-testid="doc-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('documents.columns.number')}</Table.Th>
                  <Table.Th>{t('documents.columns.title')}</Table.Th>
                  <Table.Th>{t('documents.columns.signed')}</Table.Th>
                  <Table.Th>{t('documents.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {search.data.map((r) => (
                  <Table.Tr key={r.id} data-testid="doc-result" data-number={r.number}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor
                        component={Link}
                        to={documentPath(r.id, r.provision)}
                        data-testid="doc-result-link"
                      >
                        {r.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.title}</Text>
                      {r.excerpt && <Excerpt text={r.excerpt} />}
                    </Table.Td>
                    <Table.Td>
                      <DateText value={r.signedDate} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <DocStatusBadge status={r.status} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
    </Stack>
  );
}
