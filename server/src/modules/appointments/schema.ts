import { z } from 'zod';
import { pageQuery } from '../../platform/schemas.ts';

const text = (max: number) => z.string().trim().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const slot = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, '时段格式应为“时:分”');
/** A mainland mobile number: the confirmation and the reminder go to it by SMS. */
const mobile = z
  .string()
  .trim()
  .transform((p) => p.replace(/[ -]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码，用于接收预约短信'));

export const hallParams = z.object({ hallId: z.string().min(1).max(64) });
export const codeParams = z.object({ code: z.string().trim().min(1).max(16) });
export const hallQuery = z.object({ hallId: z.string().min(1).max(64) });

export const slotsQuery = z.object({ itemId: z.string().min(1).max(64) });

export const bookingInput = z.object({
  itemId: z.string().min(1, '请选择办理事项').max(64),
  day,
  slot,
  name: text(50).min(1, '请填写姓名'),
  idNumber: text(32).min(1, '请填写身份证号码'),
  phone: mobile,
});
export type BookingInput = z.infer<typeof bookingInput>;

export const staffBookingInput = bookingInput.extend({ hallId: z.string().min(1).max(64) });

export const changeInput = z.object({ day, slot });

export const checkInInput = z
  .object({
    code: text(16).optional(),
    idNumber: text(32).optional(),
  })
  .refine((v) => !!(v.code || v.idNumber), { message: '请输入预约码或身份证号码', path: ['code'] });

export const settingsSchema = z.object({
  slotMinutes: z.number().int().min(10, '每个时段至少 10 分钟').max(240, '每个时段至多 240 分钟'),
  daysAhead: z.number().int().min(1, '至少可预约 1 天').max(60, '至多提前 60 天预约'),
  graceMinutes: z.number().int().min(0).max(120, '迟到宽限至多 120 分钟'),
  noShowLimit: z.number().int().min(1).max(20),
  noShowDays: z.number().int().min(1).max(365),
  blockDays: z.number().int().min(1).max(365),
});
export type AppointmentSettings = z.infer<typeof settingsSchema>;

export const capacityInput = z.object({
  hallId: z.string().min(1).max(64),
  items: z
    .array(z.object({ categoryId: z.string().min(1).max(64), capacity: z.number().int().min(0).max(500) }))
    .max(100),
});

export const appointmentChannels = ['online', 'phone'] as const;
export const appointmentStatuses = ['booked', 'checked_in', 'cancelled', 'no_show'] as const;

export const listQuery = pageQuery.extend({
  hallId: z.string().min(1).max(64),
  day: day.optional(),
  status: z.enum(appointmentStatuses).optional(),
});

export const appointmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  hallId: z.string(),
  hallName: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  itemId: z.string().nullable(),
  itemName: z.string(),
  day: z.string(),
  slot: z.string(),
  slotEnd: z.string(),
  startsAt: z.number(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  phone: z.string().describe('masked'),
  channel: z.enum(appointmentChannels),
  status: z.enum(appointmentStatuses),
  late: z.boolean(),
  checkedInAt: z.number().nullable(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  createdAt: z.number(),
});
export type AppointmentView = z.infer<typeof appointmentSchema>;

export const slotSchema = z.object({ from: z.string(), to: z.string(), left: z.number(), open: z.boolean() });
export const daySchema = z.object({ day: z.string(), working: z.boolean(), slots: z.array(slotSchema) });
export const daysSchema = z.object({
  itemId: z.string(),
  categoryId: z.string(),
  capacity: z.number(),
  graceMinutes: z.number(),
  days: z.array(daySchema),
});

export const bookableItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
});

export const checkInSchema = z.object({
  appointment: appointmentSchema,
  late: z.boolean(),
  ticket: z.object({ id: z.string(), number: z.string() }),
});

export const capacityRowSchema = z.object({
  categoryId: z.string(),
  prefix: z.string(),
  name: z.string(),
  active: z.boolean(),
  capacity: z.number(),
});

export const noShowSchema = z.object({
  idNumber: z.string().describe('masked'),
  name: z.string(),
  phone: z.string().describe('masked'),
  noShows: z.number(),
  lastAt: z.number(),
  blockedUntil: z.number().nullable(),
});
