import { type DocumentType, documentTypes, validateDocument } from '../../domain/identity/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  lookupIndexes,
  piiFields,
  protectChangeDetail,
  protectDocNumber,
  protectPhone,
  reveal,
} from '../../platform/pii/protect.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { ApplicantInput, ApplicantPatch, ApplicantView } from './schema.ts';

const typeInfo = new Map(documentTypes.map((t) => [t.code, t]));

/**
 * Personal numbers as stored for display: masked (a credit code in full, being public), so presenting never
 * decrypts. A sealed file shows 已封存 and nothing personal.
 */
export function presentApplicant(a: repo.ApplicantRow): ApplicantView {
  const type = a.doc_type as DocumentType;
  return {
    id: a.id,
    hallId: a.hall_id,
    kind: a.kind as 'person' | 'enterprise',
    name: a.name,
    docType: type,
    docTypeLabel: typeInfo.get(type)?.zh ?? type,
    docNumber: a.doc_number_masked,
    phone: a.phone_masked,
    sealed: a.sealed_at !== null,
    sealedAt: a.sealed_at === null ? null : Number(a.sealed_at),
    address: a.address,
    legalRepresentative: a.legal_representative,
    contactName: a.contact_name,
    email: a.email ?? null,
    preferredChannel: (a.preferred_channel ?? null) as ApplicantView['preferredChannel'],
    noticeOptOut: a.notice_opt_out === 1,
    masked: true,
    createdAt: Number(a.created_at),
    updatedAt: Number(a.updated_at),
  };
}

/** The document type must suit the kind, and the number must pass the identity check; both name their field. */
export function checkedNumber(kind: string, docType: DocumentType, docNumber: string, today: string): string {
  const info = typeInfo.get(docType);
  if (kind === 'enterprise' && docType !== 'credit_code') {
    throw invalid(
      'docType',
      '企业应以统一社会信用代码登记',
      'An enterprise is registered by its unified social credit code',
    );
  }
  if (kind === 'person' && info?.holder !== 'person') {
    throw invalid('docType', '个人应以个人身份证件登记', 'A person is registered by a personal identity document');
  }
  const r = validateDocument(docType, docNumber, today);
  if (!r.ok) throw invalid('docNumber', r.zh, r.en);
  return r.normalised;
}

/** Refused for a sealed (封存) file: nothing of it is read or used until the security administrator unseals it. */
export const sealedError = (field?: string) =>
  new AppError(
    409,
    'SEALED',
    '该申请人信息已封存，查阅或办理须经安全管理员批准解封',
    "This applicant's data is sealed; the security administrator must unseal it first",
    field,
  );

/** An applicant of the actor's halls, sealed or not (for presenting, sealing and unsealing). */
export async function loadAnyApplicant(db: Db, actor: Actor, id: string, field?: string): Promise<repo.ApplicantRow> {
  const a = await repo.findApplicant(db, id);
  if (!a || !actor.hallIds.includes(a.hall_id)) {
    const refusal = field
      ? invalid(field, '申请人不存在或不属于本大厅', 'No such applicant in your halls')
      : notFound('申请人', 'Applicant');
    throw a ? outOfScope(refusal, 'applicant', a.id) : refusal;
  }
  return a;
}

/** An applicant whose data may be used: sealed files are refused. */
export async function loadApplicant(db: Db, actor: Actor, id: string, field?: string): Promise<repo.ApplicantRow> {
  const a = await loadAnyApplicant(db, actor, id, field);
  if (a.sealed_at !== null) throw sealedError(field);
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
  const docIndexes = lookupIndexes('id', docNumber);
  const existing = await repo.findByDocument(ctx.db, input.hallId, docIndexes);
  if (existing) return { applicant: presentApplicant(existing), created: false };
  const id = newId(now);
  const doc = protectDocNumber(piiFields.applicantDoc, id, docNumber, input.kind === 'person');
  const phone = protectPhone(piiFields.applicantPhone, id, input.phone);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertApplicant(trx, {
        id,
        hall_id: input.hallId,
        kind: input.kind,
        name: input.name,
        doc_type: input.docType,
        doc_number_enc: doc.enc,
        doc_number_index: doc.index,
        doc_number_masked: doc.masked,
        phone_enc: phone.enc,
        phone_index: phone.index,
        phone_masked: phone.masked,
        address: input.address,
        legal_representative: input.legalRepresentative,
        contact_name: input.contactName,
        created_at: now,
        updated_at: now,
        created_by: actor.userId,
        sealed_at: null,
        sealed_by: null,
        sealed_reason: null,
        sealed_data: null,
        purged_at: null,
        email: input.email || null,
        preferred_channel: input.preferredChannel ?? null,
        notice_opt_out: input.noticeOptOut ? 1 : 0,
      });
      // Personal numbers stay out of the audit detail; the record is found by its id.
      await appendAudit(
        trx,
        byActor(actor, now, 'applicant.create', 'applicant', id, { kind: input.kind, name: input.name }),
      );
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const raced = await repo.findByDocument(ctx.db, input.hallId, docIndexes);
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
  // A typed document number or phone matches whatever the spacing or case it was typed with (the index normalises).
  const indexes = f.q ? { docIndexes: lookupIndexes('id', f.q), phoneIndexes: lookupIndexes('phone', f.q) } : {};
  const { rows, total } = await repo.findApplicants(ctx.db, {
    ...f,
    ...indexes,
    hallIds: visibleHallIds(actor, f.hallId),
  });
  return { items: rows.map((r) => presentApplicant(r)), total };
}

