import { type DocumentType, documentTypes, validateDocument } from '../../domain/identity/index.ts';
import { maskIdNumber, maskPhone } from '../../domain/masking.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { casesOfApplicant, documentsOf, eventsOf } from '../cases/repository.ts';
import { caseBrief, documentKindLabels } from '../cases/presenter.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { ApplicantInput, ApplicantPatch, ApplicantView } from './schema.ts';

const typeInfo = new Map(documentTypes.map((t) => [t.code, t]));

/** Personal numbers are masked unless `reveal` (the audited personal view) is asked for by a holder of the right. */
export function presentApplicant(a: repo.ApplicantRow, reveal = false): ApplicantView {
  const type = a.doc_type as DocumentType;
  // A credit code is public (printed on the business licence); a person's document number is not.
  const personal = a.kind === 'person';
  return {
    id: a.id,
    hallId: a.hall_id,
    kind: a.kind as 'person' | 'enterprise',
    name: a.name,
    docType: type,
    docTypeLabel: typeInfo.get(type)?.zh ?? type,
    docNumber: reveal || !personal ? a.doc_number : (maskIdNumber(a.doc_number) ?? ''),
    phone: reveal ? a.phone : (maskPhone(a.phone) ?? ''),
    address: a.address,
    legalRepresentative: a.legal_representative,
    contactName: a.contact_name,
    masked: !reveal,
    createdAt: Number(a.created_at),
    updatedAt: Number(a.updated_at),
  };
}

/** The document type must suit the kind, and the number must pass the identity check; both name their field. */
function checkedNumber(kind: string, docType: DocumentType, docNumber: string, today: string): string {
  const info = typeInfo.get(docType);
  if (kind === 'enterprise' && docType !== 'credit_code') {
    throw invalid('docType', '企业应以统一社会信用代码登记', 'An enterprise is registered by its unified social credit code');
  }
  if (kind === 'person' && info?.holder !== 'person') {
    throw invalid('docType', '个人应以个人身份证件登记', 'A person is registered by a personal identity document');
  }
  const r = validateDocument(docType, docNumber, today);
  if (!r.ok) throw invalid('docNumber', r.zh, r.en);
  return r.normalised;
}

export async function loadApplicant(db: Db, actor: Actor, id: string, field?: string): Promise<repo.ApplicantRow> {
  const a = await repo.findApplicant(db, id);
  if (!a || !actor.hallIds.includes(a.hall_id)) {
    const refusal = field ? invalid(field, '申请人不存在或不属于本大厅', 'No such applicant in your halls') : notFound('申请人', 'Applicant');
    throw a ? outOfScope(refusal, 'applicant', a.id) : refusal;
  }
  return a;
}

/**
 * Registers an applicant, or finds the one already registered under the same document number in the hall
 * (the same person or enterprise: one file each, 一企一档). `created` tells which.
 */
export async function registerApplicant(ctx: AppContext, actor: Actor, input: ApplicantInput) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const docNumber = checkedNumber(input.kind, input.docType, input.docNumber, chinaDay(now));
  if (input.kind === 'enterprise' && input.legalRepresentative === '') {
    throw invalid('legalRepresentative', '请填写法定代表人', 'The legal representative is required');
  }
  const existing = await repo.findByDocument(ctx.db, input.hallId, docNumber);
  if (existing) return { applicant: presentApplicant(existing), created: false };
  const id = newId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertApplicant(trx, {
        id, hall_id: input.hallId, kind: input.kind, name: input.name, doc_type: input.docType, doc_number: docNumber,
        phone: input.phone, address: input.address, legal_representative: input.legalRepresentative,
        contact_name: input.contactName, created_at: now, updated_at: now, created_by: actor.userId,
      });
      // Personal numbers stay out of the audit detail; the record is found by its id.
      await appendAudit(trx, byActor(actor, now, 'applicant.create', 'applicant', id, { kind: input.kind, name: input.name }));
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const raced = await repo.findByDocument(ctx.db, input.hallId, docNumber);
    if (raced) return { applicant: presentApplicant(raced), created: false };
    throw e;
  }
  const row = await repo.findApplicant(ctx.db, id);
  return { applicant: presentApplicant(row!), created: true };
}

export async function findApplicants(
  ctx: AppContext,
  actor: Actor,
  f: { hallId?: string; kind?: string; q?: string; limit: number; offset: number },
) {
  // A typed document number or phone matches whatever the spacing or case it was typed with.
  const normalisedQ = f.q ? f.q.replace(/[\s-]/g, '').toUpperCase() : undefined;
  const { rows, total } = await repo.findApplicants(ctx.db, { ...f, normalisedQ, hallIds: visibleHallIds(actor, f.hallId) });
  return { items: rows.map((r) => presentApplicant(r)), total };
}

