import { marksFromUploads, missingRequired, onTheClock, type PrereviewState } from '../../domain/prereview/index.ts';
import { byActor, recordAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { piiFields, reveal } from '../../platform/pii/protect.ts';
import { registerApplicant } from '../applicants/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { findItem, findVersion, parseContent } from '../catalog/service.ts';
import { acceptAtWindow } from '../intake/service.ts';
import { enqueueNotice } from '../notices/service.ts';
import { visibleHallIds } from '../org/service.ts';
import { attachCarriedScans } from '../scans/service.ts';
import * as repo from './repository.ts';
import type { PrereviewDetail } from './schema.ts';
import {
  checkMove,
  checklist,
  fileOf,
  materialsOf,
  move,
  noticeFor,
  pinnedContent,
  type Row,
  type ScanType,
} from './application-service.ts';

async function loadApplication(ctx: AppContext, actor: Actor, id: string) {
  const r = await repo.findApplication(ctx.db, id);
  if (!r || r.state === 'draft') throw notFound('网上预审申请', 'Online application');
  if (!actor.hallIds.includes(r.hall_id))
    throw outOfScope(notFound('网上预审申请', 'Online application'), 'prereview', r.id);
  return r;
}

async function lightsFor(ctx: AppContext, rows: Row[]) {
  const today = chinaDay(ctx.clock.now());
  const cals = new Map<string, Awaited<ReturnType<typeof calendarOf>>>();
  for (const h of new Set(rows.map((r) => r.hall_id))) cals.set(h, await calendarOf(ctx.db, h));
  return (r: Row) =>
    onTheClock(r.state as PrereviewState) && r.due_day
      ? cals.get(r.hall_id)!.lightFor(today, r.due_day, r.limit_days > 1 ? 1 : 0)
      : null;
}

function presentSummary(r: Row, light: 'green' | 'yellow' | 'red' | null) {
  return {
    id: r.id,
    hallId: r.hall_id,
    number: r.number,
    itemId: r.item_id,
    itemName: r.item_name,
    applicantName: r.applicant_name,
    phone: r.phone_masked,
    state: r.state as PrereviewState,
    round: r.round,
    submittedAt: r.submitted_at === null ? null : Number(r.submitted_at),
    dueDay: r.due_day,
    dueProvisional: r.due_provisional === 1,
    light,
    caseId: r.case_id,
    caseNo: r.case_no,
  };
}

const listed: Record<string, string[]> = {
  waiting: ['submitted'],
  returned: ['returned'],
  passed: ['passed'],
  accepted: ['accepted'],
  all: ['submitted', 'returned', 'passed', 'accepted'],
};

export async function listApplications(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; state: string; q?: string; limit: number; offset: number },
) {
  const { rows, total } = await repo.listApplications(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    states: listed[q.state] ?? [],
    q: q.q,
    limit: q.limit,
    offset: q.offset,
  });
  const light = await lightsFor(ctx, rows);
  return { items: rows.map((r) => presentSummary(r, light(r))), total };
}

export async function applicationDetail(ctx: AppContext, actor: Actor, id: string): Promise<PrereviewDetail> {
  const r = await loadApplication(ctx, actor, id);
  const light = await lightsFor(ctx, [r]);
  const events = await repo.eventsOf(ctx.db, r.id);
  return {
    ...presentSummary(r, light(r)),
    applicantKind: r.applicant_kind as 'person' | 'enterprise',
    docType: r.doc_type,
    docNumber: r.doc_number_masked,
    address: r.address,
    legalRepresentative: r.legal_representative,
    contactName: r.contact_name,
    limitDays: r.limit_days,
    reviewedBy: r.reviewed_by_name,
    reviewedAt: r.reviewed_at === null ? null : Number(r.reviewed_at),
    materials: await materialsOf(ctx, r),
    notice: r.notice ? JSON.parse(r.notice) : null,
    pass: r.pass_note ? JSON.parse(r.pass_note) : null,
    events: events.map((e) => ({
      seq: Number(e.seq),
      at: Number(e.at),
      actorName: e.actor_name,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      detail: JSON.parse(e.detail) as Record<string, unknown>,
    })),
  };
}

/** 查看上传文件: every read by staff is on the audit log. */
export async function staffFile(ctx: AppContext, actor: Actor, id: string, uploadId: string) {
  const r = await loadApplication(ctx, actor, id);
  const f = await fileOf(ctx, r, uploadId);
  await recordAudit(
    ctx.db,
    byActor(actor, ctx.clock.now(), 'prereview.file_read', 'prereview', r.id, {
      uploadId,
      name: f.name,
      sha256: f.upload.sha256,
    }),
  );
  return f;
}

/** 预审通过: every required material is there; the applicant is told to come once with the originals. */
export async function passApplication(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { note: string; appointment: string },
) {
  const r = await loadApplication(ctx, actor, id);
  checkMove(r, 'pass');
  const content = await pinnedContent(ctx.db, r);
  const uploads = await repo.uploadsOf(ctx.db, r.id);
  const missing = missingRequired(checklist(content), new Set(uploads.map((u) => u.material_key)));
  if (missing.length > 0)
    throw invalid(
      'materials',
      `必需材料未上传，不能通过：${missing.map((m) => m.name).join('、')}`,
      `Required materials are missing: ${missing.map((m) => m.name).join(', ')}`,
    );
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const moved = await move(
      trx,
      r,
      { kind: 'staff', actor },
      now,
      'pass',
      {
        reviewed_by_id: actor.userId,
        reviewed_by_name: actor.displayName,
        reviewed_at: now,
        pass_note: JSON.stringify({ note: input.note, appointment: input.appointment }),
      },
      { round: r.round, onTime: r.due_day === null || chinaDay(now) <= r.due_day, appointment: input.appointment },
    );
    // The applicant is told by SMS, in the same transaction as the decision.
    await enqueueNotice(trx, noticeFor(moved, 'passed', now));
    return moved;
  });
  return applicationDetail(ctx, actor, row.id);
}

