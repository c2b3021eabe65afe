import { Badge, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awarenessCertificateExpiry } from '../../../../src/core/member-rules/admission.ts';
import { ADMISSION_STEPS } from '../../../../src/core/member-rules/admission-pipeline.ts';
import { ceremonyDeadline } from '../../../../src/core/member-rules/probation.ts';
import type { AdmissionStep, Candidate } from '../../api/queues-api.ts';
import { useCandidates, useRecordAdmissionStep } from '../../api/queues-queries.ts';
import { DateDecisionFields } from '../../components/date-decision-fields.tsx';
import { DateText } from '../../components/date-text.tsx';
import { formatDate, todayIso } from '../../components/dates.ts';
import { ErrorAlert, localize } from '../../components/error-alert.tsx';
import { fieldErrorOf } from '../../components/field-error.ts';
import { oneOf, optionalText } from '../../components/form-values.ts';
import { formatCount } from '../../components/formatting.ts';
import { memberColumns } from '../../components/member-columns.tsx';
import { MembersHeader } from '../../components/members-header.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { RuleNote } from '../../components/rule-note.tsx';
import { Section } from '../../components/section.tsx';
import { useDefaultOrg } from '../../components/use-default-org.ts';
import { type WindowedColumn, WindowedTable } from '../../components/windowed-table.tsx';
import { QueueActionModal } from '../members-due/queue-action-modal.tsx';
import { CandidateModal } from './candidate-modal.tsx';
import { IntroducerModal } from './introducer-modal.tsx';

/**
 * The legal deadline a step's date sets, if any: the Party-awareness certificate is valid 5 years
 * (until the cell's resolution), the ceremony is due within 30 working days of the decision.
 */
function deadlineAfter(candidate: Candidate, step: AdmissionStep): string | null {
  const { steps } = candidate;
  if (step === 'awareness_class' && steps.awareness_class && !steps.cell_resolution)
    return awarenessCertificateExpiry(steps.awareness_class);
  if (step === 'ceremony' && steps.decision && !steps.ceremony) return ceremonyDeadline(steps.decision);
  return null;
}

/** A step's date, or the deadline that runs for it (red once passed). */
function StepCell({ candidate, step }: { candidate: Candidate; step: AdmissionStep }) {
  const { t } = useTranslation();
  const date = candidate.steps[step];
  const deadline = deadlineAfter(candidate, step);
  if (date && !deadline) return <DateText value={date} />;
  if (date && deadline)
    return (
      <Tooltip label={t('queues.admissions.validUntil', { date: formatDate(deadline) })}>
        <span>
          <DateText value={date} />
        </span>
      </Tooltip>
    );
  if (deadline)
    return (
      <Text size="xs" c={todayIso() > deadline ? 'red' : 'orange'} span data-testid="step-deadline">
        {t('queues.admissions.by', { date: formatDate(deadline) })}
      </Text>
    );
  return (
    <Text size="sm" c="dimmed" span>
      {t('common.empty')}
    </Text>
  );
}

