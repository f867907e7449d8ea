/**
 * renderPdf: every PDF the server makes (receipts, notices, reports, viewing copies) is laid out by pdfkit in a
 * worker thread. Laying out a page of Chinese text parses and subsets the CJK fonts, tens of milliseconds of CPU
 * per document; on the request thread a month's reports for a province's halls held every clerk's request back
 * for minutes. One worker, started when first needed, stopped after a while without work (it holds the parsed
 * fonts, tens of megabytes), and never keeping an idle server alive.
 */
import { Worker } from 'node:worker_threads';
import type { RenderOptions } from './layout.ts';
import type { DocumentModel } from './model.ts';

export type { RenderOptions } from './layout.ts';

export interface PdfJob {
  id: number;
  model: DocumentModel;
  opts: RenderOptions;
}
export type PdfAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

// From source (tsx, vitest) the worker is TypeScript and boots through tsx; the built server ships it compiled
// beside main.js (scripts/build-server.mjs).
const fromSource = import.meta.url.endsWith('.ts');
const entry = fromSource ? new URL('./worker-boot.mjs', import.meta.url) : new URL('./pdf-worker.js', import.meta.url);
const workerData = fromSource ? { entry: new URL('./worker.ts', import.meta.url).href } : {};

// One is enough to keep the request thread free; more would only hold more fonts in memory.
const MAX_WORKERS = 1;
const IDLE_MS = 30_000;

interface Lane {
  worker: Worker;
  pending: Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>;
  idle?: NodeJS.Timeout;
}
const lanes: Lane[] = [];
let nextId = 1;

function startLane(): Lane {
  const lane: Lane = { worker: new Worker(entry, { workerData }), pending: new Map() };
  lane.worker.unref();
  const fail = (e: Error) => {
    if (lanes.includes(lane)) lanes.splice(lanes.indexOf(lane), 1);
    for (const p of lane.pending.values()) p.reject(e);
    lane.pending.clear();
  };
  lane.worker.on('message', (a: PdfAnswer) => {
    const p = lane.pending.get(a.id);
    if (!p) return;
    lane.pending.delete(a.id);
    if (lane.pending.size === 0) {
      lane.worker.unref();
      lane.idle = setTimeout(() => retire(lane), IDLE_MS);
      lane.idle.unref();
    }
    if ('error' in a) p.reject(new Error(a.error));
    else p.resolve(Buffer.from(a.pdf.buffer, a.pdf.byteOffset, a.pdf.byteLength));
  });
  lane.worker.on('error', fail);
  lane.worker.on('exit', (code) => {
    if (lanes.includes(lane)) fail(new Error(`PDF worker exited (${code})`));
  });
  lanes.push(lane);
  return lane;
}

function retire(lane: Lane) {
  if (lane.pending.size > 0 || !lanes.includes(lane)) return;
  lanes.splice(lanes.indexOf(lane), 1);
  void lane.worker.terminate();
}

/** The least busy worker; a new one while there is room and every running one has work. */
function laneForJob(): Lane {
  const idle = lanes.find((l) => l.pending.size === 0);
  if (idle) return idle;
  if (lanes.length < MAX_WORKERS) return startLane();
  return lanes.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

export function renderPdf(model: DocumentModel, opts: RenderOptions = {}): Promise<Buffer> {
  const lane = laneForJob();
  clearTimeout(lane.idle);
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    lane.pending.set(id, { resolve, reject });
    lane.worker.ref();
    lane.worker.postMessage({ id, model, opts } satisfies PdfJob);
  });
}
