import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callOrder, defaultPriorityWeights, type QueuedTicket } from '../queue/index.ts';
import { minutesOf, type WeeklyHours } from '../queue/hours.ts';
import { blockedUntil, checkInOutcome, instantOf, isNoShow, slotsOfDay } from './index.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const rules = { weights: defaultPriorityWeights, appointmentEarlyMs: 10 * MIN };
const week: WeeklyHours = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  sessions: [
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '17:00' },
  ],
}));

describe('slots of a day', () => {
  it('cuts the sessions into whole slots, none on a closed day, and a 调休 Saturday takes the weekday hours', () => {
    expect(slotsOfDay(week, '2026-03-02', true, 30).map((s) => s.from)).toEqual([
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
    expect(slotsOfDay(week, '2026-03-02', true, 45).map((s) => `${s.from}-${s.to}`)).toEqual([
      '09:00-09:45',
      '09:45-10:30',
      '10:30-11:15',
      '11:15-12:00',
      '13:30-14:15',
      '14:15-15:00',
      '15:00-15:45',
      '15:45-16:30',
    ]);
    // A holiday on a Monday: closed. A working Saturday (调休): Monday's slots.
    expect(slotsOfDay(week, '2026-03-02', false, 30)).toEqual([]);
    expect(slotsOfDay(week, '2026-03-07', true, 30)).toEqual(slotsOfDay(week, '2026-03-02', true, 30));
    expect(slotsOfDay(week, '2026-03-07', false, 30)).toEqual([]);
  });

  it('every slot lies inside one session, is slot-long and does not overlap the next', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 240 }), fc.integer({ min: 0, max: 27 }), (len, offset) => {
        const day = `2026-03-${String(2 + (offset % 27)).padStart(2, '0')}`;
        const slots = slotsOfDay(week, day, true, len);
        for (const [i, s] of slots.entries()) {
          expect(minutesOf(s.to) - minutesOf(s.from)).toBe(len);
          const inside = week[0]!.sessions.some(
            (x) => minutesOf(x.from) <= minutesOf(s.from) && minutesOf(s.to) <= minutesOf(x.to),
          );
          expect(inside).toBe(true);
          if (i > 0) expect(minutesOf(s.from)).toBeGreaterThanOrEqual(minutesOf(slots[i - 1]!.to));
        }
      }),
    );
  });
});

describe('check-in and no-show', () => {
  it('keeps the priority up to the grace after the start, and a booking is a no-show after the end plus the grace', () => {
    const start = instantOf('2026-03-02', '10:00');
    expect(start).toBe(Date.parse('2026-03-02T02:00:00Z'));
    expect(checkInOutcome(start - 30 * MIN, start, 15 * MIN)).toBe('priority');
    expect(checkInOutcome(start + 15 * MIN, start, 15 * MIN)).toBe('priority');
    expect(checkInOutcome(start + 15 * MIN + 1, start, 15 * MIN)).toBe('late');
    const end = start + 30 * MIN;
    expect(isNoShow(end + 15 * MIN, end, 15 * MIN)).toBe(false);
    expect(isNoShow(end + 15 * MIN + 1, end, 15 * MIN)).toBe(true);
  });
});

/**
 * The queue's call order with check-ins: walk-ins and appointments of one category. An appointment checked in
 * within the grace and due is called before every regular walk-in, never before an earlier-booked due one; one
 * checked in late is an ordinary ticket of its arrival.
 */
