/**
 * ECharts through `echarts/core` with only the parts the screens use (bar, line and pie charts, grid,
 * tooltip, legend, canvas), so the bundle stays small.
 */
import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

/** Colours of the theme (Mantine's red 8 first), for the series of a chart. */
export const CHART_COLORS = [
  '#c92a2a',
  '#1971c2',
  '#2f9e44',
  '#f08c00',
  '#6741d9',
  '#0c8599',
  '#e8590c',
  '#868e96',
  '#a61e4d',
  '#5c940d',
];

/** A chart that follows its container's size; the option is replaced whenever it changes. */
export function EChart({ option, height, label }: { option: ChartOption; height: number; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: CHART_COLORS, ...option }, true);
  }, [option]);

  return <div ref={container} style={{ height, width: '100%' }} role="img" aria-label={label} />;
}
