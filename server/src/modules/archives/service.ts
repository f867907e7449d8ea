/**
 * 档案管理 (R14): every ended case gets one archive file, classified by the hall's scheme and numbered (档号) in
 * sequence per hall, year and category from the case core's counters, in the transaction that files it. The
 * file's contents list (卷内目录) is read from the case; searching, the scheme and the enterprise's own file
 * (一企一档) are here, borrowing in borrowing.ts and disposal in disposal.ts.
 */
import {
  archiveNumber,
  classify,
  type Confidentiality,
  confidentialityLabels,
  defaultScheme,
  keptUntil,
  outcomeLabels,
  outcomeOfState,
  type SchemeCategory,
} from '../../domain/archives/index.ts';
import { transitions } from '../../domain/case/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import { findApplicant } from '../applicants/service.ts';
import * as cases from '../cases/service.ts';
import { consultationsOfPhone } from '../consult/service.ts';
import { ratingsOfCases } from '../rating/service.ts';
import { allHallIds, assertHallAccess, findHall, visibleHallIds } from '../org/service.ts';
import { scansForArchive } from '../scans/service.ts';
import { contentsModel } from './contents-pdf.ts';
import * as repo from './repository.ts';
import type { categoryInput, FileView } from './schema.ts';

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

/** Who files: a person, or the archive sweep for cases that ended without a filing step of their own. */
export type Filer = Pick<Actor, 'userId' | 'username' | 'displayName' | 'ip'> | 'system';

