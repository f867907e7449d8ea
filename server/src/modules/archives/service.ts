/**
 * 档案管理 (R14): every ended case gets one archive file, classified by the hall's scheme and numbered (档号) in
 * sequence per hall, year and category from the case core's counters, in the transaction that files it
 * (filing-service.ts, with the sweep; the scheme in scheme-service.ts). The file's contents list (卷内目录) is read
 * from the case; the file's view, trail and searching and the enterprise's own file (一企一档) are here, borrowing
 * in borrowing.ts and disposal in disposal.ts.
 */
import { type Confidentiality, confidentialityLabels, outcomeLabels } from '../../domain/archives/index.ts';
import { transitions } from '../../domain/case/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import { findApplicant } from '../applicants/service.ts';
import * as cases from '../cases/service.ts';
import { consultationsOfPhone } from '../consult/service.ts';
import { ratingsOfCases } from '../rating/service.ts';
import { findHall, visibleHallIds } from '../org/service.ts';
import { scansForArchive } from '../scans/service.ts';
import { contentsModel } from './contents-pdf.ts';
import * as repo from './repository.ts';
import type { FileView } from './schema.ts';

export const fileStatusLabels: Record<FileView['status'], string> = {
  held: '在库',
  lent: '借出',
  disposal_pending: '待鉴定销毁',
  paper_disposed: '纸质已销毁',
};

export function presentFile(f: repo.FileRow): FileView {
  return {
    id: f.id,
    hallId: f.hall_id,
    archiveNo: f.archive_no,
    categoryCode: f.category_code,
    categoryName: f.category_name,
    year: Number(f.year),
    seq: Number(f.seq),
    caseId: f.case_id,
    caseNo: f.case_no,
    itemName: f.item_name,
    applicantId: f.applicant_id,
    applicantName: f.applicant_name,
    outcome: f.outcome as FileView['outcome'],
    outcomeLabel: outcomeLabels[f.outcome as keyof typeof outcomeLabels] ?? f.outcome,
    confidentiality: f.confidentiality as Confidentiality,
    confidentialityLabel: confidentialityLabels[f.confidentiality as Confidentiality] ?? f.confidentiality,
    paperYears: Number(f.paper_years),
    paperUntil: f.paper_until,
    electronicUntil: f.electronic_until,
    status: f.status as FileView['status'],
    statusLabel: fileStatusLabels[f.status as FileView['status']] ?? f.status,
    filedAt: Number(f.filed_at),
    filedBy: f.filed_by,
  };
}

export async function appendFileEvent(
  db: Db,
  fileId: string,
  now: number,
  by: string,
  action: string,
  detail?: Record<string, unknown>,
) {
  await repo.insertEvent(db, {
    id: newId(now),
    file_id: fileId,
    at: now,
    by_name: by,
    action,
    detail: detail ? JSON.stringify(detail) : null,
  });
}

export async function loadFile(db: Db, actor: Actor, id: string) {
  const f = await repo.findFile(db, id);
  if (!f) throw notFound('档案', 'Archive file');
  if (!actor.hallIds.includes(f.hall_id)) throw outOfScope(notFound('档案', 'Archive file'), 'archive', id);
  return f;
}

