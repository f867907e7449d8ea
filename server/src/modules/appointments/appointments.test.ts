import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mod112CheckChar } from '../../domain/identity/resident-id.ts';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { sweepAppointments } from './sweep-service.ts';

// T0 is Monday 2026-03-02 09:00 Beijing time.
let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let sysadmin: Session;
let pub: Session;
let hallId: string;
let item: { id: string; name: string; categoryId: string };
let windowId: string;
const MIN = 60_000;

/** A valid resident ID number (MOD 11-2) for person n. */
const idOf = (n: number) => {
  const body = `11010119900101${String(n).padStart(3, '0')}`;
  return body + mod112CheckChar(body);
};
const person = (n: number) => ({ name: `张${n}`, idNumber: idOf(n), phone: `1380000${String(n).padStart(4, '0')}` });
const bookAt = (n: number, day: string, slot: string, s: Session = pub) =>
  s.post(`/api/public/halls/${hallId}/appointments`, { itemId: item.id, day, slot, ...person(n) });

/** The outbox rows queued about a booking (keyed `appointment:<id>:…`), oldest first. */
const outboxOf = (appointmentId: string) =>
  hall.ctx.db
    .selectFrom('notices')
    .selectAll()
    .where('dedupe_key', 'like', `appointment:${appointmentId}:%`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  sysadmin = await signedIn(hall.app, 'sysadmin');
  pub = new Session(hall.app);
  hallId = json(await clerk.get('/api/auth/me')).halls[0].id;
  const weeklyHours = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    sessions: [
      { from: '09:00', to: '12:00' },
      { from: '13:30', to: '17:00' },
    ],
  }));
  expect((await supervisor.put(`/api/queue/halls/${hallId}/hours`, { weeklyHours })).statusCode).toBe(200);
  const categories = json(await clerk.get(`/api/queue/categories?hallId=${hallId}`)).items as {
    id: string;
    windowIds: string[];
  }[];
  const saved = await supervisor.put('/api/appointments/capacity', {
    hallId,
    items: categories.map((c) => ({ categoryId: c.id, capacity: 2 })),
  });
  expect(saved.statusCode).toBe(200);
  const items = json(await pub.get(`/api/public/halls/${hallId}/appointments/items`)).items;
  expect(items.length).toBeGreaterThan(0);
  item = items[0];
  windowId = categories.find((c) => c.id === item.categoryId)!.windowIds[0]!;
});
afterAll(() => hall.close());
/** After the clock jumps past the idle timeout, staff sign in again. */
async function signInAgain() {
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
}

