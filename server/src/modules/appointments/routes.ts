import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { throttle } from '../../platform/rate-limit.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import { checkIn } from './check-in-service.ts';
import * as records from './record-service.ts';
import * as service from './service.ts';
import * as settings from './settings-service.ts';
import * as slots from './slots-service.ts';

export function appointmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['预约 appointments'];
  const pub = { access: 'public' } as const;
  const book = { access: 'appointment.book' } as const;
  const manage = { access: 'appointment.manage' } as const;
  // Bookings and code lookups are few per person; this stops a script trying codes or emptying a day's slots.
  const bookingLimit = throttle(20, 60_000, { zh: '预约操作', en: 'booking requests' });
  // A hall's kiosk is one address checking in everyone: the same allowance as its tickets.
  const checkInLimit = throttle(60, 60_000, { zh: '签到', en: 'check-ins' });
  const view = { 200: s.appointmentSchema };

  r.get(
    '/api/public/halls/:hallId/appointments/items',
    {
      config: pub,
      schema: {
        summary: '可预约事项 Items open for booking',
        tags,
        params: s.hallParams,
        response: { 200: listOf(s.bookableItemSchema) },
      },
    },
    async (req) => slots.bookableItems(ctx, req.params.hallId),
  );
  r.get(
    '/api/public/halls/:hallId/appointments/days',
    {
      config: pub,
      schema: {
        summary: '可预约日期与时段 Days and slots open for booking',
        tags,
        params: s.hallParams,
        querystring: s.slotsQuery,
        response: { 200: s.daysSchema },
      },
    },
    async (req) => slots.availableDays(ctx, req.params.hallId, req.query.itemId),
  );
  r.post(
    '/api/public/halls/:hallId/appointments',
    {
      config: { ...pub, rateLimit: bookingLimit },
      schema: {
        summary: '网上预约 Book an appointment',
        tags,
        params: s.hallParams,
        body: s.bookingInput,
        response: { 201: s.appointmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.bookOnline(ctx, req.params.hallId, req.body)),
  );
  r.get(
    '/api/public/appointments/:code',
    {
      config: { ...pub, rateLimit: bookingLimit },
      schema: { summary: '查看预约 An appointment by its code', tags, params: s.codeParams, response: view },
    },
    async (req) => records.lookup(ctx, req.params.code),
  );
  r.post(
    '/api/public/appointments/:code/cancel',
    {
      config: { ...pub, rateLimit: bookingLimit },
      schema: { summary: '取消预约 Cancel an appointment', tags, params: s.codeParams, response: view },
    },
    async (req) => service.cancelByCode(ctx, req.params.code),
  );
  r.post(
    '/api/public/appointments/:code/change',
    {
      config: { ...pub, rateLimit: bookingLimit },
      schema: {
        summary: '改约 Change an appointment',
        tags,
        params: s.codeParams,
        body: s.changeInput,
        response: view,
      },
    },
    async (req) => service.changeByCode(ctx, req.params.code, req.body),
  );
  // The kiosk's check-in (预约签到).
  r.post(
    '/api/public/halls/:hallId/appointments/check-in',
    {
      config: { ...pub, rateLimit: checkInLimit },
      schema: {
        summary: '预约签到取号 Check in and take a ticket',
        tags,
        params: s.hallParams,
        body: s.checkInInput,
        response: { 201: s.checkInSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await checkIn(ctx, req.params.hallId, req.body)),
  );

  r.get(
    '/api/appointments',
    {
      config: book,
      schema: {
        summary: '预约列表 List appointments',
        tags,
        querystring: s.listQuery,
        response: { 200: listOf(s.appointmentSchema) },
      },
    },
    async (req) => records.listForStaff(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/appointments',
    {
      config: book,
      schema: {
        summary: '代为预约 Book for an applicant',
        tags,
        body: s.staffBookingInput,
        response: { 201: s.appointmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.bookByPhone(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/appointments/:id/cancel',
    {
      config: book,
      schema: {
        summary: '代为取消预约 Cancel an appointment for an applicant',
        tags,
        params: idParams,
        response: view,
      },
    },
    async (req) => service.cancelByStaff(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/appointments/:id/trail',
    {
      config: book,
      schema: {
        summary: "预约轨迹 An appointment's trail",
        tags,
        params: idParams,
        response: {
          200: z.object({
            events: z.array(
              z.object({
                at: z.number(),
                kind: z.string(),
                userId: z.string().nullable(),
                detail: z.record(z.string(), z.unknown()).nullable(),
              }),
            ),
            notices: z.array(
              z.object({
                id: z.string(),
                event: z.string(),
                eventLabel: z.string(),
                recipient: z.string(),
                body: z.string(),
                state: z.string(),
                stateLabel: z.string(),
                createdAt: z.number(),
                sentAt: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => records.appointmentTrail(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/appointments/settings',
    {
      config: book,
      schema: {
        summary: '预约设置 Booking settings',
        tags,
        querystring: s.hallQuery,
        response: { 200: s.settingsSchema },
      },
    },
    async (req) => settings.hallSettings(ctx, actorOf(req), req.query.hallId),
  );
  r.put(
    '/api/appointments/settings',
    {
      config: manage,
      schema: {
        summary: '修改预约设置 Update booking settings',
        tags,
        querystring: s.hallQuery,
        body: s.settingsSchema,
        response: { 200: s.settingsSchema },
      },
    },
    async (req) => settings.saveHallSettings(ctx, actorOf(req), req.query.hallId, req.body),
  );
  r.get(
    '/api/appointments/capacity',
    {
      config: book,
      schema: {
        summary: '预约号源 Booking capacity',
        tags,
        querystring: s.hallQuery,
        response: { 200: listOf(s.capacityRowSchema) },
      },
    },
    async (req) => settings.capacityList(ctx, actorOf(req), req.query.hallId),
  );
  r.put(
    '/api/appointments/capacity',
    {
      config: manage,
      schema: {
        summary: '设置预约号源 Set booking capacity',
        tags,
        body: s.capacityInput,
        response: { 200: listOf(s.capacityRowSchema) },
      },
    },
    async (req) => settings.saveCapacity(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/appointments/no-shows',
    {
      config: manage,
      schema: {
        summary: '爽约名单 No-show list',
        tags,
        querystring: s.hallQuery,
        response: { 200: listOf(s.noShowSchema) },
      },
    },
    async (req) => settings.noShowList(ctx, actorOf(req), req.query.hallId),
  );
}
