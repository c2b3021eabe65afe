import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../../api/members-api.ts';
import { DateText } from '../../components/date-text.tsx';
import { formatPartialDate } from '../../components/dates.ts';
import { FieldTable } from '../../components/field-table.tsx';
import { MemberStatusBadge } from '../../components/member-status-badge.tsx';
import { OrgLink } from '../../components/org-link.tsx';
import { Section } from '../../components/section.tsx';

function Mono({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return (
    <Text span size="sm" ff="monospace">
      {value ?? t('common.empty')}
    </Text>
  );
}

/**
 * A birth date as far as it is known: `1975` or `05/1975` (the form the sector writes and the
 * imports read), never the day it is kept on, with what is unknown said beside it.
 */
function BirthDate({ profile }: { profile: MemberProfile }) {
  const { t } = useTranslation();
  const precision = profile.birthDatePrecision;
  if (precision === 'day') return <DateText value={profile.birthDate} />;
  return (
    <span data-testid="member-birth-date">
      {formatPartialDate(profile.birthDate, precision)}{' '}
      <Text span size="xs" c="dimmed">
        (
        {t(
          precision === 'year'
            ? 'membersExtra.birthDate.unknownDayMonth'
            : 'membersExtra.birthDate.unknownDay',
        )}
        )
      </Text>
    </span>
  );
}

/** The fields of the standard profile (what the member declared and what decisions recorded). */
export function MemberFieldsSection({ profile }: { profile: MemberProfile }) {
  const { t } = useTranslation();
  const plain = (value: string | null): ReactNode => value ?? t('common.empty');
  const rows: [string, ReactNode][] = [
    [t('members.fields.fullName'), profile.fullName],
    [t('members.fields.otherName'), plain(profile.otherName)],
    [t('members.fields.birthDate'), <BirthDate key="birth" profile={profile} />],
    [t('members.fields.sex'), t(`members.sex.${profile.sex}`)],
    [t('members.fields.birthPlace'), plain(profile.birthPlace)],
    [t('members.fields.hometown'), plain(profile.hometown)],
    [t('members.fields.ethnicity'), plain(profile.ethnicity)],
    [t('members.fields.religion'), plain(profile.religion)],
    [t('members.fields.nationalId'), <Mono key="nid" value={profile.nationalId} />],
    [t('members.fields.partyCardNo'), <Mono key="card" value={profile.partyCardNo} />],
    [t('members.fields.status'), <MemberStatusBadge key="status" status={profile.status} />],
    [
      t('members.fields.cell'),
      <OrgLink key="cell" code={profile.cellCode}>
        {profile.cellName}
      </OrgLink>,
    ],
    [t('members.fields.admissionDate'), <DateText key="admission" value={profile.admissionDate} />],
    [t('members.fields.probationEnd'), <DateText key="end" value={profile.probationEnd} />],
    [t('members.fields.officialDate'), <DateText key="official" value={profile.officialDate} />],
    [t('members.fields.education'), plain(profile.education)],
    [t('members.fields.qualification'), plain(profile.qualification)],
    [t('members.fields.theoryLevel'), plain(profile.theoryLevel)],
    [t('members.fields.occupation'), plain(profile.occupation)],
  ];
  return (
    <Section title={t('members.profile.fields')} testId="member-fields">
      <FieldTable rows={rows} labelWidth="40%" />
    </Section>
  );
}
