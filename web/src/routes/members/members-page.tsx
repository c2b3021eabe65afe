import { Badge, Grid, Group, Loader, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { memberListFileUrl } from '../../api/exports-api.ts';
import { MEMBER_STATUSES } from '../../api/members-api.ts';
import { MIN_SEARCH_LENGTH, useMemberSearch } from '../../api/members-queries.ts';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportMenu } from '../../components/export-menu.tsx';
import { oneOf } from '../../components/form-values.ts';
import { formatCount } from '../../components/formatting.ts';
import { MembersHeader } from '../../components/members-header.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { useUrlParam } from '../../components/use-url-param.ts';
import { MemberResultsTable } from './member-results-table.tsx';
import { UnitMembersHint } from './unit-members-hint.tsx';

/** The server answers at most this many; the list renders only the rows in view. */
const SEARCH_LIMIT = 500;

/**
 * `/members?q=&org=&status=`: search by name without diacritics (or national ID, card number),
 * within a unit's subtree, filtered by status; best match first, then in Vietnamese order.
 */
export function MembersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useUrlParam('q');
  const [org, setOrg] = useUrlParam('org');
  const [statusParam, setStatus] = useUrlParam('status');
  const status = oneOf(MEMBER_STATUSES, statusParam);
  const [text, setText] = useState(q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  useEffect(() => setQ(debounced || null), [debounced, setQ]);

  const search = useMemberSearch(debounced, org, SEARCH_LIMIT);
  const active = debounced.length >= MIN_SEARCH_LENGTH;
  const results = (search.data ?? []).filter((member) => status === null || member.status === status);
  const capped = (search.data?.length ?? 0) >= SEARCH_LIMIT;
  // the file holds every match (not only the first 500 shown), with the same filters
  const fileFilters = {
    q: active ? debounced : undefined,
    org: org ?? undefined,
    status: status ?? undefined,
  };

  return (
    <Stack gap="sm">
      <MembersHeader tab="search" org={org}>
        {(org || active) && (
          <ExportMenu
            testId="members-export"
            hint={t('exports.listHint')}
            links={[
              { label: 'membersXlsx', href: memberListFileUrl(fileFilters, 'xlsx') },
              { label: 'membersCsv', href: memberListFileUrl(fileFilters, 'csv') },
            ]}
          />
        )}
      </MembersHeader>
      <Paper withBorder p="sm">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TextInput
              label={t('members.search.label')}
              placeholder={t('members.search.placeholder')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              leftSection={<IconSearch size={16} />}
              rightSection={search.isFetching ? <Loader size="xs" /> : undefined}
              type="search"
              autoFocus
              data-testid="member-search-input"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, md: 4 }}>
            <OrgPicker
              label={t('members.search.unit')}
              placeholder={t('members.search.anyUnit')}
              value={org}
              onChange={setOrg}
              asOf={todayIso()}
              data-testid="member-search-org"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
            <Select
              label={t('members.search.status')}
              placeholder={t('members.search.anyStatus')}
              data={MEMBER_STATUSES.map((value) => ({ value, label: t(`members.status.${value}`) }))}
              value={status}
              onChange={setStatus}
              clearable
              comboboxProps={{ withinPortal: true }}
              data-testid="member-search-status"
            />
          </Grid.Col>
        </Grid>
      </Paper>

      {!active && <UnitMembersHint org={org} status={status} />}
      {active && search.isError && <ErrorAlert error={search.error} />}
      {active && search.data && (
        <Paper withBorder p="xs">
          <Group justify="space-between" mb={4} px={4}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('members.search.results')}
            </Text>
            <Badge size="sm" variant="default" tt="none" data-testid="member-search-count">
              {capped
                ? t('members.search.countMore', { count: formatCount(results.length) })
                : t('members.search.count', { count: formatCount(results.length) })}
            </Badge>
          </Group>
          {results.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('members.search.none', { q: debounced })}
            </Text>
          ) : (
            <MemberResultsTable members={results} />
          )}
        </Paper>
      )}
    </Stack>
  );
}
