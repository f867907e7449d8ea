import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Send = (event: { type: string; [k: string]: unknown }) => void;

const openStreams = new WeakMap<FastifyInstance, Set<() => void>>();

/** Ends every open stream when the server shuts down, so closing does not wait for browsers to hang up. */
export function installStreamShutdown(app: FastifyInstance) {
  if (openStreams.has(app)) return;
  const set = new Set<() => void>();
  openStreams.set(app, set);
  app.addHook('preClose', async () => {
    for (const end of [...set]) end();
  });
}

/**
 * Serves a server-sent event stream: `subscribe` receives a sender and returns its unsubscribe. A comment line
 * every 15 s keeps proxies from closing an idle stream; the browser's EventSource reconnects by itself.
 */
export function serveEventStream(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  subscribe: (send: Send) => () => void,
) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const send: Send = (e) => {
    res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
  };
  const unsubscribe = subscribe(send);
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  const streams = openStreams.get(app);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(ping);
    unsubscribe();
    streams?.delete(end);
    res.end();
  };
  streams?.add(end);
  req.raw.on('close', end);
  send({ type: 'hello' });
}
