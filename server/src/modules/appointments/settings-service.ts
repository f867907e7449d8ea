/**
 * 预约 settings a supervisor keeps per hall: slot length, days ahead, grace, the no-show rule, the capacity per slot
 * and category, and the list of people with no-shows and until when they are blocked.
 */
import { blockedUntil } from '../../domain/appointments/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import { assertHallAccess } from '../org/service.ts';
import { categoriesOfHall } from '../queue/service.ts';
import * as repo from './repository.ts';
import type { AppointmentSettings } from './schema.ts';

const DAY = 86_400_000;

export const defaultSettings: AppointmentSettings = {
  slotMinutes: 30,
  daysAhead: 14,
  graceMinutes: 15,
  noShowLimit: 3,
  noShowDays: 90,
  blockDays: 30,
};
export async function settingsOf(db: Db, hallId: string): Promise<AppointmentSettings> {
  const r = await repo.settingsOf(db, hallId);
  if (!r) return defaultSettings;
  return {
    slotMinutes: r.slot_minutes,
    daysAhead: r.days_ahead,
    graceMinutes: r.grace_minutes,
    noShowLimit: r.no_show_limit,
    noShowDays: r.no_show_days,
    blockDays: r.block_days,
  };
}

export const ruleOf = (s: AppointmentSettings) => ({
  limit: s.noShowLimit,
  withinDays: s.noShowDays,
  blockDays: s.blockDays,
});

export async function hallSettings(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  return settingsOf(ctx.db, hallId);
}

export async function saveHallSettings(ctx: AppContext, actor: Actor, hallId: string, s: AppointmentSettings) {
  assertHallAccess(actor, hallId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveSettings(trx, {
      hall_id: hallId,
      slot_minutes: s.slotMinutes,
      days_ahead: s.daysAhead,
      grace_minutes: s.graceMinutes,
      no_show_limit: s.noShowLimit,
      no_show_days: s.noShowDays,
      block_days: s.blockDays,
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'appointment.settings', 'hall', hallId, { ...s }));
  });
  return settingsOf(ctx.db, hallId);
}

export async function capacityList(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const [categories, capacity] = await Promise.all([categoriesOfHall(ctx.db, hallId), repo.capacityOf(ctx.db, hallId)]);
  const items = categories.map((c) => ({
    categoryId: c.id,
    prefix: c.prefix,
    name: c.name,
    active: c.active,
    capacity: capacity.find((x) => x.category_id === c.id)?.capacity ?? 0,
  }));
  return { items, total: items.length };
}

export async function saveCapacity(
  ctx: AppContext,
  actor: Actor,
  input: { hallId: string; items: { categoryId: string; capacity: number }[] },
) {
  assertHallAccess(actor, input.hallId);
  const categories = await categoriesOfHall(ctx.db, input.hallId);
  for (const [i, x] of input.items.entries()) {
    if (!categories.some((c) => c.id === x.categoryId))
      throw invalid(`items.${i}.categoryId`, '号段不属于该大厅', 'The category is not of this hall');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    for (const x of input.items) await repo.saveCapacity(trx, input.hallId, x.categoryId, x.capacity, now);
    await appendAudit(trx, byActor(actor, now, 'appointment.capacity', 'hall', input.hallId, { items: input.items }));
  });
  return capacityList(ctx, actor, input.hallId);
}

/** People of the hall with no-shows in the rule's window, how many, and until when online booking is blocked. */
export async function noShowList(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const s = await settingsOf(ctx.db, hallId);
  const now = ctx.clock.now();
  const rows = await repo.noShowsInHall(ctx.db, hallId, now - (s.noShowDays + s.blockDays) * DAY);
  const byPerson = new Map<string, repo.AppointmentRow[]>();
  for (const r of rows) byPerson.set(r.id_number_index, [...(byPerson.get(r.id_number_index) ?? []), r]);
  const items = [...byPerson.values()].map((list) => {
    const times = list.map((r) => Number(r.ends_at));
    return {
      idNumber: list[0]!.id_number_masked,
      name: list[0]!.name,
      phone: list[0]!.phone_masked,
      noShows: times.filter((t) => t >= now - s.noShowDays * DAY).length,
      lastAt: Math.max(...times),
      blockedUntil: blockedUntil(times, ruleOf(s), now),
    };
  });
  items.sort((a, b) => (b.blockedUntil ?? 0) - (a.blockedUntil ?? 0) || b.lastAt - a.lastAt);
  return { items, total: items.length };
}