/** The hall's scheme as the classification reads it (the built-in scheme while the hall keeps none). */
async function schemeOf(db: Db, hallId: string): Promise<SchemeCategory[]> {
  return (await repo.categoriesOf(db, hallId)).map((c) => ({
    code: c.code,
    name: c.name,
    outcome: c.outcome as SchemeCategory['outcome'],
    itemId: c.item_id,
    paperYears: Number(c.paper_years),
    electronicYears: c.electronic_years === null ? null : Number(c.electronic_years),
    confidentiality: c.confidentiality as Confidentiality,
  }));
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

/**
 * Files an ended case inside the caller's transaction and returns its 档号; a case filed already keeps its file.
 * The number is taken last, so the counter row stays locked only until the commit just after.
 */
export async function fileCase(
  trx: Db,
  filer: Filer,
  c: cases.CaseRow,
  now: number,
  opts: { paperYears?: number } = {},
): Promise<{ id: string; archiveNo: string }> {
  const existing = await repo.fileOfCase(trx, c.id);
  if (existing) return { id: existing.id, archiveNo: existing.archive_no };
  const outcome = outcomeOfState(c.state);
  if (!outcome) throw conflict('办件尚未办结、终止、撤回或不予受理，不能归档', 'Only an ended case is filed', 'caseId');
  const category = classify(await schemeOf(trx, c.hall_id), { outcome, itemId: c.item_id });
  const [hall, applicant] = await Promise.all([findHall(trx, c.hall_id), findApplicant(trx, c.applicant_id)]);
  const day = chinaDay(now);
  const year = Number(day.slice(0, 4));
  const paperYears = Math.max(opts.paperYears ?? category.paperYears, category.paperYears);
  const seq = await cases.nextNumber(trx, c.hall_id, `archive:${category.code}`, year);
  const archiveNo = archiveNumber(hall?.code ?? 'HALL', category.code, year, seq);
  const id = newId(now);
  const by = filer === 'system' ? '系统自动归档' : filer.displayName;
  await repo.insertFile(trx, {
    id,
    hall_id: c.hall_id,
    archive_no: archiveNo,
    category_code: category.code,
    category_name: category.name,
    year,
    seq,
    case_id: c.id,
    case_no: c.case_no,
    item_name: c.item_name,
    applicant_id: c.applicant_id,
    applicant_name: applicant?.sealed_at ? '（已封存）' : (applicant?.name ?? ''),
    outcome,
    confidentiality: category.confidentiality,
    paper_years: paperYears,
    paper_until: keptUntil(day, paperYears),
    electronic_until: category.electronicYears === null ? null : keptUntil(day, category.electronicYears),
    status: 'held',
    filed_day: day,
    filed_at: now,
    filed_by: by,
  });
  const detail = { archiveNo, caseNo: c.case_no, category: category.code, outcome, paperYears };
  await appendFileEvent(trx, id, now, by, 'file', detail);
  await appendAudit(
    trx,
    filer === 'system'
      ? {
          at: now,
          userId: null,
          username: 'system',
          action: 'archive.file',
          targetType: 'archive',
          targetId: id,
          outcome: 'success',
          detail,
        }
      : byActor(filer, now, 'archive.file', 'archive', id, detail),
  );
  return { id, archiveNo };
}

const endedWithoutFilingStep = ['not_accepted', 'withdrawn', 'terminated'];

/** Ended cases (refused, withdrawn, terminated) that have no archive file yet. */
async function unfiled(db: Db, hallIds: string[]) {
  const ended = await cases.caseIdsInStates(db, hallIds, endedWithoutFilingStep);
  const filed = new Set<string>();
  for (let i = 0; i < ended.length; i += 500)
    for (const id of await repo.filedCaseIds(
      db,
      ended.slice(i, i + 500).map((c) => c.id),
    ))
      filed.add(id);
  return ended.filter((c) => !filed.has(c.id));
}

export async function pendingFiling(ctx: AppContext, actor: Actor, hallId?: string) {
  const rows = await unfiled(ctx.db, visibleHallIds(actor, hallId));
  const items = rows.slice(0, 200).map((c) => ({
    caseId: c.id,
    caseNo: c.case_no,
    itemName: c.item_name,
    receivedAt: Number(c.received_at),
    hallId: c.hall_id,
    state: c.state,
    stateLabel: cases.stateLabel(c.state),
  }));
  return { items, total: rows.length };
}

/** Files one ended case now (归档), from the list of cases waiting for their file. */
export async function fileEndedCase(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await cases.loadCase(ctx.db, actor, caseId);
  if (!endedWithoutFilingStep.includes(c.state))
    throw conflict(
      '只有不予受理、撤回或终止的办件在此归档；办结的办件在送达后归档',
      'Only refused, withdrawn or terminated cases are filed here',
      'caseId',
    );
  const now = ctx.clock.now();
  const { id } = await ctx.db.transaction().execute((trx) => fileCase(trx, actor, c, now));
  return fileDetail(ctx, actor, id);
}

/** The sweep: every refused, withdrawn or terminated case without a file gets one (each in its own transaction). */
export async function fileEndedCases(ctx: AppContext, hallIds?: string[]) {
  const halls = hallIds ?? (await allHallIds(ctx.db));
  let filed = 0;
  for (const row of await unfiled(ctx.db, halls)) {
    const c = await cases.findCase(ctx.db, row.id);
    if (!c) continue;
    const now = ctx.clock.now();
    await ctx.db.transaction().execute((trx) => fileCase(trx, 'system', c, now));
    filed++;
  }
  if (filed) ctx.log.info({ filed }, 'ended cases filed in the archive');
  return { filed };
}

/** Files ended cases now and every five minutes; returns the stop function. */
export function startArchiveSweeps(ctx: AppContext, intervalMs = 5 * 60_000): () => void {
  return runPeriodically(ctx.log, 'archive filing sweep', intervalMs, () => fileEndedCases(ctx));
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

export async function scheme(ctx: AppContext, actor: Actor, hallId?: string) {
  const [hall] = visibleHallIds(actor, hallId);
  if (!hall) throw invalid('hallId', '请选择服务大厅', 'Choose a hall');
  const own = await schemeOf(ctx.db, hall);
  const shown = own.length ? own : defaultScheme;
  return { items: shown.map((c) => ({ ...c, builtIn: own.length === 0 })) };
}

/** Adds or changes a category of the hall's scheme (paper at least 5 years; electronic permanent unless given). */
export async function saveCategory(ctx: AppContext, actor: Actor, input: typeof categoryInput._output) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // A hall that starts its own scheme keeps the built-in categories it does not replace.
    if (!(await repo.categoriesOf(trx, input.hallId)).length)
      for (const c of defaultScheme)
        await repo.upsertCategory(trx, {
          id: newId(now),
          hall_id: input.hallId,
          code: c.code,
          name: c.name,
          outcome: c.outcome,
          item_id: c.itemId,
          paper_years: c.paperYears,
          electronic_years: c.electronicYears,
          confidentiality: c.confidentiality,
          updated_at: now,
        });
    await repo.upsertCategory(trx, {
      id: newId(now),
      hall_id: input.hallId,
      code: input.code,
      name: input.name,
      outcome: input.outcome,
      item_id: input.itemId,
      paper_years: input.paperYears,
      electronic_years: input.electronicYears,
      confidentiality: input.confidentiality,
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'archive.scheme', 'hall', input.hallId, { ...input }));
  });
  return scheme(ctx, actor, input.hallId);
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

export { overdueLoansForBoard } from './borrowing.ts';
