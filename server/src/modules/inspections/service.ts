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
  nextRectificationStatus,
  problemsOf,
  qualityIndicators,
  type RectificationAction,
  type RectificationStatus,
  rectificationLight,
  rectificationStatusLabels,
  unmarkedCheck,
} from '../../domain/inspections/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pageWindow } from '../../platform/schemas.ts';
import { loadCaseFile, sha256Of, storeCaseFile } from '../../platform/stored-files.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import { colleagueInHall, displayNameMap } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { acceptedCasesForSample } from '../cases/service.ts';
import { findItem as findServiceItem } from '../catalog/service.ts';
import { assertHallAccess, findDepartment, findWindow, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { FindingInput, NormInput, ReportInput, SampleInput } from './schema.ts';

/** Evidence files live beside the case files, under files/inspections/<rectificationId>/<sha256>. */
const EVIDENCE_FOLDER = 'inspections';
const MAX_EVIDENCE_BYTES = 1024 * 1024;

const inspects = (actor: Actor) => actor.permissions.has('inspection.manage');

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

function presentRectification(r: repo.RectificationView, actor: Actor, today: string) {
  const status = r.status as RectificationStatus;
  return {
    id: r.id,
    hallId: r.hall_id,
    inspectionId: r.inspection_id,
    kind: r.kind as InspectionKind,
    caseNo: r.case_no,
    itemName: r.item_name,
    responsibleId: r.responsible_id,
    responsibleName: r.responsible_name,
    finding: r.finding,
    issuedByName: r.issued_by_name,
    issuedAt: Number(r.issued_at),
    issuedDay: r.issued_day,
    workingDays: Number(r.working_days),
    dueDay: r.due_day,
    dueProvisional: Number(r.due_provisional) === 1,
    status,
    statusLabel: rectificationStatusLabels[status],
    light: rectificationLight(status, r.due_day, today),
    reportText: r.report_text,
    evidenceName: r.evidence_name,
    evidenceSize: r.evidence_size === null ? null : Number(r.evidence_size),
    reportedAt: r.reported_at === null ? null : Number(r.reported_at),
    returnNote: r.return_note,
    returns: Number(r.returns),
    closedAt: r.closed_at === null ? null : Number(r.closed_at),
    closedDay: r.closed_day,
    verifiedByName: r.verified_by_name,
    canReport: r.responsible_id === actor.userId && nextRectificationStatus(status, 'report') !== null,
    canVerify:
      inspects(actor) && actor.hallIds.includes(r.hall_id) && nextRectificationStatus(status, 'close') !== null,
  };
}

/** A notice its responsible person or an inspector of its hall may see; anyone else is told it does not exist. */
async function visibleRectification(ctx: AppContext, actor: Actor, id: string) {
  const r = await repo.findRectification(ctx.db, id);
  const visible = r && (r.responsible_id === actor.userId || (inspects(actor) && actor.hallIds.includes(r.hall_id)));
  if (!r || !visible) throw notFound('整改通知', 'Rectification notice');
  return r;
}

export async function getRectification(ctx: AppContext, actor: Actor, id: string) {
  return presentRectification(await visibleRectification(ctx, actor, id), actor, chinaDay(ctx.clock.now()));
}

export async function listRectifications(
  ctx: AppContext,
  actor: Actor,
  q: { view: 'mine' | 'hall'; hallId?: string; status?: string; page: number; pageSize: number },
) {
  if (q.view === 'hall' && !inspects(actor))
    throw new AppError(403, 'FORBIDDEN', '只有监督员可查看全部整改通知', 'Only inspectors see every notice');
  const today = chinaDay(ctx.clock.now());
  const { rows, total } = await repo.listRectifications(ctx.db, {
    hallIds: q.view === 'mine' ? actor.hallIds : visibleHallIds(actor, q.hallId),
    responsibleId: q.view === 'mine' ? actor.userId : undefined,
    status: q.status,
    today,
    ...pageWindow(q),
  });
  return { items: rows.map((r) => presentRectification(r, actor, today)), total };
}

function refuseMove(status: RectificationStatus, action: RectificationAction): never {
  const zh =
    action === 'report'
      ? `整改通知当前为「${rectificationStatusLabels[status]}」，不能提交整改报告`
      : `整改通知当前为「${rectificationStatusLabels[status]}」，没有待核验的整改报告`;
  throw conflict(zh, `The notice is ${status}: ${action} is not open`);
}

function evidenceBytes(evidence: NonNullable<ReportInput['evidence']>) {
  const bytes = Buffer.from(evidence.contentBase64, 'base64');
  if (bytes.length === 0) throw invalid('evidence.contentBase64', '佐证文件为空', 'The evidence file is empty');
  if (bytes.length > MAX_EVIDENCE_BYTES)
    throw invalid('evidence.contentBase64', '佐证文件不能超过 1 MB', 'The evidence file is larger than 1 MB');
  return bytes;
}

/** 提交整改报告: the responsible person only, with what was done and optionally one evidence file. */
export async function reportRectification(ctx: AppContext, actor: Actor, id: string, input: ReportInput) {
  const r = await visibleRectification(ctx, actor, id);
  if (r.responsible_id !== actor.userId)
    throw new AppError(403, 'FORBIDDEN', '只有整改责任人可以提交整改报告', 'Only the responsible person reports');
  const status = r.status as RectificationStatus;
  const next = nextRectificationStatus(status, 'report');
  if (!next) refuseMove(status, 'report');
  const bytes = input.evidence ? evidenceBytes(input.evidence) : null;
  const sha = bytes ? sha256Of(bytes) : null;
  if (bytes && sha) await storeCaseFile(ctx.config.dataDir, EVIDENCE_FOLDER, [id, sha], bytes);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await repo.moveRectification(trx, id, status, {
      status: next,
      report_text: input.text,
      // A report without a new file keeps the evidence of the earlier round.
      ...(bytes && input.evidence
        ? { evidence_name: input.evidence.fileName, evidence_sha256: sha, evidence_size: bytes.length }
        : {}),
      reported_at: now,
      updated_at: now,
    });
    if (!moved) throw conflict('整改通知已被他人处理，请刷新', 'The notice changed meanwhile; reload');
    await appendAudit(
      trx,
      byActor(actor, now, 'rectification.report', 'rectification', id, {
        from: status,
        to: next,
        evidenceSha256: sha,
      }),
    );
  });
  return getRectification(ctx, actor, id);
}

