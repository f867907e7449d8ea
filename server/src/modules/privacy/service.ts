/**
 * Personal data (个人信息) of applicants: the export for an access request, sealing (封存) a deregistered
 * applicant with unsealing on the security administrator's approval, and the retention purge. Each audited.
 */
import { finishedCaseStates, purgeable, retentionCutoff, sealable } from '../../domain/privacy/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import { pii } from '../../platform/pii/index.ts';
import { lookupIndexes, piiFields, reveal } from '../../platform/pii/protect.ts';
import { loadAnyApplicant, presentApplicant, revealNumbers, sealedError } from '../applicants/service.ts';
import {
  casesOfParty,
  clearDeliveryNumbers,
  documentKindLabels,
  exportDeliveries,
  exportDocuments,
  exportFiles,
  openCaseCount,
  purgeCandidates,
  stateLabel,
} from '../cases/service.ts';
import { openStatuses } from '../consult/schema.ts';
import { findHall } from '../org/service.ts';
import { buildPersonalDataSummary } from './export-pdf.ts';
import * as repo from './repository.ts';

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();

/** Everything held about one applicant, for an access request; personal numbers masked as everywhere they leave the hall. */
export async function personalDataExport(
  ctx: AppContext,
  actor: Actor,
  applicantId: string,
  format: 'json' | 'pdf' = 'json',
) {
  const a = await loadAnyApplicant(ctx.db, actor, applicantId);
  if (a.sealed_at !== null) throw sealedError();
  // Decrypting proves the stored numbers are intact (a tampered value is refused) and finds the consultations.
  const numbers = revealNumbers(a);
  const cases = await casesOfParty(ctx.db, a.id);
  const caseIds = cases.map((c) => c.id);
  const [documents, files, deliveries, consultations, tickets, changes] = await Promise.all([
    exportDocuments(ctx.db, caseIds),
    exportFiles(ctx.db, caseIds),
    exportDeliveries(ctx.db, caseIds),
    repo.consultationsByPhone(ctx.db, a.hall_id, lookupIndexes('phone', numbers.phone)),
    repo.ticketsOfCases(ctx.db, caseIds),
    repo.changesOf(ctx.db, a.id),
  ]);
  const ratings = await repo.ratingsOf(
    ctx.db,
    caseIds,
    tickets.map((t) => t.id),
  );
  const caseNo = new Map(cases.map((c) => [c.id, c.case_no]));
  const data = {
    format: 'onewindow-personal-data/1' as const,
    exportedAt: iso(ctx.clock.now())!,
    exportedBy: actor.displayName,
    applicant: { ...presentApplicant(a), createdAt: iso(a.created_at)!, updatedAt: iso(a.updated_at)! },
    cases: cases.map((c) => ({
      caseNo: c.case_no,
      itemName: c.item_name,
      role: c.applicant_id === a.id ? ('applicant' as const) : ('agent' as const),
      state: stateLabel(c.state),
      receivedDay: c.received_day,
      acceptedDay: c.accepted_day,
      deadline: c.deadline,
      completedDay: c.completed_day ?? null,
    })),
    documents: documents.map((d) => ({
      caseNo: caseNo.get(d.case_id) ?? null,
      kind: d.kind,
      kindLabel: documentKindLabels[d.kind as keyof typeof documentKindLabels] ?? d.kind,
      docNo: d.doc_no,
      status: d.status,
      issuedAt: iso(d.issued_at)!,
    })),
    files: files.map((f) => ({
      caseNo: caseNo.get(f.case_id) ?? null,
      kind: f.kind,
      name: f.name,
      contentType: f.content_type,
      size: Number(f.size),
      uploadedAt: iso(f.uploaded_at)!,
    })),
    deliveries: deliveries.map((d) => ({
      caseNo: caseNo.get(d.case_id) ?? null,
      method: d.method,
      collectedBy: d.collected_by,
      idDocNumber: d.id_doc_number_masked,
      carrier: d.carrier,
      trackingNumber: d.tracking_number,
      at: iso(d.at)!,
    })),
    consultations: consultations.map((c) => ({
      number: c.number,
      channel: c.channel,
      personName: c.person_name,
      contactPhone: c.contact_phone_masked,
      question: c.question,
      status: c.status,
      answer: c.answer,
      registeredDay: c.registered_day,
    })),
    tickets: tickets.map((t) => ({
      number: t.number,
      day: t.day,
      status: t.status,
      caseNo: caseNo.get(t.outcome_id ?? '') ?? null,
      waitMinutes: t.wait_ms === null ? null : Math.round(Number(t.wait_ms) / 60_000),
    })),
    ratings: ratings.map((r) => ({
      day: r.day,
      level: r.level,
      score: Number(r.score),
      reasons: JSON.parse(r.reasons) as string[],
      comment: r.comment,
      followUp: r.follow_up_status
        ? { status: r.follow_up_status, note: r.follow_up_note ?? '', calledBackAt: iso(r.called_back_at) }
        : null,
    })),
    changes: changes.map((c) => ({
      at: iso(c.at)!,
      by: c.username,
      action: c.action,
      fields: Object.keys((JSON.parse(c.detail) as { changes?: object }).changes ?? {}),
    })),
  };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      byActor(actor, now, 'applicant.export_personal', 'applicant', a.id, {
        format,
        cases: data.cases.length,
        consultations: data.consultations.length,
        tickets: data.tickets.length,
        ratings: data.ratings.length,
        documents: data.documents.length + data.files.length,
      }),
    ),
  );
  return data;
}
export type PersonalDataExport = Awaited<ReturnType<typeof personalDataExport>>;

