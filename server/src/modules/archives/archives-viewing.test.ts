import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { acceptedCase, hall, hallId, ok, s, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { json, signedIn } from '../../../test/helpers.ts';
import { multipartFile, PDF, PNG } from '../../../test/multipart.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

withBackofficeHall();

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
function pdfPages(pdf: Buffer): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}
const count = (text: string, ch: string) => text.split(ch).length - 1;

async function later(ms: number) {
  hall.clock.advance(ms);
  for (const n of Object.keys(s) as (keyof typeof s)[]) s[n] = await signedIn(hall.app, n);
}

const upload = (caseId: string, file: Parameters<typeof multipartFile>[0]) => {
  const f = multipartFile(file);
  hall.clock.advance(1000);
  return s.clerk.request('POST', `/api/cases/${caseId}/materials/form/scans`, f.body, f.headers);
};

const auditOf = (action: string) =>
  hall.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

/** What a scanned two-page PDF says in its own text, which a lent view must not hand out as text. */
const PDF_SCAN_TEXT = '营业执照副本原件文字';

/** A withdrawn case with an image scan and a two-page PDF scan, filed, and an approved electronic loan by the clerk. */
async function fileOnLoan() {
  const c = await acceptedCase();
  const png = await QRCode.toBuffer('档案扫描件测试', { type: 'png', width: 300 });
  expect((await upload(c.id, { bytes: png, filename: '申请书.png', type: 'image/png' })).statusCode).toBe(201);
  const scannedPdf = await renderPdf(
    {
      hallName: '青川县市场监督管理局',
      title: '营业执照',
      number: 'YYZZ-1',
      blocks: [{ kind: 'paragraph', text: PDF_SCAN_TEXT }],
      footer: '',
    },
    { pages: [png] },
  );
  expect(pdfPages(scannedPdf)).toBe(2);
  expect(
    (await upload(c.id, { bytes: scannedPdf, filename: '营业执照.pdf', type: 'application/pdf' })).statusCode,
  ).toBe(201);
  await ok(await s.clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '申请人主动撤回' }));
  const filed = await ok(await s.supervisor.post('/api/archives/pending/file', { caseId: c.id }));
  const loan = await ok(
    await s.clerk.post(`/api/archives/${filed.file.id}/loans`, { purpose: '复核材料', medium: 'electronic', days: 2 }),
    201,
  );
  await ok(await s.supervisor.post(`/api/archives/loans/${loan.id}/decide`, { approve: true, note: '同意' }));
  return { file: filed.file, loan };
}

