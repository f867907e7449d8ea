/**
 * Scans of the materials handed in (材料扫描件): attached at reception or later while the case is open, seen by the
 * back office on the case, every read on the audit log, and listed in the archive file.
 */
import { type CaseState, isTerminal } from '../../domain/case/index.ts';
import { displayName, sniffType } from '../../domain/files.ts';
import { appendAudit, byActor, recordAudit } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadCaseFile, sha256Of, StoredFileIntegrityError, storeCaseFile } from '../../platform/stored-files.ts';
import { caseDetail, recordEvent } from '../cases/service.ts';
import * as repo from './repository.ts';
import { type Scan, scanTypes } from './schema.ts';

type ScanType = (typeof scanTypes)[number];

/** Where a scan's bytes live: beside the case's other files, named by their hash (so a retry rewrites nothing new). */
const diskPath = (sha256: string) => ['scans', sha256];

export function presentScan(r: repo.ScanRow): Scan {
  return {
    id: r.id,
    caseId: r.case_id,
    materialKey: r.material_key,
    materialName: r.material_name,
    name: r.display_name,
    contentType: r.content_type as ScanType,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by_name,
    uploadedAt: Number(r.uploaded_at),
  };
}

/** The case as its own module presents it: scope (404 outside the actor's halls), state and checklist. */
const openCase = (ctx: AppContext, actor: Actor, caseId: string) => caseDetail(ctx, actor, caseId);

const mayUpload = (actor: Actor, state: CaseState) => actor.permissions.has('reception.register') && !isTerminal(state);

export async function listScans(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await openCase(ctx, actor, caseId);
  const rows = (await repo.scansOf(ctx.db, c.id)).map(presentScan);
  const materials = c.materials.map((m) => ({
    key: m.key,
    name: m.name,
    status: m.status,
    scans: rows.filter((s) => s.materialKey === m.key),
  }));
  // A scan whose material left the checklist still belongs to the file.
  for (const s of rows) {
    if (!materials.some((m) => m.key === s.materialKey)) {
      materials.push({
        key: s.materialKey,
        name: s.materialName,
        status: 'received',
        scans: rows.filter((x) => x.materialKey === s.materialKey),
      });
    }
  }
  return {
    caseId: c.id,
    canUpload: mayUpload(actor, c.state),
    maxBytes: ctx.config.scanMaxBytes,
    types: [...scanTypes],
    materials,
  };
}

/** Writes one scan's record, its trail event and its audit entry, in the caller's transaction. */
async function insertScanRecord(
  trx: Db,
  actor: Actor,
  c: { id: string; hallId: string; state: string },
  f: { materialKey: string; materialName: string; name: string; contentType: ScanType; size: number; sha256: string },
  now: number,
  uploadedAt: number,
  source: string | null,
) {
  const row: repo.ScanRow = {
    id: newId(now),
    case_id: c.id,
    hall_id: c.hallId,
    material_key: f.materialKey,
    material_name: f.materialName,
    display_name: f.name,
    content_type: f.contentType,
    size: f.size,
    sha256: f.sha256,
    uploaded_by_id: actor.userId,
    uploaded_by_name: actor.displayName,
    uploaded_at: uploadedAt,
  };
  await repo.insertScan(trx, row);
  await recordEvent(trx, actor, c.id, now, {
    action: 'attachScan',
    from: c.state,
    to: c.state,
    detail: { scanId: row.id, note: `${f.materialName}：${row.display_name}${source ? `（${source}）` : ''}` },
  });
  await appendAudit(
    trx,
    byActor(actor, now, 'case.scan_upload', 'case', c.id, {
      scanId: row.id,
      materialKey: f.materialKey,
      name: row.display_name,
      contentType: f.contentType,
      size: row.size,
      sha256: f.sha256,
      ...(source ? { source } : {}),
    }),
  );
  return row;
}

