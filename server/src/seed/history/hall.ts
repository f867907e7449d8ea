/**
 * What the history generator needs to know about each hall, loaded once: its published items (with their
 * step groups), windows, staff by post, queue categories and working calendar.
 */
import type { Deadline, Pause, WorkingCalendar } from '../../domain/calendar/index.ts';
import type { RoleCode } from '../../domain/roles.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ItemContent } from '../../modules/catalog/schema.ts';
import { parseContent } from '../../modules/catalog/service.ts';
import { calendarOf } from '../../modules/calendar/service.ts';

export interface Staff {
  id: string;
  username: string;
  name: string;
  /** The name as JSON text, for documents built as text. */
  json: string;
}

export interface StepGroup {
  order: number;
  /** Every step of the group is a window step without a department (受理, 办结). */
  front: boolean;
  role: string;
  departments: string[];
  limitDays: number;
}

export interface ItemPlan {
  id: string;
  code: string;
  version: number;
  content: ItemContent;
  instant: boolean;
  promisedDays: number;
  groups: StepGroup[];
  /** A required material that is not essential, so 容缺受理 is possible. */
  deferrable: string | null;
  windows: { id: string; label: string }[];
  category: { id: string; prefix: string } | null;
  weight: number;
}

export interface HallPlan {
  id: string;
  code: string;
  name: string;
  items: ItemPlan[];
  staff: Map<string, Staff[]>;
  calendar: WorkingCalendar;
  /** Working days from about two years ago until well after today, with 09:00 China time of each. */
  days: string[];
  dayStart: number[];
  /** Index in `days` of the first day on or after today. */
  todayIndex: number;
  deadline(day: string, n: number, pauses?: Pause[]): Deadline | { deadline: string | null; provisional: boolean };
}

const DAY_MS = 86_400_000;
const startOfChinaDay = (day: string) => Date.parse(`${day}T09:00:00+08:00`);

function groupsOf(content: ItemContent): StepGroup[] {
  const orders = [...new Set(content.steps.map((s) => s.order))].sort((a, b) => a - b);
  return orders.map((order) => {
    const steps = content.steps.filter((s) => s.order === order);
    const back = steps.find((s) => s.departmentId !== null);
    return {
      order,
      front: steps.every((s) => s.departmentId === null && (s.role === 'clerk' || s.role === 'supervisor')),
      role: (back ?? steps[0])?.role ?? 'clerk',
      departments: [...new Set(steps.flatMap((s) => (s.departmentId ? [s.departmentId] : [])))],
      limitDays: Math.max(...steps.map((s) => s.limitDays)),
    };
  });
}

export async function loadHalls(db: Db, now: number, historyDays: number): Promise<HallPlan[]> {
  const halls = await db.selectFrom('halls').select(['id', 'code', 'name']).orderBy('code').execute();
  const plans: HallPlan[] = [];
  for (const h of halls) {
    const items = await db
      .selectFrom('service_items as i')
      .innerJoin('service_item_versions as v', (j) =>
        j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
      )
      .select(['i.id', 'i.code', 'i.category', 'v.version', 'v.content'])
      .where('i.hall_id', '=', h.id)
      .where('i.status', '=', 'published')
      .orderBy('i.code')
      .execute();
    if (items.length === 0) continue;
    const windows = await db
      .selectFrom('windows as w')
      .innerJoin('window_items as wi', 'wi.window_id', 'w.id')
      .select(['w.id', 'w.number', 'w.name', 'wi.item_id'])
      .where('w.hall_id', '=', h.id)
      .where('w.status', '=', 'active')
      .orderBy('w.number')
      .execute();
    const categories = await db
      .selectFrom('queue_categories')
      .select(['id', 'prefix', 'item_categories'])
      .where('hall_id', '=', h.id)
      .where('active', '=', 1)
      .orderBy('sort_order')
      .execute();
    const staffRows = await db
      .selectFrom('users as u')
      .innerJoin('user_halls as uh', 'uh.user_id', 'u.id')
      .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
      .select(['u.id', 'u.username', 'u.display_name', 'ur.role'])
      .where('uh.hall_id', '=', h.id)
      .where('u.status', '=', 'active')
      .orderBy('u.username')
      .execute();
    const staff = new Map<string, Staff[]>();
    for (const r of staffRows)
      staff.set(r.role, [
        ...(staff.get(r.role) ?? []),
        { id: r.id, username: r.username, name: r.display_name, json: JSON.stringify(r.display_name) },
      ]);
    if (!staff.get('clerk')?.length) continue;

    const plansOfItems: ItemPlan[] = items.map((i, n) => {
      const content = parseContent(i.content);
      const cats: string[][] = categories.map((c) => JSON.parse(c.item_categories) as string[]);
      const cat = categories.find((_c, k) => cats[k]!.includes(content.category)) ?? categories[0] ?? null;
      const ws = windows
        .filter((w) => w.item_id === i.id)
        .map((w) => ({ id: w.id, label: `${w.number}号窗口 ${w.name}` }));
      const deferrable = content.materials.find((m) => m.requirement === 'required' && !m.essential)?.key ?? null;
      return {
        id: i.id,
        code: i.code,
        version: Number(i.version),
        content,
        instant: content.kind === 'instant',
        promisedDays: content.promisedDays,
        groups: groupsOf(content),
        deferrable,
        windows: ws,
        category: cat ? { id: cat.id, prefix: cat.prefix } : null,
        // Instant items (certificates, registrations) are the bulk of a hall's day; a fixed spread per item.
        weight: (content.kind === 'instant' ? 3 : 1) * (0.5 + ((n * 7919) % 11) / 10),
      };
    });

    const calendar = await calendarOf(db, h.id);
    const today = chinaDay(now);
    const days: string[] = [];
    const dayStart: number[] = [];
    let todayIndex = -1;
    const first = Date.parse(`${today}T00:00:00Z`) - historyDays * DAY_MS;
    for (let ms = first; ms < first + (historyDays + 400) * DAY_MS; ms += DAY_MS) {
      const day = new Date(ms).toISOString().slice(0, 10);
      if (!calendar.isWorkingDay(day)) continue;
      if (todayIndex < 0 && day >= today) todayIndex = days.length;
      days.push(day);
      dayStart.push(startOfChinaDay(day));
    }
    const cache = new Map<string, Deadline>();
    plans.push({
      id: h.id,
      code: h.code,
      name: h.name,
      items: plansOfItems,
      staff,
      calendar,
      days,
      dayStart,
      todayIndex,
      deadline(day, n, pauses) {
        if (pauses?.length) return calendar.deadlineWithPauses(day, n, pauses, 0);
        const key = `${day}|${n}`;
        let d = cache.get(key);
        if (!d) {
          d = calendar.addWorkingDays(day, n);
          cache.set(key, d);
        }
        return d;
      },
    });
  }
  return plans;
}

/** Someone holding the post in the hall; the hall's clerk where nobody does (a small station). */
export function staffFor(hall: HallPlan, role: RoleCode | string, pick: (list: Staff[]) => Staff): Staff {
  const list = hall.staff.get(role);
  return pick(list?.length ? list : hall.staff.get('clerk')!);
}

/** The working-day index of a day in hall.days (binary search: days are sorted). */
export function dayIndex(hall: HallPlan, day: string): number {
  let lo = 0;
  let hi = hall.days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hall.days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A moment on working day `i` of the hall, `hours` after opening (09:00). */
export const momentOn = (hall: HallPlan, i: number, hours: number) => hall.dayStart[i]! + Math.floor(hours * 3_600_000);
