import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../components/dates.ts';
import { MembersHeader } from '../../components/members-header.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { useDefaultOrg } from '../../components/use-default-org.ts';
import { BadgesQueue } from './badges-queue.tsx';
import { FeeArrearsQueue } from './fee-arrears-queue.tsx';
import { RecognitionQueue } from './recognition-queue.tsx';
import { TransfersQueue } from './transfers-queue.tsx';

/** `/members/due?org=`: the work queues of a unit: recognitions due, transfers not yet received,
 * Party badges due at an award round and Party fee arrears. */
export function MembersDuePage() {
  const { t } = useTranslation();
  const [org, setOrg] = useDefaultOrg();
  return (
    <Stack gap="sm">
      <MembersHeader tab="due" org={org}>
        <OrgPicker
          label={t('members.search.unit')}
          value={org}
          onChange={setOrg}
          asOf={todayIso()}
          data-testid="due-org"
        />
      </MembersHeader>
      <RecognitionQueue org={org} />
      <TransfersQueue org={org} />
      <BadgesQueue org={org} />
      <FeeArrearsQueue org={org} />
    </Stack>
  );
}
