/**
 * AB岗, driven by random days of leave, 暂离, returns and stand-ins: at every instant each open step has exactly one
 * person to act on it — its holder when present, else the first stand-in named for the day who is present, else the
 * first B who is present — and nobody when all of them are away (then the supervisor is told). The case core asks
 * `coverFor` whom to route to and `coveredBy` whose steps B may work, so the two must agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days.ts';
import { type AbPair, type AbsenceReason, actingId, coverFor, coveredBy } from './cover.ts';

const people = ['A', 'B', 'C', 'D', 'E'] as const;
type Person = (typeof people)[number];
const person = fc.constantFrom(...people);

type Action =
  | { kind: 'leave'; who: Person; days: number }
  | { kind: 'away'; who: Person }
  | { kind: 'back'; who: Person }
  | { kind: 'standIn'; a: Person; b: Person; from: number; days: number }
  | { kind: 'pair'; a: Person; b: Person }
  | { kind: 'nextDay' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('leave' as const), who: person, days: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('away' as const), who: person }),
  fc.record({ kind: fc.constant('back' as const), who: person }),
  fc.record({
    kind: fc.constant('standIn' as const),
    a: person,
    b: person,
    from: fc.integer({ min: 0, max: 2 }),
    days: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ kind: fc.constant('pair' as const), a: person, b: person }),
  fc.constant({ kind: 'nextDay' as const }),
);

/** The rule written the slow way, as the supervisor would read it off the board. */
function expectedActor(holder: Person, day: string, pairs: AbPair[], absent: Map<string, AbsenceReason>) {
  if (!absent.has(holder)) return holder;
  const mine = pairs.filter((p) => p.aId === holder && p.bId !== holder);
  const standIns = mine.filter(
    (p) => p.kind === 'stand_in' && (p.fromDay ?? '') <= day && day <= (p.toDay ?? '9999-12-31'),
  );
  const bs = mine.filter((p) => p.kind !== 'stand_in');
  for (const p of [...standIns, ...bs]) if (!absent.has(p.bId)) return p.bId;
  return null;
}

describe('AB cover at every instant (property)', () => {
  it('gives each open step exactly one person to act: A present, else the stand-in, else B, else nobody', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 40 }),
        fc.array(person, { minLength: 1, maxLength: 6 }),
        (actions, holders) => {
          const start = '2026-03-02';
          let dayNo = 0;
          const pairs: AbPair[] = [
            { aId: 'A', bId: 'B', kind: 'post' },
            { aId: 'B', bId: 'A', kind: 'post' },
          ];
          const leaves: { who: Person; from: number; to: number }[] = [];
          const away = new Set<Person>();
          for (const a of actions) {
            if (a.kind === 'leave') leaves.push({ who: a.who, from: dayNo, to: dayNo + a.days });
            if (a.kind === 'away') away.add(a.who);
            if (a.kind === 'back') away.delete(a.who);
            if (a.kind === 'pair' && a.a !== a.b) pairs.push({ aId: a.a, bId: a.b, kind: 'window' });
            if (a.kind === 'standIn' && a.a !== a.b)
              pairs.push({
                aId: a.a,
                bId: a.b,
                kind: 'stand_in',
                fromDay: addDays(start, dayNo + a.from),
                toDay: addDays(start, dayNo + a.from + a.days),
              });
            if (a.kind === 'nextDay') {
              dayNo += 1;
              away.clear(); // 暂离 ends with the day
            }
            const day = addDays(start, dayNo);
            const absent = new Map<string, AbsenceReason>();
            for (const l of leaves) if (l.from <= dayNo && dayNo <= l.to) absent.set(l.who, 'leave');
            for (const p of away) if (!absent.has(p)) absent.set(p, 'away');

            for (const holder of holders) {
              const cover = coverFor(holder, day, pairs, absent);
              const want = expectedActor(holder, day, pairs, absent);
              // Those able to act on the step: its holder while present, and every B whose covered list names it.
              const able = new Set<string>(absent.has(holder) ? [] : [holder]);
              for (const p of people)
                if (p !== holder && coveredBy(p, day, pairs, absent).includes(holder)) able.add(p);
              if (want === null) {
                expect(cover.kind).toBe('uncovered');
                expect(able.size).toBe(0);
                // New work stays on record with the holder while nobody covers; the board names them.
                expect(actingId(cover)).toBe(holder);
              } else {
                expect([...able]).toEqual([want]);
                expect(actingId(cover)).toBe(want);
                // Whoever acts is never away themself.
                expect(absent.has(want)).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
