/**
 * 监督检查与整改 (R13): random spot checks of case records (a seeded, reproducible sample) and service-norm checks
 * on the floor, each finding a rectification notice (整改通知) due in working days on the hall calendar, the
 * responsible person's report with evidence, the inspector's verification, and the month's quality indicators.
 */
import { randomInt } from 'node:crypto';
import {
  checklistOf,
  drawSample,
  type InspectionKind,
  MAX_SEED,
  problemsOf,
  unmarkedCheck,
} from '../../domain/inspections/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pageWindow } from '../../platform/schemas.ts';
import { colleagueInHall, displayNameMap } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { acceptedCasesForSample } from '../cases/service.ts';
import { findItem as findServiceItem } from '../catalog/service.ts';
import { assertHallAccess, findDepartment, findWindow, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { FindingInput, NormInput, SampleInput } from './schema.ts';

async function presentInspections(ctx: AppContext, rows: repo.InspectionRow[]) {
  const items = await repo.itemsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const notices = new Map(
    (
      await repo.rectificationsOfItems(
        ctx.db,
        items.map((i) => i.id),
      )
    ).map((r) => [r.inspection_item_id, r.id]),
  );
  return rows.map((r) => ({
    id: r.id,
    hallId: r.hall_id,
    kind: r.kind as InspectionKind,
    scope: r.scope,
    scopeId: r.scope_id,
    scopeName: r.scope_name,
    from: r.period_from,
    to: r.period_to,
    seed: Number(r.seed),
    population: Number(r.population),
    sampleSize: Number(r.sample_size),
    createdByName: r.created_by_name,
    createdAt: Number(r.created_at),
    checklist: checklistOf(r.kind as InspectionKind).map((c) => ({ key: c.key, label: c.label })),
    items: items
      .filter((i) => i.inspection_id === r.id)
      .map((i) => ({
        id: i.id,
        seq: Number(i.seq),
        caseId: i.case_id,
        caseNo: i.case_no,
        itemName: i.item_name,
        subjectId: i.subject_id,
        subjectName: i.subject_name,
        checks: i.checks === null ? null : (JSON.parse(i.checks) as Record<string, 'ok' | 'problem'>),
        result: i.result as 'pending' | 'pass' | 'finding',
        note: i.note,
        checkedByName: i.checked_by_name,
        checkedAt: i.checked_at === null ? null : Number(i.checked_at),
        rectificationId: notices.get(i.id) ?? null,
      })),
  }));
}

async function scopeName(ctx: AppContext, input: SampleInput): Promise<string | null> {
  if (input.scope === 'all') return null;
  if (!input.scopeId) throw invalid('scopeId', '请选择抽查的事项、部门或人员', 'Choose the item, department or person');
  const miss = () =>
    invalid('scopeId', '所选对象不存在或不属于本大厅', 'No such item, department or person in the hall');
  if (input.scope === 'item') {
    const item = await findServiceItem(ctx.db, input.scopeId);
    if (!item || item.hall_id !== input.hallId) throw miss();
    return item.name;
  }
  if (input.scope === 'department') {
    const d = await findDepartment(ctx.db, input.scopeId);
    if (!d || d.hall_id !== input.hallId) throw miss();
    return d.name;
  }
  const names = await displayNameMap(ctx.db, [input.scopeId]);
  const name = names.get(input.scopeId);
  if (!name) throw miss();
  return name;
}

/** 随机抽查: draws the sample and records it with its seed, so the same draw can be shown to be the same. */
export async function drawInspectionSample(ctx: AppContext, actor: Actor, input: SampleInput) {
  assertHallAccess(actor, input.hallId);
  if (input.to < input.from) throw invalid('to', '结束日期不能早于开始日期', 'The end date is before the start date');
  const name = await scopeName(ctx, input);
  const population = await acceptedCasesForSample(ctx.db, {
    hallId: input.hallId,
    from: input.from,
    to: input.to,
    itemId: input.scope === 'item' ? input.scopeId : undefined,
    departmentId: input.scope === 'department' ? input.scopeId : undefined,
    personId: input.scope === 'person' ? input.scopeId : undefined,
  });
  if (population.length === 0)
    throw invalid('from', '该范围和期间内没有已受理的办件可抽查', 'No accepted cases in that scope and period');
  const seed = input.seed ?? randomInt(1, MAX_SEED);
  const sample = drawSample(population, input.size, seed);
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertInspection(trx, {
      id,
      hall_id: input.hallId,
      kind: 'records',
      scope: input.scope,
      scope_id: input.scope === 'all' ? null : (input.scopeId ?? null),
      scope_name: name,
      period_from: input.from,
      period_to: input.to,
      seed,
      population: population.length,
      sample_size: sample.length,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
    });
    await repo.insertItems(
      trx,
      sample.map((c, i) => ({
        id: newId(now),
        inspection_id: id,
        hall_id: input.hallId,
        seq: i + 1,
        case_id: c.id,
        case_no: c.case_no,
        item_name: c.item_name,
        subject_id: c.first_owner_id ?? c.received_by,
        subject_name: c.first_owner_name ?? c.received_by_name,
        window_id: c.window_id,
        checks: null,
        result: 'pending',
        note: null,
        checked_by_name: null,
        checked_at: null,
        checked_day: null,
      })),
    );
    await appendAudit(
      trx,
      byActor(actor, now, 'inspection.sample', 'inspection', id, {
        scope: input.scope,
        scopeId: input.scopeId ?? null,
        from: input.from,
        to: input.to,
        seed,
        population: population.length,
        cases: sample.map((c) => c.id),
      }),
    );
  });
  return getInspection(ctx, actor, id);
}