describe('appointment priority in the call order', () => {
  const grace = 15 * MIN;
  const base = instantOf('2026-03-02', '09:00');
  const arb = fc.record({
    walkIns: fc.array(fc.integer({ min: 0, max: 240 }), { maxLength: 8 }),
    bookings: fc.array(
      fc.record({ slot: fc.integer({ min: 0, max: 7 }), checkInOffset: fc.integer({ min: -60, max: 60 }) }),
      { maxLength: 6 },
    ),
    nowMinute: fc.integer({ min: 0, max: 300 }),
  });

  it('holds for any mix of arrivals', () => {
    fc.assert(
      fc.property(arb, ({ walkIns, bookings, nowMinute }) => {
        const now = base + nowMinute * MIN;
        let seq = 0;
        type T = QueuedTicket & { kind: 'walk' | 'priority' | 'late' };
        const tickets: T[] = [];
        for (const m of walkIns) {
          const at = base + m * MIN;
          if (at <= now)
            tickets.push({
              id: `w${seq}`,
              priority: 'normal',
              arrivedAt: at,
              appointmentAt: null,
              seq: seq++,
              kind: 'walk',
            });
        }
        for (const b of bookings) {
          const start = base + b.slot * 30 * MIN;
          const at = start + b.checkInOffset * MIN;
          if (at > now) continue;
          const outcome = checkInOutcome(at, start, grace);
          tickets.push({
            id: `a${seq}`,
            priority: outcome === 'priority' ? 'appointment' : 'normal',
            arrivedAt: at,
            appointmentAt: outcome === 'priority' ? start : null,
            seq: seq++,
            kind: outcome === 'priority' ? 'priority' : 'late',
          });
        }
        const order = callOrder(tickets, now, rules);
        const pos = new Map(order.map((t, i) => [t.id, i]));
        const due = (t: T) => t.kind === 'priority' && now >= t.appointmentAt! - rules.appointmentEarlyMs;
        for (const a of tickets.filter(due)) {
          for (const o of tickets) {
            // Before every ordinary ticket: walk-ins and late check-ins, however early they came.
            if (o.kind !== 'priority') expect(pos.get(a.id)!).toBeLessThan(pos.get(o.id)!);
            // Never before a due appointment booked for an earlier slot.
            if (due(o) && o.appointmentAt! < a.appointmentAt!) expect(pos.get(o.id)!).toBeLessThan(pos.get(a.id)!);
          }
        }
        // A late check-in queues like a walk-in arriving then.
        const ordinary = order.filter((t) => t.kind !== 'priority');
        for (let i = 1; i < ordinary.length; i++)
          expect(ordinary[i - 1]!.arrivedAt).toBeLessThanOrEqual(ordinary[i]!.arrivedAt);
      }),
    );
  });

  it('calls a checked-in appointment before earlier walk-ins, and a late one after them', () => {
    const start = instantOf('2026-03-02', '10:00');
    const walk = (id: string, at: number, seq: number): QueuedTicket => ({
      id,
      priority: 'normal',
      arrivedAt: at,
      appointmentAt: null,
      seq,
    });
    const w1 = walk('w1', start - 20 * MIN, 1);
    const w2 = walk('w2', start - 10 * MIN, 2);
    const onTime: QueuedTicket = { id: 'a', priority: 'appointment', arrivedAt: start, appointmentAt: start, seq: 3 };
    expect(callOrder([w1, w2, onTime], start + MIN, rules).map((t) => t.id)).toEqual(['a', 'w1', 'w2']);
    const lateAt = start + 16 * MIN;
    const late: QueuedTicket = {
      id: 'late',
      priority: checkInOutcome(lateAt, start, 15 * MIN) === 'priority' ? 'appointment' : 'normal',
      arrivedAt: lateAt,
      appointmentAt: null,
      seq: 3,
    };
    expect(callOrder([w1, w2, late], lateAt, rules).map((t) => t.id)).toEqual(['w1', 'w2', 'late']);
  });
});

describe('no-show block', () => {
  const rule = { limit: 3, withinDays: 30, blockDays: 14 };
  const t0 = Date.parse('2026-03-02T00:00:00Z');

  it('blocks from the third no-show within 30 days for 14 days', () => {
    const two = [t0, t0 + 5 * DAY];
    expect(blockedUntil(two, rule, t0 + 6 * DAY)).toBeNull();
    const three = [...two, t0 + 20 * DAY];
    expect(blockedUntil(three, rule, t0 + 21 * DAY)).toBe(t0 + 34 * DAY);
    expect(blockedUntil(three, rule, t0 + 34 * DAY)).toBeNull();
    // Spread over more than 30 days: no block.
    expect(blockedUntil([t0, t0 + 20 * DAY, t0 + 31 * DAY], rule, t0 + 32 * DAY)).toBeNull();
  });

  it('blocks exactly when some `limit` no-shows fall within the window, until blockDays after the last of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 300 }),
        (days, limit, withinDays, blockDays, nowDay) => {
          const times = days.map((d) => t0 + d * DAY);
          const now = t0 + nowDay * DAY;
          const until = blockedUntil(times, { limit, withinDays, blockDays }, now);
          const sorted = [...times].sort((a, b) => a - b);
          let expected: number | null = null;
          for (let i = 0; i + limit - 1 < sorted.length; i++) {
            const last = sorted[i + limit - 1]!;
            if (last - sorted[i]! <= withinDays * DAY) expected = Math.max(expected ?? 0, last + blockDays * DAY);
          }
          expect(until).toBe(expected !== null && expected > now ? expected : null);
          if (times.length < limit) expect(until).toBeNull();
        },
      ),
    );
  });
});
