import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_SCALE_FROM_YEAR } from '../../../../src/core/member-rules/quality-rating.ts';
import { useMemberSearch } from '../../api/members-queries.ts';
import { QUALITY_LEVELS, type QualityLevel, type Rating } from '../../api/queues-api.ts';
import { useRateMember, useRatingSummary } from '../../api/queues-queries.ts';
import { DateDecisionFields } from '../../components/date-decision-fields.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert, localize } from '../../components/error-alert.tsx';
import { fieldErrorOf, isShownAtField } from '../../components/field-error.ts';
import { oneOf, optionalText } from '../../components/form-values.ts';
import { formatCount, formatPercent } from '../../components/formatting.ts';
import { MembersHeader } from '../../components/members-header.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { RuleNote } from '../../components/rule-note.tsx';
import { Section } from '../../components/section.tsx';
import { useDefaultOrg } from '../../components/use-default-org.ts';
import { useUrlParam } from '../../components/use-url-param.ts';

const LEVEL_COLORS: Record<QualityLevel, string> = {
  excellent: 'teal',
  good: 'blue',
  completed: 'gray',
  not_completed: 'red',
};

/** `/members/ratings?org=&year=`: how a unit's members were rated for a year, and a form to rate one. */
export function RatingsPage() {
  const { t } = useTranslation();
  const [org, setOrg] = useDefaultOrg();
  const [yearParam, setYear] = useUrlParam('year');
  // The review of a year happens at its end or early the next year.
  const defaultYear = Number(todayIso().slice(0, 4));
  const year = Number(yearParam) || defaultYear;
  const years = Array.from({ length: 6 }, (_, index) => String(defaultYear - index));

  return (
    <Stack gap="sm">
      <MembersHeader tab="ratings" org={org}>
        <Select
          label={t('queues.ratings.year')}
          data={years}
          value={String(year)}
          onChange={(value) => setYear(value === String(defaultYear) ? null : value)}
          allowDeselect={false}
          w={110}
          data-testid="ratings-year"
        />
        <OrgPicker
          label={t('members.search.unit')}
          value={org}
          onChange={setOrg}
          asOf={todayIso()}
          data-testid="ratings-org"
        />
      </MembersHeader>
      {org ? (
        <>
          <RatingSummarySection org={org} year={year} />
          <RateMemberSection org={org} year={year} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('queues.ratings.pickUnit')}
        </Text>
      )}
    </Stack>
  );
}

