import { Checkbox, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCandidate } from '../../api/queues-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { todayIso } from '../../components/dates.ts';
import { fieldErrorOf } from '../../components/field-error.ts';
import { optionalText } from '../../components/form-values.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { SexField } from '../../components/sex-field.tsx';
import { QueueActionModal } from '../members-due/queue-action-modal.tsx';

const FIELDS = new Set(['cellCode', 'fullName', 'birthDate', 'sex', 'nationalId', 'youthUnionMember']);

interface CandidateForm {
  cellCode: string | null;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  nationalId: string;
  youthUnionMember: boolean;
}

/** Adds a person proposed for admission to a cell's queue: identity only, nothing about relatives or opinions. */
export function CandidateModal({ cellCode, onClose }: { cellCode: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<CandidateForm>({
    cellCode,
    fullName: '',
    birthDate: null,
    sex: null,
    nationalId: '',
    youthUnionMember: false,
  });
  const [attempted, setAttempted] = useState(false);
  const mutation = useCreateCandidate();
  const update = (patch: Partial<CandidateForm>) => setForm((current) => ({ ...current, ...patch }));
  const missing = new Set<string>();
  if (form.cellCode === null) missing.add('cellCode');
  if (form.fullName.trim() === '') missing.add('fullName');
  if (form.birthDate === null) missing.add('birthDate');
  if (form.sex === null) missing.add('sex');
  const errorFor = (field: string) =>
    fieldErrorOf(mutation.error, field, attempted && missing.has(field), t('wizard.required'));

  const submit = () => {
    setAttempted(true);
    if (missing.size > 0) return;
    mutation
      .mutateAsync({
        cellCode: form.cellCode ?? '',
        fullName: form.fullName.trim(),
        birthDate: form.birthDate ?? '',
        sex: form.sex ?? 'male',
        nationalId: optionalText(form.nationalId.replace(/\s/g, '')),
        youthUnionMember: form.youthUnionMember,
      })
      .then(onClose, () => undefined);
  };

  return (
    <QueueActionModal
      opened
      title={t('membersExtra.candidates.add')}
      rule={t('membersExtra.candidates.addRule')}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      fields={FIELDS}
      submitLabel={t('membersExtra.candidates.submit')}
      testId="candidate-modal"
    >
      <OrgPicker
        label={t('membersExtra.candidates.cell')}
        value={form.cellCode}
        onChange={(code) => update({ cellCode: code })}
        asOf={todayIso()}
        error={errorFor('cellCode')}
        required
        data-testid="candidate-cell"
      />
      <TextInput
        label={t('members.fields.fullName')}
        placeholder={t('members.new.fullNamePlaceholder')}
        value={form.fullName}
        onChange={(event) => update({ fullName: event.currentTarget.value })}
        error={errorFor('fullName')}
        required
        data-testid="candidate-fullName"
      />
      <Group grow align="flex-start" gap="sm">
        <DateField
          label={t('members.fields.birthDate')}
          value={form.birthDate}
          onChange={(birthDate) => update({ birthDate })}
          error={errorFor('birthDate')}
          required
          data-testid="candidate-birthDate"
        />
        <TextInput
          label={t('members.fields.nationalId')}
          placeholder={t('members.new.nationalIdHint')}
          value={form.nationalId}
          onChange={(event) => update({ nationalId: event.currentTarget.value })}
          error={errorFor('nationalId')}
          data-testid="candidate-nationalId"
        />
      </Group>
      <SexField
        value={form.sex}
        onChange={(sex) => update({ sex })}
        error={errorFor('sex')}
        testId="candidate-sex"
      />
      <Checkbox
        label={t('membersExtra.candidates.youthUnion')}
        description={t('membersExtra.candidates.youthUnionHint')}
        checked={form.youthUnionMember}
        onChange={(event) => update({ youthUnionMember: event.currentTarget.checked })}
        data-testid="candidate-youthUnion"
      />
    </QueueActionModal>
  );
}
