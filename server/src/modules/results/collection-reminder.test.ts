import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/days.ts';
import { collectionReminderDue } from '../../domain/notices/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import { COLLECTION_REMINDER_DAYS_KEY } from '../../platform/settings.ts';
import { acceptedCase, hall, hallId, ok, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { signedIn } from '../../../test/helpers.ts';
import { calendarOf } from '../calendar/service.ts';
import { sweepCollectionReminders } from './reminder-service.ts';

withBackofficeHall();

/** A case whose result the applicant was told (by SMS) to collect. */
async function toldToCollect(phone: string) {
  const c = await acceptedCase({}, phone);
  // The handling itself is not under test here: the case is completed as its last step would leave it.
  await hall.ctx.db
    .updateTable('cases')
    .set({ state: 'completed', outcome: 'success' })
    .where('id', '=', c.id)
    .execute();
  const feedback = await signedIn(hall.app, 'feedback');
  const d = await ok(await feedback.post(`/api/cases/${c.id}/notify`, { channel: 'sms' }));
  expect(d.state).toBe('awaiting_collection');
  return d as { id: string; caseNo: string };
}
const at10 = (day: string) => Date.parse(`${day}T02:00:00Z`);
const remindersOf = (caseId: string) =>
  hall.ctx.db
    .selectFrom('notices')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('event', '=', 'collection_reminder')
    .execute();

describe('领取提醒', () => {
  it('is due on the first working day after N working days since the applicant was told', () => {
    // Mon 03-02 … Fri 03-06 working, the weekend not, 03-09 a holiday.
    const off = new Set(['2026-03-07', '2026-03-08', '2026-03-09']);
    const cal = {
      isWorkingDay: (d: string) => !off.has(d),
      addWorkingDays: (start: string, n: number) => {
        let d = start;
        for (let left = n; left > 0; ) {
          d = addDays(d, 1);
          if (!off.has(d)) left--;
        }
        return { deadline: d };
      },
    };
    const due = (today: string, days = 3) => collectionReminderDue(cal, '2026-03-02', today, days);
    expect(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-10'].map((d) => due(d))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(due('2026-03-06', 4)).toBe(false);
    expect(due('2026-03-10', 4)).toBe(true);
  });

  it('queues one reminder per uncollected case after the set working days, none for a collected one', async () => {
    const waiting = await toldToCollect('13712347001');
    const mailed = await toldToCollect('13712347002');
    const clerk = await signedIn(hall.app, 'clerk');
    await ok(await clerk.post(`/api/cases/${mailed.id}/mail`, { carrier: '中国邮政EMS', trackingNumber: 'EA1234CN' }));
    const told = chinaDay(hall.clock.now());
    const cal = await calendarOf(hall.ctx.db, hallId);
    const deadline = cal.addWorkingDays(told, 3).deadline;
    let next = addDays(deadline, 1);
    while (!cal.isWorkingDay(next)) next = addDays(next, 1);

    expect(await sweepCollectionReminders(hall.ctx)).toEqual({ reminded: 0 });
    hall.clock.set(at10(deadline));
    expect(await sweepCollectionReminders(hall.ctx)).toEqual({ reminded: 0 });
    // A longer setting, as the supervisor keeps it on the templates page, holds it back.
    const supervisor = await signedIn(hall.app, 'supervisor');
    expect(await ok(await supervisor.put('/api/notices/settings', { collectionReminderDays: 10 }))).toEqual({
      collectionReminderDays: 10,
    });
    hall.clock.set(at10(next));
    expect(await sweepCollectionReminders(hall.ctx)).toEqual({ reminded: 0 });
    // Days have passed: the supervisor signs in again to set it back.
    const later = await signedIn(hall.app, 'supervisor');
    await ok(await later.put('/api/notices/settings', { collectionReminderDays: 3 }));
    // The default, 3 working days: reminded once, however often the sweep runs.
    expect(await sweepCollectionReminders(hall.ctx)).toEqual({ reminded: 1 });
    expect(await sweepCollectionReminders(hall.ctx)).toEqual({ reminded: 0 });
    hall.clock.set(at10(addDays(next, 7)));
    expect(await sweepCollectionReminders(hall.ctx)).toEqual({ reminded: 0 });

    const [reminder, ...more] = await remindersOf(waiting.id);
    expect(more).toHaveLength(0);
    expect(reminder).toMatchObject({
      case_no: waiting.caseNo,
      state: 'pending',
      dedupe_key: `collect:${waiting.id}:1:0`,
    });
    expect(reminder!.recipient_masked).toBe('137****7001');
    expect(reminder!.body).toContain(`您的办件${waiting.caseNo}（`);
    expect(reminder!.body).toContain('的结果尚未领取，请尽快到');
    expect(reminder!.body).not.toMatch(/\{\w+\}/);
    expect(await remindersOf(mailed.id)).toHaveLength(0);
  });

  it('is set by the supervisor, 1 to 60 working days, with the field named and the change audited', async () => {
    const supervisor = await signedIn(hall.app, 'supervisor');
    const clerk = await signedIn(hall.app, 'clerk');
    expect(await ok(await supervisor.get('/api/notices/settings'))).toEqual({ collectionReminderDays: 3 });
    const bad = await supervisor.put('/api/notices/settings', { collectionReminderDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', field: 'collectionReminderDays' });
    expect((await clerk.put('/api/notices/settings', { collectionReminderDays: 5 })).statusCode).toBe(403);
    expect(await ok(await supervisor.put('/api/notices/settings', { collectionReminderDays: 5 }))).toEqual({
      collectionReminderDays: 5,
    });
    const row = await hall.ctx.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', COLLECTION_REMINDER_DAYS_KEY)
      .executeTakeFirstOrThrow();
    expect(row.value).toBe('5');
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['username', 'detail'])
      .where('action', '=', 'notice.settings.save')
      .orderBy('seq')
      .execute();
    expect(audit.at(-1)).toMatchObject({ username: 'supervisor' });
    expect(JSON.parse(String(audit.at(-1)!.detail))).toMatchObject({ before: 3, after: 5 });
    await ok(await supervisor.put('/api/notices/settings', { collectionReminderDays: 3 }));
  });
});
