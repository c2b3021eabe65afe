import { Anchor, Badge, type MantineColor, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberStats, MemberStatus } from '../../api/members-api.ts';
import { formatCount, formatPercent } from '../../components/formatting.ts';
import { membersListPath } from '../../components/member-paths.ts';

function StatCard({
  label,
  value,
  to,
  testId,
  footer,
}: {
  label: string;
  value: string;
  /** The member list behind the number, when there is one. */
  to?: string;
  testId: string;
  footer?: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to} fz={26} fw={700} data-testid={`${testId}-value`}>
          {value}
        </Anchor>
      ) : (
        <Text fz={26} fw={700} data-testid={`${testId}-value`}>
          {value}
        </Text>
      )}
      {footer}
    </Paper>
  );
}

type TargetPosition = 'below' | 'within' | 'above';

const TARGET_COLORS: Record<TargetPosition, MantineColor> = {
  below: 'orange',
  within: 'teal',
  above: 'blue',
};

function targetPosition(rate: number, target: { min: number; max: number }): TargetPosition {
  if (rate < target.min) return 'below';
  return rate > target.max ? 'above' : 'within';
}

/**
 * Totals, standing and admissions of the year against the target; with `linkTo` each count opens
 * the member list of the unit (with that status).
 */
export function StatsSummary({ stats, linkTo }: { stats: MemberStats; linkTo: string | null }) {
  const { t } = useTranslation();
  const link = (status?: MemberStatus) => (linkTo ? membersListPath({ org: linkTo, status }) : undefined);
  const position = targetPosition(stats.admissionRate, stats.admissionTarget);
  const scale = Math.max(stats.admissionTarget.max * 1.5, stats.admissionRate) || 1;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <StatCard label={t('stats.total')} value={formatCount(stats.total)} to={link()} testId="stats-total" />
      <StatCard
        label={t('stats.official')}
        value={formatCount(stats.official)}
        to={link('official')}
        testId="stats-official"
      />
      <StatCard
        label={t('stats.probationary')}
        value={formatCount(stats.probationary)}
        to={link('probationary')}
        testId="stats-probationary"
      />
      <StatCard
        label={t('stats.inTransit')}
        value={formatCount(stats.inTransit)}
        to={link('in_transit')}
        testId="stats-in-transit"
      />
      <StatCard
        label={t('stats.admittedThisYear', { year: stats.asOf.slice(0, 4) })}
        value={formatCount(stats.admittedThisYear)}
        testId="stats-admitted"
      />
      <StatCard
        label={t('stats.admissionRate')}
        value={formatPercent(stats.admissionRate, 2)}
        testId="stats-admission-rate"
        footer={
          <Stack gap={4} mt={2} align="flex-start">
            <Progress.Root size="sm" w="100%" aria-label={t('stats.admissionRate')}>
              <Progress.Section value={(stats.admissionRate / scale) * 100} color={TARGET_COLORS[position]} />
            </Progress.Root>
            <Badge size="xs" variant="light" color={TARGET_COLORS[position]} tt="none">
              {t(`stats.target.${position}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('stats.targetRange', {
                min: formatPercent(stats.admissionTarget.min, 0),
                max: formatPercent(stats.admissionTarget.max, 0),
              })}
            </Text>
          </Stack>
        }
      />
    </SimpleGrid>
  );
}
