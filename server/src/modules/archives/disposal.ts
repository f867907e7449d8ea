/**
 * 鉴定销毁 (R14.2): files whose paper retention has passed are listed for appraisal; a proposal (with its opinion)
 * is approved or refused by the station head, never by the one who proposed it, and only an approved proposal is
 * carried out, which records each file in the disposal register. The electronic copy is kept (permanent by default).
 */
import { pastRetention } from '../../domain/archives/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import { xlsx } from '../../platform/xlsx.ts';
import { assertHallAccess, findHall, visibleHallIds } from '../org/service.ts';
import { byOn, type RegisterRow, registerHeader, registerModel } from './disposal-register-pdf.ts';
import * as repo from './repository.ts';
import { appendFileEvent, presentFile } from './service.ts';

const statusLabels: Record<string, string> = {
  proposed: '待审批',
  approved: '已批准',
  rejected: '未批准',
  executed: '已销毁',
};

async function present(ctx: AppContext, d: repo.DisposalRow) {
  const ids = JSON.parse(d.file_ids) as string[];
  const files = await repo.filesByIds(ctx.db, ids);
  return {
    id: d.id,
    hallId: d.hall_id,
    files: files.map((f) => ({ id: f.id, archiveNo: f.archive_no, itemName: f.item_name, paperUntil: f.paper_until })),
    opinion: d.opinion,
    status: d.status as 'proposed' | 'approved' | 'rejected' | 'executed',
    statusLabel: statusLabels[d.status] ?? d.status,
    proposedBy: d.proposed_by,
    proposedAt: Number(d.proposed_at),
    decidedBy: d.decided_by,
    decidedAt: d.decided_at === null ? null : Number(d.decided_at),
    decisionNote: d.decision_note,
    executedBy: d.executed_by,
    executedAt: d.executed_at === null ? null : Number(d.executed_at),
    method: d.method,
  };
}

async function loadDisposal(ctx: AppContext, actor: Actor, id: string) {
  const d = await repo.findDisposal(ctx.db, id);
  if (!d) throw notFound('鉴定销毁记录', 'Disposal');
  if (!actor.hallIds.includes(d.hall_id))
    throw outOfScope(notFound('鉴定销毁记录', 'Disposal'), 'archive_disposal', id);
  return d;
}

const moved = () => conflict('鉴定销毁记录已被他人处理，请刷新后重试', 'The disposal was changed meanwhile');

/** Files on the shelf whose paper retention has passed: what may be proposed for disposal. */
export async function dueForDisposal(ctx: AppContext, actor: Actor, hallId?: string) {
  const rows = await repo.filesPastRetention(ctx.db, visibleHallIds(actor, hallId), chinaDay(ctx.clock.now()));
  return { items: rows.map(presentFile), total: rows.length };
}

export async function proposeDisposal(
  ctx: AppContext,
  actor: Actor,
  input: { hallId: string; fileIds: string[]; opinion: string },
) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const ids = [...new Set(input.fileIds)];
  const files = await repo.filesByIds(ctx.db, ids);
  ids.forEach((id, i) => {
    const f = files.find((x) => x.id === id);
    if (!f || f.hall_id !== input.hallId)
      throw invalid(`fileIds.${i}`, '档案不存在或不属于本大厅', 'No such file here');
    if (!pastRetention(f.paper_until, today))
      throw invalid(`fileIds.${i}`, `档案 ${f.archive_no} 未到保管期限（${f.paper_until}）`, 'Retention not yet over');
    if (f.status !== 'held')
      throw invalid(`fileIds.${i}`, `档案 ${f.archive_no} 不在库`, 'The file is not on the shelf');
  });
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    for (const f of files) {
      if (!(await repo.updateFileFrom(trx, f.id, ['held'], { status: 'disposal_pending' }))) throw moved();
      await appendFileEvent(trx, f.id, now, actor.displayName, 'disposal.propose', { disposalId: id });
    }
    await repo.insertDisposal(trx, {
      id,
      hall_id: input.hallId,
      file_ids: JSON.stringify(ids),
      opinion: input.opinion,
      status: 'proposed',
      proposed_by: actor.displayName,
      proposed_by_id: actor.userId,
      proposed_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      executed_by: null,
      executed_at: null,
      method: null,
    });
    await appendAudit(trx, byActor(actor, now, 'archive.disposal.propose', 'archive_disposal', id, { fileIds: ids }));
  });
  return present(ctx, (await repo.findDisposal(ctx.db, id))!);
}

