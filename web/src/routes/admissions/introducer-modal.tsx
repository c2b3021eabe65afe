import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberSearchResult } from '../../api/members-api.ts';
import type { Candidate } from '../../api/queues-api.ts';
import { useAddIntroducer } from '../../api/queues-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { fieldErrorOf } from '../../components/field-error.ts';
import { MemberPicker } from '../../components/member-picker.tsx';
import { QueueActionModal } from '../members-due/queue-action-modal.tsx';

const FIELDS = new Set(['memberId', 'knownSince']);

/**
 * Records an introducer of a candidate. The server refuses anyone who is not an official member or
 * has known the candidate for less than 12 months, with its reason under the field concerned.
 */
export function IntroducerModal({ candidate, onClose }: { candidate: Candidate; onClose: () => void }) {
  const { t } = useTranslation();
  const [member, setMember] = useState<MemberSearchResult | null>(null);
  const [knownSince, setKnownSince] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const mutation = useAddIntroducer(candidate.id);
  const errorFor = (field: string, missing: boolean) =>
    fieldErrorOf(mutation.error, field, attempted && missing, t('wizard.required'));

  const submit = () => {
    setAttempted(true);
    if (!member || !knownSince) return;
    mutation.mutateAsync({ memberId: member.id, knownSince }).then(onClose, () => undefined);
  };

  return (
    <QueueActionModal
      opened
      title={t('membersExtra.candidates.introducerTitle', { name: candidate.fullName })}
      rule={t('membersExtra.candidates.introducerRule')}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      fields={FIELDS}
      submitLabel={t('membersExtra.candidates.record')}
      testId="introducer-modal"
    >
      <MemberPicker
        label={t('membersExtra.candidates.introducer')}
        description={t('membersExtra.candidates.introducerHint')}
        value={member}
        onChange={setMember}
        status="official"
        error={errorFor('memberId', member === null)}
        required
        data-testid="introducer-member"
      />
      <DateField
        label={t('membersExtra.candidates.knownSince')}
        description={t('membersExtra.candidates.knownSinceHint')}
        value={knownSince}
        onChange={setKnownSince}
        error={errorFor('knownSince', knownSince === null)}
        required
        data-testid="introducer-knownSince"
      />
    </QueueActionModal>
  );
}