function SummaryCard({
  label,
  value,
  share,
  color,
  testId,
}: {
  label: string;
  value: number;
  share: number | null;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fw={700} size="xl" c={color} data-testid={`${testId}-value`}>
          {formatCount(value)}
        </Text>
        {share !== null && (
          <Text size="xs" c="dimmed">
            {formatPercent(share)}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

function RatingSummarySection({ org, year }: { org: string; year: number }) {
  const { t } = useTranslation();
  const summary = useRatingSummary(org, year);
  const data = summary.data;
  const shareOf = (value: number) => (data && data.members > 0 ? value / data.members : null);
  return (
    <Section title={t('queues.ratings.summaryTitle', { year })} testId="ratings-summary">
      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {data && (
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
          <SummaryCard
            label={t('queues.ratings.members')}
            value={data.members}
            share={null}
            testId="rating-members"
          />
          {QUALITY_LEVELS.map((level) => (
            <SummaryCard
              key={level}
              label={t(`queues.ratings.levels.${level}`)}
              value={data.byLevel[level] ?? 0}
              share={shareOf(data.byLevel[level] ?? 0)}
              color={LEVEL_COLORS[level]}
              testId={`rating-${level}`}
            />
          ))}
          <SummaryCard
            label={t('queues.ratings.exempt')}
            value={data.exempt}
            share={shareOf(data.exempt)}
            testId="rating-exempt"
          />
          <SummaryCard
            label={t('queues.ratings.notRatedYet')}
            value={data.notRatedYet}
            share={shareOf(data.notRatedYet)}
            color="orange"
            testId="rating-not-rated"
          />
        </SimpleGrid>
      )}
    </Section>
  );
}

// Not `year`: it is chosen above the form, so "already rated" is shown as an alert.
const RATE_FIELDS = new Set(['score', 'level', 'date', 'decisionRef']);

interface RateForm {
  memberId: string | null;
  /** The chosen member as shown, kept since the search results change as the field shows it. */
  memberLabel: string;
  score: number | null;
  level: QualityLevel | null;
  date: string | null;
  decisionRef: string;
}

const INITIAL_RATE_FORM: RateForm = {
  memberId: null,
  memberLabel: '',
  score: null,
  level: null,
  date: null,
  decisionRef: '',
};

function RateMemberSection({ org, year }: { org: string; year: number }) {
  const { t } = useTranslation();
  const scored = year >= SCORE_SCALE_FROM_YEAR;
  const [form, setForm] = useState<RateForm>(INITIAL_RATE_FORM);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const found = useMemberSearch(debounced, org, 20);
  const [attempted, setAttempted] = useState(false);
  const [rated, setRated] = useState<{ name: string; rating: Rating } | null>(null);
  const mutation = useRateMember();
  const update = (patch: Partial<RateForm>) => setForm((current) => ({ ...current, ...patch }));
  const missing = (field: string) =>
    attempted &&
    ((field === 'memberId' && !form.memberId) ||
      (field === 'date' && !form.date) ||
      (field === 'score' && scored && form.score === null) ||
      (field === 'level' && !scored && !form.level));
  const errorFor = (field: string) =>
    fieldErrorOf(mutation.error, field, missing(field), t('wizard.required'));
  const options = (found.data ?? []).map((member) => ({
    value: String(member.id),
    label: `${member.fullName} (${member.cellCode})`,
  }));

  const submit = () => {
    setAttempted(true);
    const { memberId, date } = form;
    if (!memberId || !date || missing('score') || missing('level')) return;
    mutation
      .mutateAsync({
        memberId: Number(memberId),
        input: {
          year,
          date,
          decisionRef: optionalText(form.decisionRef),
          ...(scored ? { score: form.score ?? undefined } : { level: form.level ?? undefined }),
        },
      })
      .then(
        (rating) => {
          setRated({ name: form.memberLabel, rating });
          setForm(INITIAL_RATE_FORM);
          setSearch('');
          setAttempted(false);
        },
        () => undefined,
      );
  };

  return (
    <Section title={t('queues.ratings.rateTitle', { year })} testId="rate-member">
      <Stack gap="sm">
        <RuleNote>
          {t(scored ? 'queues.ratings.ruleScored' : 'queues.ratings.ruleLevels', {
            from: SCORE_SCALE_FROM_YEAR,
          })}
        </RuleNote>
        {rated && (
          <Alert color="teal" variant="light" data-testid="rate-result">
            {rated.rating.exemption
              ? t('queues.ratings.notRated', { name: rated.name, reason: localize(rated.rating.exemption) })
              : t('queues.ratings.rated', {
                  name: rated.name,
                  level: rated.rating.level ? t(`queues.ratings.levels.${rated.rating.level}`) : '',
                })}
          </Alert>
        )}
        <Group grow align="flex-start" gap="sm">
          <Select
            label={t('queues.ratings.member')}
            placeholder={t('queues.ratings.memberPlaceholder')}
            searchable
            data={options}
            value={form.memberId}
            onChange={(memberId, option) => update({ memberId, memberLabel: option?.label ?? '' })}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={debounced.trim().length >= 2 ? t('queues.ratings.noMember') : undefined}
            error={errorFor('memberId')}
            required
            data-testid="rate-member-select"
          />
          {scored ? (
            <NumberInput
              label={t('queues.ratings.score')}
              value={form.score ?? ''}
              onChange={(value) => update({ score: typeof value === 'number' ? value : null })}
              min={0}
              max={100}
              decimalScale={1}
              decimalSeparator=","
              error={errorFor('score')}
              required
              data-testid="rate-score"
            />
          ) : (
            <Select
              label={t('queues.ratings.level')}
              data={QUALITY_LEVELS.map((value) => ({ value, label: t(`queues.ratings.levels.${value}`) }))}
              value={form.level}
              onChange={(value) => update({ level: oneOf(QUALITY_LEVELS, value) })}
              error={errorFor('level')}
              required
              data-testid="rate-level"
            />
          )}
        </Group>
        <DateDecisionFields
          dateLabel={t('queues.ratings.date')}
          date={form.date}
          decisionRef={form.decisionRef}
          update={update}
          errorFor={errorFor}
          testIdPrefix="rate"
        />
        {mutation.isError && !isShownAtField(mutation.error, RATE_FIELDS) && (
          <ErrorAlert error={mutation.error} />
        )}
        <Group justify="flex-end">
          <Button onClick={submit} loading={mutation.isPending} data-testid="rate-submit">
            {t('queues.record')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
