/**
 * 网上预审 (online pre-review, R19.6): the applicant submits an application online for an item whose guide allows
 * it — identity, contact and an upload per checklist material; a clerk pre-reviews it within the item's limit in
 * working days and passes it (come once, with the originals) or returns it with a one-time notice of what to
 * correct; at the window the passed application is accepted as a case without typing anything again.
 */
import { randomInt } from 'node:crypto';
import { displayName, sniffType } from '../../domain/files.ts';
import {
  type ChecklistMaterial,
  marksFromUploads,
  mayMove,
  missingRequired,
  nextState,
  onTheClock,
  type PrereviewAction,
  type PrereviewState,
  prereviewDue,
} from '../../domain/prereview/index.ts';
import { appendAudit, byActor, recordAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { piiFields, protectDocNumber, protectPhone, reveal } from '../../platform/pii/protect.ts';
import { loadCaseFile, sha256Of, StoredFileIntegrityError, storeCaseFile } from '../../platform/stored-files.ts';
import { checkedNumber, registerApplicant } from '../applicants/service.ts';
import { calendarOf } from '../calendar/service.ts';
import type { ItemContent } from '../catalog/schema.ts';
import { findItem, findVersion, parseContent } from '../catalog/service.ts';
import { acceptAtWindow } from '../intake/service.ts';
import { enqueueNotice, type NoticeRequest } from '../notices/service.ts';
import { findHall, visibleHallIds } from '../org/service.ts';
import { scanTypes } from '../scans/schema.ts';
import { attachCarriedScans } from '../scans/service.ts';
import * as repo from './repository.ts';
import type { ApplyInput, PrereviewDetail, PublicApplication } from './schema.ts';

type Row = repo.ApplicationRow;
type ScanType = (typeof scanTypes)[number];

/** Who moved the application: a member of staff, or the applicant on the public page (by address only). */
type Mover = { kind: 'staff'; actor: Actor } | { kind: 'applicant'; ip: string | null };

/** At most this many files per material and per application: enough for a multi-page scan, not a dump. */
export const MAX_FILES_PER_MATERIAL = 10;
export const MAX_FILES = 60;

// Digits and capitals without look-alikes (0/O, 1/I), so a code read over the phone is not misheard.
const CODE_CHARS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const lookupCode = () => Array.from({ length: 8 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('');

/** The applicant's files sit apart from the cases until the application becomes one. */
const storedAt = (applicationId: string, sha256: string) => [applicationId, sha256];
const STORE = 'prereview';

const checklist = (content: ItemContent): ChecklistMaterial[] =>
  content.materials.map((m) => ({ key: m.key, name: m.name, requirement: m.requirement, copies: m.copies }));

/** The item as it is published now, if its guide takes online applications. */
async function openItem(db: Db, itemId: string) {
  const item = await findItem(db, itemId);
  const version =
    item && item.status === 'published' && item.published_version !== null
      ? await findVersion(db, item.id, item.published_version)
      : undefined;
  if (!item || !version) throw invalid('itemId', '事项不存在或未发布', 'No such published service item');
  const content = parseContent(version.content);
  if (!content.onlinePrereview?.allowed)
    throw invalid('itemId', '该事项不支持网上预审，请到窗口办理', 'This item cannot be applied for online');
  return { item, version: version.version, content, limitDays: content.onlinePrereview.limitDays };
}

/** The item version the application was made against (its checklist is the one the applicant saw). */
async function pinnedContent(db: Db, r: Row) {
  const v = await findVersion(db, r.item_id, r.item_version);
  if (!v) throw new Error(`prereview ${r.id}: item version ${r.item_version} missing`);
  return parseContent(v.content);
}

function checkMove(r: Row, action: PrereviewAction) {
  if (!mayMove(r.state as PrereviewState, action)) {
    const zh: Record<string, string> = {
      draft: '申请尚未提交',
      submitted: '申请已提交，正在预审中',
      returned: '申请已退回补正，等待申请人重新提交',
      passed: '申请已通过预审，请携带原件到窗口办理',
      accepted: '申请已在窗口受理',
    };
    throw new AppError(
      409,
      'ILLEGAL_TRANSITION',
      `${zh[r.state] ?? '当前状态'}，不能进行此操作`,
      `Not allowed while the application is ${r.state}`,
    );
  }
}

/** Moves the application and writes its trail and audit record, in the caller's transaction. */
async function move(
  trx: Db,
  r: Row,
  who: Mover,
  now: number,
  action: PrereviewAction,
  patch: Partial<Row>,
  detail: Record<string, unknown>,
) {
  const to = nextState(r.state as PrereviewState, action);
  if (!(await repo.updateFrom(trx, r.id, r.state, { ...patch, state: to, updated_at: now }))) {
    throw new AppError(409, 'CONFLICT', '申请已被他人处理，请刷新后重试', 'The application changed meanwhile; reload');
  }
  await trail(trx, r, who, now, action, r.state, to, detail);
  return { ...r, ...patch, state: to, updated_at: now };
}

async function trail(
  trx: Db,
  r: Row,
  who: Mover,
  now: number,
  action: string,
  from: string | null,
  to: string,
  detail: Record<string, unknown>,
) {
  await repo.insertEvent(trx, {
    id: newId(now),
    application_id: r.id,
    at: now,
    actor_id: who.kind === 'staff' ? who.actor.userId : null,
    actor_name: who.kind === 'staff' ? who.actor.displayName : '申请人（网上）',
    action,
    from_state: from,
    to_state: to,
    detail: JSON.stringify(detail),
  });
  const audit = { number: r.number, from, to, ...detail };
  await appendAudit(
    trx,
    who.kind === 'staff'
      ? byActor(who.actor, now, `prereview.${action}`, 'prereview', r.id, audit)
      : {
          at: now,
          userId: null,
          username: null,
          action: `prereview.${action}`,
          targetType: 'prereview',
          targetId: r.id,
          outcome: 'success',
          ip: who.ip,
          detail: audit,
        },
  );
}

// ——— the applicant, on the public page ———

/** 提交网上申请 (step 1): identity and contact; the application is a draft until its files are in and it is sent. */
export async function apply(ctx: AppContext, input: ApplyInput, ip: string | null) {
  const { item, version, content, limitDays } = await openItem(ctx.db, input.itemId);
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const docNumber = checkedNumber(input.kind, input.docType, input.docNumber, today);
  if (input.kind === 'enterprise' && input.legalRepresentative === '')
    throw invalid('legalRepresentative', '请填写法定代表人', 'The legal representative is required');
  const hall = await findHall(ctx.db, item.hall_id);
  if (!hall) throw new Error(`item ${item.id} refers to a missing hall`);
  const id = newId(now);
  const doc = protectDocNumber(piiFields.prereviewDoc, id, docNumber, input.kind === 'person');
  const phone = protectPhone(piiFields.prereviewPhone, id, input.phone);
  const prefix = `YS-${hall.code}-${today.replaceAll('-', '')}-`;
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await ctx.db.transaction().execute(async (trx) => {
        const seq = (await repo.countWithPrefix(trx, prefix)) + 1 + attempt;
        const r: Row = {
          id,
          hall_id: item.hall_id,
          number: `${prefix}${String(seq).padStart(4, '0')}`,
          lookup_code: lookupCode(),
          item_id: item.id,
          item_version: version,
          item_name: content.name,
          applicant_kind: input.kind,
          applicant_name: input.name,
          doc_type: input.docType,
          doc_number_enc: doc.enc,
          doc_number_masked: doc.masked,
          phone_enc: phone.enc,
          phone_masked: phone.masked,
          address: input.address,
          legal_representative: input.legalRepresentative,
          contact_name: input.contactName,
          state: 'draft',
          round: 0,
          limit_days: limitDays,
          submitted_at: null,
          submitted_day: null,
          due_day: null,
          due_provisional: 0,
          reviewed_by_id: null,
          reviewed_by_name: null,
          reviewed_at: null,
          notice: null,
          pass_note: null,
          case_id: null,
          case_no: null,
          accepted_at: null,
          created_at: now,
          updated_at: now,
        };
        await repo.insertApplication(trx, r);
        await trail(trx, r, { kind: 'applicant', ip }, now, 'create', null, 'draft', { item: item.id });
        return r;
      });
      return publicView(ctx, row);
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 5) throw e;
    }
  }
}

