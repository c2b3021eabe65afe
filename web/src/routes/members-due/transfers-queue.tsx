import { Anchor, Badge, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TransferInTransit } from '../../api/members-api.ts';
import { useTransfersInTransit } from '../../api/members-queries.ts';
import { DateText } from '../../components/date-text.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { memberPath } from '../../components/member-paths.ts';
import { OrgCodeLink } from '../../components/org-code-link.tsx';
import { RuleNote } from '../../components/rule-note.tsx';
import { Section } from '../../components/section.tsx';
import { type WindowedColumn, WindowedTable } from '../../components/windowed-table.tsx';

/** Members sent from or to the unit's cells and not yet received, with the day to present by. */
export function TransfersQueue({ org }: { org: string | null }) {
  const { t } = useTranslation();
  const transfers = useTransfersInTransit(org);

  const columns: WindowedColumn<TransferInTransit>[] = [
    {
      key: 'name',
      header: t('members.fields.fullName'),
      render: (item) => (
        <Anchor component={Link} to={memberPath(item.memberId)} size="sm" fw={500}>
          {item.fullName}
        </Anchor>
      ),
    },
    {
      key: 'from',
      header: t('members.transfers.from'),
      render: (item) => <OrgCodeLink code={item.fromCellCode} asOf={item.introductionDate} />,
    },
    {
      key: 'to',
      header: t('members.transfers.to'),
      render: (item) => <OrgCodeLink code={item.toCellCode} asOf={item.introductionDate} />,
    },
    {
      key: 'introduced',
      header: t('members.transfers.introduced'),
      width: 130,
      render: (item) => <DateText value={item.introductionDate} />,
    },
    {
      key: 'presentBy',
      header: t('members.transfers.presentBy'),
      width: 160,
      render: (item) => <DateText value={item.presentBy} />,
    },
    {
      key: 'state',
      header: t('members.transfers.state'),
      width: 150,
      render: (item) => (
        <Badge color={item.overdue ? 'red' : 'blue'} variant="light" size="sm" tt="none">
          {t(`members.transferStates.${item.overdue ? 'overdue' : 'in_transit'}`)}
        </Badge>
      ),
    },
    {
      key: 'action',
      header: '',
      width: 190,
      align: 'right',
      render: (item) => (
        <Button
          component={Link}
          to={memberPath(item.memberId, 'transfer-in')}
          size="compact-xs"
          variant="light"
        >
          {t('memberEvents.actions.transfer-in')}
        </Button>
      ),
    },
  ];

  return (
    <Section title={t('members.due.transfersTitle')} testId="due-transfers">
      <RuleNote>{t('memberEvents.rules.transferOut')}</RuleNote>
      {transfers.isError && <ErrorAlert error={transfers.error} onRetry={() => void transfers.refetch()} />}
      {transfers.data?.length === 0 && (
        <Text size="sm" c="dimmed" p="xs">
          {t('members.due.none')}
        </Text>
      )}
      {transfers.data && transfers.data.length > 0 && (
        <WindowedTable
          rows={transfers.data}
          columns={columns}
          rowKey={(item) => item.id}
          maxHeight={420}
          minWidth={1040}
          testId="transfers-table"
          rowTestId="transfer-due-row"
        />
      )}
    </Section>
  );
}
