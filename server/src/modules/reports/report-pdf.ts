/** 工作情况报告 as an A4 document: the eight sections a 政务服务管理局 expects, from the stored figures. */
import { renderPdf } from '../../platform/pdf/kit.ts';
import type { Block, DocumentModel } from '../../platform/pdf/model.ts';
import type { ReportContent } from './schema.ts';

export interface ReportMeta {
  title: string;
  number: string;
  from: string;
  to: string;
  generatedByName: string;
  generatedDay: string;
  nextSteps: string;
}

export const percent = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
export const minutes = (m: number | null) => (m === null ? '—' : `${(Math.round(m * 10) / 10).toFixed(1)} 分钟`);
/** A relative change as 增长 / 下降 with its size; — when not comparable. */
export const trend = (r: number | null) =>
  r === null ? '—' : r === 0 ? '持平' : `${r > 0 ? '增长' : '下降'} ${percent(Math.abs(r))}`;
/** A rate's change in percentage points. */
export const points = (r: number | null) =>
  r === null
    ? '—'
    : r === 0
      ? '持平'
      : `${r > 0 ? '上升' : '下降'} ${(Math.round(Math.abs(r) * 1000) / 10).toFixed(1)} 个百分点`;

const volumeTable = (label: string, rows: ReportContent['byItem']): Block =>
  rows.length
    ? {
        kind: 'table',
        columns: [
          { title: label, width: 0.4 },
          { title: '受理量', width: 0.15, align: 'right' },
          { title: '办结量', width: 0.15, align: 'right' },
          { title: '按时办结', width: 0.15, align: 'right' },
          { title: '按时办结率', width: 0.15, align: 'right' },
        ],
        rows: rows.map((r) => [
          r.name,
          String(r.received),
          String(r.finished),
          String(r.onTime),
          percent(r.onTimeRate),
        ]),
      }
    : { kind: 'paragraph', text: '本期无数据。', indent: true };

