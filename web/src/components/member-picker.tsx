import { type ComboboxItem, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MemberSearchResult, type MemberStatus, searchMembers } from '../api/members-api.ts';
import { MIN_SEARCH_LENGTH, memberKeys } from '../api/members-queries.ts';
import { formatDate } from './dates.ts';

interface MemberPickerProps {
  label: ReactNode;
  /** The chosen member, or null. */
  value: MemberSearchResult | null;
  onChange: (member: MemberSearchResult | null) => void;
  /** Only members of this status are offered (e.g. official members as introducers). */
  status?: MemberStatus;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  'data-testid'?: string;
}

/** Chooses one member by typing part of the name (with or without diacritics), a national ID or a card number. */
export function MemberPicker({ label, value, onChange, status, ...props }: MemberPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: [...memberKeys.all, 'picker', debounced, status ?? null],
    queryFn: ({ signal }) => searchMembers({ q: debounced, status, limit: 20 }, signal),
    enabled: debounced.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
  });
  const byId = useMemo(() => {
    const found = new Map((results.data ?? []).map((m) => [String(m.id), m]));
    if (value) found.set(String(value.id), value);
    return found;
  }, [results.data, value]);
  const data: ComboboxItem[] = [...byId.values()].map((m) => ({ value: String(m.id), label: m.fullName }));

  const renderOption = ({ option }: { option: ComboboxItem }): ReactNode => {
    const member = byId.get(option.value);
    return (
      <Stack gap={0}>
        <Text size="sm">{option.label}</Text>
        {member && (
          <Text size="xs" c="dimmed">
            {formatDate(member.birthDate)} · {member.cellCode} · {t(`members.status.${member.status}`)}
          </Text>
        )}
      </Stack>
    );
  };

  const nothingFound =
    debounced.length < MIN_SEARCH_LENGTH
      ? t('members.search.hint')
      : results.isFetching
        ? t('common.loading')
        : t('common.none');
  return (
    <Select
      label={label}
      description={props.description}
      error={props.error}
      required={props.required}
      data={data}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(id === null ? null : (byId.get(id) ?? null))}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      renderOption={renderOption}
      nothingFoundMessage={nothingFound}
      rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
      maxDropdownHeight={300}
      comboboxProps={{ withinPortal: true }}
      data-testid={props['data-testid']}
    />
  );
}
