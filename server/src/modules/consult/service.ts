import { randomInt } from 'node:crypto';
import { loadRoleCatalog } from '../accounts/service.ts';
import { appendAudit, byActor, recordAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { lookupIndexes, piiFields, protectPhone, reveal } from '../../platform/pii/protect.ts';
import { calendarOf } from '../calendar/service.ts';
import { findHall } from '../org/service.ts';
import { coveredNow } from '../staff/service.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import {
  type Channel,
  type ListQuery,
  openStatuses,
  type PublicInput,
  type RegisterInput,
  type Status,
} from './schema.ts';

type Row = repo.ConsultationRow;

let lastStamp = 0;
/** Ids that sort in the order they were made, even within one millisecond, so trails read in order. */
export function orderedId(at: number): string {
  lastStamp = Math.max(at, lastStamp + 1);
  return newId(lastStamp);
}

/** One trail event, written in the transaction of the change it describes. */
export async function trail(
  db: Db,
  c: { id: string },
  at: number,
  who: { userId: string; name: string } | null,
  action: string,
  detail?: Record<string, unknown>,
) {
  await repo.insertEvent(db, {
    id: orderedId(at),
    consultation_id: c.id,
    at,
    user_id: who?.userId ?? null,
    user_name: who?.name ?? null,
    action,
    detail: detail ? JSON.stringify(detail) : null,
  });
}

export const who = (actor: Actor) => ({ userId: actor.userId, name: actor.displayName });

const isOpen = (status: string) => openStatuses.includes(status as Status);

/** Supervisors and station heads may direct any consultation of their halls. */
export const directs = (actor: Actor) => actor.roles.includes('supervisor') || actor.roles.includes('station_head');

export const mayHandle = (actor: Actor, c: Row) =>
  actor.permissions.has('consult.handle') &&
  (c.status === 'unclaimed' || c.handler_id === actor.userId || c.first_owner_id === actor.userId || directs(actor));

/**
 * AB岗: the person the actor acts for on this consultation — its first-question owner (or handler) while away, the
 * actor their B or stand-in now. The owner stays on record; the actor acts as B代A. Null when the actor is not covering.
 */
export async function coverOf(ctx: AppContext, actor: Actor, c: Row): Promise<{ id: string; name: string } | null> {
  if (!actor.permissions.has('consult.handle') || c.status === 'unclaimed') return null;
  if (c.first_owner_id === actor.userId || c.handler_id === actor.userId) return null;
  const covered = await coveredNow(ctx.db, actor.userId, ctx.clock.now());
  if (c.first_owner_id && covered.includes(c.first_owner_id))
    return { id: c.first_owner_id, name: c.first_owner_name ?? '' };
  if (c.handler_id && covered.includes(c.handler_id)) return { id: c.handler_id, name: c.handler_name ?? '' };
  return null;
}

/** The consultation if the actor's halls include it; otherwise as if it did not exist. */
export async function loadConsultation(ctx: AppContext, actor: Actor, id: string): Promise<Row> {
  const c = await repo.findConsultation(ctx.db, id);
  if (!c) throw notFound('咨询', 'Consultation');
  if (!actor.hallIds.includes(c.hall_id)) throw outOfScope(notFound('咨询', 'Consultation'), 'consultation', c.id);
  return c;
}

async function checkItem(db: Db, hallId: string, itemId: string | null | undefined) {
  if (!itemId) return null;
  const item = await repo.findItemRef(db, itemId);
  if (!item || item.hall_id !== hallId) {
    throw invalid('itemId', '所咨询的事项不存在或不属于该大厅', 'The service item does not exist in this hall');
  }
  return itemId;
}

// Digits and capitals without look-alikes (0/O, 1/I), so a code read over the phone is not misheard.
const CODE_CHARS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const lookupCode = () => Array.from({ length: 6 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('');

/** Inserts with the next number of the day; a concurrent registration taking the same number retries. */
async function insertNumbered(
  ctx: AppContext,
  hallId: string,
  now: number,
  build: (number: string) => Row,
  after: (trx: Db, row: Row) => Promise<void>,
) {
  const hall = await findHall(ctx.db, hallId);
  if (!hall) throw invalid('hallId', '服务大厅不存在', 'No such hall');
  const day = chinaDay(now);
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const seq = (await repo.countOnDay(trx, hallId, day)) + 1 + attempt;
        const row = build(`ZX-${hall.code}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`);
        await repo.insertConsultation(trx, row);
        await after(trx, row);
        return row;
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 5) throw e;
    }
  }
}