describe('slots', () => {
  it('come from the opening hours on the hall calendar: none on a closed day, a 调休 Saturday has them', async () => {
    expect(
      (await sysadmin.put(`/api/calendar/halls/${hallId}/days/2026-03-04`, { kind: 'closed', note: '停电' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await sysadmin.put(`/api/calendar/halls/${hallId}/days/2026-03-07`, { kind: 'working', note: '调休' }))
        .statusCode,
    ).toBe(200);
    const res = json(await pub.get(`/api/public/halls/${hallId}/appointments/days?itemId=${item.id}`));
    const day = (d: string) => res.days.find((x: { day: string }) => x.day === d);
    expect(res.days).toHaveLength(15);
    expect(day('2026-03-03').slots.map((s: { from: string }) => s.from)).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
    expect(day('2026-03-04').slots).toEqual([]);
    expect(day('2026-03-07').slots).toHaveLength(13);
    expect(day('2026-03-08').slots).toEqual([]);
    // Today at 09:00: the 09:00 slot has started, 09:30 is open.
    expect(
      day('2026-03-02')
        .slots.slice(0, 2)
        .map((s: { open: boolean }) => s.open),
    ).toEqual([false, true]);
    expect(day('2026-03-03').slots[0].left).toBe(2);
  });
});

describe('booking', () => {
  it('books with the ID number encrypted and masked everywhere, records the confirmation owed, and audits', async () => {
    const res = await bookAt(1, '2026-03-03', '10:00');
    expect(res.statusCode).toBe(201);
    const a = json(res);
    expect(a).toMatchObject({
      day: '2026-03-03',
      slot: '10:00',
      slotEnd: '10:30',
      status: 'booked',
      channel: 'online',
    });
    expect(a.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(a.idNumber).not.toContain(idOf(1).slice(6, 14));
    expect(a.phone).toContain('****');
    const row = await hall.ctx.db
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idOf(1));
    expect(JSON.stringify(row)).not.toContain(person(1).phone);
    // The confirmation is in the notification outbox, queued with the booking: by SMS, the number masked in the
    // log and encrypted in the row, the item, the time and the code filled in.
    const notices = await outboxOf(a.id);
    expect(notices.map((n) => [n.event, n.channel, n.state])).toEqual([['appointment_confirmed', 'sms', 'pending']]);
    expect(notices[0]!.recipient_masked).toBe('138****0001');
    expect(notices[0]!.recipient_enc).not.toContain(person(1).phone);
    expect(notices[0]!.body).toContain('张1您好：您已预约2026-03-03 10:00-10:30到');
    expect(notices[0]!.body).toContain(`办理“${item.name}”`);
    expect(notices[0]!.body).not.toMatch(/\{\w+\}/);
    expect(JSON.stringify(notices)).not.toContain(person(1).phone);
    const audit = await hall.ctx.db.selectFrom('audit_log').selectAll().where('target_id', '=', a.id).execute();
    expect(audit.map((x) => x.action)).toEqual(['appointment.book']);
    expect(JSON.stringify(audit)).not.toContain(idOf(1));
    const looked = json(await pub.get(`/api/public/appointments/${a.code.toLowerCase()}`));
    expect(looked.id).toBe(a.id);
    const days = json(await pub.get(`/api/public/halls/${hallId}/appointments/days?itemId=${item.id}`));
    const slot = days.days
      .find((d: { day: string }) => d.day === '2026-03-03')
      .slots.find((s: { from: string }) => s.from === '10:00');
    expect(slot.left).toBe(1);
  });

  it('names the wrong field: ID number, phone, slot, a closed day, a second booking the same day', async () => {
    const bad = async (body: object, field: string) => {
      const res = await pub.post(`/api/public/halls/${hallId}/appointments`, {
        itemId: item.id,
        day: '2026-03-03',
        slot: '11:00',
        ...person(2),
        ...body,
      });
      expect(res.statusCode, JSON.stringify(json(res))).toBeGreaterThanOrEqual(400);
      expect(json(res).field).toBe(field);
      return json(res);
    };
    expect((await bad({ idNumber: '110101199001010010' }, 'idNumber')).code).toBe('VALIDATION');
    expect((await bad({ phone: '12345' }, 'phone')).code).toBe('VALIDATION');
    await bad({ slot: '12:00' }, 'slot');
    await bad({ slot: '09:15' }, 'slot');
    await bad({ day: '2026-03-04' }, 'day');
    await bad({ day: '2026-03-30' }, 'day');
    await bad({ itemId: 'nope' }, 'itemId');
    expect((await bad({ ...person(1), slot: '14:00' }, 'idNumber')).code).toBe('CONFLICT');
    const count = await hall.ctx.db.selectFrom('appointments').select('id').execute();
    expect(count).toHaveLength(1);
  });

  it('books once for a retried request with the same Idempotency-Key', async () => {
    const send = () =>
      hall.app.inject({
        method: 'POST',
        url: `/api/public/halls/${hallId}/appointments`,
        headers: { 'idempotency-key': 'appt-retry-1' },
        remoteAddress: '10.2.0.1',
        payload: { itemId: item.id, day: '2026-03-06', slot: '09:00', ...person(50) },
      });
    const first = await send();
    const again = await send();
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(json(again).code).toBe(json(first).code);
    const rows = await hall.ctx.db.selectFrom('appointments').select('id').where('day', '=', '2026-03-06').execute();
    expect(rows).toHaveLength(1);
  });

  it('never gives the last place twice under concurrent requests', async () => {
    const results = await Promise.all(
      [10, 11, 12, 13, 14, 15].map((n) =>
        hall.app.inject({
          method: 'POST',
          url: `/api/public/halls/${hallId}/appointments`,
          remoteAddress: `10.1.0.${n}`,
          payload: { itemId: item.id, day: '2026-03-03', slot: '14:00', ...person(n) },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).every((r) => json(r).code === 'SLOT_FULL')).toBe(true);
    const taken = await hall.ctx.db
      .selectFrom('appointments')
      .select('id')
      .where('day', '=', '2026-03-03')
      .where('slot', '=', '14:00')
      .execute();
    expect(taken).toHaveLength(2);
  });

  it('changes and cancels by code, giving the place back', async () => {
    const a = json(await bookAt(20, '2026-03-05', '09:00'));
    hall.clock.advance(1000);
    const changed = await pub.post(`/api/public/appointments/${a.code}/change`, { day: '2026-03-05', slot: '14:00' });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ slot: '14:00', slotEnd: '14:30', status: 'booked' });
    const days = json(await pub.get(`/api/public/halls/${hallId}/appointments/days?itemId=${item.id}`));
    const left = (slot: string) =>
      days.days
        .find((d: { day: string }) => d.day === '2026-03-05')
        .slots.find((s: { from: string }) => s.from === slot).left;
    expect([left('09:00'), left('14:00')]).toEqual([2, 1]);
    // A full slot cannot be changed to.
    await bookAt(21, '2026-03-05', '15:00');
    await bookAt(22, '2026-03-05', '15:00');
    const full = await pub.post(`/api/public/appointments/${a.code}/change`, { day: '2026-03-05', slot: '15:00' });
    expect(json(full).code).toBe('SLOT_FULL');
    hall.clock.advance(1000);
    const cancelled = json(await pub.post(`/api/public/appointments/${a.code}/cancel`));
    expect(cancelled.status).toBe('cancelled');
    expect((await pub.post(`/api/public/appointments/${a.code}/cancel`)).statusCode).toBe(409);
    expect((await pub.get('/api/public/appointments/ZZZZZZZZ')).statusCode).toBe(404);
    const trail = json(await clerk.get(`/api/appointments/${a.id}/trail`));
    expect(trail.events.map((e: { kind: string }) => e.kind)).toEqual(['booked', 'changed', 'cancelled']);
    expect(trail.notices.map((n: { event: string }) => n.event)).toEqual([
      'appointment_confirmed',
      'appointment_changed',
      'appointment_cancelled',
    ]);
    const [, changedNotice, cancelledNotice] = await outboxOf(a.id);
    expect(changedNotice!.body).toContain('已改为2026-03-05 14:00-14:30');
    expect(changedNotice!.body).toContain(a.code);
    expect(cancelledNotice!.body).toContain(`2026-03-05 14:00-14:30办理“${item.name}”的预约（预约码${a.code}）已取消`);
    expect(trail.notices.every((n: { recipient: string }) => n.recipient === '138****0020')).toBe(true);
  });
});

describe('check-in at the kiosk', () => {
  it('within the grace: an appointment ticket called before earlier walk-ins; late: an ordinary ticket', async () => {
    const onTime = json(await bookAt(30, '2026-03-02', '09:30'));
    const late = json(await bookAt(31, '2026-03-02', '10:00'));
    hall.clock.advance(5 * MIN); // 09:05
    const walkIn = json(
      await pub.post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId: item.categoryId, priority: 'normal' }),
    );
    hall.clock.advance(20 * MIN); // 09:25
    const wrong = await pub.post(`/api/public/halls/${hallId}/appointments/check-in`, { code: 'ABCDEFGH' });
    expect(wrong.statusCode).toBe(404);
    const ci = await pub.post(`/api/public/halls/${hallId}/appointments/check-in`, { code: onTime.code });
    expect(ci.statusCode).toBe(201);
    expect(json(ci).late).toBe(false);
    const ticket = json(await pub.get(`/api/public/queue/tickets/${json(ci).ticket.id}`));
    expect(ticket.priority).toBe('appointment');
    const again = await pub.post(`/api/public/halls/${hallId}/appointments/check-in`, { code: onTime.code });
    expect(again.statusCode).toBe(409);

    expect((await clerk.post(`/api/queue/windows/${windowId}/open`)).statusCode).toBe(200);
    const first = json(await clerk.post(`/api/queue/windows/${windowId}/call-next`)).ticket;
    expect(first.id).toBe(json(ci).ticket.id);
    await clerk.post(`/api/queue/tickets/${first.id}/start`);
    await clerk.post(`/api/queue/tickets/${first.id}/finish`, { outcomeKind: 'none' });

    // 10:16, past 10:00 + 15 minutes' grace: checked in by ID number, an ordinary ticket behind the walk-in.
    hall.clock.set(Date.parse('2026-03-02T02:16:00Z'));
    await signInAgain();
    const lateCi = json(await pub.post(`/api/public/halls/${hallId}/appointments/check-in`, { idNumber: idOf(31) }));
    expect(lateCi.late).toBe(true);
    expect(lateCi.appointment).toMatchObject({ id: late.id, status: 'checked_in', late: true });
    expect(json(await pub.get(`/api/public/queue/tickets/${lateCi.ticket.id}`)).priority).toBe('normal');
    const second = json(await clerk.post(`/api/queue/windows/${windowId}/call-next`)).ticket;
    expect(second.id).toBe(walkIn.id);
    // A booking of another day is not checked in today.
    const other = await pub.post(`/api/public/halls/${hallId}/appointments/check-in`, { idNumber: idOf(1) });
    expect(json(other).field).toBe('idNumber');
  });
});

