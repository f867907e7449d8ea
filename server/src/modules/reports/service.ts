/**
 * 工作报告 (R16.2) and reporting upward (R19.15): reports generated on schedule or on demand, each a numbered version
 * kept with its PDF and workbook under DATA_DIR/files/reports/<hallId>/<sha256> (checked on every download), the
 * 下一步工作 text the station head adds before issuing, and the record of each version sent upward.
 */
import { type Period, parsePeriod, type ReportKind } from '../../domain/reports/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadCaseFile, sha256Of, storeCaseFile } from '../../platform/stored-files.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import { assertHallAccess, findHall, visibleHallIds } from '../org/service.ts';
import { reportContent } from './figures-service.ts';
import * as repo from './repository.ts';
import { type ReportMeta, reportPdf } from './report-pdf.ts';
import { contentSchema, type ReportContent } from './schema.ts';
import { reportWorkbook } from './workbook-presenter.ts';

/** Stored-files keeps each area's files in a folder of its own: reports/<hallId>/<sha256>.<ext>. */
const FOLDER = 'reports';

export function checkedPeriod(kind: ReportKind, period: string, today: string): Period {
  const p = parsePeriod(kind, period);
  if (!p) {
    const shape = { monthly: 'YYYY-MM', quarterly: 'YYYY-Qn', yearly: 'YYYY' }[kind];
    throw invalid('period', `期间格式应为 ${shape}`, `The period is written ${shape}`);
  }
  if (p.to >= today) throw invalid('period', '只能生成已经结束的期间的报告', 'Only a period that has ended');
  return p;
}

const titleOf = (hallName: string, p: Period) => `${hallName} ${p.label} 工作情况报告`;

function metaOf(r: repo.ReportRow, nextSteps: string): ReportMeta {
  return {
    title: r.title,
    number: `${r.period} 第${r.version}版`,
    from: r.period_from,
    to: r.period_to,
    generatedByName: r.generated_by_name,
    generatedDay: chinaDay(Number(r.generated_at)),
    nextSteps,
  };
}

/** Renders both files of a version and stores them; returns their hashes. */
async function storeFiles(ctx: AppContext, r: repo.ReportRow, content: ReportContent, nextSteps: string) {
  const meta = metaOf(r, nextSteps);
  const [pdf, xlsx] = await Promise.all([
    reportPdf(content, meta, Number(r.generated_at)),
    reportWorkbook(content, meta),
  ]);
  const pdfSha = sha256Of(pdf);
  const xlsxSha = sha256Of(xlsx);
  await storeCaseFile(ctx.config.dataDir, FOLDER, [r.hall_id, `${pdfSha}.pdf`], pdf);
  await storeCaseFile(ctx.config.dataDir, FOLDER, [r.hall_id, `${xlsxSha}.xlsx`], xlsx);
  return { pdfSha, xlsxSha };
}

/**
 * Generates one version of a hall's report. `version: 1` is the schedule's (a second writer of it loses on the
 * unique key and gets null); on demand the next version is taken, a race answered 409.
 */
export async function writeReport(
  ctx: AppContext,
  actor: Actor,
  input: { hallId: string; kind: ReportKind; period: Period; origin: 'schedule' | 'demand'; version?: number },
): Promise<string | null> {
  const { hallId, kind, period } = input;
  const version = input.version ?? ((await repo.latestVersion(ctx.db, hallId, kind, period.key)) ?? 0) + 1;
  const content = await reportContent(ctx, actor, hallId, kind, period);
  const now = ctx.clock.now();
  const row: repo.ReportRow = {
    id: newId(now),
    hall_id: hallId,
    kind,
    period: period.key,
    version,
    period_from: period.from,
    period_to: period.to,
    title: titleOf(content.hallName, period),
    content: JSON.stringify(content),
    next_steps: '',
    pdf_sha256: '',
    xlsx_sha256: '',
    origin: input.origin,
    generated_by: input.origin === 'schedule' ? null : actor.userId,
    generated_by_name: input.origin === 'schedule' ? '系统（定时生成）' : actor.displayName,
    generated_at: now,
    updated_at: now,
  };
  const { pdfSha, xlsxSha } = await storeFiles(ctx, row, content, '');
  row.pdf_sha256 = pdfSha;
  row.xlsx_sha256 = xlsxSha;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertReport(trx, row);
      await appendAudit(
        trx,
        byActor(actor, now, 'report.generate', 'periodic_report', row.id, {
          hallId,
          kind,
          period: period.key,
          version,
          origin: input.origin,
          pdfSha256: pdfSha,
          xlsxSha256: xlsxSha,
        }),
      );
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    if (input.origin === 'schedule') return null;
    throw conflict(
      '该期间的报告正在由他人生成，请刷新后重试',
      'Someone generated this report meanwhile; reload',
      'period',
    );
  }
  return row.id;
}