export async function applicantDetail(ctx: AppContext, actor: Actor, id: string) {
  return presentApplicant(await loadAnyApplicant(ctx.db, actor, id));
}

/** The full numbers of one applicant, decrypted; a value failing its check is refused (PiiIntegrityError). */
export function revealNumbers(a: repo.ApplicantRow) {
  return {
    docNumber: reveal(piiFields.applicantDoc, a.id, a.doc_number_enc),
    phone: reveal(piiFields.applicantPhone, a.id, a.phone_enc),
  };
}

/** The unmasked numbers, for a holder of 'personal.view'; every sight is in the audit log (R15.2). */
export async function viewPersonal(ctx: AppContext, actor: Actor, id: string) {
  const a = await loadApplicant(ctx.db, actor, id);
  const now = ctx.clock.now();
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        byActor(actor, now, 'applicant.view_personal', 'applicant', id, { fields: ['docNumber', 'phone'] }),
      ),
    );
  return { id: a.id, ...revealNumbers(a) };
}

const columns = {
  name: 'name',
  docType: 'doc_type',
  address: 'address',
  legalRepresentative: 'legal_representative',
  contactName: 'contact_name',
} as const satisfies Record<
  Exclude<keyof ApplicantPatch, 'docNumber' | 'phone' | 'email' | 'preferredChannel' | 'noticeOptOut'>,
  keyof repo.ApplicantRow
>;

/** How the applicant is told (通知): e-mail, preferred channel, opt-out of non-legal notices, as stored. */
function noticeColumns(p: ApplicantPatch): Partial<repo.ApplicantRow> {
  const set: Partial<repo.ApplicantRow> = {};
  if (p.email !== undefined) set.email = p.email || null;
  if (p.preferredChannel !== undefined) set.preferred_channel = p.preferredChannel;
  if (p.noticeOptOut !== undefined) set.notice_opt_out = p.noticeOptOut ? 1 : 0;
  return set;
}

/** Changes registered information; the trail keeps old and new values, the audit log which fields changed (R5.4). */
export async function updateApplicant(ctx: AppContext, actor: Actor, id: string, patch: ApplicantPatch) {
  const a = await loadApplicant(ctx.db, actor, id);
  const now = ctx.clock.now();
  const next: ApplicantPatch = { ...patch };
  // The stored numbers are decrypted only when a change to them has to be compared and recorded.
  const old =
    patch.docType !== undefined || patch.docNumber !== undefined || patch.phone !== undefined ? revealNumbers(a) : null;
  if (patch.docType !== undefined || patch.docNumber !== undefined) {
    const type = patch.docType ?? (a.doc_type as DocumentType);
    next.docNumber = checkedNumber(a.kind, type, patch.docNumber ?? old!.docNumber, chinaDay(now));
  }
  const changes: Record<string, { from: string; to: string }> = {};
  const set: Partial<repo.ApplicantRow> = {};
  for (const [field, column] of Object.entries(columns) as [keyof typeof columns, keyof typeof set][]) {
    const value = next[field];
    if (value === undefined || value === a[column]) continue;
    changes[field] = { from: String(a[column]), to: value };
    Object.assign(set, { [column]: value });
  }
  for (const [k, v] of Object.entries(noticeColumns(patch)) as [keyof repo.ApplicantRow, unknown][]) {
    if ((a[k] ?? null) === v) continue;
    changes[k] = { from: String(a[k] ?? ''), to: String(v ?? '') };
    Object.assign(set, { [k]: v });
  }
  if (old && next.docNumber !== undefined && next.docNumber !== old.docNumber) {
    changes.docNumber = { from: old.docNumber, to: next.docNumber };
    const d = protectDocNumber(piiFields.applicantDoc, id, next.docNumber, a.kind === 'person');
    Object.assign(set, { doc_number_enc: d.enc, doc_number_index: d.index, doc_number_masked: d.masked });
  }
  if (old && next.phone !== undefined && next.phone !== old.phone) {
    changes.phone = { from: old.phone, to: next.phone };
    const p = protectPhone(piiFields.applicantPhone, id, next.phone);
    Object.assign(set, { phone_enc: p.enc, phone_index: p.index, phone_masked: p.masked });
  }
  if (Object.keys(changes).length === 0) return presentApplicant(a);
  const eventId = newId(now);
  // Personal numbers go on the trail masked, their full values encrypted beside; the audit log gets the masked form.
  const detail = protectChangeDetail(eventId, { changes }) ?? JSON.stringify({ changes });
  const masked = (JSON.parse(detail) as { changes: object }).changes;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateApplicant(trx, id, { ...set, updated_at: now });
      await repo.insertApplicantEvent(trx, {
        id: eventId,
        applicant_id: id,
        at: now,
        user_id: actor.userId,
        username: actor.username,
        action: 'update',
        detail,
      });
      await appendAudit(trx, byActor(actor, now, 'applicant.update', 'applicant', id, { changes: masked }));
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('该证件号码已登记为另一申请人', 'Another applicant has this document number', 'docNumber');
    throw e;
  }
  return presentApplicant((await repo.findApplicant(ctx.db, id))!);
}

/** The applicant's record of changes (who changed which fields when), for the applicant's file. */
export const applicantChanges = (db: Db, id: string) => repo.applicantEvents(db, id);

/** Read-only lookup other modules may use; it checks no hall access (callers that show it do). */
export { findApplicant } from './repository.ts';
