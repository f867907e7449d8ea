/** 投诉举报分析 (R9.4): counts by cause, type, item, department, window, staff and month, with the rectification taken. */
import { categoryLabels, type ComplaintCategory, repliedOnTime } from '../../domain/complaints/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import { displayNameMap } from '../accounts/service.ts';
import { departmentsByIds, findWindow, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import { maySupervise } from './service.ts';

interface Bucket {
  key: string;
  label: string;
  count: number;
  reports: number;
  overdue: number;
}

export async function analyse(ctx: AppContext, actor: Actor, q: { hallId?: string; from?: string; to?: string }) {
  if (!maySupervise(actor)) throw forbidden();
  const rows = await repo.complaintsForAnalysis(ctx.db, visibleHallIds(actor, q.hallId), q.from, q.to);
  const today = chinaDay(ctx.clock.now());
  const overdue = (r: repo.ComplaintRow) =>
    r.replied_day ? !repliedOnTime(r.replied_day, r.due_day) : today > r.due_day;
  const names = await displayNameMap(
    ctx.db,
    rows.map((r) => r.staff_user_id).filter((x): x is string => !!x),
  );
  const depts = new Map(
    (
      await departmentsByIds(ctx.db, [...new Set(rows.map((r) => r.department_id).filter((x): x is string => !!x))])
    ).map((d) => [d.id, d.name]),
  );
  const windows = new Map<string, string>();
  for (const w of new Set(rows.map((r) => r.window_id).filter((x): x is string => !!x))) {
    const found = await findWindow(ctx.db, w);
    windows.set(w, found ? `${found.number}号窗口` : w);
  }
  const group = (keyOf: (r: repo.ComplaintRow) => string | null, labelOf: (k: string) => string) => {
    const m = new Map<string, Bucket>();
    for (const r of rows) {
      const key = keyOf(r);
      if (!key) continue;
      const b = m.get(key) ?? { key, label: labelOf(key), count: 0, reports: 0, overdue: 0 };
      b.count += 1;
      if (r.kind === 'report') b.reports += 1;
      if (overdue(r)) b.overdue += 1;
      m.set(key, b);
    }
    return [...m.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  const replied = rows.filter((r) => r.replied_day);
  const rated = rows.filter((r) => r.satisfaction);
  return {
    total: rows.length,
    onTimeRate: replied.length
      ? replied.filter((r) => repliedOnTime(r.replied_day!, r.due_day)).length / replied.length
      : null,
    satisfiedRate: rated.length ? rated.filter((r) => r.satisfaction !== 'dissatisfied').length / rated.length : null,
    byCause: group(
      (r) => r.cause,
      (k) => k,
    ),
    byCategory: group(
      (r) => r.category,
      (k) => categoryLabels[k as ComplaintCategory] ?? k,
    ),
    byItem: group(
      (r) => r.item_name,
      (k) => k,
    ),
    byDepartment: group(
      (r) => r.department_id,
      (k) => depts.get(k) ?? k,
    ),
    byWindow: group(
      (r) => r.window_id,
      (k) => windows.get(k) ?? k,
    ),
    byStaff: group(
      (r) => r.staff_user_id,
      (k) => names.get(k) ?? k,
    ),
    byMonth: group(
      (r) => r.month,
      (k) => k,
    ).sort((a, b) => a.key.localeCompare(b.key)),
    rectifications: rows
      .filter((r) => r.rectification)
      .map((r) => ({ number: r.number, cause: r.cause, rectification: r.rectification! })),
  };
}

/** 投诉举报分析 as a workbook: the overview, then one sheet per table the page shows (by cause … by month, 整改措施). */
export async function analysisXlsx(ctx: AppContext, actor: Actor, q: { hallId?: string; from?: string; to?: string }) {
  const a = await analyse(ctx, actor, q);
  const period = `${q.from ?? '起始'}至${q.to ?? '今'}`;
  const bucketSheet = (name: string, label: string, buckets: Bucket[]) => ({
    name,
    columns: [
      { header: label, type: 'text' },
      { header: '件数', type: 'integer' },
      { header: '其中举报', type: 'integer' },
      { header: '超期答复', type: 'integer' },
      { header: '占比', type: 'percent' },
    ] satisfies Column[],
    rows: buckets.map((b) => [b.label, b.count, b.reports, b.overdue, a.total ? b.count / a.total : null]),
  });
  const overview = {
    name: '概况',
    columns: [
      { header: '统计期间', type: 'text' },
      { header: '投诉举报总数', type: 'integer' },
      { header: '按期答复率', type: 'percent' },
      { header: '满意率', type: 'percent' },
    ] satisfies Column[],
    rows: [[period, a.total, a.onTimeRate, a.satisfiedRate]],
  };
  const book = await workbook([
    overview,
    bucketSheet('按类别', '问题类别', a.byCategory),
    bucketSheet('按问题定性', '问题定性', a.byCause),
    bucketSheet('按事项', '事项名称', a.byItem),
    bucketSheet('按部门', '部门', a.byDepartment),
    bucketSheet('按窗口', '窗口', a.byWindow),
    bucketSheet('按人员', '人员', a.byStaff),
    bucketSheet('按月份', '月份', a.byMonth),
    {
      name: '整改措施',
      columns: [
        { header: '编号', type: 'text' },
        { header: '问题定性', type: 'text' },
        { header: '整改措施', type: 'text' },
      ],
      rows: a.rectifications.map((r) => [r.number, r.cause ?? '', r.rectification]),
    },
  ]);
  return { xlsx: book, fileName: `投诉举报分析-${chinaDay(ctx.clock.now())}.xlsx` };
}