export async function getInspection(ctx: AppContext, actor: Actor, id: string) {
  const r = await repo.findInspection(ctx.db, id);
  if (!r) throw notFound('检查记录', 'Inspection');
  if (!actor.hallIds.includes(r.hall_id)) throw outOfScope(notFound('检查记录', 'Inspection'), 'inspection', id);
  const [out] = await presentInspections(ctx, [r]);
  return out!;
}

export async function listInspections(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; kind?: string; page: number; pageSize: number },
) {
  const { rows, total } = await repo.listInspections(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    kind: q.kind,
    ...pageWindow(q),
  });
  return { items: await presentInspections(ctx, rows), total };
}

function checkedMarks(kind: InspectionKind, checks: Record<string, 'ok' | 'problem'>) {
  const missing = unmarkedCheck(kind, checks);
  if (missing) throw invalid(`checks.${missing}`, '请逐项勾选检查结果', 'Mark every check of the list');
  const known = new Set(checklistOf(kind).map((c) => c.key as string));
  const stray = Object.keys(checks).find((k) => !known.has(k));
  if (stray) throw invalid(`checks.${stray}`, '不是本检查表的检查项', 'Not a check of this list');
  return checks;
}

/**
 * Records the checks of one item; a finding (any check wanting) becomes a rectification notice to the responsible
 * person in the same transaction, due `workingDays` working days after today on the hall calendar.
 */