/** 退回补正: the one-time notice lists every material to correct and what is wrong with it. */
export async function returnApplication(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { corrections: { key: string; requirement: string }[]; note: string },
) {
  const r = await loadApplication(ctx, actor, id);
  checkMove(r, 'return');
  const content = await pinnedContent(ctx.db, r);
  const seen = new Set<string>();
  const items = input.corrections.map((c, i) => {
    const m = content.materials.find((x) => x.key === c.key);
    if (!m) throw invalid(`corrections.${i}.key`, '该材料不在本事项的材料清单中', 'Not on the checklist');
    if (seen.has(c.key)) throw invalid(`corrections.${i}.key`, '同一材料只列一次', 'Each material once');
    seen.add(c.key);
    return { key: m.key, name: m.name, requirement: c.requirement };
  });
  const now = ctx.clock.now();
  const notice = { round: r.round, items, note: input.note };
  const row = await ctx.db.transaction().execute(async (trx) => {
    const moved = await move(
      trx,
      r,
      { kind: 'staff', actor },
      now,
      'return',
      {
        reviewed_by_id: actor.userId,
        reviewed_by_name: actor.displayName,
        reviewed_at: now,
        notice: JSON.stringify(notice),
        // Off the clock until the applicant sends the correction.
        due_day: null,
        due_provisional: 0,
      },
      {
        round: r.round,
        onTime: r.due_day === null || chinaDay(now) <= r.due_day,
        items: items.map((i) => i.key),
      },
    );
    await enqueueNotice(trx, noticeFor(moved, 'returned', now));
    return moved;
  });
  return applicationDetail(ctx, actor, row.id);
}

/**
 * 从网上预审受理: the applicant is at the window with the originals. The applicant's file is found or registered
 * from the identity typed online, the uploads become the reception checklist, the case is accepted (its deadline
 * counts from today) and the uploads are carried into it as scans — all in the acceptance's transaction.
 */
export async function acceptApplication(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { windowId: string | null; urgency: 'regular' | 'urgent' | 'special'; importance: 'normal' | 'important' },
) {
  const r = await loadApplication(ctx, actor, id);
  checkMove(r, 'accept');
  // The case is pinned to the version published now (the reception checks it), so its checklist decides.
  const item = await findItem(ctx.db, r.item_id);
  const current = item?.published_version ? await findVersion(ctx.db, r.item_id, item.published_version) : null;
  const content = current ? parseContent(current.content) : await pinnedContent(ctx.db, r);
  const uploads = await repo.uploadsOf(ctx.db, r.id);
  const onChecklist = uploads.filter((u) => content.materials.some((m) => m.key === u.material_key));
  const files: Parameters<typeof attachCarriedScans>[4] = [];
  for (const u of onChecklist) {
    const f = await fileOf(ctx, r, u.id);
    files.push({
      materialKey: u.material_key,
      materialName: u.material_name,
      name: u.display_name,
      contentType: u.content_type as ScanType,
      bytes: f.bytes,
      uploadedAt: Number(u.uploaded_at),
    });
  }
  const { applicant } = await registerApplicant(ctx, actor, {
    hallId: r.hall_id,
    kind: r.applicant_kind as 'person' | 'enterprise',
    name: r.applicant_name,
    docType: r.doc_type as Parameters<typeof registerApplicant>[2]['docType'],
    docNumber: reveal(piiFields.prereviewDoc, r.id, r.doc_number_enc),
    phone: reveal(piiFields.prereviewPhone, r.id, r.phone_enc),
    address: r.address,
    legalRepresentative: r.legal_representative,
    contactName: r.contact_name,
  });
  const materials = marksFromUploads(
    checklist(content),
    onChecklist.map((u) => ({ materialKey: u.material_key })),
  );
  return acceptAtWindow(
    ctx,
    actor,
    {
      itemId: r.item_id,
      applicantId: applicant.id,
      agentId: null,
      powerOfAttorneyChecked: false,
      windowId: input.windowId,
      ticketId: null,
      urgency: input.urgency,
      importance: input.importance,
      materials,
    },
    async (trx, accepted, now) => {
      await attachCarriedScans(ctx, trx, actor, accepted, files, now, `网上预审 ${r.number}`);
      await move(
        trx,
        r,
        { kind: 'staff', actor },
        now,
        'accept',
        { case_id: accepted.id, case_no: accepted.case_no, accepted_at: now },
        { caseId: accepted.id, caseNo: accepted.case_no, files: files.length },
      );
    },
  );
}

/** The waiting applications whose pre-review clock is yellow or red, for the supervision board. */
export async function waitingForBoard(ctx: AppContext, hallIds: string[]) {
  const rows = await repo.waitingIn(ctx.db, hallIds);
  const light = await lightsFor(ctx, rows);
  return rows.flatMap((r) => {
    const l = light(r);
    return l && l !== 'green' && r.due_day
      ? [
          {
            id: r.id,
            number: r.number,
            itemName: r.item_name,
            applicantName: r.applicant_name,
            dueDay: r.due_day,
            light: l,
            round: r.round,
          },
        ]
      : [];
  });
}

export { MAX_FILES, MAX_FILES_PER_MATERIAL, noticeFor } from './application-service.ts';
export {
  apply,
  openPublic,
  publicFile,
  publicView,
  removePublic,
  submitPublic,
  uploadPublic,
} from './applicant-service.ts';