/** 核验: the inspector closes the notice on its report, or returns it to be rectified again. */
export async function verifyRectification(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { decision: 'close' | 'return'; note: string },
) {
  const r = await visibleRectification(ctx, actor, id);
  if (!inspects(actor) || !actor.hallIds.includes(r.hall_id))
    throw new AppError(403, 'FORBIDDEN', '只有监督员可以核验整改', 'Only an inspector verifies');
  if (input.decision === 'return' && !input.note)
    throw invalid('note', '退回时请写明需要重新整改的内容', 'Say what is still to be rectified');
  const status = r.status as RectificationStatus;
  const next = nextRectificationStatus(status, input.decision);
  if (!next) refuseMove(status, input.decision);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const set =
      next === 'closed'
        ? { status: next, closed_at: now, closed_day: chinaDay(now), verified_by_name: actor.displayName }
        : {
            status: next,
            return_note: input.note,
            returns: Number(r.returns) + 1,
            verified_by_name: actor.displayName,
          };
    if (!(await repo.moveRectification(trx, id, status, { ...set, updated_at: now })))
      throw conflict('整改通知已被他人处理，请刷新', 'The notice changed meanwhile; reload');
    await appendAudit(
      trx,
      byActor(actor, now, `rectification.${input.decision}`, 'rectification', id, {
        from: status,
        to: next,
        note: input.note,
      }),
    );
  });
  return getRectification(ctx, actor, id);
}

export async function evidenceFile(ctx: AppContext, actor: Actor, id: string) {
  const r = await visibleRectification(ctx, actor, id);
  if (!r.evidence_sha256 || !r.evidence_name) throw notFound('整改佐证', 'Evidence');
  const bytes = await loadCaseFile(ctx.config.dataDir, EVIDENCE_FOLDER, [id, r.evidence_sha256], r.evidence_sha256);
  return { bytes, fileName: r.evidence_name };
}

/** The supervision board's section: notices past their due working day and not closed. */
export async function overdueRectificationsForBoard(ctx: AppContext, hallIds: string[]) {
  const rows = await repo.overdueRectifications(ctx.db, hallIds, chinaDay(ctx.clock.now()));
  return rows.map((r) => ({
    id: r.id,
    responsibleName: r.responsible_name,
    finding: r.finding,
    caseNo: r.case_no,
    dueDay: r.due_day,
    status: rectificationStatusLabels[r.status as RectificationStatus] ?? r.status,
  }));
}

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
export { checkedItemsBetween } from './repository.ts';
