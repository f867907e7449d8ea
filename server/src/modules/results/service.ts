/**
 * The end of a case (R7.1, R7.4, R14.1): result files, completion with its 结果告知书, notification,
 * collection (ID checked) or mailing, and the archive file with its own number per hall and year.
 */
import { type DocumentType, validateDocument } from '../../domain/identity/index.ts';
import { maskIdNumber } from '../../domain/masking.ts';
import { piiFields, protectDocNumber } from '../../platform/pii/protect.ts';
import { appendAudit, byActor, recordAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { StoredFileIntegrityError } from '../../platform/stored-files.ts';
import {
  caseContext,
  loadCase,
  caseDetail,
  processMove,
  checkMove,
  moveCase,
  issueDocument,
  partyOf,
  type ResultContent,
  presentFile,
} from '../cases/service.ts';
import { decodeUpload, loadFile, storeFile } from './files.ts';
import * as repo from '../cases/service.ts';
import { enqueueCaseNotice } from '../notices/service.ts';
import { findHall } from '../org/service.ts';
import { inviteCaseRating } from '../rating/service.ts';

const closedStates = ['received', 'awaiting_supplement', 'not_accepted', 'archived', 'withdrawn', 'terminated'];

/** 上传结果文书: kept on disk beside the case, never in the database. */
export async function uploadFile(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { name: string; contentType: string; dataBase64: string; kind: 'result' | 'other' },
) {
  const c = await loadCase(ctx.db, actor, caseId);
  if (closedStates.includes(c.state)) {
    throw new AppError(
      409,
      'ILLEGAL_TRANSITION',
      '办件当前状态不能上传文件',
      'Files cannot be added to the case in its state',
    );
  }
  const { bytes, sha256 } = decodeUpload(input.contentType, input.dataBase64);
  const now = ctx.clock.now();
  const id = newId(now);
  await storeFile(ctx.config.dataDir, c.id, id, bytes);
  const row: repo.FileRow = {
    id,
    case_id: c.id,
    kind: input.kind,
    name: input.name,
    content_type: input.contentType,
    size: bytes.length,
    sha256,
    uploaded_by_name: actor.displayName,
    uploaded_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertFile(trx, row);
    await appendAudit(
      trx,
      byActor(actor, now, 'case.file_upload', 'case', c.id, {
        fileId: id,
        name: input.name,
        sha256,
        size: bytes.length,
      }),
    );
  });
  return presentFile(row);
}

export async function fileContent(ctx: AppContext, actor: Actor, caseId: string, fileId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const f = await repo.findFile(ctx.db, fileId);
  if (!f || f.case_id !== c.id) throw notFound('文件', 'File');
  try {
    return {
      bytes: await loadFile(ctx.config.dataDir, c.id, f.id, f.sha256),
      contentType: f.content_type,
      name: f.name,
    };
  } catch (e) {
    if (!(e instanceof StoredFileIntegrityError)) throw e;
    // A file changed or lost on disk is never served; the attempt is on record for the administrators.
    await recordAudit(ctx.db, {
      ...byActor(actor, ctx.clock.now(), 'file.integrity_failed', 'result_file', f.id, {
        caseId: c.id,
        reason: e.reason,
      }),
      outcome: 'failure',
    });
    throw new AppError(
      409,
      'FILE_INTEGRITY_FAILED',
      '文件校验失败：存储的文件已缺失或被改动，不予提供；已记录，请联系系统管理员',
      'The stored file failed its integrity check (missing or altered) and is not served; this was recorded, please contact the administrator',
    );
  }
}

/** 办结: success or failure (with reasons and remedies); the 结果告知书 is issued in the same transaction. */
export async function completeCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { outcome: 'success' | 'failure'; summary: string; reason: string; remedy: string },
) {
  const c = await loadCase(ctx.db, actor, id);
  const payload = { outcome: input.outcome, reason: input.reason };
  if (input.outcome === 'failure' && !input.remedy)
    throw invalid('remedy', '请说明申请人可采取的途径', 'State what the applicant can do');
  const x = await caseContext(ctx.db, c);
  const files = (await repo.filesOf(ctx.db, id)).filter((f) => f.kind === 'result');
  const now = ctx.clock.now();
  const day = chinaDay(now);
  await ctx.db.transaction().execute(async (trx) => {
    // The process decides: every step before the window's 办结 must be done, else 409 naming them.
    const { row } = await processMove(trx, actor, c, now, {
      action: 'complete',
      payload,
      patch: { outcome: input.outcome, completed_at: now, completed_day: day },
      detail: {
        outcome: input.outcome,
        reason: input.reason || null,
        remedy: input.remedy || null,
        results: files.map((f) => f.name),
      },
    });
    const content: ResultContent = {
      caseNo: c.case_no ?? '',
      itemName: c.item_name,
      applicant: partyOf(x.applicant),
      agent: x.agent ? partyOf(x.agent) : null,
      attorneyChecked: c.attorney_checked === 1,
      acceptedDay: c.accepted_day ?? day,
      outcome: input.outcome,
      summary: input.summary,
      reason: input.reason,
      remedy: input.remedy,
      results: files.map((f) => f.name),
      handler: actor.displayName,
      day,
    };
    const docNo = await issueDocument(trx, actor, row, x, 'result_notice', content, now, 'issued');
    // 好差评: the applicant is invited to rate the case, in the completion's transaction (R8).
    await inviteCaseRating(
      trx,
      {
        ...c,
        department_id: x.content.departmentIds[0] ?? null,
        window_id: c.window_id,
        staff_user_id: c.received_by,
        staff_name: c.received_by_name,
      },
      now,
    );
    await appendAudit(
      trx,
      byActor(actor, now, 'case.complete', 'case', id, {
        outcome: input.outcome,
        docNo,
        files: files.map((f) => f.sha256),
      }),
    );
  });
  return caseDetail(ctx, actor, id);
}

