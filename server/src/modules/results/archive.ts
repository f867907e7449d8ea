/**
 * 归档 (R14.1): a delivered case becomes one archive file: its 档号 from the archive scheme (modules/archives),
 * numbered per hall, year and category, the retention rule, and the list of what was filed (documents, files, materials, trail).
 */
import type { z } from 'zod';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadCase, documentKindLabels, type DocumentKind, moveCase } from '../cases/service.ts';
import * as cases from '../cases/service.ts';
import * as repo from '../cases/service.ts';
import { fileCase } from '../archives/service.ts';
import { scansForArchive } from '../scans/service.ts';
import { manifestSchema, MIN_PAPER_YEARS, retentionSchema } from './schema.ts';

export async function archiveCase(ctx: AppContext, actor: Actor, id: string, input: { paperYears: number }) {
  const c = await loadCase(ctx.db, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await moveCase(trx, actor, c, now, {
      action: 'archive',
      payload: {},
      detail: { paperYears: input.paperYears },
    });
    // 档号 by the hall's archive scheme (per hall, year and category), with the archive file of the register.
    const { archiveNo } = await fileCase(trx, actor, row, now, { paperYears: input.paperYears });
    const [docs, files, receptions, deliveries, events] = await Promise.all([
      cases.documentsOf(trx, [id]),
      repo.filesOf(trx, id),
      cases.receptionsOf(trx, id),
      repo.deliveriesOf(trx, id),
      cases.eventsOf(trx, [id]),
    ]);
    const manifest: z.infer<typeof manifestSchema> = {
      documents: docs.map((d) => ({
        docNo: d.doc_no,
        kind: d.kind,
        kindLabel: documentKindLabels[d.kind as DocumentKind] ?? d.kind,
        issuedAt: Number(d.issued_at),
      })),
      files: files.map((f) => ({
        id: f.id,
        name: f.name,
        contentType: f.content_type,
        size: Number(f.size),
        sha256: f.sha256,
      })),
      materials: receptions.map((r) => ({
        round: r.round,
        at: Number(r.at),
        clerk: r.clerk_name,
        marks: JSON.parse(r.materials) as Record<string, unknown>[],
      })),
      deliveries: deliveries.map((d) => ({
        method: d.method,
        collectedBy: d.collected_by,
        docNumber: d.id_doc_number_masked,
        trackingNumber: d.tracking_number,
        at: Number(d.at),
      })),
      trail: events.map((e) => ({
        seq: e.seq,
        at: Number(e.at),
        by: e.display_name,
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
      })),
      scans: await scansForArchive(trx, id),
    };
    const retention = {
      paperYears: input.paperYears,
      electronic: 'permanent' as const,
      rule: `纸质档案保存${input.paperYears}年（不少于${MIN_PAPER_YEARS}年），电子档案永久保存`,
    };
    await repo.insertArchive(trx, {
      id: newId(now),
      case_id: id,
      hall_id: c.hall_id,
      archive_no: archiveNo,
      retention: JSON.stringify(retention),
      manifest: JSON.stringify(manifest),
      at: now,
      by_name: actor.displayName,
    });
    await appendAudit(trx, byActor(actor, now, 'case.archive', 'case', id, { archiveNo, state: row.state, retention }));
  });
  return archiveRecord(ctx, actor, id);
}

export async function archiveRecord(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadCase(ctx.db, actor, id);
  const a = await repo.archiveOf(ctx.db, c.id);
  if (!a) throw notFound('档案', 'Archive record');
  return {
    archiveNo: a.archive_no,
    caseId: c.id,
    caseNo: c.case_no,
    itemName: c.item_name,
    archivedAt: Number(a.at),
    archivedBy: a.by_name,
    retention: retentionSchema.parse(JSON.parse(a.retention)),
    manifest: manifestSchema.parse(JSON.parse(a.manifest)),
  };
}