export async function decideDisposal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { approve: boolean; note: string },
) {
  const d = await loadDisposal(ctx, actor, id);
  if (d.status !== 'proposed') throw moved();
  if (d.proposed_by_id === actor.userId)
    throw forbidden('不能审批本人提出的鉴定销毁', 'You cannot approve your own proposal');
  const now = ctx.clock.now();
  const status = input.approve ? 'approved' : 'rejected';
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateDisposalFrom(trx, id, 'proposed', {
      status,
      decided_by: actor.displayName,
      decided_at: now,
      decision_note: input.note,
    });
    if (!ok) throw moved();
    for (const fileId of JSON.parse(d.file_ids) as string[]) {
      // A refused proposal puts the files back on the shelf; they stay for another appraisal.
      if (!input.approve) await repo.updateFileFrom(trx, fileId, ['disposal_pending'], { status: 'held' });
      await appendFileEvent(trx, fileId, now, actor.displayName, `disposal.${status}`, { disposalId: id });
    }
    await appendAudit(trx, byActor(actor, now, `archive.disposal.${status}`, 'archive_disposal', id, { ...input }));
  });
  return present(ctx, (await repo.findDisposal(ctx.db, id))!);
}

/** Carries out an approved disposal; without the approval nothing is destroyed. */
export async function executeDisposal(ctx: AppContext, actor: Actor, id: string, input: { method: string }) {
  const d = await loadDisposal(ctx, actor, id);
  if (d.status !== 'approved')
    throw new AppError(
      409,
      'DISPOSAL_NOT_APPROVED',
      '鉴定销毁未经批准，不能销毁',
      'The disposal has not been approved; nothing is destroyed',
    );
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateDisposalFrom(trx, id, 'approved', {
      status: 'executed',
      executed_by: actor.displayName,
      executed_at: now,
      method: input.method,
    });
    if (!ok) throw moved();
    for (const fileId of JSON.parse(d.file_ids) as string[]) {
      await repo.updateFileFrom(trx, fileId, ['disposal_pending'], { status: 'paper_disposed' });
      await appendFileEvent(trx, fileId, now, actor.displayName, 'disposal.execute', { disposalId: id, ...input });
    }
    await appendAudit(trx, byActor(actor, now, 'archive.disposal.execute', 'archive_disposal', id, { ...input }));
  });
  return present(ctx, (await repo.findDisposal(ctx.db, id))!);
}

/** The disposal register (销毁清册): every proposal with its decision and execution. */
export async function disposalRegister(ctx: AppContext, actor: Actor, hallId?: string) {
  const rows = await repo.disposals(ctx.db, visibleHallIds(actor, hallId));
  const items = [];
  for (const d of rows) items.push(await present(ctx, d));
  return { items, total: items.length };
}

/** The register as rows of files (one per file of each proposal), for the Excel and PDF copies. */
async function registerRows(ctx: AppContext, actor: Actor, hallId?: string): Promise<RegisterRow[]> {
  const { items } = await disposalRegister(ctx, actor, hallId);
  return items
    .flatMap((d) =>
      d.files.map((f) => ({
        archiveNo: f.archiveNo,
        itemName: f.itemName,
        paperUntil: f.paperUntil,
        opinion: d.opinion,
        proposed: byOn(d.proposedBy, d.proposedAt),
        decided: byOn(d.decidedBy, d.decidedAt),
        executed: byOn(d.executedBy, d.executedAt),
        method: d.method ?? '',
        status: d.statusLabel,
      })),
    )
    .map((r, i) => ({ no: i + 1, ...r }));
}

/** 导出/打印登记簿: the register as .xlsx or an A4 PDF; who took a copy goes on the audit log. */
export async function exportRegister(ctx: AppContext, actor: Actor, format: 'xlsx' | 'pdf', hallId?: string) {
  const [hall] = visibleHallIds(actor, hallId);
  if (!hall) throw invalid('hallId', '请选择服务大厅', 'Choose a hall');
  const rows = await registerRows(ctx, actor, hall);
  const now = ctx.clock.now();
  await appendAudit(
    ctx.db,
    byActor(actor, now, 'archive.disposal.register_export', 'hall', hall, { format, rows: rows.length }),
  );
  const name = `鉴定销毁登记簿-${chinaDay(now)}`;
  if (format === 'xlsx')
    return {
      bytes: await xlsx(
        '鉴定销毁登记簿',
        registerHeader,
        rows.map((r) => [
          r.no,
          r.archiveNo,
          r.itemName,
          r.paperUntil,
          r.opinion,
          r.proposed,
          r.decided,
          r.method,
          r.executed,
          r.status,
        ]),
      ),
      fileName: `${name}.xlsx`,
    };
  const model = registerModel((await findHall(ctx.db, hall))?.name ?? '', now, rows);
  return { bytes: await renderPdf(model, { createdAt: new Date(now) }), fileName: `${name}.pdf` };
}