/** `/members/admissions?org=`: the candidates of a unit's cells, step by step, with what to do next. */
export function AdmissionsPage() {
  const { t } = useTranslation();
  const [org, setOrg] = useDefaultOrg();
  const candidates = useCandidates(org);
  const [recording, setRecording] = useState<Candidate | null>(null);
  const [adding, setAdding] = useState(false);
  const [introducing, setIntroducing] = useState<Candidate | null>(null);
  const rows = candidates.data ?? [];

  const columns: WindowedColumn<Candidate>[] = [
    // A candidate is not a member yet: the name is plain text.
    { key: 'name', header: t('members.fields.fullName'), render: (item) => item.fullName },
    memberColumns<Candidate>(t, todayIso())[1],
    ...ADMISSION_STEPS.map(
      (step): WindowedColumn<Candidate> => ({
        key: step,
        header: t(`queues.admissions.steps.${step}`),
        width: 112,
        render: (item) => <StepCell candidate={item} step={step} />,
      }),
    ),
    {
      key: 'introducers',
      header: t('membersExtra.candidates.introducers'),
      width: 160,
      render: (item) => (
        <Group gap={4} wrap="nowrap" data-testid="candidate-introducers">
          <Text size="xs" lineClamp={2}>
            {item.introducers.length === 0
              ? t('common.empty')
              : item.introducers.map((introducer) => introducer.fullName).join(', ')}
          </Text>
          {item.memberId === null && (
            <Tooltip label={t('membersExtra.candidates.addIntroducer')}>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setIntroducing(item)}
                aria-label={t('membersExtra.candidates.addIntroducer')}
                data-testid="candidate-add-introducer"
              >
                +
              </Button>
            </Tooltip>
          )}
        </Group>
      ),
    },
    {
      key: 'warnings',
      header: t('queues.admissions.warnings'),
      width: 100,
      render: (item) =>
        item.warnings.length === 0 ? (
          t('common.empty')
        ) : (
          <Tooltip
            multiline
            w={360}
            label={item.warnings.map((warning) => <div key={warning.code}>• {localize(warning)}</div>)}
          >
            <Badge color="orange" variant="light" size="sm" tt="none" data-testid="candidate-warnings">
              {t('queues.admissions.warningCount', { count: item.warnings.length })}
            </Badge>
          </Tooltip>
        ),
    },
    {
      key: 'action',
      header: '',
      width: 160,
      align: 'right',
      render: (item) =>
        item.nextStep && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => setRecording(item)}
            data-testid="candidate-record"
          >
            {t(`queues.admissions.stepActions.${item.nextStep}`)}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="sm">
      <MembersHeader tab="admissions" org={org}>
        <OrgPicker
          label={t('members.search.unit')}
          value={org}
          onChange={setOrg}
          asOf={todayIso()}
          data-testid="admissions-org"
        />
      </MembersHeader>
      <Section
        title={`${t('queues.admissions.title')}${candidates.data ? ` (${formatCount(rows.length)})` : ''}`}
        testId="admissions"
        actions={
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconUserPlus size={16} />}
            onClick={() => setAdding(true)}
            data-testid="candidate-add"
          >
            {t('membersExtra.candidates.add')}
          </Button>
        }
      >
        <RuleNote>{t('queues.admissions.rule')}</RuleNote>
        {candidates.isError && (
          <ErrorAlert error={candidates.error} onRetry={() => void candidates.refetch()} />
        )}
        {candidates.data &&
          (rows.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('queues.admissions.none')}
            </Text>
          ) : (
            <WindowedTable
              rows={rows}
              columns={columns}
              rowKey={(item) => item.id}
              maxHeight={520}
              minWidth={1220}
              testId="candidates-table"
              rowTestId="candidate-row"
            />
          ))}
      </Section>
      {recording && <StepModal key={recording.id} candidate={recording} onClose={() => setRecording(null)} />}
      {adding && <CandidateModal cellCode={null} onClose={() => setAdding(false)} />}
      {introducing && (
        <IntroducerModal key={introducing.id} candidate={introducing} onClose={() => setIntroducing(null)} />
      )}
    </Stack>
  );
}

const STEP_FIELDS = new Set(['step', 'date', 'decisionRef']);

function StepModal({ candidate, onClose }: { candidate: Candidate; onClose: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<AdmissionStep>(candidate.nextStep ?? 'awareness_class');
  const [form, setForm] = useState<{ date: string | null; decisionRef: string }>({
    date: null,
    decisionRef: '',
  });
  const [attempted, setAttempted] = useState(false);
  const mutation = useRecordAdmissionStep(candidate.id);
  const errorFor = (field: string) =>
    fieldErrorOf(mutation.error, field, attempted && field === 'date' && !form.date, t('wizard.required'));

  const submit = () => {
    setAttempted(true);
    if (!form.date) return;
    mutation
      .mutateAsync({ step, date: form.date, decisionRef: optionalText(form.decisionRef) })
      .then(onClose, () => undefined);
  };

  return (
    <QueueActionModal
      opened
      title={`${t('queues.admissions.recordTitle')}: ${candidate.fullName}`}
      rule={t(`queues.admissions.stepRules.${step}`)}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      fields={STEP_FIELDS}
      submitLabel={t('queues.record')}
      testId="step-modal"
    >
      <Select
        label={t('queues.admissions.step')}
        data={ADMISSION_STEPS.map((value) => ({
          value,
          label: candidate.steps[value]
            ? `${t(`queues.admissions.steps.${value}`)} (${formatDate(candidate.steps[value])})`
            : t(`queues.admissions.steps.${value}`),
        }))}
        value={step}
        onChange={(value) => setStep(oneOf(ADMISSION_STEPS, value) ?? step)}
        allowDeselect={false}
        error={errorFor('step')}
        comboboxProps={{ withinPortal: true }}
        data-testid="step-kind"
      />
      <DateDecisionFields
        dateLabel={t('queues.admissions.date')}
        date={form.date}
        decisionRef={form.decisionRef}
        update={(patch) => setForm((current) => ({ ...current, ...patch }))}
        errorFor={errorFor}
        testIdPrefix="step"
      />
    </QueueActionModal>
  );
}
