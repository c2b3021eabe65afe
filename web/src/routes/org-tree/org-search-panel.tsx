import { Badge, Group, Loader, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrgSearch } from '../../api/orgs-queries.ts';
import { formatDate } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ancestorPath } from '../../components/formatting.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { unitPath } from '../../components/use-as-of.ts';

const SEARCH_LIMIT = 50;

/** Diacritics-insensitive search (done by the server); each result shows its higher levels. */
export function OrgSearchPanel({ asOf, height }: { asOf: string; height: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const search = useOrgSearch(debounced, asOf, SEARCH_LIMIT);
  const active = debounced.length >= 2;

  return (
    <Stack gap="xs" h={height}>
      <TextInput
        label={t('tree.searchLabel')}
        placeholder={t('tree.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        leftSection={<IconSearch size={16} />}
        rightSection={search.isFetching ? <Loader size="xs" /> : undefined}
        data-testid="org-search-input"
        type="search"
      />
      {!active && (
        <Text size="xs" c="dimmed">
          {t('tree.searchHint')}
        </Text>
      )}
      {active && search.isError && <ErrorAlert error={search.error} />}
      {active && search.data && (
        <>
          <Group justify="space-between">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('tree.searchResults')}
            </Text>
            <Badge size="xs" variant="default" tt="none">
              {search.data.length >= SEARCH_LIMIT
                ? t('tree.searchCountMore', { count: SEARCH_LIMIT })
                : t('tree.searchCount', { count: search.data.length })}
            </Badge>
          </Group>
          {search.data.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('tree.searchNone', { q: debounced, date: formatDate(asOf) })}
            </Text>
          )}
          <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
            <Stack gap={2} data-testid="org-search-results">
              {search.data.map((result) => (
                <UnstyledButton
                  key={result.code}
                  className="clickable-row"
                  px={6}
                  py={4}
                  style={{ borderRadius: 4 }}
                  onClick={() => navigate(unitPath(result.code, asOf))}
                  data-testid="org-search-result"
                  data-code={result.code}
                >
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <Text size="sm" fw={500} c="red.9" lineClamp={1}>
                      {result.name}
                    </Text>
                    <KindBadge kind={result.kind} size="xs" />
                  </Group>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {result.code}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2} title={result.ancestors.join(' › ')}>
                      {result.ancestors.length > 0 ? ancestorPath(result.ancestors) : t('tree.topLevel')}
                    </Text>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea>
        </>
      )}
    </Stack>
  );
}