/** The application opened by its number and lookup code; a wrong code answers as if there were none. */
export async function openPublic(ctx: AppContext, number: string, code: string) {
  const r = await repo.findByNumber(ctx.db, number.trim().toUpperCase());
  if (!r || r.lookup_code !== code.trim().toUpperCase()) throw notFound('网上预审申请', 'Online application');
  return r;
}

async function materialsOf(ctx: AppContext, r: Row, content?: ItemContent) {
  const c = content ?? (await pinnedContent(ctx.db, r));
  const uploads = await repo.uploadsOf(ctx.db, r.id);
  const notice = r.notice ? (JSON.parse(r.notice) as { items: { key: string }[] }) : null;
  const toCorrect = new Set(r.state === 'returned' ? (notice?.items.map((i) => i.key) ?? []) : []);
  return c.materials.map((m) => ({
    key: m.key,
    name: m.name,
    requirement: m.requirement,
    condition: m.condition,
    toCorrect: toCorrect.has(m.key),
    files: uploads.filter((u) => u.material_key === m.key).map(presentUpload),
  }));
}

const presentUpload = (u: repo.UploadRow) => ({
  id: u.id,
  materialKey: u.material_key,
  materialName: u.material_name,
  name: u.display_name,
  contentType: u.content_type as ScanType,
  size: Number(u.size),
  round: u.round,
  uploadedAt: Number(u.uploaded_at),
});