/** 封存: a deregistered applicant's details are moved, encrypted, out of every list and screen. */
export async function sealApplicant(ctx: AppContext, actor: Actor, id: string, input: { reason: string }) {
  const a = await loadAnyApplicant(ctx.db, actor, id);
  if (a.sealed_at !== null) throw conflict('该申请人信息已封存', 'Already sealed');
  if (a.purged_at !== null)
    throw conflict('该申请人信息已按保存期限匿名化，无需封存', 'Already anonymised by the retention purge');
  const open = await openCaseCount(ctx.db, id, finishedCaseStates);
  if (!sealable(open)) {
    throw conflict(
      `该申请人尚有 ${open} 件办件未办结，办结后方可封存`,
      `The applicant has ${open} open case(s); seal after they are finished`,
    );
  }
  const now = ctx.clock.now();
  const data = pii().encrypt(
    piiFields.applicantSealed,
    id,
    JSON.stringify({
      name: a.name,
      address: a.address,
      legal_representative: a.legal_representative,
      contact_name: a.contact_name,
      doc_number_masked: a.doc_number_masked,
      phone_masked: a.phone_masked,
    }),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.sealApplicant(trx, id, { at: now, by: actor.displayName, reason: input.reason, data });
    if (Number(r.numUpdatedRows) !== 1) throw conflict('该申请人信息已封存', 'Already sealed');
    await appendAudit(trx, byActor(actor, now, 'applicant.seal', 'applicant', id, { reason: input.reason }));
  });
  return presentApplicant(await loadAnyApplicant(ctx.db, actor, id));
}

const presentRequest = (r: Awaited<ReturnType<typeof repo.findRequest>> & object) => ({
  id: r.id,
  hallId: r.hall_id,
  applicantId: r.applicant_id,
  kind: r.kind as 'unseal',
  reason: r.reason,
  requestedBy: r.requested_by_name,
  requestedAt: Number(r.requested_at),
  status: r.status as 'pending' | 'approved' | 'rejected',
  decidedBy: r.decided_by_name,
  decidedAt: r.decided_at === null ? null : Number(r.decided_at),
  decisionNote: r.decision_note,
});

/** Reading or using a sealed file again is asked for with a reason; the security administrator decides. */
export async function requestUnseal(ctx: AppContext, actor: Actor, id: string, input: { reason: string }) {
  const a = await loadAnyApplicant(ctx.db, actor, id);
  if (a.sealed_at === null) throw conflict('该申请人信息未封存', 'Not sealed');
  if (await repo.pendingRequestFor(ctx.db, id))
    throw conflict('已有待审批的解封申请', 'An unseal request is already pending');
  const now = ctx.clock.now();
  const row = {
    id: newId(now),
    hall_id: a.hall_id,
    applicant_id: id,
    kind: 'unseal',
    reason: input.reason,
    requested_by: actor.userId,
    requested_by_name: actor.displayName,
    requested_at: now,
    status: 'pending',
    decided_by: null,
    decided_by_name: null,
    decided_at: null,
    decision_note: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRequest(trx, row);
    await appendAudit(
      trx,
      byActor(actor, now, 'applicant.unseal_request', 'applicant', id, { requestId: row.id, reason: input.reason }),
    );
  });
  return presentRequest(row);
}

export async function unsealRequests(ctx: AppContext, actor: Actor, status?: string) {
  return { items: (await repo.listRequests(ctx.db, actor.hallIds, status)).map(presentRequest) };
}

