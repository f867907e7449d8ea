import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callOrder,
  defaultPriorityWeights,
  estimateWaitMs,
  meanAbsoluteError,
  peopleAhead,
  type QueuedTicket,
  rankOf,
  ticketNumber,
  typicalServiceMs,
} from './index.ts';

const rules = { weights: defaultPriorityWeights, appointmentEarlyMs: 10 * 60_000 };
const t = (id: string, over: Partial<QueuedTicket> = {}): QueuedTicket => ({
  id,
  priority: 'normal',
  arrivedAt: 0,
  appointmentAt: null,
  seq: Number(id.replace(/\D/g, '')) || 0,
  ...over,
});
const MIN = 60_000;

describe('call order', () => {
  it('calls by priority weight, then by arrival', () => {
    const tickets = [
      t('n1', { arrivedAt: 1 * MIN }),
      t('e2', { priority: 'elderly', arrivedAt: 5 * MIN }),
      t('n3', { arrivedAt: 2 * MIN }),
      t('g4', { priority: 'green', arrivedAt: 9 * MIN }),
      t('d5', { priority: 'disabled', arrivedAt: 3 * MIN }),
    ];
    expect(callOrder(tickets, 10 * MIN, rules).map((x) => x.id)).toEqual(['g4', 'd5', 'e2', 'n1', 'n3']);
  });

  it('gives an appointment its priority only from its time (less the early allowance)', () => {
    const appointment = t('a1', { priority: 'appointment', arrivedAt: 0, appointmentAt: 60 * MIN });
    const regular = t('n2', { arrivedAt: 1 * MIN });
    // Early: it queues as a regular ticket by arrival, so it is still first here.
    expect(rankOf(appointment, 30 * MIN, rules)).toEqual({ weight: 0, since: 0 });
    const late = t('a3', { priority: 'appointment', arrivedAt: 2 * MIN, appointmentAt: 60 * MIN });
    expect(callOrder([late, regular], 30 * MIN, rules).map((x) => x.id)).toEqual(['n2', 'a3']);
    // From 10 minutes before its time it goes ahead of regular tickets.
    expect(callOrder([late, regular], 50 * MIN, rules).map((x) => x.id)).toEqual(['a3', 'n2']);
    expect(rankOf(late, 50 * MIN, rules)).toEqual({ weight: 100, since: 60 * MIN });
  });

  it('orders due appointments by their booked time, not their arrival', () => {
    const a = t('a1', { priority: 'appointment', arrivedAt: 5 * MIN, appointmentAt: 30 * MIN });
    const b = t('a2', { priority: 'appointment', arrivedAt: 1 * MIN, appointmentAt: 40 * MIN });
    expect(callOrder([b, a], 45 * MIN, rules).map((x) => x.id)).toEqual(['a1', 'a2']);
  });

  it('keeps a transferred ticket at its original arrival', () => {
    const transferred = t('n9', { arrivedAt: 1 * MIN });
    const newer = t('n2', { arrivedAt: 20 * MIN });
    expect(callOrder([newer, transferred], 30 * MIN, rules)[0]?.id).toBe('n9');
  });

  it('is a total order consistent with people ahead (property)', () => {
    const ticket = fc.record({
      priority: fc.constantFrom('normal', 'green', 'elderly', 'disabled', 'appointment' as const),
      arrivedAt: fc.integer({ min: 0, max: 600 }),
      appointmentAt: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 700 }), (raw, now) => {
        const list = raw.map((r, i) => ({ ...r, id: `t${String(i).padStart(3, '0')}`, seq: i + 1 }));
        const ordered = callOrder(list, now, rules);
        for (const [i, x] of ordered.entries()) expect(peopleAhead(x, list, now, rules)).toBe(i);
        for (let i = 1; i < ordered.length; i++) {
          const prev = rankOf(ordered[i - 1]!, now, rules);
          const cur = rankOf(ordered[i]!, now, rules);
          expect(prev.weight > cur.weight || (prev.weight === cur.weight && prev.since <= cur.since)).toBe(true);
        }
      }),
    );
  });
});

describe('wait estimate', () => {
  it('shares the people ahead among open windows', () => {
    const base = { recentServiceMs: [6, 6, 6, 6, 6].map((m) => m * MIN), defaultServiceMs: 10 * MIN };
    expect(estimateWaitMs({ ...base, ahead: 4, openWindows: 2 })).toBe(12 * MIN);
    expect(estimateWaitMs({ ...base, ahead: 4, openWindows: 1 })).toBe(24 * MIN);
    expect(estimateWaitMs({ ...base, ahead: 0, openWindows: 1 })).toBe(0);
    // No window open yet: assume one will open.
    expect(estimateWaitMs({ ...base, ahead: 3, openWindows: 0 })).toBe(18 * MIN);
  });

  it('uses the configured time until real times exist, and blends while they are few', () => {
    expect(typicalServiceMs([], 10 * MIN)).toBe(10 * MIN);
    expect(typicalServiceMs([5 * MIN], 10 * MIN)).toBe(9 * MIN);
    expect(
      typicalServiceMs(
        [4, 4, 4, 4, 4, 4].map((m) => m * MIN),
        10 * MIN,
      ),
    ).toBe(4 * MIN);
  });

  it('drops the extreme tenth so one forgotten finish does not skew it', () => {
    const times = [...Array(9).fill(5 * MIN), 300 * MIN];
    expect(typicalServiceMs(times, 10 * MIN)).toBe(5 * MIN);
  });

  it('measures mean absolute error', () => {
    expect(meanAbsoluteError([])).toBeNull();
    expect(
      meanAbsoluteError([
        { estimatedMs: 10, actualMs: 4 },
        { estimatedMs: 2, actualMs: 6 },
      ]),
    ).toBe(5);
  });

  it('numbers tickets with the prefix and three digits', () => {
    expect(ticketNumber('A', 1)).toBe('A001');
    expect(ticketNumber('B', 123)).toBe('B123');
  });
});
