import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../platform/clock.ts';
import { json, signedIn } from '../../../test/helpers.ts';
import { publishedItem } from '../../../test/intake-fixtures.ts';
import {
  acceptedCase,
  hall,
  hallId,
  ok,
  progress,
  s,
  sc,
  stepOf,
  withBackofficeHall,
} from '../../../test/backoffice-fixtures.ts';
import { calendarOf } from '../calendar/service.ts';

withBackofficeHall();

describe('a passed review hands over to the next step of the plan', () => {
  const plan = (departmentId: string, third: { name: string; role: string }) => ({
    steps: [
      { key: 's1', name: '受理', order: 1, role: 'clerk', departmentId: null, limitDays: 0 },
      { key: 's2', name: '审核', order: 2, role: 'reviewer', departmentId, limitDays: 1 },
      { key: 's3', name: third.name, order: 3, role: third.role, departmentId, limitDays: 1 },
      { key: 's4', name: '审批', order: 4, role: 'approver', departmentId, limitDays: 1 },
    ],
  });
  let reviewThenApprove: string;
  let reviewThenInspect: string;
  beforeAll(async () => {
    // Earlier tests moved the clock on; sign in again.
    for (const n of ['clerk', 'reviewer', 'approver', 'head'] as const) s[n] = await signedIn(hall.app, n);
    reviewThenApprove = await publishedItem(s.head, hallId, sc, 'BO-3', {
      name: '食品小作坊登记',
      ...plan(sc, { name: '核准', role: 'approver' }),
    });
    reviewThenInspect = await publishedItem(s.head, hallId, sc, 'BO-4', {
      name: '小餐饮备案',
      ...plan(sc, { name: '现场核查', role: 'handler' }),
    });
  });

  it('goes on to approval in the same write when approval comes next, and signs off in sequence', async () => {
    let c = await acceptedCase({}, '13712340011', reviewThenApprove);
    expect(c.state).toBe('in_review');
    expect(stepOf(c, 's2').status).toBe('active');
    expect((await s.reviewer.post(`/api/cases/${c.id}/review/start`)).statusCode).toBe(409);
    const slips = c.routingSlips.length;
    c = await ok(await s.reviewer.post(`/api/cases/${c.id}/review/pass`, { note: '材料齐全合规' }));
    expect(c.state).toBe('in_approval');
    expect(stepOf(c, 's2')).toMatchObject({ status: 'done', assignee: { name: '刘洋' } });
    const s3 = stepOf(c, 's3');
    const calendar = await calendarOf(hall.ctx.db, hallId);
    expect(s3).toMatchObject({
      status: 'active',
      deadline: calendar.addWorkingDays(chinaDay(hall.clock.now()), 1).deadline,
    });
    expect(c.routingSlips).toHaveLength(slips + 1);
    expect(c.routingSlips.at(-1)).toMatchObject({ handedOverBy: '刘洋', departmentId: sc, stepId: s3.id });
    expect(c.events.at(-1)).toMatchObject({
      action: 'passReview',
      fromState: 'in_review',
      toState: 'in_approval',
      by: '刘洋',
      detail: { step: '审核', note: '材料齐全合规', next: ['核准'] },
    });
    // One transaction, one audit record for the whole hand-over.
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', c.id)
      .where('action', '=', 'case.passReview')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail ?? '{}')).toMatchObject({ from: 'in_review', to: 'in_approval' });
    // The approver finds it in their own work (and the department's) and decides; the public page says 审批中.
    const inbox = json(await s.approver.get(`/api/backoffice/inbox/department?departmentId=${sc}`));
    expect(inbox.items.find((i: any) => i.caseId === c.id)).toMatchObject({ stepName: '核准', state: 'in_approval' });
    const mine = json(await s.approver.get('/api/backoffice/inbox/mine'));
    expect(mine.items.find((i: any) => i.caseId === c.id)).toMatchObject({ stepName: '核准', assignee: null });
    expect(await progress(c.caseNo, '0011')).toMatchObject({ stateLabel: '审批中', currentStep: '核准' });
    c = await ok(await s.approver.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }));
    // The next sign-off is another approval step: still 审批中 until the last one.
    expect(c.state).toBe('in_approval');
    expect(stepOf(c, 's4').status).toBe('active');
    c = await ok(await s.approver.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }));
    expect(c.state).toBe('approved');
  });

  it('stays in process when the plan’s next step is other work, and waits for parallel steps', async () => {
    let c = await acceptedCase({}, '13712340012', reviewThenInspect);
    c = await ok(await s.reviewer.post(`/api/cases/${c.id}/review/pass`, {}));
    expect(c.state).toBe('in_process');
    expect(stepOf(c, 's3')).toMatchObject({ status: 'active' });
    expect(stepOf(c, 's4')).toMatchObject({ status: 'pending' });
    expect(c.events.at(-1)).toMatchObject({ action: 'passReview', detail: { step: '审核', next: ['现场核查'] } });

    // BO-1 runs 材料审核 and 现场核查 in parallel: passing the review waits for the other branch.
    let d = await acceptedCase({}, '13712340013');
    d = await ok(await s.reviewer.post(`/api/cases/${d.id}/review/pass`, {}));
    expect(d.state).toBe('in_process');
    expect([stepOf(d, 's2').status, stepOf(d, 's3').status, stepOf(d, 's4').status]).toEqual([
      'done',
      'active',
      'pending',
    ]);
    expect(d.events.at(-1)).toMatchObject({ action: 'passReview', detail: { step: '材料审核' } });
    expect(d.events.at(-1).detail.next).toBeUndefined();
  });
});
