/**
 * The 差评 loop's clocks and order under random action sequences on random hall calendars: stages only move
 * forward, a refused action changes nothing, each due day is the stage's start plus its working days, the
 * rectification cannot finish without plan and evidence, and the applicant rates again at most once, in time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days.ts';
import {
  CALL_BACK_DAYS,
  type LoopAction,
  type LoopState,
  loopStages,
  openLoop,
  RECTIFY_DAYS_DEFAULT,
  RERATE_DAYS,
  stageLight,
  stepLoop,
  VERIFY_DAYS,
} from './loop.ts';

const START = '2026-03-02';

/** A calendar with these days off (weekends are whatever the random set says). */
function calendarWith(off: Set<string>) {
  const isWorking = (d: string) => !off.has(d);
  return {
    isWorking,
    addWorkingDays(start: string, n: number) {
      let d = start;
      for (let left = n; left > 0; ) {
        d = addDays(d, 1);
        if (isWorking(d)) left--;
      }
      return { deadline: d };
    },
  };
}

/** Working days after `from` up to and including `to`, counted one by one. */
function workingDaysBetween(cal: { isWorking: (d: string) => boolean }, from: string, to: string) {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorking(d)) n++;
  return n;
}

const arbOff = fc
  .uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 80 })
  .map((xs) => new Set(xs.map((x) => addDays(START, x))));
const arbAction = fc.oneof(
  fc.record({ kind: fc.constant('call_back' as const), reached: fc.boolean() }),
  fc.record({
    kind: fc.constant('verify' as const),
    rectifyDays: fc.option(fc.integer({ min: -2, max: 70 }), { nil: undefined }),
  }),
  fc.constant({ kind: 'plan' as const }),
  fc.constant({ kind: 'evidence' as const }),
  fc.constant({ kind: 'rectified' as const }),
  fc.constant({ kind: 'rerate' as const }),
);
/** Each action a few days after the one before (possibly the same day); 'next' is the right move for the stage. */
const arbSequence = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 8 }), fc.oneof({ arbitrary: fc.constant('next' as const), weight: 3 }, arbAction)),
  { maxLength: 30 },
);

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** The move a diligent officer makes at this stage, so random runs reach every stage. */
function rightMove(s: LoopState): DistributiveOmit<LoopAction, 'day'> {
  if (s.stage === 'call_back') return { kind: 'call_back', reached: true };
  if (s.stage === 'verify') return { kind: 'verify' };
  if (s.stage === 'rectify')
    return !s.hasPlan ? { kind: 'plan' } : s.evidence === 0 ? { kind: 'evidence' } : { kind: 'rectified' };
  return { kind: 'rerate' };
}

const rank = (s: LoopState) => loopStages.indexOf(s.stage);

describe('差评 loop clocks and order (property)', () => {
  it('holds its invariants under any sequence of actions', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(arbOff, arbSequence, (off, seq) => {
        const cal = calendarWith(off);
        let s = openLoop(cal, START);
        expect(s.stage).toBe('call_back');
        expect(s.callBackDue > START).toBe(true);
        expect(workingDaysBetween(cal, START, s.callBackDue)).toBe(CALL_BACK_DAYS);
        expect(cal.isWorking(s.callBackDue)).toBe(true);
        let day = START;
        let rerates = 0;
        const seen = new Set<string>();
        for (const [gap, pick] of seq) {
          day = addDays(day, gap);
          const partial = pick === 'next' ? rightMove(s) : pick;
          const action = { ...partial, day } as LoopAction;
          const before = s;
          const r = stepLoop(cal, s, action);
          if (!r.ok) {
            // A refusal is a refusal: nothing moved; a closed task refuses everything.
            expect(r.refusal.code).toMatch(/^[A-Z_]+$/);
            if (action.kind === 'rerate' && s.stage === 'rerate') expect(day > s.rerateDue!).toBe(true);
            continue;
          }
          seen.add(r.state.stage);
          expect(before.stage).not.toBe('closed');
          s = r.state;
          expect(rank(s)).toBeGreaterThanOrEqual(rank(before));
          // The current due day is always the current stage's own clock.
          const own = {
            call_back: s.callBackDue,
            verify: s.verifyDue,
            rectify: s.rectifyDue,
            rerate: s.rerateDue,
            closed: null,
          };
          expect(s.dueDay).toBe(own[s.stage]);
          if (before.stage === 'call_back' && s.stage === 'verify') {
            expect(s.reached).toBe(true);
            expect(workingDaysBetween(cal, day, s.verifyDue!)).toBe(VERIFY_DAYS);
            expect(cal.isWorking(s.verifyDue!)).toBe(true);
          }
          if (before.stage === 'verify') {
            expect(s.stage).toBe('rectify');
            const days = action.kind === 'verify' ? (action.rectifyDays ?? RECTIFY_DAYS_DEFAULT) : -1;
            expect(days).toBeGreaterThanOrEqual(1);
            expect(workingDaysBetween(cal, day, s.rectifyDue!)).toBe(days);
          }
          if (before.stage === 'rectify' && s.stage === 'rerate') {
            expect(before.hasPlan).toBe(true);
            expect(before.evidence).toBeGreaterThan(0);
            expect(workingDaysBetween(cal, day, s.rerateDue!)).toBe(RERATE_DAYS);
          }
          if (s.stage === 'closed') {
            rerates++;
            expect(action.kind).toBe('rerate');
            expect(day <= before.rerateDue!).toBe(true);
          }
          // Never red while the applicant holds the turn or once closed.
          if (s.stage === 'rerate' || s.stage === 'closed') expect(stageLight(s, addDays(day, 400))).toBe('green');
          else expect(stageLight(s, addDays(s.dueDay!, 1))).toBe('red');
        }
        expect(rerates).toBeLessThanOrEqual(1);
        for (const st of seen) reached.add(st);
      }),
      { numRuns: 400 },
    );
    // The runs did reach every stage, so the checks above were exercised.
    expect([...reached].sort()).toEqual(['call_back', 'closed', 'rectify', 'rerate', 'verify']);
  });

  it('reaches the end along the one right order on any calendar', () => {
    fc.assert(
      fc.property(arbOff, fc.integer({ min: 1, max: 60 }), (off, days) => {
        const cal = calendarWith(off);
        const path: LoopAction[] = [
          { kind: 'call_back', day: START, reached: false },
          { kind: 'call_back', day: START, reached: true },
          { kind: 'verify', day: START, rectifyDays: days },
          { kind: 'plan', day: START },
          { kind: 'evidence', day: START },
          { kind: 'rectified', day: START },
          { kind: 'rerate', day: START },
        ];
        let s = openLoop(cal, START);
        for (const a of path) {
          const r = stepLoop(cal, s, a);
          expect(r.ok, `${a.kind} at ${s.stage}`).toBe(true);
          if (r.ok) s = r.state;
        }
        expect(s.stage).toBe('closed');
        expect(stepLoop(cal, s, { kind: 'rerate', day: START }).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
