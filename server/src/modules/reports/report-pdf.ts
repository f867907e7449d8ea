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

/** A table of a name column (its share of the width) and figure columns sharing the rest, right-aligned. */
function figures(name: string, share: number, heads: string[], rows: (string | number)[][]): Block {
  return {
    kind: 'table',
    columns: [
      { title: name, width: share },
      ...heads.map((title) => ({ title, width: (1 - share) / heads.length, align: 'right' as const })),
    ],
    rows: rows.map((r) => r.map(String)),
  };
}

const volumeTable = (label: string, rows: ReportContent['byItem']): Block =>
  rows.length
    ? figures(
        label,
        0.4,
        ['受理量', '办结量', '按时办结', '按时办结率'],
        rows.map((r) => [r.name, String(r.received), String(r.finished), String(r.onTime), percent(r.onTimeRate)]),
      )
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
    figures(
      '期间',
      0.31,
      ['受理量', '办结量', '按时办结率'],
      (
        [
          ['本期', cur],
          ['上期', o.previous],
          ['去年同期', o.lastYear],
        ] as const
      ).map(([name, f]) => [`${name} ${f.label}`, String(f.received), String(f.finished), percent(f.onTimeRate)]),
    ),
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
          figures(
            '窗口',
            0.4,
            ['取号量', '平均等候'],
            c.windows.byWindow.map((w) => [w.name, String(w.tickets), minutes(w.meanWaitMinutes)]),
          ),
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
    figures(
      '评价等级',
      0.4,
      ['现场评价', '好差评', '合计'],
      c.satisfaction.levels.map((l) => [l.name, String(l.onSite), String(l.online), String(l.total)]),
    ),
    { kind: 'heading', text: '五、投诉举报' },
    {
      kind: 'paragraph',
      indent: true,
      text: `本期受理投诉举报 ${c.complaints.total} 件，上期 ${c.complaints.previousTotal} 件。`,
    },
    ...(c.complaints.byCategory.length
      ? ([
          figures(
            '问题类别',
            0.5,
            ['本期', '上期'],
            c.complaints.byCategory.map((x) => [x.name, String(x.count), String(x.previous)]),
          ),
        ] satisfies Block[])
      : []),
    { kind: 'heading', text: '六、监督检查与整改' },
    figures(
      '指标',
      0.4,
      ['目标值', '分子', '分母', '本期值'],
      c.inspections.indicators.map((i) => [
        i.name,
        i.target === null ? '—' : `${i.target}%`,
        String(i.numerator),
        String(i.denominator),
        i.value === null ? '—' : `${i.value}%`,
      ]),
    ),
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
