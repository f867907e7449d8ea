/** The year's training plans and sessions with everyone's record, and the year's few conduct records (奖惩). */
import { sessionPassed } from '../../domain/people/index.ts';
import type { HistoryTables } from './bulk.ts';
import type { HallPlan, Staff } from './hall.ts';
import { type Random, seededId } from './random.ts';
import { at } from './staffing-common.ts';

export function emitTraining(
  rnd: Random,
  t: HistoryTables,
  hall: HallPlan,
  past: string[],
  people: Staff[],
  by: Staff,
) {
  const years = [...new Set(past.map((d) => d.slice(0, 4)))];
  const plans = [
    { title: '政务服务业务知识培训', kind: 'internal', subject: 'business' },
    { title: '一窗通办系统操作培训', kind: 'internal', subject: 'system_use' },
  ];
  for (const year of years) {
    const days = past.filter((d) => d.startsWith(year));
    if (days.length < 20) continue;
    for (const p of plans) {
      const created = at(days[0]!, 10 * 60);
      const planId = seededId(rnd, created);
      t.trainingPlans.add(
        planId,
        hall.id,
        `${year}年${p.title}`,
        p.kind,
        p.subject,
        Number(year),
        '年度计划内培训，考核合格记入培训档案',
        60,
        by.id,
        created,
        created,
      );
      for (const half of [0.25, 0.75]) {
        const day = days[Math.floor(days.length * half)]!;
        const minutes = rnd.pick([90, 120, 180]);
        const held = at(day, 14 * 60 + 30);
        const sessionId = seededId(rnd, held);
        t.trainingSessions.add(sessionId, planId, hall.id, day, minutes, '大厅三楼会议室', by.name, by.id, held);
        for (const person of people) {
          const attended = rnd.chance(0.95);
          const score = attended ? rnd.int(55, 100) : null;
          const recorded = held + minutes * 60_000 + 3_600_000;
          t.trainingRecords.add(
            seededId(rnd, recorded),
            sessionId,
            planId,
            hall.id,
            person.id,
            p.subject,
            day,
            Number(year),
            attended ? 1 : 0,
            attended ? minutes : 0,
            score,
            sessionPassed(attended, score, 60) ? 1 : 0,
            null,
            attended ? '' : '因工作未参加',
            by.id,
            recorded,
            recorded,
          );
        }
      }
    }
    // 奖惩: a commendation or two and the odd sanction each year, acknowledged by the person.
    for (let n = 0; n < 3; n++) {
      const day = rnd.pick(days);
      const person = rnd.pick(people);
      const reward = n < 2;
      const created = at(day, 17 * 60);
      t.conduct.add(
        seededId(rnd, created),
        hall.id,
        person.id,
        reward ? 'reward' : 'sanction',
        reward ? 'service' : 'attendance',
        reward ? 'praise' : 'reminder',
        reward ? '服务热情周到，收到群众表扬信' : '当月迟到两次',
        day,
        'acknowledged',
        '已知悉',
        created + 86_400_000,
        by.id,
        by.name,
        created,
      );
    }
  }
}