/** Registered at the window or on the phone: the registering clerk is the first-question owner (首问人). */
export async function registerConsultation(ctx: AppContext, actor: Actor, input: RegisterInput) {
  assertHallAccess(actor, input.hallId);
  const itemId = await checkItem(ctx.db, input.hallId, input.itemId);
  const now = ctx.clock.now();
  const answered = input.answer !== undefined;
  const id = newId(now);
  const phone = protectPhone(piiFields.consultationPhone, id, input.contactPhone);
  const row = await insertNumbered(
    ctx,
    input.hallId,
    now,
    (number) => ({
      id,
      hall_id: input.hallId,
      number,
      lookup_code: lookupCode(),
      channel: input.channel,
      person_name: input.personName,
      contact_phone_enc: phone.enc,
      contact_phone_index: phone.index,
      contact_phone_masked: phone.masked,
      question: input.question,
      item_id: itemId,
      status: answered ? 'answered' : 'open',
      first_owner_id: actor.userId,
      first_owner_name: actor.displayName,
      handler_id: actor.userId,
      handler_name: actor.displayName,
      answer: input.answer ?? null,
      answered_at: answered ? now : null,
      answered_by: answered ? actor.displayName : null,
      promised_days: null,
      due_date: null,
      referral_text: null,
      referral_department_id: null,
      registered_day: chinaDay(now),
      created_at: now,
      updated_at: now,
    }),
    async (trx, r) => {
      await trail(trx, r, now, who(actor), 'register', { channel: input.channel, itemId });
      if (answered) await trail(trx, r, now, who(actor), 'answer', { answer: input.answer, onTheSpot: true });
      await appendAudit(
        trx,
        byActor(actor, now, 'consult.register', 'consultation', r.id, {
          number: r.number,
          channel: input.channel,
          answered,
        }),
      );
    },
  );
  return consultationDetail(ctx, actor, row.id);
}

/** The public online form: no account; the first member of staff who takes it becomes its first-question owner. */
export async function registerOnline(ctx: AppContext, input: PublicInput, ip: string | null) {
  const itemId = await checkItem(ctx.db, input.hallId, input.itemId);
  const now = ctx.clock.now();
  const id = newId(now);
  const phone = protectPhone(piiFields.consultationPhone, id, input.contactPhone);
  const row = await insertNumbered(
    ctx,
    input.hallId,
    now,
    (number) => ({
      id,
      hall_id: input.hallId,
      number,
      lookup_code: lookupCode(),
      channel: 'online' as Channel,
      person_name: input.personName,
      contact_phone_enc: phone.enc,
      contact_phone_index: phone.index,
      contact_phone_masked: phone.masked,
      question: input.question,
      item_id: itemId,
      status: 'unclaimed',
      first_owner_id: null,
      first_owner_name: null,
      handler_id: null,
      handler_name: null,
      answer: null,
      answered_at: null,
      answered_by: null,
      promised_days: null,
      due_date: null,
      referral_text: null,
      referral_department_id: null,
      registered_day: chinaDay(now),
      created_at: now,
      updated_at: now,
    }),
    async (trx, r) => {
      await trail(trx, r, now, null, 'register', { channel: 'online', itemId });
      await appendAudit(trx, {
        at: now,
        userId: null,
        username: null,
        action: 'consult.register_online',
        targetType: 'consultation',
        targetId: r.id,
        outcome: 'success',
        ip,
        detail: { number: r.number },
      });
    },
  );
  return { number: row.number, lookupCode: row.lookup_code };
}

/** What the person may see with the number and the code: the state and the reply, nothing personal. */
export async function publicLookup(ctx: AppContext, q: { number: string; code: string }) {
  const c = await repo.findByNumber(ctx.db, q.number);
  if (!c || c.lookup_code !== q.code.toUpperCase()) throw notFound('咨询', 'Consultation');
  return {
    number: c.number,
    status: c.status as Status,
    registeredDay: c.registered_day,
    dueDate: c.due_date,
    dueProvisional: c.due_provisional === 1,
    answer: c.answer,
    referralText: c.referral_text,
  };
}

async function lights(ctx: AppContext, rows: Row[]) {
  const today = chinaDay(ctx.clock.now());
  const halls = [...new Set(rows.filter((r) => r.due_date && isOpen(r.status)).map((r) => r.hall_id))];
  const calendars = new Map(await Promise.all(halls.map(async (h) => [h, await calendarOf(ctx.db, h)] as const)));
  return (r: Row) => {
    const cal = calendars.get(r.hall_id);
    return r.due_date && cal && isOpen(r.status) ? cal.lightFor(today, r.due_date, 1) : null;
  };
}

