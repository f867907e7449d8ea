/**
 * The demo hall's people (窗口人员管理): a staff file (工号, entry date, confidentiality agreement) for every business
 * account, AB pairs (the handler 杨帆 ↔ 邹敏 of the same department) and this week's roster of the county hall
 * (working days on the national calendar) with gaps left open.
 */
import { addDays, dayOfWeek } from '../domain/calendar/days.ts';
import { WorkingCalendar } from '../domain/calendar/index.ts';
import { holdsAdminRole } from '../domain/roles.ts';
import { chinaDay } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { demoAccounts } from './demo-accounts.ts';

export async function seedDemoStaff(db: Db, now: number): Promise<void> {
  const users = await db.selectFrom('users').select(['id', 'username']).execute();
  const idOf = new Map(users.map((u) => [u.username, u.id]));
  const county = await db.selectFrom('halls').select('id').orderBy('created_at').executeTakeFirstOrThrow();
  const halls = await db.selectFrom('halls').select(['id', 'code']).execute();
  const countyId = halls.find((h) => h.code === 'QCX-ZWFW')?.id ?? county.id;
  let n = 0;
  for (const a of demoAccounts) {
    if (holdsAdminRole(a.roles) || a.roles.includes('applicant')) continue;
    const id = idOf.get(a.username);
    if (!id) continue;
    n++;
    await db
      .insertInto('staff_profiles')
      .values({
        user_id: id,
        staff_no: `QC${String(n).padStart(4, '0')}`,
        photo: null,
        window_ids: '[]',
        entry_date: `20${String(10 + (n % 12)).padStart(2, '0')}-0${1 + (n % 9)}-01`,
        // Two newcomers have not signed the confidentiality agreement yet.
        confidentiality_signed_at: n % 11 === 5 ? null : now - n * 86_400_000,
        updated_at: now,
      })
      .execute();
  }
  const pair = async (kind: string, subject: string, a: string, b: string) => {
    const aId = idOf.get(a);
    const bId = idOf.get(b);
    if (!aId || !bId) return;
    await db
      .insertInto('staff_ab_pairs')
      .values({
        id: newId(now),
        hall_id: countyId,
        kind,
        subject,
        a_user_id: aId,
        b_user_id: bId,
        from_day: null,
        to_day: null,
        created_at: now,
      })
      .execute();
  };
  await pair('post', 'handler', 'handler', 'sc_handler');
  await pair('post', 'handler', 'sc_handler', 'handler');
  const windows = await db
    .selectFrom('windows')
    .select(['id', 'number'])
    .where('hall_id', '=', countyId)
    .where('status', '=', 'active')
    .orderBy('number')
    .execute();
  const w1 = windows[0];
  const w2 = windows[1];
  // This week's roster: the clerk at window 1 mornings and afternoons, the supervisor at window 2 in the mornings
  // (its afternoons and the other windows are the gaps the 排班 page shows).
  const today = chinaDay(now);
  const monday = addDays(today, 1 - dayOfWeek(today));
  const calendar = new WorkingCalendar({});
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (!calendar.isWorkingDay(day)) continue;
    const slots: { window: typeof w1; user: string; post: string; session: string }[] = [
      { window: w1, user: 'clerk', post: 'clerk', session: 'am' },
      { window: w1, user: 'clerk', post: 'clerk', session: 'pm' },
      { window: w2, user: 'supervisor', post: 'supervisor', session: 'am' },
    ];
    for (const s of slots) {
      const userId = idOf.get(s.user);
      if (!s.window || !userId) continue;
      await db
        .insertInto('staff_roster')
        .values({
          id: newId(now),
          hall_id: countyId,
          day,
          session: s.session,
          window_id: s.window.id,
          user_id: userId,
          post: s.post,
          created_at: now,
        })
        .execute();
    }
  }
}