describe('no-shows and staff', () => {
  it('marks no-shows after the slot end plus grace and blocks online booking; staff may still book by phone', async () => {
    await signInAgain();
    const rules = { slotMinutes: 30, daysAhead: 14, graceMinutes: 15, noShowLimit: 2, noShowDays: 30, blockDays: 10 };
    expect((await clerk.put(`/api/appointments/settings?hallId=${hallId}`, rules)).statusCode).toBe(403);
    expect((await supervisor.put(`/api/appointments/settings?hallId=${hallId}`, rules)).statusCode).toBe(200);
    const bad = await supervisor.put(`/api/appointments/settings?hallId=${hallId}`, { ...rules, slotMinutes: 5 });
    expect(json(bad).field).toBe('slotMinutes');
    // 2026-03-02 10:16 now. Person 40 books 11:00 and tomorrow 09:00 and comes to neither.
    const a1 = json(await bookAt(40, '2026-03-02', '11:00'));
    const a2 = json(await bookAt(40, '2026-03-03', '09:00'));
    const a3 = json(await bookAt(42, '2026-03-05', '11:00'));
    hall.clock.set(Date.parse('2026-03-02T03:44:00Z')); // 11:44: 11:30 + 15 not yet passed
    expect((await sweepAppointments(hall.ctx)).noShows).toBe(0);
    hall.clock.set(Date.parse('2026-03-02T03:46:00Z'));
    const first = await sweepAppointments(hall.ctx);
    expect(first.noShows).toBeGreaterThanOrEqual(1);
    hall.clock.set(Date.parse('2026-03-03T01:46:00Z')); // 03-03 09:46
    await sweepAppointments(hall.ctx);
    await signInAgain();
    const noShowOn = async (day: string) =>
      json(await supervisor.get(`/api/appointments?hallId=${hallId}&status=no_show&day=${day}`)).items.map(
        (x: { id: string }) => x.id,
      );
    expect([...(await noShowOn('2026-03-02')), ...(await noShowOn('2026-03-03'))]).toEqual([a1.id, a2.id]);
    // Without a day: the hall's today (03-03).
    const today = json(await supervisor.get(`/api/appointments?hallId=${hallId}&status=no_show`)).items;
    expect(today.map((x: { id: string }) => x.id)).toEqual([a2.id]);
    const blocked = await bookAt(40, '2026-03-05', '10:00');
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked)).toMatchObject({ code: 'BOOKING_BLOCKED', field: 'idNumber' });
    const noShows = json(await supervisor.get(`/api/appointments/no-shows?hallId=${hallId}`)).items;
    const row = noShows.find((x: { name: string }) => x.name === '张40');
    expect(row).toMatchObject({ noShows: 2 });
    expect(row.blockedUntil).toBeGreaterThan(hall.clock.now());
    expect(row.idNumber).not.toContain(idOf(40).slice(6, 14));
    expect((await clerk.get(`/api/appointments/no-shows?hallId=${hallId}`)).statusCode).toBe(403);
    // The clerk books a caller on the phone.
    const byPhone = await clerk.post('/api/appointments', {
      hallId,
      itemId: item.id,
      day: '2026-03-05',
      slot: '10:00',
      ...person(40),
    });
    expect(byPhone.statusCode).toBe(201);
    expect(json(byPhone).channel).toBe('phone');
    const day = json(await clerk.get(`/api/appointments?hallId=${hallId}&day=2026-03-05`));
    expect(day.items.some((x: { id: string }) => x.id === json(byPhone).id)).toBe(true);
    const out = await clerk.post(`/api/appointments/${json(byPhone).id}/cancel`);
    expect(json(out).status).toBe('cancelled');
    // The reminder the day before, for the bookings of tomorrow made before 09:00 today, is queued in the outbox
    // once, however often the sweep runs; a2, booked the day before after 09:00, had its confirmation only.
    hall.clock.set(Date.parse('2026-03-04T00:50:00Z')); // 03-04 08:50: not yet
    expect((await sweepAppointments(hall.ctx)).reminders).toBe(0);
    hall.clock.set(Date.parse('2026-03-04T01:10:00Z')); // 03-04 09:10
    expect((await sweepAppointments(hall.ctx)).reminders).toBeGreaterThanOrEqual(1);
    expect((await sweepAppointments(hall.ctx)).reminders).toBe(0);
    const reminders = (await outboxOf(a3.id)).filter((n) => n.event === 'appointment_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toContain('张42您好：提醒您2026-03-05 11:00-11:30到');
    expect(reminders[0]!.recipient_masked).toBe('138****0042');
    expect((await outboxOf(a2.id)).map((n) => n.event)).toEqual(['appointment_confirmed']);
  });
});
