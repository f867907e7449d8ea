import {
  defaultAppointmentEarlyMinutes,
  defaultPriorityWeights,
  defaultRatingWindowMinutes,
  defaultRecallLimit,
  estimateWaitMs,
  type OrderingRules,
  peopleAhead,
  type Priority,
  type QueuedTicket,
  waitMinutes,
} from '../../domain/queue/index.ts';
import type { Db } from '../../platform/db/database.ts';
import * as repo from './repository.ts';
import { type HallSettings, hallSettingsSchema } from './schema.ts';

/** A hall's floor at one moment: its rules, categories, windows and which of them are open. */
export interface Floor {
  hallId: string;
  settings: HallSettings;
  rules: OrderingRules;
  categories: repo.CategoryRow[];
  windows: Awaited<ReturnType<typeof repo.windowsOfHall>>;
  sessions: repo.SessionRow[];
}

export const jsonList = (text: string): string[] => {
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export const defaultHallSettings: HallSettings = {
  recallLimit: defaultRecallLimit,
  priorityWeights: defaultPriorityWeights,
  appointmentEarlyMinutes: defaultAppointmentEarlyMinutes,
  ratingWindowMinutes: defaultRatingWindowMinutes,
  kioskIdleSeconds: 60,
  displayNotices: [],
};

export async function settingsOf(db: Db, hallId: string): Promise<HallSettings> {
  const row = await repo.hallSettings(db, hallId);
  if (!row) return defaultHallSettings;
  return hallSettingsSchema.parse({
    recallLimit: row.recall_limit,
    priorityWeights: { ...defaultPriorityWeights, ...(JSON.parse(row.priority_weights) as object) },
    appointmentEarlyMinutes: row.appointment_early_minutes,
    ratingWindowMinutes: row.rating_window_minutes,
    kioskIdleSeconds: row.kiosk_idle_seconds,
    displayNotices: jsonList(row.display_notices),
  });
}

export const rulesOf = (s: HallSettings): OrderingRules => ({
  weights: s.priorityWeights,
  appointmentEarlyMs: s.appointmentEarlyMinutes * 60_000,
});

export async function loadFloor(db: Db, hallId: string): Promise<Floor> {
  const [settings, categories, windows, sessions] = await Promise.all([
    settingsOf(db, hallId),
    repo.categoriesOf(db, hallId),
    repo.windowsOfHall(db, hallId),
    repo.openSessionsInHall(db, hallId),
  ]);
  return { hallId, settings, rules: rulesOf(settings), categories, windows, sessions };
}

/** Categories a window serves. */
export const categoriesOfWindow = (floor: Floor, windowId: string): string[] =>
  floor.categories.filter((c) => c.active === 1 && jsonList(c.window_ids).includes(windowId)).map((c) => c.id);

export function windowState(floor: Floor, windowId: string): 'closed' | 'open' | 'paused' {
  const s = floor.sessions.find((x) => x.window_id === windowId);
  return s ? (s.status as 'open' | 'paused') : 'closed';
}

/** Windows serving the category that are open for calls now. */
export const openWindowsFor = (floor: Floor, category: repo.CategoryRow): number =>
  jsonList(category.window_ids).filter((w) => windowState(floor, w) === 'open').length;

export const queued = (t: repo.TicketRow): QueuedTicket => ({
  id: t.id,
  priority: t.priority as Priority,
  arrivedAt: Number(t.arrived_at),
  appointmentAt: t.appointment_at === null ? null : Number(t.appointment_at),
  seq: t.seq,
});

/** People ahead of a (possibly not yet issued) ticket in its category, and the expected wait. */
export async function estimateFor(
  db: Db,
  floor: Floor,
  category: repo.CategoryRow,
  ticket: QueuedTicket,
  waiting: repo.TicketRow[],
  now: number,
): Promise<{ ahead: number; waitMs: number }> {
  const sameQueue = waiting.filter((w) => w.category_id === category.id && w.target_window_id === null).map(queued);
  const ahead = peopleAhead(ticket, sameQueue, now, floor.rules);
  const recent = await repo.recentServiceTimes(db, category.id);
  const waitMs = estimateWaitMs({
    ahead,
    openWindows: openWindowsFor(floor, category),
    recentServiceMs: recent,
    defaultServiceMs: category.default_service_minutes * 60_000,
  });
  return { ahead, waitMs };
}

export { waitMinutes };