export async function applicantDetail(ctx: AppContext, actor: Actor, id: string) {
  return presentApplicant(await loadApplicant(ctx.db, actor, id));
}

/** The unmasked numbers, for a holder of 'personal.view'; every sight is in the audit log (R15.2). */
export async function viewPersonal(ctx: AppContext, actor: Actor, id: string) {
  const a = await loadApplicant(ctx.db, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, byActor(actor, now, 'applicant.view_personal', 'applicant', id, { fields: ['docNumber', 'phone'] })),
  );
  return { id: a.id, docNumber: a.doc_number, phone: a.phone };
}

const columns = {
  name: 'name', docType: 'doc_type', docNumber: 'doc_number', phone: 'phone', address: 'address',
  legalRepresentative: 'legal_representative', contactName: 'contact_name',
} as const satisfies Record<keyof ApplicantPatch, keyof repo.ApplicantRow>;
const personalFields = new Set(['docNumber', 'phone']);

/** Changes registered information; the trail keeps old and new values, the audit log which fields changed (R5.4). */
export async function updateApplicant(ctx: AppContext, actor: Actor, id: string, patch: ApplicantPatch) {
  const a = await loadApplicant(ctx.db, actor, id);
  const now = ctx.clock.now();
  const next: ApplicantPatch = { ...patch };
  if (patch.docType !== undefined || patch.docNumber !== undefined) {
    const type = patch.docType ?? (a.doc_type as DocumentType);
    next.docNumber = checkedNumber(a.kind, type, patch.docNumber ?? a.doc_number, chinaDay(now));
  }
  const changes: Record<string, { from: string; to: string }> = {};
  const set: Partial<repo.ApplicantRow> = {};
  for (const [field, column] of Object.entries(columns) as [keyof ApplicantPatch, keyof typeof set][]) {
    const value = next[field];
    if (value === undefined || value === a[column]) continue;
    changes[field] = { from: String(a[column]), to: value };
    Object.assign(set, { [column]: value });
  }
  if (Object.keys(changes).length === 0) return presentApplicant(a);
  const masked = Object.fromEntries(
    Object.entries(changes).map(([f, c]) => [
      f,
      f === 'phone' ? { from: maskPhone(c.from), to: maskPhone(c.to) } : personalFields.has(f) ? { from: maskIdNumber(c.from), to: maskIdNumber(c.to) } : c,
    ]),
  );
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateApplicant(trx, id, { ...set, updated_at: now });
      await repo.insertApplicantEvent(trx, {
        id: newId(now), applicant_id: id, at: now, user_id: actor.userId, username: actor.username, action: 'update',
        detail: JSON.stringify({ changes }),
      });
      await appendAudit(trx, byActor(actor, now, 'applicant.update', 'applicant', id, { changes: masked }));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该证件号码已登记为另一申请人', 'Another applicant has this document number', 'docNumber');
    throw e;
  }
  return presentApplicant((await repo.findApplicant(ctx.db, id))!);
}

/** 一企一档 / 一人一档: the applicant with every case (as applicant or agent), notice and service record. */
export async function applicantFile(ctx: AppContext, actor: Actor, id: string) {
  const a = await loadApplicant(ctx.db, actor, id);
  const cases = await casesOfApplicant(ctx.db, id);
  const ids = cases.map((c) => c.id);
  const numbers = new Map(cases.map((c) => [c.id, c.case_no]));
  const [docs, events, changes] = await Promise.all([documentsOf(ctx.db, ids), eventsOf(ctx.db, ids), repo.applicantEvents(ctx.db, id)]);
  return {
    applicant: presentApplicant(a),
    cases: cases.map((c) => ({ ...caseBrief(c), role: c.applicant_id === id ? ('applicant' as const) : ('agent' as const) })),
    notices: docs.map((d) => ({
      id: d.id, caseId: d.case_id, caseNo: numbers.get(d.case_id) ?? null, kind: d.kind,
      kindLabel: documentKindLabels[d.kind as keyof typeof documentKindLabels] ?? d.kind, docNo: d.doc_no, status: d.status,
      issuedAt: Number(d.issued_at),
    })),
    serviceRecords: events.map((e) => ({
      at: Number(e.at), caseId: e.case_id, caseNo: numbers.get(e.case_id) ?? null, action: e.action, by: e.display_name,
      fromState: e.from_state, toState: e.to_state,
    })),
    changes: changes.map((c) => ({
      at: Number(c.at), by: c.username, fields: Object.keys((JSON.parse(c.detail) as { changes: object }).changes),
    })),
  };
}
