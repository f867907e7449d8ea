/** 网上预审, the applicant's side: apply, open by number and code, upload and remove files, submit, read a file. */
import { displayName, sniffType } from '../../domain/files.ts';
import { missingRequired, type PrereviewState, prereviewDue } from '../../domain/prereview/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { piiFields, protectDocNumber, protectPhone } from '../../platform/pii/protect.ts';
import { sha256Of, storeCaseFile } from '../../platform/stored-files.ts';
import { checkedNumber } from '../applicants/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { findHall } from '../org/service.ts';
import { scanTypes } from '../scans/schema.ts';
import * as repo from './repository.ts';
import type { ApplyInput, PublicApplication } from './schema.ts';
import {
  checkMove,
  checklist,
  fileOf,
  lookupCode,
  materialsOf,
  move,
  openItem,
  pinnedContent,
  type Row,
  STORE,
  storedAt,
  trail,
  MAX_FILES,
  MAX_FILES_PER_MATERIAL,
} from './application-service.ts';

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
