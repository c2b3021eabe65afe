import { Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { unitReportUrl } from '../../api/exports-api.ts';
import { type MemberStats, statsWorkbookUrl } from '../../api/members-api.ts';
import { useMemberStats } from '../../api/members-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatDate, todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportMenu } from '../../components/export-menu.tsx';
import { MembersHeader } from '../../components/members-header.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { useAsOf } from '../../components/use-as-of.ts';
import { useDefaultOrg } from '../../components/use-default-org.ts';
import { BreakdownCard, type BreakdownChart, type BreakdownEntry } from './breakdown-card.tsx';
import { StatsSeries } from './stats-series.tsx';
import { StatsSummary } from './stats-summary.tsx';
import { SubUnitStats } from './sub-unit-stats.tsx';

const AGE_BANDS = [
  ['<=30', 'upTo30'],
  ['31-40', 'from31to40'],
  ['41-50', 'from41to50'],
  ['51-60', 'from51to60'],
  ['>60', 'over60'],
] as const;

const YEAR_BANDS = [
  ['<5', 'under5'],
  ['5-9', 'from5to9'],
  ['10-19', 'from10to19'],
  ['20-29', 'from20to29'],
  ['30-39', 'from30to39'],
  ['>=40', 'from40'],
] as const;

type BreakdownId = 'sex' | 'age' | 'years' | 'ethnicity' | 'religion' | 'education' | 'theory';

/** The breakdowns of the dashboard, in the order of the sector's yearly report. */
function useBreakdowns(stats: MemberStats) {
  const { t } = useTranslation();
  return useMemo(() => {
    const named = (counts: Record<string, number>): BreakdownEntry[] =>
      Object.entries(counts)
        .map(([key, count]) => ({ key, label: key === '—' ? t('stats.unspecified') : key, count }))
        .sort((a, b) => b.count - a.count);
    const cards: { id: BreakdownId; chart: BreakdownChart; entries: BreakdownEntry[] }[] = [
      {
        id: 'sex',
        chart: 'pie',
        entries: (['male', 'female'] as const).map((sex) => ({
          key: sex,
          label: t(`members.sex.${sex}`),
          count: stats.bySex[sex],
        })),
      },
      {
        id: 'age',
        chart: 'bar',
        entries: AGE_BANDS.map(([key, id]) => ({
          key,
          label: t(`stats.ageBands.${id}`),
          count: stats.byAgeBand[key],
        })),
      },
      {
        id: 'years',
        chart: 'bar',
        entries: YEAR_BANDS.map(([key, id]) => ({
          key,
          label: t(`stats.yearBands.${id}`),
          count: stats.byYearsOfMembership[key] ?? 0,
        })),
      },
      { id: 'ethnicity', chart: 'hbar', entries: named(stats.byEthnicity) },
      { id: 'religion', chart: 'hbar', entries: named(stats.byReligion) },
      { id: 'education', chart: 'hbar', entries: named(stats.byEducation) },
      { id: 'theory', chart: 'hbar', entries: named(stats.byTheoryLevel) },
    ];
    return cards;
  }, [stats, t]);
}

/** `/members/stats?org=&asOf=`: a unit's members on a date, rolled up over its subtree. */
export function MemberStatsPage() {
  const { t } = useTranslation();
  const [org, setOrg] = useDefaultOrg();
  const [asOf, setAsOf] = useAsOf();
  const stats = useMemberStats(org, asOf);
  const isToday = asOf === todayIso();

  return (
    <Stack gap="sm">
      <MembersHeader tab="stats" org={org}>
        <OrgPicker
          label={t('members.search.unit')}
          value={org}
          onChange={setOrg}
          asOf={asOf}
          data-testid="stats-org"
        />
        <DateField
          label={t('common.asOf')}
          value={asOf}
          onChange={setAsOf}
          w={170}
          data-testid="as-of-input"
        />
      </MembersHeader>
      {stats.isPending && org && <Loader size="sm" />}
      {stats.isError && <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data && org && (
        <>
          <Group gap="xs" justify="space-between">
            <Text size="xs" c="dimmed" data-testid="stats-source">
              {t(`stats.source.${stats.data.source}`, { date: formatDate(stats.data.asOf) })}
            </Text>
            <Group gap="xs">
              <Button
                component="a"
                href={statsWorkbookUrl(stats.data.org, stats.data.asOf)}
                download
                size="compact-sm"
                variant="default"
                leftSection={<IconFileSpreadsheet size={16} />}
                data-testid="stats-download"
              >
                {t('stats.download')}
              </Button>
              <ExportMenu
                testId="stats-report"
                links={[
                  { label: 'reportXlsx', href: unitReportUrl(stats.data.org, stats.data.asOf, 'xlsx') },
                  { label: 'reportDocx', href: unitReportUrl(stats.data.org, stats.data.asOf, 'docx') },
                ]}
              />
            </Group>
          </Group>
          <StatsSummary stats={stats.data} linkTo={isToday ? stats.data.org : null} />
          <StatsSeries org={stats.data.org} />
          <StatsBreakdowns stats={stats.data} />
          <SubUnitStats org={org} asOf={asOf} linkMembers={isToday} />
        </>
      )}
    </Stack>
  );
}

function StatsBreakdowns({ stats }: { stats: MemberStats }) {
  const { t } = useTranslation();
  const cards = useBreakdowns(stats);
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
      {cards.map((card) => (
        <BreakdownCard
          key={card.id}
          title={t(`stats.breakdowns.${card.id}`)}
          entries={card.entries}
          chart={card.chart}
          total={stats.total}
          testId={`stats-by-${card.id}`}
        />
      ))}
    </SimpleGrid>
  );
}