export async function publicView(ctx: AppContext, r: Row): Promise<PublicApplication> {
  const hall = await findHall(ctx.db, r.hall_id);
  return {
    number: r.number,
    lookupCode: r.lookup_code,
    hallName: hall?.name ?? '',
    itemName: r.item_name,
    state: r.state as PrereviewState,
    round: r.round,
    applicantName: r.applicant_name,
    phone: r.phone_masked,
    limitDays: r.limit_days,
    submittedDay: r.submitted_day,
    dueDay: r.due_day,
    dueProvisional: r.due_provisional === 1,
    maxBytes: ctx.config.scanMaxBytes,
    materials: await materialsOf(ctx, r),
    notice: r.notice ? JSON.parse(r.notice) : null,
    pass: r.pass_note ? JSON.parse(r.pass_note) : null,
    caseNo: r.case_no,
  };
}

/** 上传材料: the type is what the bytes say (PDF, JPEG, PNG); the same bytes for the same material are kept once. */
export async function uploadPublic(
  ctx: AppContext,
  number: string,
  code: string,
  materialKey: string,
  file: { fileName: string; bytes: Buffer },
  ip: string | null,
) {
  const r = await openPublic(ctx, number, code);
  checkMove(r, 'upload');
  const content = await pinnedContent(ctx.db, r);
  const m = content.materials.find((x) => x.key === materialKey);
  if (!m) throw invalid('materialKey', '该材料不在本事项的材料清单中', 'The material is not on the checklist');
  if (file.bytes.length === 0) throw invalid('file', '文件为空', 'The file is empty');
  const type = sniffType(file.bytes, scanTypes);
  if (!type)
    throw invalid('file', '文件内容不是 PDF、JPEG 或 PNG，请重新选择', 'The content is not a PDF, JPEG or PNG file');
  const uploads = await repo.uploadsOf(ctx.db, r.id);
  const sha256 = sha256Of(file.bytes);
  const same = uploads.find((u) => u.material_key === m.key && u.sha256 === sha256);
  if (same) return publicView(ctx, r);
  if (uploads.filter((u) => u.material_key === m.key).length >= MAX_FILES_PER_MATERIAL)
    throw invalid('file', `每项材料最多上传 ${MAX_FILES_PER_MATERIAL} 个文件`, 'Too many files for this material');
  if (uploads.length >= MAX_FILES) throw invalid('file', `最多上传 ${MAX_FILES} 个文件`, 'Too many files');
  await storeCaseFile(ctx.config.dataDir, STORE, storedAt(r.id, sha256), file.bytes);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row: repo.UploadRow = {
      id: newId(now),
      application_id: r.id,
      material_key: m.key,
      material_name: m.name,
      display_name: displayName(file.fileName, type, m.name),
      content_type: type,
      size: file.bytes.length,
      sha256,
      round: r.round + 1,
      removed_at: null,
      uploaded_at: now,
    };
    await repo.insertUpload(trx, row);
    await trail(trx, r, { kind: 'applicant', ip }, now, 'upload', r.state, r.state, {
      uploadId: row.id,
      materialKey: m.key,
      name: row.display_name,
      size: row.size,
      sha256,
    });
  });
  return publicView(ctx, r);
}

/** 删除已上传文件: before (re)submitting, the applicant may take a wrong file back; it stays on the record. */
export async function removePublic(ctx: AppContext, number: string, code: string, uploadId: string, ip: string | null) {
  const r = await openPublic(ctx, number, code);
  checkMove(r, 'removeUpload');
  const u = await repo.findUpload(ctx.db, uploadId);
  if (!u || u.application_id !== r.id || u.removed_at !== null) throw notFound('文件', 'File');
  // A file the clerk already saw stays: only this round's uploads may be taken back.
  if (u.round !== r.round + 1)
    throw invalid(
      'uploadId',
      '已提交预审的文件不能删除，可上传新文件替换',
      'A file already reviewed cannot be removed',
    );
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.removeUpload(trx, u.id, now);
    await trail(trx, r, { kind: 'applicant', ip }, now, 'removeUpload', r.state, r.state, {
      uploadId: u.id,
      materialKey: u.material_key,
      name: u.display_name,
    });
  });
  return publicView(ctx, r);
}

