import { Text } from '@mantine/core';
import { useViewportSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { MemberSearchResult } from '../../api/members-api.ts';
import { DateText } from '../../components/date-text.tsx';
import { todayIso } from '../../components/dates.ts';
import { memberColumns } from '../../components/member-columns.tsx';
import { MemberStatusBadge } from '../../components/member-status-badge.tsx';
import { type WindowedColumn, WindowedTable } from '../../components/windowed-table.tsx';

/** Search results in the server's order; only the rows in view are rendered. */
export function MemberResultsTable({ members }: { members: readonly MemberSearchResult[] }) {
  const { t } = useTranslation();
  const today = todayIso();
  // The list fills the screen below the search form (and never shrinks to nothing).
  const { height } = useViewportSize();
  const [name, cell] = memberColumns<MemberSearchResult>(t, today);
  const columns: WindowedColumn<MemberSearchResult>[] = [
    name,
    {
      key: 'birth',
      header: t('members.fields.birthDate'),
      width: 110,
      render: (member) => <DateText value={member.birthDate} />,
    },
    {
      key: 'sex',
      header: t('members.fields.sex'),
      width: 96,
      render: (member) => t(`members.sex.${member.sex}`),
    },
    cell,
    {
      key: 'status',
      header: t('members.fields.status'),
      width: 170,
      render: (member) => <MemberStatusBadge status={member.status} size="xs" />,
    },
    {
      key: 'id',
      header: t('members.fields.id'),
      width: 70,
      align: 'right',
      render: (member) => (
        <Text span size="xs" c="dimmed" ff="monospace">
          {member.id}
        </Text>
      ),
    },
  ];
  return (
    <WindowedTable
      rows={members}
      columns={columns}
      rowKey={(member) => member.id}
      maxHeight={Math.max(280, height - 330)}
      testId="member-results"
      rowTestId="member-row"
    />
  );
}