/** 上传扫描件: the type is what the bytes say; the same bytes for the same material are kept once. */
export async function uploadScan(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  materialKey: string,
  file: { fileName: string; bytes: Buffer },
): Promise<Scan & { duplicate: boolean }> {
  const c = await openCase(ctx, actor, caseId);
  if (!mayUpload(actor, c.state)) {
    throw new AppError(
      409,
      'ILLEGAL_TRANSITION',
      '办件已办结归档或终止，不能再上传扫描件',
      'Scans cannot be added to a closed case',
    );
  }
  const material = c.materials.find((m) => m.key === materialKey);
  if (!material)
    throw invalid('materialKey', '该材料不在本办件的材料清单中', 'The material is not on the case checklist');
  if (material.status !== 'received') {
    throw invalid(
      'materialKey',
      `材料“${material.name}”未登记为已收取，不能上传扫描件`,
      `"${material.name}" is not registered as received`,
    );
  }
  if (file.bytes.length === 0) throw invalid('file', '文件为空', 'The file is empty');
  const type = sniffType(file.bytes, scanTypes);
  if (!type) {
    throw invalid(
      'file',
      '文件内容不是 PDF、JPEG 或 PNG（按文件内容判断，与文件名无关）',
      'The content is not a PDF, JPEG or PNG file',
    );
  }
  const sha256 = sha256Of(file.bytes);
  // Written (again) before the record: the bytes are named by their hash, so rewriting them also repairs a lost copy.
  await storeCaseFile(ctx.config.dataDir, c.id, diskPath(sha256), file.bytes);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const same = await repo.findSameScan(trx, c.id, material.key, sha256);
        if (same) return { ...presentScan(same), duplicate: true };
        const now = ctx.clock.now();
        const name = displayName(file.fileName, type, material.name);
        const scan = { materialKey: material.key, materialName: material.name, name, contentType: type };
        const row = await insertScanRecord(trx, actor, c, { ...scan, size: file.bytes.length, sha256 }, now, now, null);
        return { ...presentScan(row), duplicate: false };
      });
    } catch (e) {
      // A parallel upload took the same row or the trail's next number first: look again.
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}

/** 查看/下载: the bytes after their hash is checked; who read which scan goes on the audit log either way. */
export async function scanContent(ctx: AppContext, actor: Actor, caseId: string, scanId: string, download: boolean) {
  const s = await repo.findScan(ctx.db, scanId);
  if (!s || s.case_id !== caseId || !actor.hallIds.includes(s.hall_id)) throw notFound('扫描件', 'Scan');
  const detail = { scanId: s.id, materialKey: s.material_key, name: s.display_name, sha256: s.sha256, download };
  let bytes: Buffer;
  try {
    bytes = await loadCaseFile(ctx.config.dataDir, s.case_id, diskPath(s.sha256), s.sha256);
  } catch (e) {
    if (!(e instanceof StoredFileIntegrityError)) throw e;
    await recordAudit(ctx.db, {
      ...byActor(actor, ctx.clock.now(), 'case.scan_integrity', 'case', s.case_id, { ...detail, problem: e.reason }),
      outcome: 'failure',
    });
    throw new AppError(
      409,
      'INTEGRITY_FAILURE',
      `扫描件“${s.display_name}”校验失败（文件${e.reason === 'missing' ? '缺失' : '已被改动'}），请联系管理员并重新上传`,
      `The stored scan "${s.display_name}" failed its integrity check (${e.reason}); ` +
        'contact the administrator and upload it again',
    );
  }
  await recordAudit(ctx.db, byActor(actor, ctx.clock.now(), 'case.scan_read', 'case', s.case_id, detail));
  return { bytes, contentType: s.content_type, name: s.display_name };
}

/** What the archive file lists of the scans (called inside the archiving transaction). */
export async function scansForArchive(db: Db, caseId: string) {
  return (await repo.scansOf(db, caseId)).map((s) => ({
    id: s.id,
    material: s.material_name,
    name: s.display_name,
    contentType: s.content_type,
    size: Number(s.size),
    sha256: s.sha256,
    uploadedBy: s.uploaded_by_name,
    uploadedAt: Number(s.uploaded_at),
  }));
}

/** The bytes of a scan for an electronic loan of the case's archive file (the archive checks the loan and audits). */
export async function scanBytesForLoan(ctx: AppContext, caseId: string, scanId: string) {
  const s = await repo.findScan(ctx.db, scanId);
  if (!s || s.case_id !== caseId) throw notFound('扫描件', 'Scan');
  return loadCaseFile(ctx.config.dataDir, s.case_id, diskPath(s.sha256), s.sha256);
}

/**
 * Scans carried into a new case from elsewhere (网上预审's uploads), inside the caller's transaction: the bytes are
 * stored beside the case under their hash, and each file is a scan of its material, on the trail and audit log.
 */
export async function attachCarriedScans(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  c: { id: string; hall_id: string; state: string },
  /** `uploadedAt`: when the file was first uploaded (online), which keeps the files in their order. */
  files: {
    materialKey: string;
    materialName: string;
    name: string;
    contentType: ScanType;
    bytes: Buffer;
    uploadedAt: number;
  }[],
  now: number,
  source: string,
) {
  for (const f of files) {
    const sha256 = sha256Of(f.bytes);
    await storeCaseFile(ctx.config.dataDir, c.id, diskPath(sha256), f.bytes);
    if (await repo.findSameScan(trx, c.id, f.materialKey, sha256)) continue;
    const { bytes, uploadedAt, ...scan } = f;
    await insertScanRecord(
      trx,
      actor,
      { id: c.id, hallId: c.hall_id, state: c.state },
      { ...scan, size: bytes.length, sha256 },
      now,
      uploadedAt,
      source,
    );
  }
}
