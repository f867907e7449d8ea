/** From a window's call request to the call arriving on every connected display stream. */
import http from 'node:http';
import { Client, percentile } from './lib.ts';

interface Stream {
  close(): void;
  /** Resolves when this stream has received the call of `ticketId`. */
  waitFor(ticketId: string): Promise<number>;
}

function openStream(url: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const waiters = new Map<string, (at: number) => void>();
    const seen = new Map<string, number>();
    // Its own socket per stream, as each display screen has.
    const req = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`display stream ${res.statusCode}`));
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buf += chunk;
        let i = buf.indexOf('\n\n');
        while (i >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) {
            const e = JSON.parse(data.slice(6)) as { type: string; ticketId?: string };
            if (e.type === 'hello') {
              resolve(stream);
            } else if (e.type === 'call' && e.ticketId) {
              const w = waiters.get(e.ticketId);
              if (w) {
                waiters.delete(e.ticketId);
                w(at);
              } else seen.set(e.ticketId, at);
            }
          }
          i = buf.indexOf('\n\n');
        }
      });
    });
    req.on('error', reject);
    const stream: Stream = {
      close: () => req.destroy(),
      waitFor: (ticketId) =>
        new Promise((done, fail) => {
          const at = seen.get(ticketId);
          if (at !== undefined) return done(at);
          const timer = setTimeout(() => fail(new Error('call not received within 10 s')), 10_000);
          waiters.set(ticketId, (t) => {
            clearTimeout(timer);
            done(t);
          });
        }),
    };
  });
}

/** `samples` calls, each timed from the call request until the last of `displays` streams has it. */
/**
 * Calls at one node's window, heard by display streams on `displayBases` (by default the same node; with two
 * nodes on one PostgreSQL, the streams are spread over both and every call must reach every stream).
 */
export async function callToDisplay(base: string, displays: number, samples: number, displayBases = [base]) {
  const clerk = await new Client(base).login('clerk');
  const hallId = (await clerk.ok('GET', '/api/auth/me')).halls[0].id as string;
  const categories = (await clerk.ok('GET', `/api/queue/categories?hallId=${hallId}`)).items as {
    id: string;
    windowIds: string[];
  }[];
  const category = categories.find((c) => c.windowIds.length > 0);
  if (!category) throw new Error('no queue category served by a window');
  const windowId = category.windowIds[0] as string;
  await clerk.request('POST', `/api/queue/windows/${windowId}/open`, {});
  const streams = await Promise.all(
    Array.from({ length: displays }, (_, i) =>
      openStream(`${displayBases[i % displayBases.length]}/api/public/halls/${hallId}/display/stream`),
    ),
  );
  const lastMs: number[] = [];
  const allMs: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      // Issued at the window (the public kiosk is rate-limited per address, as it should be).
      const ticket = await clerk.ok('POST', '/api/queue/tickets', { hallId, categoryId: category.id });
      const arrivals = streams.map((s) => s.waitFor(ticket.id));
      const t0 = performance.now();
      const called = await clerk.request('POST', `/api/queue/windows/${windowId}/call-next`, {});
      if (called.status !== 200 || called.json?.ticket?.id !== ticket.id) {
        throw new Error(`call-next ${called.status} ${JSON.stringify(called.json).slice(0, 300)}`);
      }
      const at = await Promise.all(arrivals);
      const each = at.map((t) => t - t0);
      allMs.push(...each);
      lastMs.push(Math.max(...each));
      // Serve the ticket so the window is free for the next call.
      await clerk.ok('POST', `/api/queue/tickets/${ticket.id}/start`, {});
      await clerk.ok('POST', `/api/queue/tickets/${ticket.id}/finish`, { outcomeKind: 'none' });
    }
  } finally {
    for (const s of streams) s.close();
  }
  lastMs.sort((a, b) => a - b);
  allMs.sort((a, b) => a - b);
  return { p50: percentile(lastMs, 50), p99: percentile(lastMs, 99), perStreamP99: percentile(allMs, 99), samples };
}
