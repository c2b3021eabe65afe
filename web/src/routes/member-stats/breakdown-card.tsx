import { ScrollArea, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../components/echart.tsx';
import { formatCount, formatPercent } from '../../components/formatting.ts';
import { Section } from '../../components/section.tsx';

export interface BreakdownEntry {
  key: string;
  label: string;
  count: number;
}

export type BreakdownChart = 'pie' | 'bar' | 'hbar';

/** Long lists (ethnic groups) keep their largest groups and sum the rest. */
const MAX_BARS = 8;

function chartOption(kind: BreakdownChart, entries: readonly BreakdownEntry[]): ChartOption {
  const tooltip = { trigger: 'item' as const, confine: true };
  if (kind === 'pie') {
    return {
      tooltip,
      legend: { bottom: 0, icon: 'circle', itemWidth: 10, itemHeight: 10 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '68%'],
          center: ['50%', '44%'],
          label: { formatter: (params) => formatPercent((params.percent ?? 0) / 100) },
          data: entries.map((entry) => ({ name: entry.label, value: entry.count })),
        },
      ],
    };
  }
  const categories = entries.map((entry) => entry.label);
  const values = entries.map((entry) => entry.count);
  const horizontal = kind === 'hbar';
  return {
    tooltip,
    grid: { left: 8, right: 24, top: 12, bottom: 4, containLabel: true },
    xAxis: horizontal
      ? { type: 'value', minInterval: 1 }
      : { type: 'category', data: categories, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: horizontal
      ? { type: 'category', data: [...categories].reverse(), axisLabel: { width: 150, overflow: 'truncate' } }
      : { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: horizontal ? [...values].reverse() : values,
        barMaxWidth: 28,
        label: { show: true, position: horizontal ? 'right' : 'top' },
      },
    ],
  };
}

/** Keeps the largest groups of a long list and adds up the others in one line. */
function topEntries(entries: readonly BreakdownEntry[], othersLabel: string): BreakdownEntry[] {
  if (entries.length <= MAX_BARS) return [...entries];
  const sorted = [...entries].sort((a, b) => b.count - a.count);
  const rest = sorted.slice(MAX_BARS - 1).reduce((sum, entry) => sum + entry.count, 0);
  return [...sorted.slice(0, MAX_BARS - 1), { key: '__others', label: othersLabel, count: rest }];
}

/** One breakdown of the members: a chart and the same numbers in a table. */
export function BreakdownCard({
  title,
  entries,
  chart,
  total,
  testId,
}: {
  title: string;
  entries: readonly BreakdownEntry[];
  chart: BreakdownChart;
  total: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const shown = useMemo(() => topEntries(entries, t('stats.others')), [entries, t]);
  const option = useMemo(() => chartOption(chart, shown), [chart, shown]);
  const empty = entries.every((entry) => entry.count === 0);
  return (
    <Section title={title} testId={testId}>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('stats.noData')}
        </Text>
      ) : (
        <>
          <EChart option={option} height={190} label={title} />
          <ScrollArea.Autosize mah={200} mt={4} type="auto">
            <Table>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.key} data-key={entry.key}>
                    <Table.Td>{entry.label}</Table.Td>
                    <Table.Td ta="right" ff="monospace" w={80}>
                      {formatCount(entry.count)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace" w={80} c="dimmed">
                      {total > 0 ? formatPercent(entry.count / total) : t('common.empty')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
    </Section>
  );
}
