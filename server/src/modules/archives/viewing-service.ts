/**
 * 电子借阅查阅: through a live view link its borrower opens each document of the file, every page watermarked with
 * the viewer's name, the time and 仅供借阅使用. Generated documents are rebuilt from their stored content; image
 * scans and image result files are placed on an A4 page; a PDF's pages are rasterised (poppler's pdftoppm) and each
 * placed on an A4 page under the watermark. An OFD file, or a PDF where pdftoppm is missing or fails, renders as its
 * contents entry with a notice to read the original at the archive. Every view is in the audit log.
 */
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { DocumentModel } from '../../platform/pdf/model.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import { MAX_LENT_PAGES, pdfPagesAsPng } from '../../platform/pdf/rasterise.ts';
import { loadCaseFile, StoredFileIntegrityError } from '../../platform/stored-files.ts';
import * as cases from '../cases/service.ts';
import { findHall } from '../org/service.ts';
import { scanBytesForLoan } from '../scans/service.ts';
import { liveLoan } from './borrowing.ts';
import { contentsOf } from './service.ts';

type Form = 'pdf' | 'image' | 'pages' | 'notice';

function formOf(kind: string, contentType: string): Form {
  if (kind === 'document') return 'pdf';
  if (contentType === 'image/png' || contentType === 'image/jpeg') return 'image';
  return contentType === 'application/pdf' ? 'pages' : 'notice';
}

/** The documents of the file behind a live view link, each with how it will be shown. */
export async function loanDocuments(ctx: AppContext, actor: Actor, token: string) {
  const { loan, file } = await liveLoan(ctx, actor, token);
  const { contents } = await contentsOf(ctx.db, file.case_id);
  return {
    loanId: loan.id,
    archiveNo: file.archive_no,
    until: Number(loan.view_until),
    items: contents
      .filter((c) => c.kind !== 'trail')
      .map((c) => ({
        key: c.key,
        no: c.no,
        kind: c.kind as 'document' | 'result' | 'scan',
        title: c.title,
        ref: c.ref,
        at: c.at,
        form: formOf(c.kind, c.contentType),
      })),
  };
}

const integrityFailure = () =>
  new AppError(
    409,
    'INTEGRITY_FAILURE',
    '该文件校验失败（缺失或已被改动），请联系档案管理员',
    'The stored file failed its integrity check; contact the archive keeper',
  );

/** One document as a watermarked A4 PDF; the view goes on the audit log with the loan and the document. */
export async function viewDocument(ctx: AppContext, actor: Actor, token: string, key: string) {
  const { loan, file, now, watermark } = await liveLoan(ctx, actor, token);
  const { contents } = await contentsOf(ctx.db, file.case_id);
  const entry = contents.find((c) => c.key === key && c.kind !== 'trail');
  if (!entry) throw notFound('卷内文件', 'Document of the file');
  const form = formOf(entry.kind, entry.contentType);
  const id = key.slice(key.indexOf('-') + 1);
  let pdf: Buffer;
  if (entry.kind === 'document') pdf = await cases.documentPdfForLoan(ctx, file.case_id, id, watermark);
  else {
    const hall = await findHall(ctx.db, file.hall_id);
    const model: DocumentModel = {
      hallName: hall?.name ?? '',
      title: entry.kind === 'scan' ? '材料扫描件' : '结果文件',
      number: file.archive_no,
      blocks: [
        {
          kind: 'fields',
          rows: [
            { label: '档号', value: file.archive_no },
            { label: '卷内序号', value: String(entry.no) },
            { label: '题名', value: entry.title, wide: true },
            { label: '日期', value: entry.at ? chinaDay(entry.at) : '' },
            { label: '校验码', value: entry.ref },
          ],
        },
      ],
      footer: `${hall?.name ?? ''} 档案室 · 电子借阅查阅件 · 仅供借阅使用`,
    };
    const notice = (text: string) =>
      renderPdf(
        { ...model, blocks: [...model.blocks, { kind: 'paragraph', text, indent: true }] },
        { createdAt: new Date(now), watermark },
      );
    let bytes: Buffer;
    try {
      bytes =
        entry.kind === 'scan'
          ? await scanBytesForLoan(ctx, file.case_id, id)
          : await resultBytes(ctx, file.case_id, id);
    } catch (e) {
      if (e instanceof StoredFileIntegrityError) throw integrityFailure();
      throw e;
    }
    if (form === 'image') {
      try {
        pdf = await renderPdf(model, { createdAt: new Date(now), watermark, picture: bytes });
      } catch {
        pdf = await notice('该图片无法在线显示，请到档案室查阅原件。');
      }
    } else {
      const pages = form === 'pages' ? await pdfPagesAsPng(bytes) : null;
      pdf = pages
        ? await renderPdf(
            {
              ...model,
              blocks: [
                ...model.blocks,
                {
                  kind: 'paragraph',
                  text: `以下为原件逐页图像（共 ${pages.length} 页${pages.length >= MAX_LENT_PAGES ? `，仅显示前 ${MAX_LENT_PAGES} 页，其余请到档案室查阅` : ''}），仅供借阅查阅。`,
                  indent: true,
                },
              ],
            },
            { createdAt: new Date(now), watermark, pages },
          )
        : await notice(
            '该文件为 OFD 版式文件或无法逐页显示的 PDF，系统不能在其页面上加盖借阅水印，故不在线显示原件内容。如需查阅原件，请持本借阅单到档案室查阅。',
          );
    }
  }
  await appendAudit(
    ctx.db,
    byActor(actor, now, 'archive.view_document', 'archive', file.id, {
      loanId: loan.id,
      key,
      title: entry.title,
      form,
    }),
  );
  return { pdf, fileName: `${file.archive_no}-${entry.no}.pdf` };
}

async function resultBytes(ctx: AppContext, caseId: string, fileId: string) {
  const f = await cases.findFile(ctx.db, fileId);
  if (!f || f.case_id !== caseId) throw notFound('结果文件', 'Result file');
  return loadCaseFile(ctx.config.dataDir, caseId, [fileId], f.sha256);
}
