import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { memberPath } from './member-paths.ts';
import { OrgCodeLink } from './org-code-link.tsx';
import type { WindowedColumn } from './windowed-table.tsx';

interface MemberRow {
  id: number;
  fullName: string;
  cellCode: string;
}

/** The columns every list of members starts with: the name (a link to the profile) and the cell. */
export function memberColumns<T extends MemberRow>(
  t: TFunction,
  today: string,
): [name: WindowedColumn<T>, cell: WindowedColumn<T>] {
  return [
    {
      key: 'name',
      header: t('members.fields.fullName'),
      render: (member) => (
        <Anchor component={Link} to={memberPath(member.id)} size="sm" fw={500} data-testid="member-link">
          {member.fullName}
        </Anchor>
      ),
    },
    {
      key: 'cell',
      header: t('members.fields.cell'),
      render: (member) => <OrgCodeLink code={member.cellCode} asOf={today} />,
    },
  ];
}
