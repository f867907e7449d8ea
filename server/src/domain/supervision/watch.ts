/**
 * What electronic supervision watches (R6.4): which clocks are yellow or red, who is told, and which steps
 * wait too long at hand-over. Pure; the lights themselves come from the working calendar (domain/calendar).
 */
import type { Light } from '../calendar/index.ts';

export type Level = Exclude<Light, 'green'>;

/** A step activated this many working days ago or more without anyone claiming it is stuck at hand-over. */
export const DEFAULT_STUCK_DAYS = 1;

/** Stuck when nobody claimed it and more than `stuckDays` working days have passed since activation. */
export const isStuck = (claimed: boolean, workingDaysWaiting: number, stuckDays: number): boolean =>
  !claimed && workingDaysWaiting > stuckDays;

export interface WatchedClock {
  kind: 'case' | 'step';
  level: Level;
  /** The step's assignee, or for a case its first-question owner (falling back to who received it). */
  responsibleId: string | null;
  /** When nobody is assigned to a step: the staff of its department. */
  departmentStaffIds: readonly string[];
  /** The hall's supervisors; told when the clock is red. */
  supervisorIds: readonly string[];
}

export interface Recipient {
  userId: string;
  audience: 'responsible' | 'supervisor';
}

/**
 * Who hears about a yellow or red clock: the responsible person (or, for an unassigned step, its
 * department's staff), and on red also the supervisors. Each person once, as responsible first.
 */
export function recipientsOf(c: WatchedClock): Recipient[] {
  const responsible = c.responsibleId ? [c.responsibleId] : c.kind === 'step' ? [...c.departmentStaffIds] : [];
  const out = new Map<string, Recipient>();
  for (const userId of responsible) out.set(userId, { userId, audience: 'responsible' });
  if (c.level === 'red') {
    for (const userId of c.supervisorIds) if (!out.has(userId)) out.set(userId, { userId, audience: 'supervisor' });
  }
  return [...out.values()];
}

export interface Tally {
  key: string;
  yellow: number;
  red: number;
}

/** Counts of yellow and red per key (department, window, person); an item under several keys counts in each. */
export function tally<T extends { level: Level }>(items: readonly T[], keysOf: (t: T) => readonly string[]): Tally[] {
  const m = new Map<string, Tally>();
  for (const it of items) {
    for (const key of new Set(keysOf(it))) {
      const t = m.get(key) ?? { key, yellow: 0, red: 0 };
      t[it.level] += 1;
      m.set(key, t);
    }
  }
  return [...m.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.key.localeCompare(b.key));
}
