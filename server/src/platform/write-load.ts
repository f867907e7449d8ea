/**
 * How busy the clerks keep this node: the writes (every method but GET, HEAD and OPTIONS) it began in the current
 * and the previous second. Background work that can wait, the scheduled 工作报告 above all, asks `whenWritesQuiet`
 * before each piece, so a start or restart in opening hours does not lay out every hall's report PDFs beside the
 * clerks' acceptances (measured: a new server's report pass took 15 % of the intake rate and 100 MB while it ran).
 * Reads are not counted: a hall display holds one stream open all day, and a lookup is cheap beside a report.
 * One count per process, as one server runs per process.
 */
import type { FastifyInstance } from 'fastify';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

let second = 0;
let inSecond = 0;
let inPrevious = 0;

/** Counts one write begun at `now` (milliseconds). */
export function noteWrite(now = Date.now()): void {
  const s = Math.floor(now / 1000);
  if (s !== second) {
    inPrevious = s === second + 1 ? inSecond : 0;
    second = s;
    inSecond = 0;
  }
  inSecond += 1;
}

/** The writes begun in the second of `now` and the one before it. */
export function recentWrites(now = Date.now()): number {
  const s = Math.floor(now / 1000);
  if (s === second) return inSecond + inPrevious;
  if (s === second + 1) return inSecond;
  return 0;
}

/** Every write request the app answers is counted as it begins. */
export function countWrites(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (!READS.has(req.method)) noteWrite();
  });
}

/**
 * Resolves once fewer than `below` writes were begun in the last one to two seconds, or after `maxWaitMs` whatever
 * the load (a node that is never quiet still writes its reports, one per wait). True when it waited the whole time.
 */
export async function whenWritesQuiet(opts: {
  below: number;
  maxWaitMs: number;
  pollMs?: number;
  now?: () => number;
}): Promise<boolean> {
  const now = opts.now ?? Date.now;
  const until = now() + opts.maxWaitMs;
  while (recentWrites(now()) >= opts.below) {
    if (now() >= until) return true;
    await new Promise((resolve) => setTimeout(resolve, opts.pollMs ?? 500));
  }
  return false;
}
