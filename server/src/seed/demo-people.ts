import { chinaDay } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { untrainedDemoUsernames } from './demo-accounts.ts';

/**
 * The demo hall's training: each hall's pre-post training (岗前培训) and confidentiality training (保密培训) of
 * its staff, passed by every demo account except the newly hired ones, who show the post check.
 */
export async function seedDemoTraining(db: Db, now: number): Promise<void> {
  const day = chinaDay(now);
  const year = Number(day.slice(0, 4));
  const users = await db.selectFrom('users').select(['id', 'username']).orderBy('username').execute();
  const links = await db.selectFrom('user_halls').selectAll().execute();
  const halls = await db.selectFrom('halls').select('id').orderBy('code').execute();
  const subjects = [
    ['pre_post', '在岗人员岗前培训（服务规范、办事流程、首问负责）', 16 * 60, 88],
    ['confidentiality', '保密与个人信息保护培训', 2 * 60, 92],
  ] as const;
  // A person of two halls is trained in the first of them.
  const homeHall = (userId: string) =>
    halls.find((h) => links.some((l) => l.user_id === userId && l.hall_id === h.id))?.id;
  const trained = users.filter((u) => !untrainedDemoUsernames.includes(u.username));
  for (const hall of halls) {
    const staff = trained.filter((u) => homeHall(u.id) === hall.id);
    for (const [subject, title, minutes, score] of subjects) {
      const planId = newId(now);
      const sessionId = newId(now);
      await db
        .insertInto('training_plans')
        .values({
          id: planId,
          hall_id: hall.id,
          title,
          kind: 'internal',
          subject,
          year,
          description: '',
          pass_score: 60,
          created_by: 'system',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('training_sessions')
        .values({
          id: sessionId,
          plan_id: planId,
          hall_id: hall.id,
          day,
          minutes,
          place: '中心三楼培训室',
          trainer: '中心办公室',
          created_by: 'system',
          created_at: now,
        })
        .execute();
      for (const u of staff) {
        await db
          .insertInto('training_records')
          .values({
            id: newId(now),
            session_id: sessionId,
            plan_id: planId,
            hall_id: hall.id,
            user_id: u.id,
            subject,
            day,
            year,
            attended: 1,
            minutes,
            score,
            passed: 1,
            certificate_no: null,
            note: '',
            recorded_by: 'system',
            recorded_at: now,
            updated_at: now,
          })
          .execute();
      }
    }
  }
  // Accounts in no hall (administrators) are recognised as trained without a session.
  for (const u of trained.filter((x) => !homeHall(x.id)))
    await db
      .insertInto('training_records')
      .values({
        id: newId(now),
        session_id: null,
        plan_id: null,
        hall_id: null,
        user_id: u.id,
        subject: 'pre_post',
        day,
        year,
        attended: 1,
        minutes: 0,
        score: null,
        passed: 1,
        certificate_no: null,
        note: '在岗人员视同岗前培训合格',
        recorded_by: 'system',
        recorded_at: now,
        updated_at: now,
      })
      .execute();
}