export async function searchFiles(
  ctx: AppContext,
  actor: Actor,
  q: {
    hallId?: string;
    archiveNo?: string;
    caseNo?: string;
    applicant?: string;
    item?: string;
    year?: number;
    status?: string;
    page: number;
    pageSize: number;
  },
) {
  const { rows, total } = await repo.searchFiles(ctx.db, {
    ...q,
    hallIds: visibleHallIds(actor, q.hallId),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(presentFile), total };
}

/** 卷内目录: the documents, result files, scans and the trail of the case, in the order they came about. */
export async function contentsOf(db: Db, caseId: string) {
  const [docs, files, scans, events] = await Promise.all([
    cases.documentsOf(db, [caseId]),
    cases.filesOf(db, caseId),
    scansForArchive(db, caseId),
    cases.eventsOf(db, [caseId]),
  ]);
  const entries = [
    ...docs.map((d) => ({
      key: `doc-${d.id}`,
      contentType: 'application/pdf',
      kind: 'document' as const,
      ref: d.doc_no,
      title: cases.documentKindLabels[d.kind as cases.DocumentKind] ?? d.kind,
      at: Number(d.issued_at),
      note: d.status === 'issued' ? '' : d.status,
    })),
    ...files.map((f) => ({
      key: `result-${f.id}`,
      contentType: f.content_type,
      kind: 'result' as const,
      ref: f.sha256.slice(0, 12),
      title: `结果文件：${f.name}`,
      at: Number(f.uploaded_at),
      note: `${Math.ceil(Number(f.size) / 1024)} KB`,
    })),
    ...scans.map((s) => ({
      key: `scan-${s.id}`,
      contentType: s.contentType,
      kind: 'scan' as const,
      ref: s.sha256.slice(0, 12),
      title: `材料扫描件：${s.material}（${s.name}）`,
      at: s.uploadedAt,
      note: `${Math.ceil(s.size / 1024)} KB`,
    })),
  ].sort((a, b) => a.at - b.at);
  const trail = events.map((e) => ({
    at: Number(e.at),
    by: e.display_name,
    // A move of the state machine by its name; a move outside it (the receipt) by the state it led to.
    action: (transitions as Record<string, { zh: string }>)[e.action]?.zh ?? cases.stateLabel(e.to_state),
    fromState: e.from_state,
    toState: e.to_state,
  }));
  const last = trail.at(-1);
  const contents = [
    ...entries,
    {
      key: 'trail',
      contentType: '',
      kind: 'trail' as const,
      ref: '',
      title: `办件流转记录（共 ${trail.length} 条）`,
      at: last?.at ?? 0,
      note: '',
    },
  ].map((e, i) => ({ no: i + 1, ...e }));
  return { contents, trail };
}

export async function fileDetail(ctx: AppContext, actor: Actor, id: string) {
  const f = await loadFile(ctx.db, actor, id);
  const [{ contents, trail }, events] = await Promise.all([contentsOf(ctx.db, f.case_id), repo.eventsOf(ctx.db, id)]);
  return {
    file: presentFile(f),
    contents,
    trail,
    events: events.map((e) => ({
      at: Number(e.at),
      by: e.by_name,
      action: e.action,
      detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
    })),
  };
}

/** The 卷内目录 as an A4 PDF; `watermark` marks an electronic viewing with the viewer's name and time. */
export async function contentsPdf(db: Db, f: repo.FileRow, now: number, watermark?: string) {
  const [hall, { contents, trail }] = await Promise.all([findHall(db, f.hall_id), contentsOf(db, f.case_id)]);
  const model = contentsModel(hall?.name ?? '', presentFile(f), contents, trail, cases.stateLabel);
  const pdf = await renderPdf(model, { createdAt: new Date(now), ...(watermark ? { watermark } : {}) });
  return { pdf, fileName: `${f.archive_no}-卷内目录.pdf` };
}

export async function printContents(ctx: AppContext, actor: Actor, id: string) {
  const f = await loadFile(ctx.db, actor, id);
  const now = ctx.clock.now();
  await appendAudit(ctx.db, byActor(actor, now, 'archive.print', 'archive', id, { archiveNo: f.archive_no }));
  return contentsPdf(ctx.db, f, now);
}

/** Sets a file's confidentiality level (密级) by hand; on the file's trail and in the audit log. */
export async function classifyFile(ctx: AppContext, actor: Actor, id: string, level: Confidentiality) {
  const f = await loadFile(ctx.db, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateFileFrom(trx, id, [f.status], { confidentiality: level });
    const detail = { from: f.confidentiality, to: level };
    await appendFileEvent(trx, id, now, actor.displayName, 'classify', detail);
    await appendAudit(trx, byActor(actor, now, 'archive.classify', 'archive', id, detail));
  });
  return fileDetail(ctx, actor, id);
}

/** 一企一档: the applicant's cases with their 档号, consultations (by the contact phone) and on-site ratings. */
export async function enterpriseFile(ctx: AppContext, actor: Actor, applicantId: string) {
  const file = await cases.applicantFile(ctx, actor, applicantId);
  const { rows } = await repo.searchFiles(ctx.db, {
    hallIds: actor.hallIds,
    applicantId,
    limit: 500,
    offset: 0,
  });
  const numbers = new Map(rows.map((r) => [r.case_id, r.archive_no]));
  const applicant = await findApplicant(ctx.db, applicantId);
  const [consultations, ratings] = await Promise.all([
    applicant && applicant.sealed_at === null
      ? consultationsOfPhone(ctx.db, actor.hallIds, applicant.phone_index)
      : Promise.resolve([]),
    ratingsOfCases(
      ctx.db,
      file.cases.map((c) => c.id),
    ),
  ]);
  return {
    consultations: consultations.map((c) => ({
      id: c.id,
      at: Number(c.created_at),
      subject: `${c.number} ${c.question}`,
      status: c.status,
    })),
    ratings: ratings.map((r) => ({ id: r.id, at: Number(r.created_at), level: r.level, comment: r.comment })),
    applicantId,
    applicantName: file.applicant.name,
    cases: file.cases.map((c) => ({
      id: c.id,
      caseNo: c.caseNo,
      itemName: c.itemName,
      state: c.state,
      stateLabel: c.stateLabel,
      receivedAt: c.receivedAt,
      archiveNo: numbers.get(c.id) ?? null,
    })),
  };
}

// The results' archiving and the intake's refusal file their case in their transaction; main.ts starts the sweep.
export { fileCase, startArchiveSweeps } from './filing-service.ts';
export { overdueLoansForBoard } from './borrowing.ts';