function presentSummary(r: Row, itemName: string | null, light: 'green' | 'yellow' | 'red' | null) {
  return {
    id: r.id,
    hallId: r.hall_id,
    number: r.number,
    channel: r.channel as Channel,
    personName: r.person_name,
    contactPhone: r.contact_phone_masked,
    question: r.question,
    itemId: r.item_id,
    itemName,
    status: r.status as Status,
    firstOwnerId: r.first_owner_id,
    firstOwnerName: r.first_owner_name,
    handlerId: r.handler_id,
    handlerName: r.handler_name,
    dueDate: r.due_date,
    dueProvisional: r.due_provisional === 1,
    light,
    registeredDay: r.registered_day,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export async function listConsultations(
  ctx: AppContext,
  actor: Actor,
  q: ListQuery & { limit: number; offset: number },
) {
  const today = chinaDay(ctx.clock.now());
  const overdue = q.overdue === 'true';
  const statusFilter = q.status === 'active' || overdue ? openStatuses : q.status ? [q.status] : undefined;
  const { rows, total } = await repo.listConsultations(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    statuses: statusFilter,
    channel: q.channel,
    overdueBefore: overdue ? today : undefined,
    mineUserId: q.mine === 'true' ? actor.userId : undefined,
    coverUserIds: q.mine === 'true' ? await coveredNow(ctx.db, actor.userId, ctx.clock.now()) : undefined,
    q: q.q,
    // A whole phone number typed in the search box finds the consultation by the phone's blind index.
    phoneIndexes: q.q && /^\+?[0-9][0-9 -]{5,}$/.test(q.q) ? lookupIndexes('phone', q.q) : undefined,
    limit: q.limit,
    offset: q.offset,
  });
  const [names, light] = await Promise.all([
    repo.itemNames(
      ctx.db,
      rows.flatMap((r) => (r.item_id ? [r.item_id] : [])),
    ),
    lights(ctx, rows),
  ]);
  return {
    items: rows.map((r) => presentSummary(r, r.item_id ? (names.get(r.item_id) ?? null) : null, light(r))),
    total,
  };
}

export async function consultationDetail(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadConsultation(ctx, actor, id);
  const [names, light, events, departments, notices] = await Promise.all([
    repo.itemNames(ctx.db, c.item_id ? [c.item_id] : []),
    lights(ctx, [c]),
    repo.eventsOf(ctx.db, id),
    repo.departmentRowsOf(ctx.db, id),
    repo.noticesOf(ctx.db, id),
  ]);
  return {
    ...presentSummary(c, c.item_id ? (names.get(c.item_id) ?? null) : null, light(c)),
    answer: c.answer,
    answeredAt: c.answered_at === null ? null : Number(c.answered_at),
    answeredBy: c.answered_by,
    promisedDays: c.promised_days,
    referralText: c.referral_text,
    referralDepartmentId: c.referral_department_id,
    departments: departments.map((d) => ({
      id: d.id,
      departmentId: d.department_id,
      departmentName: d.department_name,
      question: d.question,
      askedAt: Number(d.asked_at),
      askedBy: d.asked_by,
      answer: d.answer,
      answeredAt: d.answered_at === null ? null : Number(d.answered_at),
      answeredBy: d.answered_by,
    })),
    notices: notices.map((n) => ({
      id: n.id,
      number: n.number,
      itemVersion: n.item_version,
      issuedAt: Number(n.issued_at),
      issuedBy: n.issued_by,
    })),
    trail: events.map((e) => ({
      at: Number(e.at),
      userName: e.user_name,
      action: e.action,
      detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
    })),
    canHandle: isOpen(c.status) && (mayHandle(actor, c) || (await coverOf(ctx, actor, c)) !== null),
    /** AB岗: whom the signed-in person acts for on it now (B代A), or null. */
    coverFor: isOpen(c.status) ? ((await coverOf(ctx, actor, c))?.name ?? null) : null,
  };
}

/** The unmasked phone, for holders of personal.view; every sight is audited. */
export async function revealContact(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadConsultation(ctx, actor, id);
  await recordAudit(
    ctx.db,
    byActor(actor, ctx.clock.now(), 'personal.view', 'consultation', id, { field: 'contactPhone', number: c.number }),
  );
  return { contactPhone: reveal(piiFields.consultationPhone, c.id, c.contact_phone_enc) };
}

/** Staff of the hall a consultation may be handed over to. */
export async function handlingStaff(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const roles = await loadRoleCatalog(ctx.db);
  return (await repo.staffOfHall(ctx.db, hallId)).filter((u) => roles.permissionsOf(u.roles).has('consult.handle'));
}
export { consultationsOfPhone } from './repository.ts';

// 考核 reads these figures' records through the owner's service.
export { answeredBetween } from './repository.ts';
