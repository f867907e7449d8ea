/**
 * ECharts for the 统计分析 page: the core build with only the charts and components used registered (GUIDE.md
 * "ECharts in React": `echarts-for-react/esm/core`, never the `lib/` build).
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export function Chart({
  option,
  height = 300,
  label,
  onPick,
}: {
  option: any;
  height?: number;
  label: string;
  /** A bar or point clicked: its place on the axis and its series (the drill-down). */
  onPick?: (dataIndex: number, seriesIndex: number) => void;
}) {
  const onEvents = onPick
    ? { click: (p: { dataIndex: number; seriesIndex: number }) => onPick(p.dataIndex, p.seriesIndex) }
    : undefined;
  return (
    <div role="img" aria-label={label} data-chart={label} style={onPick ? { cursor: 'pointer' } : undefined}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        onEvents={onEvents}
        style={{ height, width: '100%' }}
      />
    </div>
  );
}

const grid = { left: 48, right: 24, top: 40, bottom: 40, containLabel: true };

export const lineOption = (days: string[], series: { name: string; data: (number | null)[] }[]) => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid,
  xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
  yAxis: { type: 'value', minInterval: 1 },
  series: series.map((s) => ({ type: 'line', name: s.name, data: s.data, connectNulls: false })),
});

export const barOption = (
  names: string[],
  series: { name: string; data: (number | null)[] }[],
  opts: { percent?: boolean; horizontal?: boolean } = {},
) => {
  const category = { type: 'category', data: names, axisLabel: { width: 120, overflow: 'truncate' } };
  // Only the keys that apply: an explicit undefined would clear ECharts' defaults (the axis labels vanish).
  const value = opts.percent
    ? { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }
    : { type: 'value', minInterval: 1 };
  return {
    tooltip: opts.percent ? { trigger: 'axis', valueFormatter: (v: number) => `${v}%` } : { trigger: 'axis' },
    ...(series.length > 1 ? { legend: { top: 0 } } : {}),
    grid,
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barMaxWidth: 28 })),
  };
};

export const pieOption = (data: { name: string; value: number }[]) => ({
  tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
  legend: { bottom: 0 },
  series: [{ type: 'pie', radius: ['35%', '65%'], data, label: { formatter: '{b} {c}' } }],
});
