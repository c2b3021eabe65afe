import { Badge, Button, SegmentedControl, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextAwardRound } from '../../../../src/core/member-rules/badges.ts';
import type { BadgeDue } from '../../api/queues-api.ts';
import { useAwardBadge, useBadgesDue } from '../../api/queues-queries.ts';
import { DateDecisionFields } from '../../components/date-decision-fields.tsx';
import { DateText } from '../../components/date-text.tsx';
import { addDays, formatDate, todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrorOf } from '../../components/field-error.ts';
import { optionalText } from '../../components/form-values.ts';
import { formatCount } from '../../components/formatting.ts';
import { memberColumns } from '../../components/member-columns.tsx';
import { RuleNote } from '../../components/rule-note.tsx';
import { Section } from '../../components/section.tsx';
import { useUrlParam } from '../../components/use-url-param.ts';
import { type WindowedColumn, WindowedTable } from '../../components/windowed-table.tsx';
import { QueueActionModal } from './queue-action-modal.tsx';

/** The next usual award rounds (3/2, 19/5, 2/9, 7/11) from today. */
function upcomingRounds(count: number): string[] {
  const rounds: string[] = [];
  let from = todayIso();
  while (rounds.length < count) {
    const round = nextAwardRound(from).date;
    rounds.push(round);
    from = addDays(round, 1);
  }
  return rounds;
}

/** Members who reach a Party-age milestone by an award round, with the milestones never awarded. */
export function BadgesQueue({ org }: { org: string | null }) {
  const { t } = useTranslation();
  const rounds = upcomingRounds(4);
  const [roundParam, setRound] = useUrlParam('round');
  const round = rounds.find((item) => item === roundParam) ?? (rounds[0] as string);
  const due = useBadgesDue(org, round);
  const [awarding, setAwarding] = useState<BadgeDue | null>(null);
  const rows = due.data?.results ?? [];

  const columns: WindowedColumn<BadgeDue>[] = [
    ...memberColumns<BadgeDue>(t, todayIso()),
    {
      key: 'admission',
      header: t('members.fields.admissionDate'),
      width: 130,
      render: (item) => <DateText value={item.admissionDate} />,
    },
    {
      key: 'milestone',
      header: t('queues.badges.milestone'),
      width: 150,
      render: (item) => (
        <Badge color="yellow" variant="light" size="sm" tt="none" data-testid="badge-milestone">
          {t('queues.badges.years', { years: item.milestone })}
        </Badge>
      ),
    },
    {
      key: 'reached',
      header: t('queues.badges.reachedOn'),
      width: 130,
      render: (item) => <DateText value={item.reachedOn} />,
    },
    {
      key: 'missed',
      header: t('queues.badges.missed'),
      width: 150,
      render: (item) => (item.missed.length > 0 ? item.missed.join(', ') : '—'),
    },
    {
      key: 'action',
      header: '',
      width: 170,
      align: 'right',
      render: (item) => (
        <Button size="compact-xs" variant="light" onClick={() => setAwarding(item)} data-testid="badge-award">
          {t('queues.badges.award')}
        </Button>
      ),
    },
  ];

  return (
    <Section title={t('queues.badges.title')} testId="due-badges">
      <RuleNote>{t('queues.badges.rule')}</RuleNote>
      <SegmentedControl
        size="xs"
        my="xs"
        value={round}
        onChange={setRound}
        data={rounds.map((item) => ({
          value: item,
          label:
            item === round && due.data
              ? `${formatDate(item)} (${formatCount(rows.length)})`
              : formatDate(item),
        }))}
        data-testid="badges-round"
      />
      {due.isError && <ErrorAlert error={due.error} onRetry={() => void due.refetch()} />}
      {due.data &&
        (rows.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            {t('members.due.none')}
          </Text>
        ) : (
          <WindowedTable
            rows={rows}
            columns={columns}
            rowKey={(item) => item.id}
            maxHeight={420}
            minWidth={1040}
            testId="badges-table"
            rowTestId="badge-due-row"
          />
        ))}
      {awarding && (
        <AwardBadgeModal
          key={awarding.id}
          member={awarding}
          round={round}
          onClose={() => setAwarding(null)}
        />
      )}
    </Section>
  );
}

const AWARD_FIELDS = new Set(['years', 'date', 'decisionRef']);

function AwardBadgeModal({
  member,
  round,
  onClose,
}: {
  member: BadgeDue;
  round: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const milestones = [member.milestone, ...member.missed];
  const [years, setYears] = useState<number>(member.milestone);
  // Party age is reckoned to the award date: the round's day by default.
  const [form, setForm] = useState<{ date: string | null; decisionRef: string }>({
    date: round,
    decisionRef: '',
  });
  const [attempted, setAttempted] = useState(false);
  const mutation = useAwardBadge(member.id);
  const errorFor = (field: string) =>
    fieldErrorOf(mutation.error, field, attempted && field === 'date' && !form.date, t('wizard.required'));

  const submit = () => {
    setAttempted(true);
    if (!form.date) return;
    mutation
      .mutateAsync({ years, date: form.date, decisionRef: optionalText(form.decisionRef) })
      .then(onClose, () => undefined);
  };

  return (
    <QueueActionModal
      opened
      title={`${t('queues.badges.awardTitle')}: ${member.fullName}`}
      rule={t('queues.badges.rule')}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      fields={AWARD_FIELDS}
      submitLabel={t('queues.record')}
      testId="badge-modal"
    >
      <Select
        label={t('queues.badges.milestone')}
        data={milestones.map((value) => ({
          value: String(value),
          label: t('queues.badges.years', { years: value }),
        }))}
        value={String(years)}
        onChange={(value) => setYears(Number(value ?? member.milestone))}
        allowDeselect={false}
        error={errorFor('years')}
        comboboxProps={{ withinPortal: true }}
        data-testid="badge-years"
      />
      <DateDecisionFields
        dateLabel={t('queues.badges.awardDate')}
        date={form.date}
        decisionRef={form.decisionRef}
        update={(patch) => setForm((current) => ({ ...current, ...patch }))}
        errorFor={errorFor}
        testIdPrefix="badge"
      />
    </QueueActionModal>
  );
}
