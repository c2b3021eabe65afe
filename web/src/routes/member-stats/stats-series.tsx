import { Loader, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberStatsSeries } from '../../api/members-api.ts';
import { useMemberStatsSeries } from '../../api/members-queries.ts';
import { formatDate } from '../../components/dates.ts';
import { CHART_COLORS, type ChartOption, EChart } from '../../components/echart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCount, formatPercent } from '../../components/formatting.ts';
import { Section } from '../../components/section.tsx';

const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value, 2) : '');

/**
 * Members as stacked bars (official, probationary) on the left axis; the admission rate and the
 * two bounds of its target as lines on the right axis, in percent.
 */
function seriesOption(series: MemberStatsSeries, t: TFunction): ChartOption {
  const points = series.points;
  const label = (key: 'members' | 'rate' | 'official' | 'probationary' | 'targetMin' | 'targetMax') =>
    t(`membersExtra.series.${key}`);
  const target = (name: string, pick: (p: (typeof points)[number]) => number) => ({
    type: 'line' as const,
    name,
    yAxisIndex: 1,
    data: points.map(pick),
    symbol: 'none',
    step: 'middle' as const,
    lineStyle: { type: 'dashed' as const, width: 1.5 },
    color: CHART_COLORS[2],
    tooltip: { valueFormatter: percent },
  });
  return {
    tooltip: { trigger: 'axis', confine: true },
    legend: { bottom: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 8, top: 28, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
    yAxis: [
      { type: 'value', name: label('members'), minInterval: 1 },
      {
        type: 'value',
        name: label('rate'),
        axisLabel: { formatter: (value: number) => formatPercent(value, 0) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar',
        name: label('official'),
        stack: 'members',
        data: points.map((p) => p.official),
        barMaxWidth: 32,
        color: CHART_COLORS[0],
      },
      {
        type: 'bar',
        name: label('probationary'),
        stack: 'members',
        data: points.map((p) => p.probationary),
        barMaxWidth: 32,
        color: CHART_COLORS[3],
      },
      {
        type: 'line',
        name: label('rate'),
        yAxisIndex: 1,
        data: points.map((p) => p.admissionRate),
        color: CHART_COLORS[1],
        tooltip: { valueFormatter: percent },
      },
      target(label('targetMin'), (p) => p.admissionTarget.min),
      target(label('targetMax'), (p) => p.admissionTarget.max),
    ],
  };
}

/** A unit's members on 31/12 of each of the last years, with its admissions against the yearly target. */
export function StatsSeries({ org }: { org: string }) {
  const { t } = useTranslation();
  const series = useMemberStatsSeries(org);
  const option = useMemo(() => (series.data ? seriesOption(series.data, t) : null), [series.data, t]);
  return (
    <Section title={t('membersExtra.series.title')} testId="stats-series">
      <Text size="xs" c="dimmed" mb={6}>
        {t('membersExtra.series.hint')}
      </Text>
      {series.isPending && <Loader size="sm" />}
      {series.isError && <ErrorAlert error={series.error} onRetry={() => void series.refetch()} />}
      {series.data && option && (
        <>
          <EChart
            option={option}
            height={320}
            label={t('membersExtra.series.chartLabel', { unit: series.data.org })}
          />
          <SeriesTable series={series.data} />
        </>
      )}
    </Section>
  );
}

const COLUMNS = ['total', 'official', 'probationary', 'admitted', 'membersAtStart'] as const;

function SeriesTable({ series }: { series: MemberStatsSeries }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760} mt="xs">
      <Table striped highlightOnHover data-testid="stats-series-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('membersExtra.series.asOf')}</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column} ta="right">
                {t(`membersExtra.series.${column}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('membersExtra.series.rate')}</Table.Th>
            <Table.Th ta="right">{t('membersExtra.series.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {series.points.map((point) => (
            <Table.Tr key={point.year} data-year={point.year} data-testid="stats-series-row">
              <Table.Td>{formatDate(point.asOf)}</Table.Td>
              {COLUMNS.map((column) => (
                <Table.Td key={column} ta="right" ff="monospace" data-column={column}>
                  {formatCount(point[column])}
                </Table.Td>
              ))}
              <Table.Td ta="right" ff="monospace" data-column="rate">
                {formatPercent(point.admissionRate, 2)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatPercent(point.admissionTarget.min, 0)}–{formatPercent(point.admissionTarget.max, 0)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
