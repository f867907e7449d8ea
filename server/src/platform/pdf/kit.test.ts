import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { type PdfAnswer, renderPdf } from './kit.ts';
import { layOutPdf } from './layout.ts';
import type { DocumentModel } from './model.ts';

const createdAt = new Date('2026-12-01T02:00:00Z');
const model = async (n: number): Promise<DocumentModel> => ({
  hallName: '青川县政务服务中心',
  title: '受理通知书',
  number: `QCX-ZWFW-SL-2026-${String(n).padStart(6, '0')}`,
  footer: '地址：青川县政务大道1号',
  blocks: [
    { kind: 'heading', text: '申请人信息' },
    { kind: 'fields', rows: [{ label: '申请人', value: `申请人${n}` }] },
    { kind: 'image', png: await QRCode.toBuffer(`case-${n}`), size: 60, caption: ['扫码查询办理进度'] },
    { kind: 'table', columns: [{ title: '材料', width: 1 }], rows: [[`材料${n}`]] },
  ],
});

describe('renderPdf: every PDF is laid out in the PDF worker', () => {
  it('answers each of several documents asked at once with exactly what the layout makes of it', async () => {
    const models = await Promise.all([1, 2, 3, 4, 5].map(model));
    const fromWorker = await Promise.all(models.map((m) => renderPdf(m, { createdAt })));
    for (const [i, m] of models.entries()) {
      const pdf = fromWorker[i]!;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The images crossed to the worker and back intact: the same bytes as laying it out here.
      expect(pdf.equals(await layOutPdf(m, { createdAt }))).toBe(true);
    }
    expect(fromWorker[0]!.equals(fromWorker[1]!)).toBe(false);
  });

  it('shares its opened fonts between documents without one changing the next', async () => {
    // Each document embeds only the glyphs it uses: a document with other characters in between leaves the next
    // layout of the first byte for byte as it was.
    const m = await model(7);
    const first = await layOutPdf(m, { createdAt });
    const other = await layOutPdf(
      { ...m, blocks: [{ kind: 'paragraph', text: '龘靐齉麤鱻爩 与本件无关的字', bold: true }] },
      { createdAt },
    );
    expect(other.equals(first)).toBe(false);
    expect((await layOutPdf(m, { createdAt })).equals(first)).toBe(true);
  });

  it('passes a picture page to the worker and rejects a document the layout cannot make', async () => {
    const m = await model(6);
    const picture = await QRCode.toBuffer('a scanned page');
    const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
    const plain = await renderPdf(m, { createdAt });
    const withPage = await renderPdf(m, { createdAt, pages: [picture, picture] });
    expect(pageCount(withPage)).toBe(pageCount(plain) + 2);
    await expect(renderPdf(m, { createdAt, picture: Buffer.from('not an image') })).rejects.toThrow(/image/i);
    // The worker is still there for the next document.
    expect((await renderPdf(m, { createdAt })).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('ships a compiled worker with the built server', async () => {
    const root = path.resolve(import.meta.dirname, '../../../..');
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'ignore' });
    const worker = new Worker(path.join(root, 'dist/server/pdf-worker.js'));
    try {
      const answer = await new Promise<PdfAnswer>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        void model(7).then((m) => worker.postMessage({ id: 1, model: m, opts: { createdAt } }));
      });
      expect('pdf' in answer && Buffer.from(answer.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await worker.terminate();
    }
  });
});
