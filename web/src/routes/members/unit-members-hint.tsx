import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberStatus } from '../../api/members-api.ts';
import { useMemberStats } from '../../api/members-queries.ts';
import { useOrgDetail } from '../../api/orgs-queries.ts';
import { todayIso } from '../../components/dates.ts';
import { formatCount } from '../../components/formatting.ts';
import { memberDuePath, memberStatsPath } from '../../components/member-paths.ts';

/** What to type, and (when a unit is chosen) how many members it has, before any search. */
export function UnitMembersHint({ org, status }: { org: string | null; status: MemberStatus | null }) {
  const { t } = useTranslation();
  const today = todayIso();
  const stats = useMemberStats(org, today);
  const unit = useOrgDetail(org, today);
  const counts: Partial<Record<MemberStatus, number>> | undefined = stats.data && {
    official: stats.data.official,
    probationary: stats.data.probationary,
    in_transit: stats.data.inTransit,
  };
  return (
    <Paper
      withBorder
      p="sm"
      bg="transparent"
      style={{ borderStyle: 'dashed' }}
      data-testid="member-search-hint"
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        <IconInfoCircle
          size={18}
          color="var(--mantine-color-dimmed)"
          style={{ flexShrink: 0, marginTop: 2 }}
        />
        <Stack gap={4}>
          <Text size="sm">{t('members.search.hint')}</Text>
          {org && stats.data && (
            <Text size="sm" data-testid="member-search-unit-summary">
              {t('members.search.unitSummary', {
                unit: unit.data?.name ?? org,
                total: formatCount(stats.data.total),
                official: formatCount(stats.data.official),
                probationary: formatCount(stats.data.probationary),
              })}
              {status && counts?.[status] !== undefined && (
                <>
                  {' '}
                  {t('members.search.statusSummary', {
                    status: t(`members.status.${status}`),
                    count: formatCount(counts[status] ?? 0),
                  })}
                </>
              )}
            </Text>
          )}
          {org && (
            <Group gap="md">
              <Anchor component={Link} to={memberStatsPath(org)} size="sm">
                {t('members.search.openStats')}
              </Anchor>
              <Anchor component={Link} to={memberDuePath(org)} size="sm">
                {t('members.search.openDue')}
              </Anchor>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
