/** 办件清单导出: the case list as .xlsx with the list's filters; ID numbers and phones are masked (R15.2). */
import { maskIdNumber, maskPhone } from '../../domain/masking.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { type Column, xlsx } from '../../platform/xlsx.ts';
import { caseStates } from '../../domain/case/index.ts';
import { visibleHallIds } from '../org/service.ts';
import { calendarCache, caseLight } from './after-acceptance.ts';
import { stateLabel, type Urgency, urgencyLabels } from './presenter.ts';
import * as repo from './repository.ts';

const MAX_ROWS = 5000;
const lightLabels = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;

export async function exportCases(
  ctx: AppContext,
  actor: Actor,
  f: Omit<repo.CaseFilter, 'hallIds' | 'states' | 'limit' | 'offset'> & { hallId?: string; status?: string },
) {
  const states = f.status
    ? f.status
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  const unknown = states?.find((s) => !(caseStates as readonly string[]).includes(s));
  if (unknown) throw invalid('status', `未知的办件状态：${unknown}`, `Unknown case state ${unknown}`);
  const { rows } = await repo.listCases(ctx.db, {
    ...f,
    states,
    hallIds: visibleHallIds(actor, f.hallId),
    limit: MAX_ROWS,
    offset: 0,
  });
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const calendarFor = calendarCache(ctx.db);
  const out = [];
  for (const r of rows) {
    const light = caseLight(await calendarFor(r.hall_id), today, r);
    out.push([
      r.case_no ?? '',
      r.item_name,
      r.applicant_name,
      r.applicant_kind === 'person' ? (maskIdNumber(r.applicant_doc_number) ?? '') : r.applicant_doc_number,
      maskPhone(r.applicant_phone) ?? '',
      stateLabel(r.state),
      urgencyLabels[r.urgency as Urgency] ?? r.urgency,
      r.received_day,
      r.accepted_day ?? '',
      r.deadline ?? '',
      light ? lightLabels[light] : '',
      r.completed_day ?? '',
      r.outcome === 'success' ? '准予' : r.outcome === 'failure' ? '不予' : '',
    ]);
  }
  const header: Column[] = [
    { header: '办件编号', type: 'text' },
    { header: '事项名称', type: 'text' },
    { header: '申请人', type: 'text' },
    { header: '证件号码', type: 'text' },
    { header: '联系电话', type: 'text' },
    { header: '状态', type: 'text' },
    { header: '紧急程度', type: 'text' },
    { header: '收件日期', type: 'date' },
    { header: '受理日期', type: 'date' },
    { header: '承诺办结日期', type: 'date' },
    { header: '时限状态', type: 'text' },
    { header: '办结日期', type: 'date' },
    { header: '办理结果', type: 'text' },
  ];
  await ctx.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      byActor(actor, now, 'case.export', 'case', 'list', {
        rows: out.length,
        filters: { ...f, status: f.status ?? null },
      }),
    ),
  );
  return { xlsx: await xlsx('办件清单', header, out), fileName: `办件清单-${today}.xlsx` };
}
