/** 工作报告 as an Excel workbook: one sheet per table of the report, typed columns. */
import { type Column, type Sheet, workbook } from '../../platform/xlsx.ts';
import type { ReportMeta } from './report-pdf.ts';
import type { ReportContent } from './schema.ts';

const volumeSheet = (name: string, label: string, rows: ReportContent['byItem']): Sheet => ({
  name,
  columns: [
    { header: label, type: 'text' },
    { header: '受理量', type: 'integer' },
    { header: '办结量', type: 'integer' },
    { header: '按时办结', type: 'integer' },
    { header: '按时办结率', type: 'percent' },
  ] satisfies Column[],
  rows: rows.map((r) => [r.name, r.received, r.finished, r.onTime, r.onTimeRate]),
});

export function reportWorkbook(c: ReportContent, m: ReportMeta): Promise<Buffer> {
  const o = c.overall;
  const percentOf = (v: number | null) => (v === null ? null : v / 100);
  return workbook([
    {
      name: '总体情况',
      columns: [
        { header: '期间', type: 'text' },
        { header: '开始日期', type: 'date' },
        { header: '结束日期', type: 'date' },
        { header: '受理量', type: 'integer' },
        { header: '办结量', type: 'integer' },
        { header: '按时办结', type: 'integer' },
        { header: '按时办结率', type: 'percent' },
      ] satisfies Column[],
      rows: [o.current, o.previous, o.lastYear].map((f, i) => [
        `${['本期', '上期', '去年同期'][i]} ${f.label}`,
        f.from,
        f.to,
        f.received,
        f.finished,
        f.onTime,
        f.onTimeRate,
      ]),
    },
    volumeSheet('分事项', '事项', c.byItem),
    volumeSheet('分部门', '部门', c.byDepartment),
    {
      name: '窗口服务',
      columns: [
        { header: '窗口', type: 'text' },
        { header: '取号量', type: 'integer' },
        { header: '平均等候(分钟)', type: 'decimal' },
      ] satisfies Column[],
      rows: [
        ['全厅', c.windows.tickets, c.windows.meanWaitMinutes],
        ...c.windows.byWindow.map((w) => [w.name, w.tickets, w.meanWaitMinutes]),
      ],
    },
    {
      name: '群众满意度',
      columns: [
        { header: '评价等级', type: 'text' },
        { header: '现场评价', type: 'integer' },
        { header: '好差评', type: 'integer' },
        { header: '合计', type: 'integer' },
      ] satisfies Column[],
      rows: c.satisfaction.levels.map((l) => [l.name, l.onSite, l.online, l.total]),
    },
    {
      name: '投诉举报',
      columns: [
        { header: '问题类别', type: 'text' },
        { header: '本期', type: 'integer' },
        { header: '上期', type: 'integer' },
      ] satisfies Column[],
      rows: c.complaints.byCategory.map((x) => [x.name, x.count, x.previous]),
    },
    {
      name: '监督检查与整改',
      columns: [
        { header: '指标', type: 'text' },
        { header: '目标值', type: 'percent' },
        { header: '分子', type: 'integer' },
        { header: '分母', type: 'integer' },
        { header: '本期值', type: 'percent' },
      ] satisfies Column[],
      rows: c.inspections.indicators.map((i) => [
        i.name,
        percentOf(i.target),
        i.numerator,
        i.denominator,
        percentOf(i.value),
      ]),
    },
    {
      name: '存在的问题和风险',
      columns: [
        { header: '序号', type: 'integer' },
        { header: '问题和风险', type: 'text' },
      ] satisfies Column[],
      rows: c.risks.map((r, i) => [i + 1, r.text]),
    },
    {
      name: '下一步工作',
      columns: [{ header: m.title, type: 'text' }] satisfies Column[],
      rows: [[m.nextSteps || '（待填写）']],
    },
  ]);
}
