/** The PDF worker (kit.ts): lays out each document it is sent and answers with its bytes. */
import { parentPort } from 'node:worker_threads';
import type { PdfAnswer, PdfJob } from './kit.ts';
import { layOutPdf } from './layout.ts';
import type { Block } from './model.ts';

// Bytes arrive as plain Uint8Arrays; pdfkit reads images from Buffers.
const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const revive = (b: Block): Block => (b.kind === 'image' ? { ...b, png: bytes(b.png) } : b);

const port = parentPort;
if (!port) throw new Error('the PDF worker runs in a worker thread');
port.on('message', async ({ id, model, opts }: PdfJob) => {
  let answer: PdfAnswer;
  try {
    const pdf = await layOutPdf(
      { ...model, blocks: model.blocks.map(revive) },
      {
        ...opts,
        ...(opts.picture ? { picture: bytes(opts.picture) } : {}),
        ...(opts.pages ? { pages: opts.pages.map(bytes) } : {}),
      },
    );
    answer = { id, pdf };
  } catch (e) {
    answer = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(answer);
});
