import { Button, Checkbox, Grid, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useAddMember } from '../../api/members-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrorOf, isShownAtField } from '../../components/field-error.ts';
import { oneOf } from '../../components/form-values.ts';
import { memberPath } from '../../components/member-paths.ts';
import { MembersHeader } from '../../components/members-header.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { SexField } from '../../components/sex-field.tsx';
import { useUrlParam } from '../../components/use-url-param.ts';
import { BirthDateInput } from './birth-date-input.tsx';
import {
  type BirthDatePrecision,
  buildAddMemberInput,
  initialMemberForm,
  type MemberForm,
  missingMemberFields,
  withBirthDatePrecision,
} from './member-form.ts';

type TextKey = {
  [K in keyof MemberForm]: MemberForm[K] extends string ? K : never;
}[keyof MemberForm];

const PRECISIONS: readonly BirthDatePrecision[] = ['day', 'month', 'year'];
const FORM_FIELDS = new Set<string>([
  'fullName',
  'otherName',
  'birthDate',
  'birthDatePrecision',
  'sex',
  'birthPlace',
  'hometown',
  'ethnicity',
  'religion',
  'nationalId',
  'partyCardNo',
  'admissionDate',
  'officialDate',
  'education',
  'qualification',
  'theoryLevel',
  'occupation',
  'cellCode',
  'decisionRef',
]);

/** `/members/new?org=CELL`: record a member in a cell (a new admission or an existing member's record). */
export function MemberNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [org] = useUrlParam('org');
  const [form, setForm] = useState<MemberForm>(() => initialMemberForm(org));
  const [attempted, setAttempted] = useState(false);
  const add = useAddMember();
  const update = (patch: Partial<MemberForm>) => setForm((current) => ({ ...current, ...patch }));
  const missing = missingMemberFields(form);
  const errorFor = (field: string) =>
    fieldErrorOf(add.error, field, attempted && missing.has(field), t('wizard.required'));
  const ageRefused = add.error instanceof ApiError && add.error.code === 'member.admission_age';

  const submit = () => {
    setAttempted(true);
    if (missing.size > 0) return;
    add.mutate(
      { input: buildAddMemberInput(form), ageException: form.ageException },
      { onSuccess: ({ id }) => navigate(memberPath(id)) },
    );
  };

  const text = (field: TextKey, label: string, placeholder?: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={form[field]}
      onChange={(event) => update({ [field]: event.currentTarget.value })}
      error={errorFor(field)}
      data-testid={`new-${field}`}
    />
  );

  return (
    <Stack gap="sm">
      <MembersHeader tab="new" org={org} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('members.new.required')}
              </Title>
              <TextInput
                label={t('members.fields.fullName')}
                placeholder={t('members.new.fullNamePlaceholder')}
                value={form.fullName}
                onChange={(event) => update({ fullName: event.currentTarget.value })}
                error={errorFor('fullName')}
                required
                data-testid="new-fullName"
              />
              <Group grow align="flex-start" gap="sm">
                <BirthDateInput
                  label={t('members.fields.birthDate')}
                  precision={form.birthDatePrecision}
                  value={form.birthDate}
                  onChange={(birthDate) => update({ birthDate })}
                  error={errorFor('birthDate')}
                />
                <Select
                  label={t('members.new.birthDatePrecision')}
                  data={PRECISIONS.map((value) => ({ value, label: t(`members.new.precisions.${value}`) }))}
                  value={form.birthDatePrecision}
                  onChange={(value) =>
                    setForm((current) => withBirthDatePrecision(current, oneOf(PRECISIONS, value) ?? 'day'))
                  }
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="new-birthDatePrecision"
                />
              </Group>
              <SexField
                value={form.sex}
                onChange={(sex) => update({ sex })}
                error={errorFor('sex')}
                testId="new-sex"
              />
              <DateField
                label={t('members.fields.admissionDate')}
                description={t('members.new.admissionHint')}
                value={form.admissionDate}
                onChange={(admissionDate) => update({ admissionDate })}
                error={errorFor('admissionDate')}
                required
                data-testid="new-admissionDate"
              />
              <OrgPicker
                label={t('members.fields.cell')}
                description={t('members.new.cellHint')}
                value={form.cellCode}
                onChange={(cellCode) => update({ cellCode })}
                asOf={todayIso()}
                error={errorFor('cellCode')}
                required
                data-testid="new-cellCode"
              />
              <Checkbox
                label={t('members.new.ageException')}
                description={t('members.new.ageExceptionHint')}
                checked={form.ageException}
                onChange={(event) => update({ ageException: event.currentTarget.checked })}
                color={ageRefused ? 'orange' : undefined}
                mt={4}
                data-testid="new-ageException"
              />
              {ageRefused && !form.ageException && (
                <Text size="xs" c="orange.8">
                  {t('members.new.ageExceptionPrompt')}
                </Text>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('members.new.optional')}
              </Title>
              <Group grow align="flex-start" gap="sm">
                <DateField
                  label={t('members.fields.officialDate')}
                  value={form.officialDate}
                  onChange={(officialDate) => update({ officialDate })}
                  error={errorFor('officialDate')}
                  clearable
                  data-testid="new-officialDate"
                />
                {text('decisionRef', t('members.new.decisionRef'), t('wizard.decisionRefPlaceholder'))}
              </Group>
              <Group grow align="flex-start" gap="sm">
                {text('nationalId', t('members.fields.nationalId'), t('members.new.nationalIdHint'))}
                {text('partyCardNo', t('members.fields.partyCardNo'))}
              </Group>
              <Group grow align="flex-start" gap="sm">
                {text('otherName', t('members.fields.otherName'))}
                {text('occupation', t('members.fields.occupation'))}
              </Group>
              <Group grow align="flex-start" gap="sm">
                {text('birthPlace', t('members.fields.birthPlace'))}
                {text('hometown', t('members.fields.hometown'))}
              </Group>
              <Group grow align="flex-start" gap="sm">
                {text('ethnicity', t('members.fields.ethnicity'), t('members.new.ethnicityExample'))}
                {text('religion', t('members.fields.religion'), t('members.new.religionExample'))}
              </Group>
              <Group grow align="flex-start" gap="sm">
                {text('education', t('members.fields.education'), t('members.new.educationExample'))}
                {text('theoryLevel', t('members.fields.theoryLevel'), t('members.new.theoryExample'))}
              </Group>
              {text('qualification', t('members.fields.qualification'))}
              <Text size="xs" c="dimmed">
                {t('members.new.referenceHint')}
              </Text>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {add.isError && !isShownAtField(add.error, FORM_FIELDS) && <ErrorAlert error={add.error} />}
      <Group>
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={submit}
          loading={add.isPending}
          data-testid="new-submit"
        >
          {t('members.new.submit')}
        </Button>
        {attempted && missing.size > 0 && (
          <Text size="sm" c="red">
            {t('members.new.missing')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
