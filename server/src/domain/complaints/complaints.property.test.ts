import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, WorkingCalendar } from '../calendar/index.ts';
import {
  type ComplaintAction,
  type ComplaintState,
  clockStopped,
  complaintLight,
  complaintMove,
  complaintStates,
  progressNoticeDay,
  progressNoticeOwed,
  repliedOnTime,
} from './index.ts';

/**
 * Random action sequences over the complaint clock: moves, days passing and sweeps. A model complaint follows what
 * the service does with the answers of these rules; the invariants are what the desk and the complainant rely on.
 */
const calendar = new WorkingCalendar();
const previousWorkingDay = (day: string) => {
  let d = addDays(day, -1);
  while (!calendar.isWorkingDay(d)) d = addDays(d, -1);
  return d;
};

type Step = { t: 'move'; a: ComplaintAction } | { t: 'days'; n: number } | { t: 'sweep' };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    t: fc.constant('move' as const),
    a: fc.constantFrom<ComplaintAction>('assign', 'note', 'reply', 'rate', 'reopen'),
  }),
  fc.record({ t: fc.constant('days' as const), n: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ t: 'sweep' as const }),
);

describe('complaint clock and states (property)', () => {
  it('keeps its invariants under any sequence of moves, days and sweeps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(step, { maxLength: 40 }),
        (startOffset, days, simple, contact, steps) => {
          let today = addDays('2026-01-05', startOffset);
          const limit = simple ? 0 : days;
          let state: ComplaintState = simple ? 'replied' : 'open';
          let received = today;
          let due = calendar.addWorkingDays(today, limit).deadline!;
          let round = 1;
          let noticed = simple ? 1 : 0;
          let replied: string | null = simple ? today : null;
          let rated = false;
          const notices: { round: number; day: string; due: string; received: string }[] = [];
          for (const s of steps) {
            if (s.t === 'days') today = addDays(today, s.n);
            else if (s.t === 'sweep') {
              const noticeDay = progressNoticeDay(received, due, previousWorkingDay);
              const owed = progressNoticeOwed({
                state,
                hasContact: contact,
                round,
                noticedRound: noticed,
                noticeDay,
                dueDay: due,
                today,
              });
              if (owed) {
                notices.push({ round, day: today, due, received });
                noticed = round;
              }
            } else {
              const next = complaintMove(state, s.a);
              if (next === null) continue;
              if (s.a === 'reply') replied = today;
              if (s.a === 'rate') rated = true;
              if (s.a === 'reopen') {
                round += 1;
                received = today;
                due = calendar.addWorkingDays(today, days).deadline!;
                replied = null;
                rated = false;
              }
              state = next;
            }
            // Invariants after every step.
            expect(complaintStates).toContain(state);
            expect(due >= received).toBe(true);
            expect(replied !== null).toBe(clockStopped(state));
            expect(rated).toBe(state === 'closed');
            const light = complaintLight(state, today, due);
            if (clockStopped(state)) expect(light).toBe('none');
            else expect(light === 'red').toBe(today > due);
            if (replied) expect(repliedOnTime(replied, due)).toBe(replied <= due);
          }
          // At most one progress notice a round, never before the round began nor after its deadline, none anonymous.
          const rounds = notices.map((n) => n.round);
          expect(new Set(rounds).size).toBe(rounds.length);
          for (const n of notices) {
            expect(n.day <= n.due).toBe(true);
            expect(n.day >= n.received).toBe(true);
          }
          if (!contact) expect(notices).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers every move from every state as the table says', () => {
    const table: Record<ComplaintState, ComplaintAction[]> = {
      open: ['assign', 'note', 'reply'],
      handling: ['assign', 'note', 'reply'],
      replied: ['rate', 'reopen'],
      closed: ['reopen'],
    };
    for (const s of complaintStates)
      for (const a of ['assign', 'note', 'reply', 'rate', 'reopen'] as const)
        expect(complaintMove(s, a) !== null, `${s} ${a}`).toBe(table[s].includes(a));
  });
});
