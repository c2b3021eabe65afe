import { Anchor, Loader, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberStats } from '../../api/members-api.ts';
import { useMemberStatsOf } from '../../api/members-queries.ts';
import { useOrgChildren } from '../../api/orgs-queries.ts';
import { formatCount } from '../../components/formatting.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { memberStatsPath, membersListPath } from '../../components/member-paths.ts';
import { Section } from '../../components/section.tsx';

/** Beyond this many sub-units, the table shows the first ones (each is one request). */
const MAX_SUB_UNITS = 100;

const COLUMNS = ['total', 'official', 'probationary', 'inTransit', 'admittedThisYear'] as const;

/** The same counts for each direct sub-unit, each a link to drill down the tree. */
export function SubUnitStats({
  org,
  asOf,
  linkMembers,
}: {
  org: string;
  asOf: string;
  linkMembers: boolean;
}) {
  const { t } = useTranslation();
  const children = useOrgChildren(org, asOf);
  const shown = (children.data ?? []).slice(0, MAX_SUB_UNITS);
  const stats = useMemberStatsOf(
    shown.map((child) => child.code),
    asOf,
  );
  if (children.data?.length === 0) return null;

  const cell = (value: MemberStats | undefined, column: (typeof COLUMNS)[number]): ReactNode =>
    value ? formatCount(value[column]) : <Loader size={12} />;

  return (
    <Section title={t('stats.subUnits')} testId="stats-sub-units">
      {children.isPending && <Loader size="sm" />}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={760} maxHeight={420}>
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.name')}</Table.Th>
                {COLUMNS.map((column) => (
                  <Table.Th key={column} ta="right">
                    {t(`stats.columns.${column}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((child, index) => {
                const value = stats[index]?.data;
                return (
                  <Table.Tr key={child.code} data-code={child.code} data-testid="sub-unit-row">
                    <Table.Td>
                      <Anchor component={Link} to={memberStatsPath(child.code, asOf)} size="sm">
                        {child.name}
                      </Anchor>{' '}
                      <KindBadge kind={child.kind} size="xs" />
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace" data-testid="sub-unit-total">
                      {linkMembers && value ? (
                        <Anchor component={Link} to={membersListPath({ org: child.code })} size="sm">
                          {formatCount(value.total)}
                        </Anchor>
                      ) : (
                        cell(value, 'total')
                      )}
                    </Table.Td>
                    {COLUMNS.slice(1).map((column) => (
                      <Table.Td key={column} ta="right" ff="monospace">
                        {cell(value, column)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(children.data?.length ?? 0) > MAX_SUB_UNITS && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('stats.subUnitsCapped', { count: MAX_SUB_UNITS })}
        </Text>
      )}
    </Section>
  );
}