/** 通知领取: the applicant is told the result is ready (SMS, phone, at the window). */
export async function notifyResult(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { channel: string; note: string },
) {
  const c = await loadCase(ctx.db, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await moveCase(trx, actor, c, now, {
      action: 'notifyResult',
      payload: { channel: input.channel },
      detail: input,
    });
    // 短信 goes out by SMS; told by phone or at the window, the notice is kept on the public case page.
    const hall = await findHall(trx, c.hall_id);
    await enqueueCaseNotice(
      trx,
      row,
      'result_ready',
      now,
      { outcome: c.outcome === 'failure' ? '不予办理' : '办理完成', place: hall?.address || hall?.name || '' },
      input.channel === 'sms' ? ['sms'] : input.channel === 'online' ? undefined : ['inapp'],
    );
    await appendAudit(trx, byActor(actor, now, 'case.notify_result', 'case', id, { channel: input.channel }));
  });
  return caseDetail(ctx, actor, id);
}

/** A result the applicant chose to collect at a township station is handed over there, and recorded by it. */
async function assertHandOverHere(db: Db, actor: Actor, caseId: string) {
  const p = await repo.townshipPickupOf(db, caseId);
  if (p?.pickup === 'station' && !actor.hallIds.includes(p.station_hall_id)) {
    throw new AppError(
      409,
      'PICKUP_ELSEWHERE',
      '申请人选择在乡镇便民服务中心领取结果，应由该中心登记交付',
      'The applicant chose to collect the result at the township station; the station records the hand-over',
    );
  }
}

/**
 * 领取登记: who collected, the identity document checked (stored, masked in every answer), when. `also` writes
 * what the caller keeps beside the hand-over (乡镇交付) in the same transaction.
 */
export async function registerCollection(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { collectedBy: string; docType: DocumentType; docNumber: string },
  also?: (trx: Db, now: number) => Promise<void>,
) {
  const c = await loadCase(ctx.db, actor, id);
  await assertHandOverHere(ctx.db, actor, c.id);
  checkMove(actor, c, 'registerCollection', { collectedBy: input.collectedBy });
  const now = ctx.clock.now();
  const checked = validateDocument(input.docType, input.docNumber, chinaDay(now));
  if (!checked.ok) throw invalid('docNumber', checked.zh, checked.en);
  const deliveryId = newId(now);
  // The ID number checked at collection is kept encrypted, shown masked.
  const idNumber = protectDocNumber(piiFields.deliveryDoc, deliveryId, checked.normalised, true);
  await ctx.db.transaction().execute(async (trx) => {
    await moveCase(trx, actor, c, now, {
      action: 'registerCollection',
      payload: { collectedBy: input.collectedBy },
      detail: { collectedBy: input.collectedBy, docType: input.docType, docNumber: maskIdNumber(checked.normalised) },
    });
    await repo.insertDelivery(trx, {
      id_doc_number_enc: idNumber.enc,
      id_doc_number_masked: idNumber.masked,
      id: deliveryId,
      case_id: id,
      method: 'collect',
      collected_by: input.collectedBy,
      id_doc_type: input.docType,
      carrier: null,
      tracking_number: null,
      at: now,
      by_name: actor.displayName,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.collect', 'case', id, { collectedBy: input.collectedBy, docType: input.docType }),
    );
    if (also) await also(trx, now);
  });
  return caseDetail(ctx, actor, id);
}

/** 邮寄送达: the carrier and tracking number. */
export async function registerMailing(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { carrier: string; trackingNumber: string },
) {
  const c = await loadCase(ctx.db, actor, id);
  await assertHandOverHere(ctx.db, actor, c.id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await moveCase(trx, actor, c, now, {
      action: 'registerMailing',
      payload: { trackingNumber: input.trackingNumber },
      detail: input,
    });
    await repo.insertDelivery(trx, {
      id: newId(now),
      case_id: id,
      method: 'mail',
      collected_by: null,
      id_doc_type: null,
      id_doc_number_enc: null,
      id_doc_number_masked: null,
      carrier: input.carrier,
      tracking_number: input.trackingNumber,
      at: now,
      by_name: actor.displayName,
    });
    await appendAudit(trx, byActor(actor, now, 'case.mail', 'case', id, input));
  });
  return caseDetail(ctx, actor, id);
}

export { archiveCase, archiveRecord } from './archive.ts';