export function reportModel(c: ReportContent, m: ReportMeta): DocumentModel {
  const o = c.overall;
  const cur = o.current;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `统计期间：${m.from} 至 ${m.to}。生成：${m.generatedByName}，${m.generatedDay}。`,
    },
    { kind: 'heading', text: '一、总体情况' },
    {
      kind: 'paragraph',
      indent: true,
      text:
        `本期受理 ${cur.received} 件，环比${trend(o.changes.receivedMoM)}，同比${trend(o.changes.receivedYoY)}；` +
        `办结 ${cur.finished} 件，环比${trend(o.changes.finishedMoM)}，同比${trend(o.changes.finishedYoY)}；` +
        `按时办结率 ${percent(cur.onTimeRate)}，环比${points(o.changes.onTimeMoM)}，同比${points(o.changes.onTimeYoY)}。`,
    },
    {
      kind: 'table',
      columns: [
        { title: '期间', width: 0.31 },
        { title: '受理量', width: 0.23, align: 'right' },
        { title: '办结量', width: 0.23, align: 'right' },
        { title: '按时办结率', width: 0.23, align: 'right' },
      ],
      rows: (
        [
          ['本期', cur],
          ['上期', o.previous],
          ['去年同期', o.lastYear],
        ] as const
      ).map(([name, f]) => [`${name} ${f.label}`, String(f.received), String(f.finished), percent(f.onTimeRate)]),
    },
    { kind: 'heading', text: '二、分事项、分部门情况' },
    { kind: 'paragraph', text: '（一）分事项', bold: true },
    volumeTable('事项', c.byItem),
    { kind: 'paragraph', text: '（二）分部门', bold: true },
    volumeTable('部门', c.byDepartment),
    { kind: 'heading', text: '三、窗口服务' },
    {
      kind: 'paragraph',
      indent: true,
      text:
        `本期取号 ${c.windows.tickets} 张，平均等候 ${minutes(c.windows.meanWaitMinutes)}，` +
        `平均办理 ${minutes(c.windows.meanServiceMinutes)}；大厅等候目标 ${minutes(c.windows.targetWaitMinutes)}。`,
    },
    ...(c.windows.byWindow.length
      ? ([
          {
            kind: 'table',
            columns: [
              { title: '窗口', width: 0.4 },
              { title: '取号量', width: 0.3, align: 'right' },
              { title: '平均等候', width: 0.3, align: 'right' },
            ],
            rows: c.windows.byWindow.map((w) => [w.name, String(w.tickets), minutes(w.meanWaitMinutes)]),
          },
        ] satisfies Block[])
      : []),
    { kind: 'heading', text: '四、群众满意度' },
    {
      kind: 'paragraph',
      indent: true,
      text:
        `本期收到评价 ${c.satisfaction.ratings} 条，好评率 ${percent(c.satisfaction.goodRate)}，差评 ${c.satisfaction.bad} 条；` +
        `差评整改未完成 ${c.satisfaction.openRectifications} 件，其中逾期 ${c.satisfaction.lateRectifications} 件。`,
    },
    {
      kind: 'table',
      columns: [
        { title: '评价等级', width: 0.4 },
        { title: '现场评价', width: 0.2, align: 'right' },
        { title: '好差评', width: 0.2, align: 'right' },
        { title: '合计', width: 0.2, align: 'right' },
      ],
      rows: c.satisfaction.levels.map((l) => [l.name, String(l.onSite), String(l.online), String(l.total)]),
    },
    { kind: 'heading', text: '五、投诉举报' },
    {
      kind: 'paragraph',
      indent: true,
      text: `本期受理投诉举报 ${c.complaints.total} 件，上期 ${c.complaints.previousTotal} 件。`,
    },
    ...(c.complaints.byCategory.length
      ? ([
          {
            kind: 'table',
            columns: [
              { title: '问题类别', width: 0.5 },
              { title: '本期', width: 0.25, align: 'right' },
              { title: '上期', width: 0.25, align: 'right' },
            ],
            rows: c.complaints.byCategory.map((x) => [x.name, String(x.count), String(x.previous)]),
          },
        ] satisfies Block[])
      : []),
    { kind: 'heading', text: '六、监督检查与整改' },
    {
      kind: 'table',
      columns: [
        { title: '指标', width: 0.4 },
        { title: '目标值', width: 0.15, align: 'right' },
        { title: '分子', width: 0.15, align: 'right' },
        { title: '分母', width: 0.15, align: 'right' },
        { title: '本期值', width: 0.15, align: 'right' },
      ],
      rows: c.inspections.indicators.map((i) => [
        i.name,
        i.target === null ? '—' : `${i.target}%`,
        String(i.numerator),
        String(i.denominator),
        i.value === null ? '—' : `${i.value}%`,
      ]),
    },
    {
      kind: 'paragraph',
      indent: true,
      text: c.inspections.overdueRectifications.length
        ? `截至报告生成，逾期未完成整改 ${c.inspections.overdueRectifications.length} 项：` +
          c.inspections.overdueRectifications
            .map((r) => `${r.responsibleName}（${r.finding}，${r.dueDay} 到期，${r.status}）`)
            .join('；')
        : '截至报告生成，无逾期未完成的整改。',
    },
    { kind: 'heading', text: '七、存在的问题和风险' },
    ...(c.risks.length
      ? c.risks.map((r, i): Block => ({ kind: 'paragraph', indent: true, text: `${i + 1}. ${r.text}。` }))
      : [{ kind: 'paragraph', indent: true, text: '本期未发现需要提示的问题和风险。' } satisfies Block]),
    { kind: 'heading', text: '八、下一步工作' },
    { kind: 'paragraph', indent: true, text: m.nextSteps || '（待填写）' },
  ];
  return { hallName: c.hallName, title: m.title, number: m.number, blocks, footer: `${c.hallName} ${m.title}` };
}

export const reportPdf = (c: ReportContent, m: ReportMeta, createdAt: number) =>
  renderPdf(reportModel(c, m), { createdAt: new Date(createdAt) });
