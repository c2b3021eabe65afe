import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AuditEntry, useAuditLog, useVerifyAudit } from '../../api/audit-api.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatTimestamp } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useUrlParam } from '../../components/use-url-param.ts';

/** Actions (or whole families, by prefix) the auditor filters on most, with their label's key. */
const ACTION_FILTERS = {
  member: 'member',
  'member.profile_read': 'member_profile_read',
  'member.profile_read_denied': 'member_profile_read_denied',
  org: 'org',
  admission: 'admission',
  fee: 'fee',
  rating: 'rating',
  export: 'export',
  import: 'import',
  document: 'document',
  auth: 'auth',
  'auth.login_failed': 'auth_login_failed',
  user: 'user',
  backup: 'backup',
} as const;

const isLabelled = (action: string): action is keyof typeof ACTION_FILTERS =>
  Object.hasOwn(ACTION_FILTERS, action);

function RecordCell({ entry }: { entry: AuditEntry }) {
  if (entry.ids.length === 0) return <span>{entry.entity ?? ''}</span>;
  return (
    <Group gap={4} wrap="wrap">
      <Text size="xs" c="dimmed">
        {entry.entity}
      </Text>
      {entry.ids.map((id) =>
        entry.entity === 'member' ? (
          <Anchor key={id} component={Link} to={`/members/${id}`} size="sm">
            #{id}
          </Anchor>
        ) : (
          <Text key={id} size="sm" span>
            {id}
          </Text>
        ),
      )}
    </Group>
  );
}

function VerifyPanel() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          leftSection={<IconShieldCheck size={16} />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t('security.audit.verify.button')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('security.audit.verify.hint')}
        </Text>
      </Group>
      {verify.isError && <ErrorAlert error={verify.error} />}
      {result &&
        (result.broken ? (
          <Alert color="red" icon={<IconShieldX size={18} />} data-testid="audit-verify-result">
            {t(`security.audit.verify.broken_${result.broken.reason}`, {
              id: result.broken.id,
              count: result.checked,
            })}
          </Alert>
        ) : (
          <Alert color="green" icon={<IconShieldCheck size={18} />} data-testid="audit-verify-result">
            {t('security.audit.verify.intact', { count: result.checked })} <Code>{result.lastHash}</Code>
          </Alert>
        ))}
    </Stack>
  );
}

/** `/security/audit?actor=&action=&from=&to=&entity=&id=`: the auditor browses and checks the log. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.audit.title'));
  const [actor, setActor] = useUrlParam('actor');
  const [action, setAction] = useUrlParam('action');
  const [from, setFrom] = useUrlParam('from');
  const [to, setTo] = useUrlParam('to');
  const [entity, setEntity] = useUrlParam('entity');
  const [recordId, setRecordId] = useUrlParam('id');
  const [actorText, setActorText] = useState(actor ?? '');
  const [debouncedActor] = useDebouncedValue(actorText.trim(), 300);
  useEffect(() => setActor(debouncedActor || null), [debouncedActor, setActor]);

  const log = useAuditLog({
    actor: actor ?? undefined,
    action: action ?? undefined,
    from: from ?? undefined,
    to: to ?? undefined,
    entity: entity ?? undefined,
    recordId: entity && recordId ? recordId : undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  // other actions show their code (`org.rename`), which reads plainly enough
  const label = (value: string) =>
    isLabelled(value) ? t(`security.audit.actions.${ACTION_FILTERS[value]}`) : value;

  return (
    <Stack gap="sm">
      <Title order={2}>{t('security.audit.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('security.audit.intro')}
      </Text>
      <Paper withBorder p="sm">
        <VerifyPanel />
      </Paper>
      <Paper withBorder p="sm">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('security.audit.filters.actor')}
              placeholder={t('security.audit.filters.actorPlaceholder')}
              value={actorText}
              onChange={(event) => setActorText(event.currentTarget.value)}
              data-testid="audit-filter-actor"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('security.audit.filters.action')}
              placeholder={t('security.audit.filters.anyAction')}
              data={Object.keys(ACTION_FILTERS).map((value) => ({ value, label: label(value) }))}
              value={action}
              onChange={setAction}
              clearable
              searchable
              comboboxProps={{ withinPortal: true }}
              data-testid="audit-filter-action"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <DateField
              label={t('security.audit.filters.from')}
              value={from}
              onChange={setFrom}
              clearable
              data-testid="audit-filter-from"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <DateField
              label={t('security.audit.filters.to')}
              value={to}
              onChange={setTo}
              clearable
              data-testid="audit-filter-to"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 1 }}>
            <TextInput
              label={t('security.audit.filters.entity')}
              placeholder="member"
              value={entity ?? ''}
              onChange={(event) => setEntity(event.currentTarget.value.trim() || null)}
              data-testid="audit-filter-entity"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 1 }}>
            <TextInput
              label={t('security.audit.filters.recordId')}
              value={recordId ?? ''}
              disabled={!entity}
              onChange={(event) => setRecordId(event.currentTarget.value.trim() || null)}
              data-testid="audit-filter-id"
            />
          </Grid.Col>
        </Grid>
      </Paper>

      {log.isError && <ErrorAlert error={log.error} onRetry={() => log.refetch()} />}
      {log.data && (
        <Paper withBorder p="xs">
          {entries.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('security.audit.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped highlightOnHover verticalSpacing={4} data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('security.audit.columns.at')}</Table.Th>
                    <Table.Th>{t('security.audit.columns.actor')}</Table.Th>
                    <Table.Th>{t('security.audit.columns.action')}</Table.Th>
                    <Table.Th>{t('security.audit.columns.record')}</Table.Th>
                    <Table.Th>{t('security.audit.columns.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((entry) => (
                    <Table.Tr key={entry.id} data-testid="audit-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{entry.actor}</Text>
                        {entry.ip && (
                          <Text size="xs" c="dimmed">
                            {entry.ip}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={
                            entry.action.endsWith('_denied') || entry.action.endsWith('_failed')
                              ? 'red'
                              : 'gray'
                          }
                          tt="none"
                          title={entry.action}
                        >
                          {label(entry.action)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <RecordCell entry={entry} />
                      </Table.Td>
                      <Table.Td>
                        {entry.details && (
                          <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                            {JSON.stringify(entry.details)}
                          </Code>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {log.hasNextPage && (
            <Group justify="center" mt="xs">
              <Button variant="subtle" loading={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
                {t('security.audit.more')}
              </Button>
            </Group>
          )}
        </Paper>
      )}
    </Stack>
  );
}