export async function generateReport(
  ctx: AppContext,
  actor: Actor,
  input: { hallId: string; kind: ReportKind; period: string },
) {
  assertHallAccess(actor, input.hallId);
  const period = checkedPeriod(input.kind, input.period, chinaDay(ctx.clock.now()));
  const id = (await writeReport(ctx, actor, { ...input, period, origin: 'demand' }))!;
  return reportDetail(ctx, actor, id);
}

async function visibleReport(ctx: AppContext, actor: Actor, id: string) {
  const r = await repo.findReport(ctx.db, id);
  if (!r || !actor.hallIds.includes(r.hall_id)) throw outOfScope(notFound('工作报告', 'Report'), 'periodic_report', id);
  return r;
}

function presentReport(r: repo.ReportRow, submissions: number) {
  const content = contentSchema.parse(JSON.parse(r.content));
  return {
    id: r.id,
    hallId: r.hall_id,
    kind: r.kind as ReportKind,
    period: r.period,
    version: Number(r.version),
    from: r.period_from,
    to: r.period_to,
    title: r.title,
    origin: r.origin as 'schedule' | 'demand',
    generatedByName: r.generated_by_name,
    generatedAt: Number(r.generated_at),
    nextSteps: r.next_steps,
    pdfSha256: r.pdf_sha256,
    xlsxSha256: r.xlsx_sha256,
    submissions,
    risks: content.risks,
    content,
  };
}

export async function listReports(ctx: AppContext, actor: Actor, q: { hallId?: string; kind?: ReportKind }) {
  const rows = await repo.listReports(ctx.db, { hallIds: visibleHallIds(actor, q.hallId), kind: q.kind });
  const subs = await repo.submissionsOf(ctx.db, { reportIds: rows.map((r) => r.id) });
  const items = rows.map((r) => {
    const { content: _omitted, ...rest } = presentReport(r, subs.filter((s) => s.report_id === r.id).length);
    return rest;
  });
  return { items, total: items.length };
}

export async function reportDetail(ctx: AppContext, actor: Actor, id: string) {
  const r = await visibleReport(ctx, actor, id);
  const subs = await repo.submissionsOf(ctx.db, { reportIds: [id] });
  return presentReport(r, subs.length);
}

/** 八、下一步工作: set before the version is sent upward; both files are rendered again with it. */
export async function setNextSteps(ctx: AppContext, actor: Actor, id: string, text: string) {
  const r = await visibleReport(ctx, actor, id);
  if ((await repo.submissionsOf(ctx.db, { reportIds: [id] })).length)
    throw conflict(
      '该版本已上报，不能再修改；请生成新版本',
      'This version was sent upward; generate a new one',
      'text',
    );
  const content = contentSchema.parse(JSON.parse(r.content));
  const { pdfSha, xlsxSha } = await storeFiles(ctx, r, content, text);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setNextSteps(trx, id, { next_steps: text, pdf_sha256: pdfSha, xlsx_sha256: xlsxSha, updated_at: now });
    await appendAudit(trx, byActor(actor, now, 'report.next_steps', 'periodic_report', id, { pdfSha256: pdfSha }));
  });
  return reportDetail(ctx, actor, id);
}

