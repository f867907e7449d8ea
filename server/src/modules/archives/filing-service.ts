/**
 * 归档: filing an ended case. Each gets one archive file, classified by the hall's scheme (scheme-service.ts) and
 * numbered (档号) in sequence per hall, year and category from the case core's counters, in the transaction that
 * files it — the results' archiving and the intake's refusal call `fileCase` through service.ts. Cases refused,
 * withdrawn or terminated are listed until filed, by hand or by the five-minute sweep.
 */
import { archiveNumber, classify, keptUntil, outcomeOfState } from '../../domain/archives/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import { findApplicant } from '../applicants/service.ts';
import * as cases from '../cases/service.ts';
import { allHallIds, findHall, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import { schemeOf } from './scheme-service.ts';
import { appendFileEvent, fileDetail } from './service.ts';

/** Who files: a person, or the archive sweep for cases that ended without a filing step of their own. */
export type Filer = Pick<Actor, 'userId' | 'username' | 'displayName' | 'ip'> | 'system';

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

/** Ended cases (refused, withdrawn, terminated) that have no archive file yet, newest first. */
const unfiled = (db: Db, hallIds: string[]) =>
  cases.casesInStatesWithout(db, hallIds, endedWithoutFilingStep, repo.fileOfCaseId(db));

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