/** The security administrator approves (the file is unsealed) or rejects; a person may not approve their own request. */
export async function decideUnseal(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  input: { approve: boolean; note: string },
) {
  const r = await repo.findRequest(ctx.db, requestId);
  if (!r || !actor.hallIds.includes(r.hall_id)) throw notFound('解封申请', 'Unseal request');
  if (r.status !== 'pending') throw conflict('该申请已处理', 'This request has been decided');
  if (r.requested_by === actor.userId)
    throw new AppError(403, 'FORBIDDEN', '不能审批本人提出的申请', 'You cannot approve your own request');
  const a = await loadAnyApplicant(ctx.db, actor, r.applicant_id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const d = await repo.decideRequest(trx, requestId, {
      status: input.approve ? 'approved' : 'rejected',
      by: actor.userId,
      byName: actor.displayName,
      at: now,
      note: input.note,
    });
    if (Number(d.numUpdatedRows) !== 1) throw conflict('该申请已处理', 'This request has been decided');
    if (input.approve && a.sealed_at !== null && a.sealed_data) {
      const kept = JSON.parse(reveal(piiFields.applicantSealed, a.id, a.sealed_data)) as {
        name: string;
        address: string;
        legal_representative: string;
        contact_name: string;
        doc_number_masked: string;
        phone_masked: string;
      };
      const phone = reveal(piiFields.applicantPhone, a.id, a.phone_enc);
      await repo.unsealApplicant(trx, a.id, { ...kept, phone_index: pii().index('phone', phone), updated_at: now });
    }
    await appendAudit(
      trx,
      byActor(actor, now, input.approve ? 'applicant.unseal' : 'applicant.unseal_reject', 'applicant', a.id, {
        requestId,
        requestedBy: r.requested_by_name,
        reason: r.reason,
        note: input.note,
      }),
    );
  });
  return presentRequest((await repo.findRequest(ctx.db, requestId))!);
}

export interface PurgeResult {
  cutoff: string;
  applicants: number;
  consultations: number;
  dryRun: boolean;
}

/**
 * The retention purge: applicants with no activity since the cutoff and no open case are anonymised (their
 * cases stay, as the archive keeps them, without the person); closed consultations as old lose their person.
 */
export async function purgePersonalData(
  ctx: AppContext,
  opts: { years: number; dryRun?: boolean; batch?: number },
): Promise<PurgeResult> {
  const now = ctx.clock.now();
  const cutoff = retentionCutoff(now, opts.years);
  const batch = opts.batch ?? 500;
  let applicants = 0;
  let consultations = 0;
  for (let after = ''; ; ) {
    const rows = await purgeCandidates(ctx.db, cutoff, finishedCaseStates, after, batch);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const due = rows.filter((r) =>
      purgeable(
        {
          lastActivityAt: Math.max(Number(r.updated_at), Number(r.last_case_at ?? 0)),
          openCases: Number(r.open_cases ?? 0),
          purged: false,
        },
        cutoff,
      ),
    );
    if (opts.dryRun) applicants += due.length;
    else if (due.length) {
      await ctx.db.transaction().execute(async (trx) => {
        for (const r of due) {
          const ring = pii();
          const u = await repo.anonymiseApplicant(trx, r.id, {
            docEnc: ring.encrypt(piiFields.applicantDoc, r.id, ''),
            phoneEnc: ring.encrypt(piiFields.applicantPhone, r.id, ''),
            at: now,
          });
          if (Number(u.numUpdatedRows) !== 1) continue;
          await repo.deleteApplicantEvents(trx, r.id);
          await clearDeliveryNumbers(trx, r.id);
          applicants++;
        }
      });
    }
    if (rows.length < batch) break;
  }
  for (;;) {
    const rows = await repo.oldConsultations(ctx.db, cutoff, openStatuses, batch);
    if (rows.length === 0 || opts.dryRun) {
      if (opts.dryRun) consultations = rows.length;
      break;
    }
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of rows)
        await repo.anonymiseConsultation(trx, r.id, pii().encrypt(piiFields.consultationPhone, r.id, ''));
    });
    consultations += rows.length;
  }
  const result = { cutoff: iso(cutoff)!, applicants, consultations, dryRun: !!opts.dryRun };
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: now,
      userId: null,
      username: 'privacy:purge',
      action: opts.dryRun ? 'privacy.purge_dry_run' : 'privacy.purge',
      targetType: 'applicant',
      targetId: null,
      outcome: 'success',
      detail: { years: opts.years, ...result },
    }),
  );
  return result;
}

/** The export as a readable A4 summary, numbered after the applicant and the day. */
export async function personalDataPdf(ctx: AppContext, actor: Actor, applicantId: string) {
  const data = await personalDataExport(ctx, actor, applicantId, 'pdf');
  const a = await loadAnyApplicant(ctx.db, actor, applicantId);
  const hall = (await findHall(ctx.db, a.hall_id)) ?? { name: '', address: '', phone: '' };
  const number = `GRXX-${data.exportedAt.slice(0, 10).replaceAll('-', '')}-${a.id.slice(-6).toUpperCase()}`;
  const pdf = await renderPdf(buildPersonalDataSummary(data, hall, number), { createdAt: new Date(ctx.clock.now()) });
  return { number, pdf };
}