async function recordChecks(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  item: repo.ItemRow,
  kind: InspectionKind,
  input: FindingInput,
  now: number,
) {
  const checks = checkedMarks(kind, input.checks);
  const problems = problemsOf(kind, checks);
  const today = chinaDay(now);
  if (problems.length > 0 && !input.note)
    throw invalid('note', '发现问题时请写明问题情况', 'Describe what was found wanting');
  const result = problems.length ? 'finding' : 'pass';
  if (
    !(await repo.recordCheck(trx, item.id, {
      checks: JSON.stringify(checks),
      result,
      note: input.note || null,
      checked_by_name: actor.displayName,
      checked_at: now,
      checked_day: today,
    }))
  )
    throw conflict('该记录已检查登记', 'This record is already checked');
  let rectificationId: string | null = null;
  if (problems.length) {
    const due = (await calendarOf(ctx.db, item.hall_id)).addWorkingDays(today, input.workingDays);
    rectificationId = newId(now);
    await repo.insertRectification(trx, {
      id: rectificationId,
      hall_id: item.hall_id,
      inspection_id: item.inspection_id,
      inspection_item_id: item.id,
      responsible_id: item.subject_id,
      responsible_name: item.subject_name,
      finding: `${problems.join('；')}：${input.note}`,
      issued_by: actor.userId,
      issued_by_name: actor.displayName,
      issued_at: now,
      issued_day: today,
      working_days: input.workingDays,
      due_day: due.deadline,
      due_provisional: due.provisional ? 1 : 0,
      status: 'issued',
      report_text: null,
      evidence_name: null,
      evidence_sha256: null,
      evidence_size: null,
      reported_at: null,
      return_note: null,
      returns: 0,
      closed_at: null,
      closed_day: null,
      verified_by_name: null,
      updated_at: now,
    });
  }
  await appendAudit(
    trx,
    byActor(actor, now, 'inspection.check', 'inspection_item', item.id, {
      inspectionId: item.inspection_id,
      caseId: item.case_id,
      result,
      checks,
      rectificationId,
    }),
  );
  if (rectificationId)
    await appendAudit(
      trx,
      byActor(actor, now, 'rectification.issue', 'rectification', rectificationId, {
        responsibleId: item.subject_id,
        workingDays: input.workingDays,
      }),
    );
}

/** 登记检查结果 for one sampled case. */
export async function recordFinding(ctx: AppContext, actor: Actor, itemId: string, input: FindingInput) {
  const item = await repo.findItem(ctx.db, itemId);
  if (!item) throw notFound('抽查记录', 'Sampled record');
  if (!actor.hallIds.includes(item.hall_id))
    throw outOfScope(notFound('抽查记录', 'Sampled record'), 'inspection_item', itemId);
  const inspection = (await repo.findInspection(ctx.db, item.inspection_id))!;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await recordChecks(trx, ctx, actor, item, inspection.kind as InspectionKind, input, now);
  });
  return getInspection(ctx, actor, item.inspection_id);
}

/** 服务规范检查: one person (at a window) checked on the floor, recorded at once. */
export async function recordNormCheck(ctx: AppContext, actor: Actor, input: NormInput) {
  assertHallAccess(actor, input.hallId);
  const { user } = await colleagueInHall(ctx, actor, input.userId, input.hallId, 'userId');
  if (input.windowId) {
    const w = await findWindow(ctx.db, input.windowId);
    if (!w || w.hall_id !== input.hallId) throw invalid('windowId', '该窗口不属于本大厅', 'No such window in the hall');
  }
  const names = await displayNameMap(ctx.db, [user.id]);
  const now = ctx.clock.now();
  const id = newId(now);
  const item: repo.ItemRow = {
    id: newId(now),
    inspection_id: id,
    hall_id: input.hallId,
    seq: 1,
    case_id: null,
    case_no: null,
    item_name: null,
    subject_id: user.id,
    subject_name: names.get(user.id) ?? '',
    window_id: input.windowId ?? null,
    checks: null,
    result: 'pending',
    note: null,
    checked_by_name: null,
    checked_at: null,
    checked_day: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertInspection(trx, {
      id,
      hall_id: input.hallId,
      kind: 'norms',
      scope: 'person',
      scope_id: user.id,
      scope_name: item.subject_name,
      period_from: chinaDay(now),
      period_to: chinaDay(now),
      seed: 0,
      population: 1,
      sample_size: 1,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
    });
    await repo.insertItems(trx, [item]);
    await recordChecks(trx, ctx, actor, item, 'norms', input, now);
  });
  return getInspection(ctx, actor, id);
}

export { checkedItemsBetween } from './repository.ts';
export {
  evidenceFile,
  getRectification,
  listRectifications,
  overdueRectificationsForBoard,
  reportRectification,
  verifyRectification,
} from './rectification-service.ts';
export { qualityReport, qualityReportXlsx } from './quality-service.ts';
