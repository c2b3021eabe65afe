import { Anchor, Group, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { memberListFileUrl, unitReportUrl } from '../../api/exports-api.ts';
import { useMemberStats } from '../../api/members-queries.ts';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportMenu } from '../../components/export-menu.tsx';
import { formatCount } from '../../components/formatting.ts';
import {
  dataQualityPath,
  memberDuePath,
  memberStatsPath,
  membersListPath,
  newMemberPath,
} from '../../components/member-paths.ts';
import { Section } from '../../components/section.tsx';

const ROWS = [
  ['total', 'stats.total'],
  ['official', 'stats.official'],
  ['probationary', 'stats.probationary'],
  ['inTransit', 'stats.inTransit'],
] as const;

/** The unit's members (its whole subtree) on the date shown, with links to the member screens. */
export function OrgMembersSection({
  code,
  asOf,
  holdsMembers,
}: {
  code: string;
  asOf: string;
  holdsMembers: boolean;
}) {
  const { t } = useTranslation();
  const stats = useMemberStats(code, asOf);
  const isToday = asOf === todayIso();
  return (
    <Section
      title={t('nav.members')}
      testId="unit-members"
      actions={
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={memberStatsPath(code, asOf)} size="xs">
            {t('unit.membersStats')}
          </Anchor>
          <ExportMenu
            testId="unit-export"
            links={[
              {
                label: 'membersXlsx',
                href: memberListFileUrl({ org: code, asOf: isToday ? undefined : asOf }, 'xlsx'),
              },
              {
                label: 'membersCsv',
                href: memberListFileUrl({ org: code, asOf: isToday ? undefined : asOf }, 'csv'),
              },
              { label: 'reportXlsx', href: unitReportUrl(code, asOf, 'xlsx') },
              { label: 'reportDocx', href: unitReportUrl(code, asOf, 'docx') },
            ]}
          />
        </Group>
      }
    >
      {stats.isPending && <Loader size="sm" />}
      {stats.isError && <ErrorAlert error={stats.error} />}
      {stats.data && (
        <Table>
          <Table.Tbody>
            {ROWS.map(([key, label]) => (
              <Table.Tr key={key}>
                <Table.Td>{t(label)}</Table.Td>
                <Table.Td
                  ta="right"
                  ff="monospace"
                  fw={key === 'total' ? 700 : undefined}
                  data-testid={`unit-members-${key}`}
                >
                  {formatCount(stats.data[key])}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="md" mt={6}>
        {isToday && (
          <Anchor
            component={Link}
            to={membersListPath({ org: code })}
            size="sm"
            data-testid="unit-members-list"
          >
            {t('unit.membersList')}
          </Anchor>
        )}
        <Anchor component={Link} to={memberDuePath(code)} size="sm">
          {t('unit.membersDue')}
        </Anchor>
        <Anchor component={Link} to={dataQualityPath(code)} size="sm" data-testid="unit-data-quality">
          {t('quality.unitLink')}
        </Anchor>
        {holdsMembers && isToday && (
          <Anchor component={Link} to={newMemberPath(code)} size="sm">
            {t('unit.membersAdd')}
          </Anchor>
        )}
      </Group>
      {!isToday && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('unit.membersPastNote')}
        </Text>
      )}
    </Section>
  );
}
