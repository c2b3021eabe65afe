import { type ComboboxItem, Loader, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchOrgDetail, type OrgKindValue } from '../api/orgs-api.ts';
import { orgKeys, useOrgSearch } from '../api/orgs-queries.ts';
import { ancestorPath } from './formatting.ts';

interface OrgOption {
  code: string;
  name: string;
  kind?: OrgKindValue;
  ancestors: string[];
}

/**
 * Options for a unit picker: the server's search results (diacritics-insensitive, so no filtering
 * here) plus the units already chosen, whose names are fetched when only their codes are known.
 */
function useOrgOptions(search: string, asOf: string, selected: readonly string[]) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useOrgSearch(debounced, asOf, 20);
  const [known, setKnown] = useState<Record<string, OrgOption>>({});

  useEffect(() => {
    if (!results.data) return;
    setKnown((current) => {
      const next = { ...current };
      for (const result of results.data) next[result.code] = result;
      return next;
    });
  }, [results.data]);

  // Units chosen before any search (e.g. preselected from the URL): fetch their names once.
  const unknown = selected.filter((code) => code && !known[code]);
  const details = useQueries({
    queries: unknown.map((code) => ({
      queryKey: orgKeys.detail(code, asOf),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchOrgDetail(code, asOf, signal),
      retry: false,
    })),
  });
  const fetched = details.flatMap((query) => (query.data ? [query.data] : []));
  const fetchedKey = fetched.map((detail) => detail.code).join('|');
  // `fetched` is a new array every render; its codes say when it really changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on fetchedKey
  useEffect(() => {
    if (fetched.length === 0) return;
    setKnown((current) => {
      const next = { ...current };
      for (const detail of fetched) {
        next[detail.code] = {
          code: detail.code,
          name: detail.name,
          kind: detail.kind,
          ancestors: detail.ancestors.map((item) => item.name),
        };
      }
      return next;
    });
  }, [fetchedKey]);

  const byCode = useMemo(() => new Map<string, OrgOption>(Object.entries(known)), [known]);

  const data: ComboboxItem[] = useMemo(() => {
    const codes = new Set<string>(selected.filter(Boolean));
    for (const result of results.data ?? []) codes.add(result.code);
    return [...codes].map((code) => ({ value: code, label: byCode.get(code)?.name ?? code }));
  }, [selected, results.data, byCode]);

  const renderOption = ({ option }: { option: ComboboxItem }): ReactNode => {
    const org = byCode.get(option.value);
    const path = org ? ancestorPath(org.ancestors) : '';
    return (
      <Stack gap={0} data-code={option.value}>
        <Text size="sm">{option.label}</Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {option.value}
          {org?.kind ? ` · ${t(`kinds.${org.kind}`)}` : ''}
          {path ? ` · ${path}` : ''}
        </Text>
      </Stack>
    );
  };

  const nothingFound =
    debounced.length < 2 ? t('tree.searchHint') : results.isFetching ? t('common.loading') : t('common.none');
  return { data, renderOption, loading: results.isFetching, nothingFound };
}

interface PickerBaseProps {
  label: ReactNode;
  asOf: string;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}

/** Chooses one unit by typing part of its name (with or without diacritics). */
export function OrgPicker({
  value,
  onChange,
  asOf,
  ...props
}: PickerBaseProps & { value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useOrgOptions(search, asOf, value ? [value] : []);
  return (
    <Select
      label={props.label}
      description={props.description}
      error={props.error}
      required={props.required}
      placeholder={props.placeholder ?? t('wizard.unitPlaceholder')}
      data={options.data}
      value={value}
      onChange={(next) => onChange(next)}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      renderOption={options.renderOption}
      nothingFoundMessage={options.nothingFound}
      rightSection={options.loading ? <Loader size="xs" /> : undefined}
      maxDropdownHeight={300}
      comboboxProps={{ withinPortal: true }}
      data-testid={props['data-testid']}
    />
  );
}

/** Chooses several units by typing part of their names. */
export function OrgMultiPicker({
  value,
  onChange,
  asOf,
  ...props
}: PickerBaseProps & { value: string[]; onChange: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useOrgOptions(search, asOf, value);
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      error={props.error}
      required={props.required}
      placeholder={value.length === 0 ? (props.placeholder ?? t('wizard.unitPlaceholder')) : undefined}
      data={options.data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      renderOption={options.renderOption}
      nothingFoundMessage={options.nothingFound}
      rightSection={options.loading ? <Loader size="xs" /> : undefined}
      maxDropdownHeight={300}
      comboboxProps={{ withinPortal: true }}
      data-testid={props['data-testid']}
    />
  );
}