describe('viewing the documents of a file on an electronic loan', { timeout: 120_000 }, () => {
  it('lists the documents and shows each watermarked, for the borrower only, while the link lasts; audited', async () => {
    const { file, loan } = await fileOnLoan();
    const link = await ok(await s.clerk.post(`/api/archives/loans/${loan.id}/view-link`));
    const list = await ok(await s.clerk.get(`${link.url}/documents`));
    expect(list.archiveNo).toBe(file.archiveNo);
    const byKind = (kind: string) => list.items.filter((i: { kind: string }) => i.kind === kind);
    expect(byKind('document').length).toBeGreaterThanOrEqual(1);
    const scans = byKind('scan');
    expect(scans.map((i: { form: string }) => i.form).sort()).toEqual(['image', 'pages']);
    const me = json(await s.clerk.get('/api/auth/me')).displayName as string;

    // A generated document: its own text, with the viewer's name and 仅供借阅使用 across the page.
    const receipt = byKind('document')[0];
    const docRes = await s.clerk.get(`${link.url}/documents/${receipt.key}`);
    expect(docRes.statusCode, docRes.body).toBe(200);
    expect(docRes.headers['content-type']).toContain('application/pdf');
    expect(docRes.headers['cache-control']).toBe('no-store');
    const docText = pdfText(docRes.rawPayload);
    // Rotated, so the watermark reads as single characters.
    expect(count(docText, '阅')).toBeGreaterThan(3);
    expect(count(docText, me.slice(-1))).toBeGreaterThan(3);

    // An image scan on an A4 page with the watermark over it.
    const image = scans.find((i: { form: string }) => i.form === 'image');
    const imgRes = await s.clerk.get(`${link.url}/documents/${image.key}`);
    expect(imgRes.statusCode).toBe(200);
    expect(imgRes.rawPayload.toString('latin1')).toContain('/Subtype /Image');
    const imgText = pdfText(imgRes.rawPayload);
    expect(imgText).toContain('材料扫描件');
    expect(count(imgText, '阅')).toBeGreaterThan(3);
    expect(pdfPages(imgRes.rawPayload)).toBe(1);

    // A PDF scan: its entry, then each of its two pages as a picture on an A4 page, all under the watermark; the
    // original's own text is not handed out (the pages are images).
    const pdfScan = scans.find((i: { form: string }) => i.form === 'pages');
    const pagesRes = await s.clerk.get(`${link.url}/documents/${pdfScan.key}`);
    expect(pagesRes.statusCode).toBe(200);
    const pagesText = pdfText(pagesRes.rawPayload);
    expect(pagesText.replace(/\s+/g, '')).toContain('以下为原件逐页图像（共2页）');
    expect(pagesText).toContain(file.archiveNo);
    expect(pagesText).not.toContain(PDF_SCAN_TEXT);
    expect(pdfPages(pagesRes.rawPayload)).toBe(3);
    expect(pagesRes.rawPayload.toString('latin1').split('/Subtype /Image').length - 1).toBeGreaterThanOrEqual(2);
    expect(count(pagesText, '阅')).toBeGreaterThan(9);

    // Nobody else through the link, and no key outside the file.
    expect((await s.supervisor.get(`${link.url}/documents`)).statusCode).toBe(404);
    expect((await s.supervisor.get(`${link.url}/documents/${image.key}`)).statusCode).toBe(404);
    expect((await s.clerk.get(`${link.url}/documents/scan-nothere`)).statusCode).toBe(404);
    expect((await s.clerk.get(`${link.url}/documents/bad key`)).statusCode).toBe(400);

    const views = (await auditOf('archive.view_document')).filter((a) => a.target_id === file.id);
    expect(views).toHaveLength(3);
    expect(views.map((v) => JSON.parse(v.detail ?? '{}').key)).toEqual([receipt.key, image.key, pdfScan.key]);

    await later(2 * 3600_000 + 1000);
    expect((await s.clerk.get(`${link.url}/documents`)).statusCode).toBe(410);
    expect((await s.clerk.get(`${link.url}/documents/${image.key}`)).statusCode).toBe(410);
    expect((await auditOf('archive.view_document')).filter((a) => a.target_id === file.id)).toHaveLength(3);
  });

  it('shows an image result file on an A4 page, and a PDF result file that cannot be read as its entry with the notice', async () => {
    const c = await acceptedCase();
    const png = await QRCode.toBuffer('结果文件图片', { type: 'png', width: 200 });
    for (const [name, contentType, bytes] of [
      ['准予许可决定书.png', 'image/png', png],
      ['许可证.pdf', 'application/pdf', PDF],
      ['损坏.png', 'image/png', PNG],
    ] as const) {
      hall.clock.advance(1000);
      const res = await s.clerk.post(`/api/cases/${c.id}/files`, {
        name,
        contentType,
        dataBase64: bytes.toString('base64'),
        kind: 'result',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await ok(await s.clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '申请人主动撤回' }));
    const filed = await ok(await s.supervisor.post('/api/archives/pending/file', { caseId: c.id }));
    const loan = await ok(
      await s.clerk.post(`/api/archives/${filed.file.id}/loans`, {
        purpose: '核对结果',
        medium: 'electronic',
        days: 1,
      }),
      201,
    );
    await ok(await s.supervisor.post(`/api/archives/loans/${loan.id}/decide`, { approve: true }));
    const link = await ok(await s.clerk.post(`/api/archives/loans/${loan.id}/view-link`));
    const results = (await ok(await s.clerk.get(`${link.url}/documents`))).items.filter(
      (i: { kind: string }) => i.kind === 'result',
    );
    expect(results.map((r: { title: string; form: string }) => [r.title, r.form])).toEqual([
      ['结果文件：准予许可决定书.png', 'image'],
      ['结果文件：许可证.pdf', 'pages'],
      ['结果文件：损坏.png', 'image'],
    ]);
    const image = await s.clerk.get(`${link.url}/documents/${results[0].key}`);
    expect(image.rawPayload.toString('latin1')).toContain('/Subtype /Image');
    expect(pdfText(image.rawPayload)).toContain('结果文件');
    const pdf = await s.clerk.get(`${link.url}/documents/${results[1].key}`);
    expect(pdf.rawPayload.toString('latin1')).not.toContain('/Subtype /Image');
    // This PDF is only a PDF's first bytes: pdftoppm cannot read it, so the entry and the notice.
    expect(pdfText(pdf.rawPayload)).toContain('请持本借阅单到档案室查阅');
    // A picture pdfkit cannot read (only its first bytes are a PNG's) falls back to the entry and a notice.
    const broken = await s.clerk.get(`${link.url}/documents/${results[2].key}`);
    expect(broken.statusCode).toBe(200);
    expect(pdfText(broken.rawPayload)).toContain('该图片无法在线显示');
  });

  it('a view link never lasts past the loan due day', async () => {
    const { loan } = await fileOnLoan();
    const first = await ok(await s.clerk.post(`/api/archives/loans/${loan.id}/view-link`));
    const due = (await ok(await s.clerk.get('/api/archives/loans?mine=true'))).items.find(
      (l: { id: string }) => l.id === loan.id,
    ).dueDay as string;
    const endOfDue = Date.parse(`${due}T00:00:00+08:00`) + 86_400_000;
    expect(first.until).toBeLessThanOrEqual(endOfDue);
    // 30 minutes before the end of the due day a new link lasts only those 30 minutes.
    await later(endOfDue - 30 * 60_000 - hall.clock.now());
    const last = await ok(await s.clerk.post(`/api/archives/loans/${loan.id}/view-link`));
    expect(last.until).toBe(endOfDue);
    await later(31 * 60_000);
    expect((await s.clerk.get(`${last.url}/documents`)).statusCode).toBe(410);
    expect((await s.clerk.post(`/api/archives/loans/${loan.id}/view-link`)).statusCode).toBe(409);
  });
});

describe('the disposal register exported', { timeout: 120_000 }, () => {
  it('as .xlsx and as an A4 PDF, with every file of every proposal; audited', async () => {
    const empty = await s.clerk.get(`/api/archives/disposals/register.pdf?hallId=${hallId}`);
    expect(empty.statusCode).toBe(200);
    expect(pdfText(empty.rawPayload)).toContain('共0件');
    const a = await fileOnLoan();
    const b = await fileOnLoan();
    await later(6 * 366 * 86_400_000);
    const executed = await ok(
      await s.supervisor.post('/api/archives/disposals', {
        hallId,
        fileIds: [a.file.id],
        opinion: '保管期满无保存价值',
      }),
      201,
    );
    await ok(await s.head.post(`/api/archives/disposals/${executed.id}/decide`, { approve: true, note: '同意' }));
    await ok(await s.supervisor.post(`/api/archives/disposals/${executed.id}/execute`, { method: '碎纸销毁' }));
    await ok(
      await s.supervisor.post('/api/archives/disposals', { hallId, fileIds: [b.file.id], opinion: '待进一步鉴定' }),
      201,
    );

    const x = await s.clerk.get(`/api/archives/disposals/register.xlsx?hallId=${hallId}`);
    expect(x.statusCode, x.body).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(x.headers['content-disposition']))).toContain('鉴定销毁登记簿');
    const [sheet] = await readWorkbook(x.rawPayload);
    expect(sheet?.header).toContain('销毁执行人/日期');
    const cells = JSON.stringify(sheet?.rows);
    for (const text of [a.file.archiveNo, b.file.archiveNo, '碎纸销毁', '已销毁', '待审批', '保管期满无保存价值'])
      expect(cells).toContain(text);
    expect(sheet?.rows).toHaveLength(2);

    const p = await s.clerk.get(`/api/archives/disposals/register.pdf?hallId=${hallId}`);
    expect(p.statusCode).toBe(200);
    expect(p.headers['content-type']).toContain('application/pdf');
    const text = pdfText(p.rawPayload);
    expect(text).toContain('鉴定销毁登记簿');
    expect(text).toContain('共2件，其中已销毁1件');
    expect(text).toContain('碎纸销毁');
    expect(text).toContain('待审批');
    expect(text).toContain(a.file.archiveNo);
    expect(text).toContain(b.file.archiveNo);

    expect((await s.clerk.get(`/api/archives/disposals/register.doc?hallId=${hallId}`)).statusCode).toBe(400);
    const audits = await auditOf('archive.disposal.register_export');
    expect(audits.map((r) => JSON.parse(r.detail ?? '{}').format)).toEqual(['pdf', 'xlsx', 'pdf']);
    expect(audits.every((r) => r.target_id === hallId)).toBe(true);
  });
});
