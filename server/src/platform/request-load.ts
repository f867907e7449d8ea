/**
 * How busy people keep this node: the requests it began in the current and the previous second. Background work that
 * can wait, the scheduled 工作报告 above all, asks `whenQuiet` before each piece, so a start or restart in opening
 * hours does not count and lay out every hall's reports beside the clerks (measured: a new server's report pass took
 * 15 % of the intake rate while it ran, and on a million-case SQLite hall, where a query holds the process, it put
 * 300 ms on one lookup in twenty). The event streams of the hall displays and rating pads are not counted: each is
 * one request held open all day.
 * One count per process, as one server runs per process.
 */
import type { FastifyInstance } from 'fastify';

let second = 0;
let inSecond = 0;
let inPrevious = 0;

/** Counts one request begun at `now` (milliseconds). */
export function noteRequest(now = Date.now()): void {
  const s = Math.floor(now / 1000);
  if (s !== second) {
    inPrevious = s === second + 1 ? inSecond : 0;
    second = s;
    inSecond = 0;
  }
  inSecond += 1;
}

/** The requests begun in the second of `now` and the one before it. */
export function recentRequests(now = Date.now()): number {
  const s = Math.floor(now / 1000);
  if (s === second) return inSecond + inPrevious;
  if (s === second + 1) return inSecond;
  return 0;
}

/** Every request the app answers is counted as it begins, but the event streams (`…/stream`). */
export function countRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (!req.url.split('?')[0]!.endsWith('/stream')) noteRequest();
  });
}

/**
 * Resolves once fewer than `below` requests were begun in the last one to two seconds, or after `maxWaitMs` whatever
 * the load (a node that is never quiet still writes its reports, one per wait). True when it waited the whole time.
 */
export async function whenQuiet(opts: {
  below: number;
  maxWaitMs: number;
  pollMs?: number;
  now?: () => number;
}): Promise<boolean> {
  const now = opts.now ?? Date.now;
  const until = now() + opts.maxWaitMs;
  while (recentRequests(now()) >= opts.below) {
    if (now() >= until) return true;
    await new Promise((resolve) => setTimeout(resolve, opts.pollMs ?? 500));
  }
  return false;
}