/** The stored file of a version, checked against its sha256 (the route audits the read). */
export async function reportFile(ctx: AppContext, actor: Actor, id: string, kind: 'pdf' | 'xlsx') {
  const r = await visibleReport(ctx, actor, id);
  const sha = kind === 'pdf' ? r.pdf_sha256 : r.xlsx_sha256;
  const bytes = await loadCaseFile(ctx.config.dataDir, FOLDER, [r.hall_id, `${sha}.${kind}`], sha);
  return { bytes, fileName: `${r.title}（第${r.version}版）.${kind}` };
}

// 上报记录 (R19.15)

export async function recordSubmission(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  input: { authority: string; sentDay: string; channel: string; documentNo: string; note: string },
) {
  const r = await visibleReport(ctx, actor, reportId);
  const now = ctx.clock.now();
  if (input.sentDay < chinaDay(Number(r.generated_at)))
    throw invalid('sentDay', '上报日期不能早于报告生成日期', 'The report was sent before it was generated');
  if (input.sentDay > chinaDay(now)) throw invalid('sentDay', '上报日期不能晚于今天', 'The day is in the future');
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSubmission(trx, {
      id,
      hall_id: r.hall_id,
      report_id: r.id,
      authority: input.authority,
      sent_day: input.sentDay,
      channel: input.channel,
      document_no: input.documentNo,
      note: input.note,
      sent_by: actor.userId,
      sent_by_name: actor.displayName,
      created_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'report.submit', 'periodic_report', r.id, {
        submissionId: id,
        version: r.version,
        authority: input.authority,
        sentDay: input.sentDay,
        channel: input.channel,
        documentNo: input.documentNo,
      }),
    );
  });
  return (await listSubmissions(ctx, actor, { hallId: r.hall_id })).items.find((s) => s.id === id)!;
}

export async function listSubmissions(ctx: AppContext, actor: Actor, q: { hallId?: string }) {
  const rows = await repo.submissionsOf(ctx.db, { hallIds: visibleHallIds(actor, q.hallId) });
  const reports = new Map(
    (
      await repo.reportsByIds(
        ctx.db,
        rows.map((s) => s.report_id),
      )
    ).map((r) => [r.id, r]),
  );
  const items = rows.map((s) => ({
    id: s.id,
    hallId: s.hall_id,
    reportId: s.report_id,
    reportTitle: reports.get(s.report_id)?.title ?? '',
    reportVersion: Number(reports.get(s.report_id)?.version ?? 0),
    authority: s.authority,
    sentDay: s.sent_day,
    channel: s.channel,
    documentNo: s.document_no,
    note: s.note,
    sentByName: s.sent_by_name,
    createdAt: Number(s.created_at),
  }));
  return { items, total: items.length };
}

export async function submissionsXlsx(ctx: AppContext, actor: Actor, q: { hallId?: string }) {
  const { items } = await listSubmissions(ctx, actor, q);
  const hall = q.hallId ? await findHall(ctx.db, q.hallId) : null;
  const xlsx = await workbook([
    {
      name: '上报记录',
      columns: [
        { header: '上报日期', type: 'date' },
        { header: '报告', type: 'text' },
        { header: '版本', type: 'integer' },
        { header: '报送单位', type: 'text' },
        { header: '报送方式', type: 'text' },
        { header: '文号', type: 'text' },
        { header: '经办人', type: 'text' },
        { header: '备注', type: 'text' },
      ] satisfies Column[],
      rows: items.map((s) => [
        s.sentDay,
        s.reportTitle,
        s.reportVersion,
        s.authority,
        s.channel,
        s.documentNo,
        s.sentByName,
        s.note,
      ]),
    },
  ]);
  return { xlsx, fileName: `上报记录${hall ? `_${hall.name}` : ''}.xlsx` };
}

/** For the workbench (after reports in the module order): one's own open tasks handed down, and the overdue ones. */
export { myOpenTaskCounts } from './tasks-service.ts';
