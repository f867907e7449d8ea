/**
 * 网上预审: what the applicant's side and the reviewer's side share — the item's checklist as pinned on the
 * application, the guarded move with its trail, the uploads as shown, a stored file, and the notice at the end.
 */
import { randomInt } from 'node:crypto';
import {
  type ChecklistMaterial,
  mayMove,
  nextState,
  type PrereviewAction,
  type PrereviewState,
} from '../../domain/prereview/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { piiFields, reveal } from '../../platform/pii/protect.ts';
import { loadCaseFile, StoredFileIntegrityError } from '../../platform/stored-files.ts';
import type { ItemContent } from '../catalog/schema.ts';
import { findItem, findVersion, parseContent } from '../catalog/service.ts';
import type { NoticeRequest } from '../notices/service.ts';
import type { scanTypes } from '../scans/schema.ts';
import * as repo from './repository.ts';

export type Row = repo.ApplicationRow;
export type ScanType = (typeof scanTypes)[number];

/** Who moved the application: a member of staff, or the applicant on the public page (by address only). */
export type Mover = { kind: 'staff'; actor: Actor } | { kind: 'applicant'; ip: string | null };

/** At most this many files per material and per application: enough for a multi-page scan, not a dump. */
export const MAX_FILES_PER_MATERIAL = 10;
export const MAX_FILES = 60;

// Digits and capitals without look-alikes (0/O, 1/I), so a code read over the phone is not misheard.
const CODE_CHARS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const lookupCode = () => Array.from({ length: 8 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('');

/** The applicant's files sit apart from the cases until the application becomes one. */
export const storedAt = (applicationId: string, sha256: string) => [applicationId, sha256];
export const STORE = 'prereview';

export const checklist = (content: ItemContent): ChecklistMaterial[] =>
  content.materials.map((m) => ({ key: m.key, name: m.name, requirement: m.requirement, copies: m.copies }));

/** The item as it is published now, if its guide takes online applications. */
export async function openItem(db: Db, itemId: string) {
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
export async function pinnedContent(db: Db, r: Row) {
  const v = await findVersion(db, r.item_id, r.item_version);
  if (!v) throw new Error(`prereview ${r.id}: item version ${r.item_version} missing`);
  return parseContent(v.content);
}

export function checkMove(r: Row, action: PrereviewAction) {
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
export async function move(
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

export async function trail(
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
export async function materialsOf(ctx: AppContext, r: Row, content?: ItemContent) {
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

export const presentUpload = (u: repo.UploadRow) => ({
  id: u.id,
  materialKey: u.material_key,
  materialName: u.material_name,
  name: u.display_name,
  contentType: u.content_type as ScanType,
  size: Number(u.size),
  round: u.round,
  uploadedAt: Number(u.uploaded_at),
});

export async function fileOf(ctx: AppContext, r: Row, uploadId: string) {
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