/** 提交预审 / 重新提交: every required material has a file; the clerk's clock starts from this day. */
export async function submitPublic(ctx: AppContext, number: string, code: string, ip: string | null) {
  const r = await openPublic(ctx, number, code);
  checkMove(r, 'submit');
  const content = await pinnedContent(ctx.db, r);
  const uploads = await repo.uploadsOf(ctx.db, r.id);
  const missing = missingRequired(checklist(content), new Set(uploads.map((u) => u.material_key)));
  if (missing.length > 0) {
    throw invalid(
      `materials.${missing[0]!.key}`,
      `请上传以下必需材料：${missing.map((m) => m.name).join('、')}`,
      `Upload the required materials: ${missing.map((m) => m.name).join(', ')}`,
    );
  }
  if (r.state === 'returned') {
    // A correction answers the notice: each material it names has a file uploaded since.
    const notice = JSON.parse(r.notice ?? '{"items":[]}') as { items: { key: string; name: string }[] };
    const fresh = new Set(uploads.filter((u) => u.round === r.round + 1).map((u) => u.material_key));
    const pending = notice.items.filter((i) => !fresh.has(i.key));
    if (pending.length > 0) {
      throw invalid(
        `materials.${pending[0]!.key}`,
        `请按补正告知重新上传：${pending.map((i) => i.name).join('、')}`,
        `Upload corrected files for: ${pending.map((i) => i.name).join(', ')}`,
      );
    }
  }
  // The files the correction replaces leave the application (they stay on its record): the case gets the new ones.
  const corrected = new Set(
    r.state === 'returned'
      ? (JSON.parse(r.notice ?? '{"items":[]}') as { items: { key: string }[] }).items.map((i) => i.key)
      : [],
  );
  const replaced = uploads.filter((u) => corrected.has(u.material_key) && u.round <= r.round);
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const calendar = await calendarOf(ctx.db, r.hall_id);
  const due = prereviewDue(calendar, today, r.limit_days);
  const row = await ctx.db.transaction().execute(async (trx) => {
    for (const u of replaced) await repo.removeUpload(trx, u.id, now);
    return move(
      trx,
      r,
      { kind: 'applicant', ip },
      now,
      'submit',
      {
        round: r.round + 1,
        submitted_at: now,
        submitted_day: today,
        due_day: due.deadline,
        due_provisional: due.provisional ? 1 : 0,
      },
      {
        round: r.round + 1,
        dueDay: due.deadline,
        files: uploads.length - replaced.length,
        replaced: replaced.map((u) => u.id),
      },
    );
  });
  return publicView(ctx, row);
}

/** The applicant's own file, for a look before sending. */
export async function publicFile(ctx: AppContext, number: string, code: string, uploadId: string) {
  const r = await openPublic(ctx, number, code);
  return fileOf(ctx, r, uploadId);
}

async function fileOf(ctx: AppContext, r: Row, uploadId: string) {
  const u = await repo.findUpload(ctx.db, uploadId);
  if (!u || u.application_id !== r.id) throw notFound('文件', 'File');
  try {
    const bytes = await loadCaseFile(ctx.config.dataDir, STORE, storedAt(r.id, u.sha256), u.sha256);
    return { bytes, contentType: u.content_type, name: u.display_name, upload: u };
  } catch (e) {
    if (!(e instanceof StoredFileIntegrityError)) throw e;
    throw new AppError(
      409,
      'INTEGRITY_FAILURE',
      `文件“${u.display_name}”校验失败（${e.reason === 'missing' ? '缺失' : '已被改动'}），请重新上传`,
      `The stored file "${u.display_name}" failed its integrity check (${e.reason})`,
    );
  }
}

// ——— the clerk ———

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

/**
 * What the applicant is told when the pre-review ends, as the notification outbox takes it (`enqueueNotice`): an
 * SMS to the contact phone with the number, the item and what to correct or when to come. Queued once per round.
 */
export function noticeFor(r: Row, kind: 'passed' | 'returned', now: number): NoticeRequest {
  const notice = r.notice
    ? (JSON.parse(r.notice) as { items: { name: string; requirement?: string }[]; note: string })
    : null;
  const pass = r.pass_note ? (JSON.parse(r.pass_note) as { note: string; appointment: string }) : null;
  const reason = [
    ...(notice?.items ?? []).map((i) => (i.requirement ? `${i.name}（${i.requirement}）` : i.name)),
    ...(notice?.note ? [notice.note] : []),
  ].join('；');
  return {
    hallId: r.hall_id,
    event: kind === 'passed' ? 'prereview_passed' : 'prereview_returned',
    now,
    recipient: { name: r.applicant_name, phone: reveal(piiFields.prereviewPhone, r.id, r.phone_enc) },
    channels: ['sms'],
    vars: {
      itemName: r.item_name,
      prereviewNo: r.number,
      ...(kind === 'passed'
        ? { appointmentTime: pass?.appointment || '工作时间内', note: pass?.note ?? '' }
        : { reason }),
    },
    dedupeKey: `prereview:${r.id}:${kind}:${r.round}`,
  };
}
