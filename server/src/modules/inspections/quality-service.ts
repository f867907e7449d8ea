/** 质量评估: the month's quality indicators from the inspections, with their formulas and targets, and the Excel export. */
import { qualityIndicators } from '../../domain/inspections/index.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import { assertHallAccess } from '../org/service.ts';
import * as repo from './repository.ts';

function monthBounds(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** 质量评估报告 of a month: the indicators with formula and target, and the figures per person. */
export async function qualityReport(ctx: AppContext, actor: Actor, q: { hallId: string; month: string }) {
  assertHallAccess(actor, q.hallId);
  const { from, to } = monthBounds(q.month);
  const [items, due, open] = await Promise.all([
    repo.checkedItemsBetween(ctx.db, q.hallId, from, to),
    repo.rectificationsDueBetween(ctx.db, q.hallId, from, to),
    repo.openRectificationsOf(ctx.db, q.hallId),
  ]);
  const count = (kind: string) => {
    const of = items.filter((i) => i.kind === kind);
    return { checked: of.length, passed: of.filter((i) => i.result === 'pass').length };
  };
  const indicators = qualityIndicators({
    records: count('records'),
    norms: count('norms'),
    rectifications: {
      due: due.length,
      closedOnTime: due.filter((r) => r.status === 'closed' && r.closed_day !== null && r.closed_day <= r.due_day)
        .length,
    },
  });
  const people = new Map<string, { subjectId: string; subjectName: string; checked: number; findings: number }>();
  for (const i of items) {
    const p = people.get(i.subject_id) ?? {
      subjectId: i.subject_id,
      subjectName: i.subject_name,
      checked: 0,
      findings: 0,
    };
    p.checked += 1;
    if (i.result === 'finding') p.findings += 1;
    people.set(i.subject_id, p);
  }
  return {
    hallId: q.hallId,
    month: q.month,
    indicators,
    people: [...people.values()]
      .map((p) => ({ ...p, openRectifications: open.filter((o) => o.responsible_id === p.subjectId).length }))
      .sort((a, b) => b.findings - a.findings || a.subjectName.localeCompare(b.subjectName, 'zh')),
  };
}

/** The report as a workbook: the indicators on one sheet, the findings per person on another. */
export async function qualityReportXlsx(ctx: AppContext, actor: Actor, q: { hallId: string; month: string }) {
  const report = await qualityReport(ctx, actor, q);
  const percent = (v: number | null) => (v === null ? '无数据' : v / 100);
  const indicators = {
    name: `质量指标 ${q.month}`,
    columns: [
      { header: '指标', type: 'text' },
      { header: '计算公式', type: 'text' },
      { header: '目标值', type: 'percent' },
      { header: '分子', type: 'integer' },
      { header: '分母', type: 'integer' },
      { header: '本月值', type: 'percent' },
      { header: '评价', type: 'text' },
    ] satisfies Column[],
    rows: report.indicators.map((i) => [
      i.name,
      i.formula,
      percent(i.target),
      i.numerator,
      i.denominator,
      percent(i.value),
      i.met === null ? '—' : i.met ? '达标' : '未达标',
    ]),
  };
  const people = {
    name: `人员检查情况 ${q.month}`,
    columns: [
      { header: '人员', type: 'text' },
      { header: '检查项数', type: 'integer' },
      { header: '发现问题', type: 'integer' },
      { header: '问题率', type: 'percent' },
      { header: '未关闭整改', type: 'integer' },
    ] satisfies Column[],
    rows: report.people.map((p) => [
      p.subjectName,
      p.checked,
      p.findings,
      p.checked ? p.findings / p.checked : null,
      p.openRectifications,
    ]),
  };
  return { xlsx: await workbook([indicators, people]), fileName: `质量评估报告-${q.month}.xlsx` };
}

// 考核 reads these figures' records through the owner's service.
