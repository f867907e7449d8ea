/**
 * 预约 slots and places: the items of a hall that can be booked (their queue category has capacity), the days ahead
 * with each slot of the hall's opening hours and the places left, and the check of the item and slot a booking or a
 * change asks for.
 */
import { bookableDays, instantOf, slotOpen, slotsOfDay } from '../../domain/appointments/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import { calendarOf } from '../calendar/service.ts';
import { findItem } from '../catalog/service.ts';
import { publicGuide } from '../guide/service.ts';
import { categoriesOfHall, publicHall, timetablesOf } from '../queue/service.ts';
import * as repo from './repository.ts';
import { settingsOf } from './settings-service.ts';

type Category = Awaited<ReturnType<typeof categoriesOfHall>>[number];

/**
 * The queue category an item is served in: of the active ones naming the item's catalogue category, the most
 * specialised (fewest catalogue categories, e.g. a marriage desk before a general civil-affairs one); else the first.
 */
function servingCategory(categories: Category[], itemCategory: string): Category | null {
  const active = categories.filter((c) => c.active);
  const naming = active
    .filter((c) => (c.itemCategories as readonly string[]).includes(itemCategory))
    .sort((a, b) => a.itemCategories.length - b.itemCategories.length);
  return naming[0] ?? active[0] ?? null;
}

async function categoryForItem(db: Db, hallId: string, itemCategory: string) {
  return servingCategory(await categoriesOfHall(db, hallId), itemCategory);
}

export async function capacityFor(db: Db, hallId: string, categoryId: string) {
  return (await repo.capacityOf(db, hallId)).find((c) => c.category_id === categoryId)?.capacity ?? 0;
}

/** The published items of a hall that can be booked: their category has places. */
export async function bookableItems(ctx: AppContext, hallId: string) {
  await publicHall(ctx.db, hallId);
  const [{ items }, categories, capacity] = await Promise.all([
    publicGuide(ctx, { hallId, limit: 500, offset: 0 }),
    categoriesOfHall(ctx.db, hallId),
    repo.capacityOf(ctx.db, hallId),
  ]);
  const places = new Map(capacity.map((c) => [c.category_id, c.capacity]));
  const out = [];
  for (const i of items) {
    const c = servingCategory(categories, i.category);
    if (c && (places.get(c.id) ?? 0) > 0)
      out.push({ id: i.id, code: i.code, name: i.name, categoryId: c.id, categoryName: c.name });
  }
  return { items: out, total: out.length };
}

export async function itemOf(db: Db, hallId: string, itemId: string) {
  const item = await findItem(db, itemId);
  if (!item || item.hall_id !== hallId || item.status !== 'published')
    throw invalid('itemId', '请选择本大厅可预约的事项', 'Choose an item of this hall');
  const category = await categoryForItem(db, hallId, item.category);
  if (!category) throw invalid('itemId', '该事项暂不提供预约', 'This item cannot be booked');
  const capacity = await capacityFor(db, hallId, category.id);
  if (capacity <= 0) throw invalid('itemId', '该事项暂不提供预约', 'This item cannot be booked');
  return { item, category, capacity };
}

/** The days one may book and each slot's places left, for an item. */
export async function availableDays(ctx: AppContext, hallId: string, itemId: string) {
  await publicHall(ctx.db, hallId);
  const { category, capacity } = await itemOf(ctx.db, hallId, itemId);
  const s = await settingsOf(ctx.db, hallId);
  const now = ctx.clock.now();
  const days = bookableDays(chinaDay(now), s.daysAhead);
  const [calendar, tables, taken] = await Promise.all([
    calendarOf(ctx.db, hallId),
    timetablesOf(ctx.db, [hallId]),
    repo.takenIn(ctx.db, hallId, category.id, days[0]!, days[days.length - 1]!),
  ]);
  const week = tables.get(hallId)?.hall ?? [];
  const used = new Map(taken.map((t) => [`${t.day} ${t.slot}`, Number(t.taken)]));
  return {
    itemId,
    categoryId: category.id,
    capacity,
    graceMinutes: s.graceMinutes,
    days: days.map((day) => {
      const working = calendar.isWorkingDay(day);
      return {
        day,
        working,
        slots: slotsOfDay(week, day, working, s.slotMinutes).map((sl) => ({
          from: sl.from,
          to: sl.to,
          left: Math.max(0, capacity - (used.get(`${day} ${sl.from}`) ?? 0)),
          open: slotOpen(instantOf(day, sl.from), now),
        })),
      };
    }),
  };
}

/** The slot asked for, if the hall offers it that day and it has not started. */
export async function checkedSlot(db: Db, hallId: string, day: string, slot: string, now: number) {
  const s = await settingsOf(db, hallId);
  if (!bookableDays(chinaDay(now), s.daysAhead).includes(day))
    throw invalid('day', `只能预约今天起 ${s.daysAhead} 天内的日期`, `Book within ${s.daysAhead} days from today`);
  const [calendar, tables] = await Promise.all([calendarOf(db, hallId), timetablesOf(db, [hallId])]);
  const slots = slotsOfDay(tables.get(hallId)?.hall ?? [], day, calendar.isWorkingDay(day), s.slotMinutes);
  if (!slots.length) throw invalid('day', '该日大厅不办公，请选择其他日期', 'The hall is closed that day');
  const found = slots.find((x) => x.from === slot);
  if (!found) throw invalid('slot', '请选择大厅办公时间内的时段', 'Choose a slot of the opening hours');
  const startsAt = instantOf(day, found.from);
  if (!slotOpen(startsAt, now)) throw invalid('slot', '该时段已开始，请选择之后的时段', 'That slot has started');
  return { slot: found, startsAt, endsAt: instantOf(day, found.to), settings: s };
}
