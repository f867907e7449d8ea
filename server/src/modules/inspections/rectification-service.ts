/**
 * 整改通知: a finding's rectification notice, the responsible person's report with evidence, the inspector's
 * verification (close or return), the evidence file, and the overdue notices for the supervision board.
 */
import {
  type InspectionKind,
  nextRectificationStatus,
  type RectificationAction,
  type RectificationStatus,
  rectificationLight,
  rectificationStatusLabels,
} from '../../domain/inspections/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/schemas.ts';
import { loadCaseFile, sha256Of, storeCaseFile } from '../../platform/stored-files.ts';
import { visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { ReportInput } from './schema.ts';
import { inspects } from './inspector-service.ts';

/** Evidence files live beside the case files, under files/inspections/<rectificationId>/<sha256>. */
const EVIDENCE_FOLDER = 'inspections';
const MAX_EVIDENCE_BYTES = 1024 * 1024;

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
