import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { throttle } from '../../platform/rate-limit.ts';
import { listOf } from '../../platform/schemas.ts';
import { checkHall, displaySnapshot, kioskSettings, subscribeDisplay } from './display-service.ts';
import * as s from './schema.ts';
import { queueSettingsRoutes } from './settings-routes.ts';
import { installStreamShutdown, serveEventStream } from './sse.ts';
import { issueStaffTicket, issueTicket, kioskCategories } from './ticket-issue-service.ts';
import { ticketPdf } from './ticket-pdf.ts';
import { listTickets, publicTicket, staffTicket, ticketEvents } from './ticket-view-service.ts';
import * as serving from './serving-service.ts';
import * as windows from './window-service.ts';

export function queueRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['排队叫号 hall floor'];
  const serve = { access: 'queue.serve' } as const;
  const pub = { access: 'public' } as const;
  const ticket = { 200: s.ticketSchema };
  const windowView = { 200: s.windowViewSchema };
  installStreamShutdown(app);
  // A kiosk issues a few tickets a minute even at the morning peak; this only stops a script flooding the queue.
  const ticketLimit = throttle(60, 60_000, { zh: '取号', en: 'tickets' });

  // The kiosk, the printed ticket and the hall display need no sign-in.
  r.get(
    '/api/public/halls/:hallId/queue/categories',
    {
      config: pub,
      schema: {
        summary: '取号业务类别 Ticket categories at the kiosk',
        tags,
        params: s.hallParams,
        response: { 200: listOf(s.kioskCategorySchema) },
      },
    },
    async (req) => {
      const items = await kioskCategories(ctx, req.params.hallId);
      return { items, total: items.length };
    },
  );
  r.get(
    '/api/public/halls/:hallId/kiosk',
    {
      config: pub,
      schema: {
        summary: '取号机设置 Kiosk settings',
        tags,
        params: s.hallParams,
        response: { 200: s.kioskSettingsSchema },
      },
    },
    async (req) => kioskSettings(ctx, req.params.hallId),
  );
  r.post(
    '/api/public/halls/:hallId/queue/tickets',
    {
      config: { ...pub, rateLimit: ticketLimit },
      schema: {
        summary: '自助取号 Take a ticket at the kiosk',
        tags,
        params: s.hallParams,
        body: s.kioskTicketInput,
        response: { 201: s.ticketSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await issueTicket(ctx, null, {
          hallId: req.params.hallId,
          categoryId: req.body.categoryId,
          priority: req.body.priority,
          appointmentAt: null,
        }),
      ),
  );
  r.get(
    '/api/public/queue/tickets/:ticketId',
    {
      config: pub,
      schema: { summary: "查看排队号 A ticket's place in the queue", tags, params: s.ticketParams, response: ticket },
    },
    async (req) => publicTicket(ctx, req.params.ticketId),
  );
  r.get(
    '/api/public/queue/tickets/:ticketId/print',
    {
      config: pub,
      schema: {
        summary: '打印排队号 Print a ticket',
        tags,
        params: s.ticketParams,
        response: { 200: z.any().describe('application/pdf') },
      },
    },
    async (req, reply) => {
      const t = await publicTicket(ctx, req.params.ticketId);
      const pdf = await ticketPdf(t, `${req.protocol}://${req.host}/queue/ticket/${t.id}`);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="ticket-${t.number}.pdf"`)
        .send(pdf);
    },
  );
  r.get(
    '/api/public/halls/:hallId/display',
    {
      config: pub,
      schema: { summary: '叫号大屏 The hall display', tags, params: s.hallParams, response: { 200: s.displaySchema } },
    },
    async (req) => displaySnapshot(ctx, req.params.hallId),
  );
  r.get(
    '/api/public/halls/:hallId/display/stream',
    {
      config: pub,
      schema: {
        summary: "叫号大屏推送 The hall display's event stream",
        tags,
        params: s.hallParams,
        response: { 200: z.string().describe('text/event-stream: call, window, queue, finish') },
      },
    },
    async (req, reply) => {
      await checkHall(ctx, req.params.hallId);
      serveEventStream(app, req, reply, (send) => subscribeDisplay(ctx, req.params.hallId, send));
    },
  );

  // Staff: issue priority tickets, see the day's tickets, run a window.
  r.post(
    '/api/queue/tickets',
    {
      config: serve,
      schema: {
        summary: '窗口代取号 Issue a ticket at the desk',
        tags,
        body: s.staffTicketInput,
        response: { 201: s.ticketSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await issueStaffTicket(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/queue/tickets',
    {
      config: serve,
      schema: {
        summary: '排队号列表 List tickets',
        tags,
        querystring: s.ticketQuery,
        response: { 200: listOf(s.ticketSchema) },
      },
    },
    async (req) => listTickets(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/queue/tickets/:ticketId',
    { config: serve, schema: { summary: '排队号详情 Ticket detail', tags, params: s.ticketParams, response: ticket } },
    async (req) => staffTicket(ctx, actorOf(req), req.params.ticketId),
  );
  r.get(
    '/api/queue/tickets/:ticketId/events',
    {
      config: serve,
      schema: {
        summary: "排队号轨迹 A ticket's trail",
        tags,
        params: s.ticketParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                at: z.number(),
                kind: z.string(),
                windowId: z.string().nullable(),
                userId: z.string().nullable(),
                durationMs: z.number().nullable(),
                detail: z.record(z.string(), z.unknown()).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await ticketEvents(ctx, actorOf(req), req.params.ticketId) }),
  );
  r.get(
    '/api/queue/windows',
    {
      config: serve,
      schema: {
        summary: '窗口状态 Windows and their state',
        tags,
        querystring: s.hallParams,
        response: { 200: listOf(s.windowViewSchema) },
      },
    },
    async (req) => {
      const items = await windows.listWindows(ctx, actorOf(req), req.query.hallId);
      return { items, total: items.length };
    },
  );
  r.get(
    '/api/queue/windows/:windowId',
    {
      config: serve,
      schema: { summary: '窗口详情 Window detail', tags, params: s.windowParams, response: windowView },
    },
    async (req) => windows.windowView(ctx, actorOf(req), req.params.windowId),
  );
  r.post(
    '/api/queue/windows/:windowId/open',
    { config: serve, schema: { summary: '开窗 Open a window', tags, params: s.windowParams, response: windowView } },
    async (req) => windows.openWindow(ctx, actorOf(req), req.params.windowId),
  );
  r.post(
    '/api/queue/windows/:windowId/pause',
    {
      config: serve,
      schema: {
        summary: '暂停窗口 Pause a window',
        tags,
        params: s.windowParams,
        body: s.pauseInput,
        response: windowView,
      },
    },
    async (req) => windows.pauseWindow(ctx, actorOf(req), req.params.windowId, req.body.reason),
  );
  r.post(
    '/api/queue/windows/:windowId/resume',
    {
      config: serve,
      schema: { summary: '恢复窗口 Resume a window', tags, params: s.windowParams, response: windowView },
    },
    async (req) => windows.resumeWindow(ctx, actorOf(req), req.params.windowId),
  );
  r.post(
    '/api/queue/windows/:windowId/close',
    { config: serve, schema: { summary: '关窗 Close a window', tags, params: s.windowParams, response: windowView } },
    async (req) => windows.closeWindow(ctx, actorOf(req), req.params.windowId),
  );
  r.post(
    '/api/queue/windows/:windowId/call-next',
    {
      config: serve,
      schema: { summary: '叫号 Call the next ticket', tags, params: s.windowParams, response: { 200: s.callResult } },
    },
    async (req) => serving.callNext(ctx, actorOf(req), req.params.windowId),
  );
  r.post(
    '/api/queue/windows/:windowId/walk-in',
    {
      config: serve,
      schema: {
        summary: '直接接待 Serve a walk-in',
        tags,
        params: s.windowParams,
        body: s.walkInInput,
        response: { 201: s.ticketSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await serving.serveWalkIn(ctx, actorOf(req), req.params.windowId, req.body.categoryId)),
  );
  r.post(
    '/api/queue/tickets/:ticketId/recall',
    { config: serve, schema: { summary: '重呼 Call a ticket again', tags, params: s.ticketParams, response: ticket } },
    async (req) => serving.recall(ctx, actorOf(req), req.params.ticketId),
  );
  r.post(
    '/api/queue/tickets/:ticketId/no-show',
    { config: serve, schema: { summary: '过号 Mark a no-show', tags, params: s.ticketParams, response: ticket } },
    async (req) => serving.markNoShow(ctx, actorOf(req), req.params.ticketId),
  );
  r.post(
    '/api/queue/tickets/:ticketId/start',
    { config: serve, schema: { summary: '开始办理 Start serving', tags, params: s.ticketParams, response: ticket } },
    async (req) => serving.startServing(ctx, actorOf(req), req.params.ticketId),
  );
  r.post(
    '/api/queue/tickets/:ticketId/finish',
    {
      config: serve,
      schema: {
        summary: '办理完毕 Finish serving',
        tags,
        params: s.ticketParams,
        body: s.finishInput,
        response: ticket,
      },
    },
    async (req) => serving.finishServing(ctx, actorOf(req), req.params.ticketId, req.body),
  );
  r.post(
    '/api/queue/tickets/:ticketId/transfer',
    {
      config: serve,
      schema: {
        summary: '转窗口 Transfer to another window',
        tags,
        params: s.ticketParams,
        body: s.transferInput,
        response: ticket,
      },
    },
    async (req) => serving.transfer(ctx, actorOf(req), req.params.ticketId, req.body),
  );
  queueSettingsRoutes(app, ctx);
}
