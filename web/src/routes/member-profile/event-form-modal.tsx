import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAVE_KINDS, type MemberEventKind, type MemberProfile } from '../../api/members-api.ts';
import { useMemberEvent } from '../../api/members-queries.ts';
import { DateDecisionFields } from '../../components/date-decision-fields.tsx';
import { formatDate, todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrorOf, isShownAtField } from '../../components/field-error.ts';
import { oneOf } from '../../components/form-values.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { RuleNote } from '../../components/rule-note.tsx';
import {
  buildEventRequest,
  type EventForm,
  eventFields,
  INITIAL_EVENT_FORM,
  missingEventFields,
} from './event-form.ts';
import { TransferKindControl } from './transfer-kind-control.tsx';

interface EventFormModalProps {
  /** The form shown; null when closed. */
  kind: MemberEventKind | null;
  profile: MemberProfile;
  onClose: () => void;
  onRecorded: (kind: MemberEventKind) => void;
}

/** The form of one lifecycle event in a modal: the rule it applies, its fields, the server's verdict. */
export function EventFormModal({ kind, profile, onClose, onRecorded }: EventFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind ? t(`memberEvents.titles.${kind}`) : ''}
      size="lg"
      data-testid="event-modal"
    >
      {/* Keyed so each opening starts from an empty form and no old error. */}
      {kind && (
        <EventFormBody key={kind} kind={kind} profile={profile} onClose={onClose} onRecorded={onRecorded} />
      )}
    </Modal>
  );
}

function EventFormBody({
  kind,
  profile,
  onClose,
  onRecorded,
}: EventFormModalProps & { kind: MemberEventKind }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<EventForm>(INITIAL_EVENT_FORM);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMemberEvent(profile.id);
  const update = (patch: Partial<EventForm>) => setForm((current) => ({ ...current, ...patch }));
  const missing = missingEventFields(kind, form);
  const errorFor = (field: string) =>
    fieldErrorOf(mutation.error, field, attempted && missing.has(field), t('wizard.required'));

  const submit = () => {
    setAttempted(true);
    if (missing.size > 0) return;
    // Not `mutate(…, { onSuccess })`: the answered profile may close this form (its status changed)
    // before such a callback would run, and a closed form's callbacks are dropped.
    mutation.mutateAsync(buildEventRequest(kind, form)).then(
      () => onRecorded(kind),
      () => undefined, // shown from `mutation.error`
    );
  };

  return (
    <Stack gap="sm">
      <RuleNote testId="event-rule">
        <RuleText kind={kind} profile={profile} />
      </RuleNote>
      {kind === 'transfer-out' && (
        <>
          <OrgPicker
            label={t('memberEvents.fields.toCell')}
            description={t('memberEvents.fields.toCellHint')}
            value={form.toCellCode}
            onChange={(toCellCode) => update({ toCellCode })}
            asOf={form.date ?? todayIso()}
            error={errorFor('toCellCode')}
            required
            data-testid="event-to-cell"
          />
          <TransferKindControl
            value={form.transferKind}
            onChange={(transferKind) => update({ transferKind })}
          />
        </>
      )}
      {kind === 'leave' && (
        <Select
          label={t('memberEvents.fields.leaveKind')}
          data={LEAVE_KINDS.map((value) => ({ value, label: t(`memberEvents.leaveKinds.${value}`) }))}
          value={form.leaveKind}
          onChange={(value) => update({ leaveKind: oneOf(LEAVE_KINDS, value) })}
          error={errorFor('kind')}
          required
          comboboxProps={{ withinPortal: true }}
          data-testid="event-leave-kind"
        />
      )}
      <DateDecisionFields
        dateLabel={t(`memberEvents.dateLabels.${kind}`)}
        date={form.date}
        decisionRef={form.decisionRef}
        update={update}
        errorFor={errorFor}
        testIdPrefix="event"
      />
      {kind === 'leave' && (
        <Textarea
          label={t('memberEvents.fields.reason')}
          value={form.reason}
          onChange={(event) => update({ reason: event.currentTarget.value })}
          error={errorFor('reason')}
          autosize
          minRows={2}
          data-testid="event-reason"
        />
      )}
      {mutation.isError && !isShownAtField(mutation.error, eventFields(kind)) && (
        <ErrorAlert error={mutation.error} />
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={mutation.isPending} data-testid="event-submit">
          {t('memberEvents.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The rule the form applies, with this member's dates where they matter. */
function RuleText({ kind, profile }: { kind: MemberEventKind; profile: MemberProfile }) {
  const { t } = useTranslation();
  const open = profile.transfers.find((transfer) => transfer.receivedDate === null);
  switch (kind) {
    case 'recognition':
      return <>{t('memberEvents.rules.recognition', { end: formatDate(profile.probationEnd) })}</>;
    case 'transfer-out':
      return <>{t('memberEvents.rules.transferOut')}</>;
    case 'transfer-in':
      return (
        <>
          {t('memberEvents.rules.transferIn')}
          {open && (
            <>
              {' '}
              {t('memberEvents.rules.transferInDates', {
                introduced: formatDate(open.introductionDate),
                presentBy: formatDate(open.presentBy),
              })}
            </>
          )}
        </>
      );
    case 'leave':
      return <>{t('memberEvents.rules.leave')}</>;
  }
}
