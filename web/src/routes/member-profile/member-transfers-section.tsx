import { Badge, type MantineColor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberProfile, MemberTransfer } from '../../api/members-api.ts';
import { DateText } from '../../components/date-text.tsx';
import { lastDayOf, todayIso } from '../../components/dates.ts';
import { OrgCodeLink } from '../../components/org-code-link.tsx';
import { OrgLink } from '../../components/org-link.tsx';
import { Section } from '../../components/section.tsx';

type TransferState = 'in_transit' | 'overdue' | 'received' | 'received_late';

const STATE_COLORS: Record<TransferState, MantineColor> = {
  in_transit: 'blue',
  overdue: 'red',
  received: 'teal',
  received_late: 'orange',
};

/** Where a transfer stands against the "present by" day the server computed. */
function transferState(transfer: MemberTransfer, today: string): TransferState {
  if (transfer.receivedDate !== null) {
    return transfer.receivedDate <= transfer.presentBy ? 'received' : 'received_late';
  }
  return today <= transfer.presentBy ? 'in_transit' : 'overdue';
}

/** Transfers of Party membership with the day the introduction must be presented by. */
export function MemberTransfersSection({ transfers }: { transfers: MemberProfile['transfers'] }) {
  const { t } = useTranslation();
  const today = todayIso();
  return (
    <Section title={t('members.profile.transfers')} testId="member-transfers">
      {transfers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.transfers.kind')}</Table.Th>
                <Table.Th>{t('members.transfers.from')}</Table.Th>
                <Table.Th>{t('members.transfers.to')}</Table.Th>
                <Table.Th>{t('members.transfers.introduced')}</Table.Th>
                <Table.Th>{t('members.transfers.presentBy')}</Table.Th>
                <Table.Th>{t('members.transfers.received')}</Table.Th>
                <Table.Th>{t('members.transfers.state')}</Table.Th>
                <Table.Th>{t('common.decisionRef')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {transfers.map((transfer) => {
                const state = transferState(transfer, today);
                return (
                  <Table.Tr key={transfer.id} data-testid="transfer-row">
                    <Table.Td>{t(`members.transferKinds.${transfer.kind}`)}</Table.Td>
                    <Table.Td>
                      <OrgCodeLink code={transfer.fromCellCode} asOf={transfer.introductionDate} />
                    </Table.Td>
                    <Table.Td>
                      <OrgCodeLink code={transfer.toCellCode} asOf={transfer.introductionDate} />
                    </Table.Td>
                    <Table.Td>
                      <DateText value={transfer.introductionDate} />
                    </Table.Td>
                    <Table.Td data-testid="transfer-present-by">
                      <DateText value={transfer.presentBy} />
                    </Table.Td>
                    <Table.Td>
                      <DateText value={transfer.receivedDate} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLORS[state]} variant="light" size="sm" tt="none">
                        {t(`members.transferStates.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{transfer.decisionRef ?? t('common.empty')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** The cells the member belonged to, with the first and last day of each. */
export function MembershipsSection({ memberships }: { memberships: MemberProfile['memberships'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('members.profile.memberships')} testId="member-memberships">
      {memberships.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common.none')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.fields.cell')}</Table.Th>
              <Table.Th>{t('common.from')}</Table.Th>
              <Table.Th>{t('common.through')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {memberships.map((membership) => (
              <Table.Tr key={`${membership.cellCode}:${membership.validFrom}`} data-testid="membership-row">
                <Table.Td>
                  <OrgLink code={membership.cellCode} asOf={membership.validFrom}>
                    {membership.cellName}
                  </OrgLink>
                </Table.Td>
                <Table.Td>
                  <DateText value={membership.validFrom} />
                </Table.Td>
                <Table.Td>
                  {membership.validTo === null ? (
                    t('common.now')
                  ) : (
                    <DateText value={lastDayOf(membership.validFrom, membership.validTo)} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
