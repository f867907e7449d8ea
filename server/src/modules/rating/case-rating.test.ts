import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { multipartFile, PDF, PNG } from '../../../test/multipart.ts';

let hall: TestHall;
let clerk: Session;
let feedback: Session;
let supervisor: Session;
let head: Session;
let hallId: string;
let departmentId: string;
let windowId: string;
let itemId: string;

// A window-only process: received and completed at the window, so the test reaches 办结 at once.
const windowProcess = {
  approvalLevel: 'window',
  steps: [
    { key: 's1', name: '受理', order: 1, role: 'clerk', departmentId: null, limitDays: 0 },
    { key: 's2', name: '办结', order: 2, role: 'clerk', departmentId: null, limitDays: 1 },
  ],
};
const at10 = (day: string) => Date.parse(`${day}T02:00:00Z`);
const anon = () => new Session(hall.app);

beforeAll(async () => {
  hall = await buildTestHall();
  (hall.ctx.config as { dataDir: string }).dataDir = await mkdtemp(path.join(os.tmpdir(), 'ow-rating-'));
  clerk = await signedIn(hall.app, 'clerk');
  feedback = await signedIn(hall.app, 'feedback');
  supervisor = await signedIn(hall.app, 'supervisor');
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items.find((w: any) => w.status === 'active').id;
  itemId = await publishedItem(head, hallId, departmentId, 'RATE-01', windowProcess);
});
afterAll(() => hall.close());

async function signInAgain() {
  clerk = await signedIn(hall.app, 'clerk');
  feedback = await signedIn(hall.app, 'feedback');
  supervisor = await signedIn(hall.app, 'supervisor');
}

/** A case accepted and completed at the window; the rating link is read from the SMS queued at completion. */
async function completedCase(phone = '13712340001') {
  const applicantId = await person(clerk, hallId, { name: '韩梅梅', phone });
  const res = await clerk.post('/api/intake/acceptances', { itemId, applicantId, windowId, materials: complete() });
  expect(res.statusCode, res.body).toBe(201);
  const id = json(res).id as string;
  const done = await clerk.post(`/api/cases/${id}/complete`, { outcome: 'success', summary: '准予' });
  expect(done.statusCode, done.body).toBe(200);
  return { id, caseNo: json(done).caseNo as string, token: await linkOf(id, 'survey_invitation') };
}

async function linkOf(caseId: string, event: string) {
  const rows = await hall.ctx.db
    .selectFrom('notices')
    .select(['body', 'channel'])
    .where('case_id', '=', caseId)
    .where('event', '=', event)
    .execute();
  expect(rows).toHaveLength(1);
  expect(rows[0]!.channel).toBe('sms');
  const m = rows[0]!.body.match(/\/rate\/([A-Za-z0-9_-]+)/);
  expect(m, rows[0]!.body).not.toBeNull();
  return m![1]!;
}

const rate = (token: string, body: Record<string, unknown>) => anon().post(`/api/public/case-ratings/${token}`, body);
const task = async (id: string) => json(await feedback.get(`/api/rating/case-tasks/${id}`));
const upload = (taskId: string, file: { bytes: Buffer; filename: string }, s = feedback) => {
  const f = multipartFile(file);
  return s.request('POST', `/api/rating/case-tasks/${taskId}/evidence`, f.body, f.headers);
};

describe('一事一评: the invitation and the one rating per case', () => {
  it('queues the SMS invitation with an unguessable link in the completion, and takes one rating', async () => {
    const c = await completedCase();
    expect(c.token.length).toBeGreaterThanOrEqual(32);
    const page = json(await anon().get(`/api/public/case-ratings/${c.token}`));
    expect(page).toMatchObject({ caseNo: c.caseNo, open: 'rate', ratings: [], staffName: '张伟' });
    expect((await anon().get(`/api/public/case-ratings/${'x'.repeat(32)}`)).statusCode).toBe(404);
    expect((await anon().get('/api/public/case-ratings/short')).statusCode).toBe(400);

    const bad = await rate(c.token, { level: 'great' });
    expect(json(bad).field).toBe('level');
    const ok = await rate(c.token, { level: 'very_satisfied', reasons: ['办事效率高'], suggestion: '建议增加停车位' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(json(ok)).toMatchObject({ round: 1, bad: false, taskId: null });
    const again = await rate(c.token, { level: 'satisfied' });
    expect(again.statusCode).toBe(409);
    expect(json(await anon().get(`/api/public/case-ratings/${c.token}`))).toMatchObject({
      open: 'done',
      ratings: [{ round: 1, level: 'very_satisfied', reasons: ['办事效率高'] }],
    });
  });
});

describe('差评 loop: call-back, verify, rectify, re-rate', () => {
  it('walks every stage with its working-day clock, refusing moves out of order', async () => {
    // Friday 2026-03-06: the call-back is due Monday 03-09.
    hall.clock.set(at10('2026-03-06'));
    await signInAgain();
    const c = await completedCase('13712340002');
    const rated = json(
      await rate(c.token, { level: 'very_dissatisfied', reasons: ['态度差'], comment: '窗口人员不耐烦' }),
    );
    expect(rated).toMatchObject({ round: 1, bad: true });
    const id = rated.taskId as string;
    expect((await clerk.get('/api/rating/case-tasks')).statusCode).toBe(403);
    let t = await task(id);
    expect(t).toMatchObject({
      stage: 'call_back',
      dueDay: '2026-03-09',
      callBackDue: '2026-03-09',
      caseNo: c.caseNo,
      applicantName: '韩梅梅',
      applicantPhone: '137****0002',
      light: 'green',
      rating: { level: 'very_dissatisfied', comment: '窗口人员不耐烦' },
    });
    const list = json(await feedback.get('/api/rating/case-tasks?stage=open')).items.map((x: any) => x.id);
    expect(list).toContain(id);

    // Out of order: nothing to verify or rectify before the call-back.
    expect(json(await feedback.post(`/api/rating/case-tasks/${id}/verify`, { finding: 'x' })).code).toBe('WRONG_STAGE');
    expect(json(await feedback.post(`/api/rating/case-tasks/${id}/call-back`, { reached: true, note: '' })).field).toBe(
      'note',
    );

    // Not reached: the attempt is kept, the call-back stays due.
    t = json(await feedback.post(`/api/rating/case-tasks/${id}/call-back`, { reached: false, note: '无人接听' }));
    expect(t).toMatchObject({ stage: 'call_back', reached: false, dueDay: '2026-03-09' });
    hall.clock.set(at10('2026-03-09'));
    await signInAgain();
    expect((await task(id)).light).toBe('yellow');
    t = json(
      await feedback.post(`/api/rating/case-tasks/${id}/call-back`, {
        reached: true,
        note: '已致歉，申请人反映等候时窗口人员语气生硬',
      }),
    );
    // Verification is due two working days after the call-back.
    expect(t).toMatchObject({ stage: 'verify', reached: true, verifyDue: '2026-03-11', calledBackName: '黄丹' });
    expect(
      json(await feedback.post(`/api/rating/case-tasks/${id}/call-back`, { reached: true, note: '再次' })).code,
    ).toBe('WRONG_STAGE');

    expect(
      json(await feedback.post(`/api/rating/case-tasks/${id}/verify`, { finding: '属实', rectifyDays: 0 })).field,
    ).toBe('rectifyDays');
    t = json(await feedback.post(`/api/rating/case-tasks/${id}/verify`, { finding: '调阅录像属实' }));
    // Rectification: 15 working days by default, from Monday 03-09 to Monday 03-30.
    expect(t).toMatchObject({ stage: 'rectify', rectifyDue: '2026-03-30', finding: '调阅录像属实' });

    const early = json(await feedback.post(`/api/rating/case-tasks/${id}/rectified`, { note: '已整改' }));
    expect(early).toMatchObject({ code: 'RECTIFICATION_INCOMPLETE', field: 'plan' });
    t = json(
      await feedback.post(`/api/rating/case-tasks/${id}/plan`, {
        plan: '开展文明用语培训',
        responsible: '窗口主管王芳',
      }),
    );
    expect(t).toMatchObject({ plan: '开展文明用语培训', responsible: '窗口主管王芳', stage: 'rectify' });
    expect(json(await feedback.post(`/api/rating/case-tasks/${id}/rectified`, { note: 'x' })).field).toBe('evidence');

    const wrongFile = await upload(id, { bytes: Buffer.from('plain text'), filename: 'a.txt' });
    expect(json(wrongFile).field).toBe('file');
    expect((await upload(id, { bytes: PNG, filename: '培训照片.png' }, clerk)).statusCode).toBe(403);
    const up = await upload(id, { bytes: PDF, filename: '培训签到表.pdf' });
    expect(up.statusCode, up.body).toBe(200);
    t = json(up);
    expect(t.evidence).toHaveLength(1);
    expect(t.evidence[0]).toMatchObject({ name: '培训签到表.pdf', contentType: 'application/pdf' });
    const file = await feedback.get(`/api/rating/case-tasks/${id}/evidence/${t.evidence[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);

    // Before rectification the applicant cannot rate again.
    expect(json(await rate(c.token, { level: 'satisfied' })).code).toBe('RERATE_NOT_OPEN');

    t = json(await feedback.post(`/api/rating/case-tasks/${id}/rectified`, { note: '已对窗口人员开展培训并致歉' }));
    expect(t).toMatchObject({ stage: 'rerate', rerateDue: '2026-03-23' });
    const rerateToken = await linkOf(c.id, 'rerate_invitation');
    expect(rerateToken).not.toBe(c.token);
    expect(json(await anon().get(`/api/public/case-ratings/${rerateToken}`))).toMatchObject({
      open: 'rerate',
      rectification: '已对窗口人员开展培训并致歉',
    });
    expect(json(await upload(id, { bytes: PNG, filename: 'late.png' })).code).toBe('WRONG_STAGE');

    const second = await rate(rerateToken, { level: 'satisfied', comment: '态度改善了' });
    expect(second.statusCode, second.body).toBe(201);
    expect(json(second)).toMatchObject({ round: 2, taskId: id });
    expect((await rate(rerateToken, { level: 'satisfied' })).statusCode).toBe(409);
    expect((await rate(c.token, { level: 'very_satisfied' })).statusCode).toBe(409);
    t = await task(id);
    expect(t).toMatchObject({
      stage: 'closed',
      dueDay: null,
      rating: { round: 1, level: 'very_dissatisfied' },
      rerating: { round: 2, level: 'satisfied' },
    });
    expect(t.events.map((e: any) => e.action)).toEqual([
      'open',
      'call_back',
      'call_back',
      'verify',
      'plan',
      'evidence',
      'rectified',
      'rerate',
    ]);
    const audit = await hall.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toContain('case_rating.task.rectified');
  });

  it('shows open stages on the supervision board, red once the clock has run out', async () => {
    hall.clock.set(at10('2026-03-10'));
    await signInAgain();
    const c = await completedCase('13712340003');
    const { taskId } = json(await rate(c.token, { level: 'dissatisfied' }));
    let board = json(await supervisor.get(`/api/supervision/board?hallId=${hallId}`));
    expect(board.caseRatingTasks.find((x: any) => x.taskId === taskId)).toMatchObject({
      stage: 'call_back',
      dueDay: '2026-03-11',
      light: 'green',
      caseNo: c.caseNo,
    });
    hall.clock.set(at10('2026-03-12'));
    await signInAgain();
    board = json(await supervisor.get(`/api/supervision/board?hallId=${hallId}`));
    expect(board.caseRatingTasks.find((x: any) => x.taskId === taskId).light).toBe('red');
    expect((await clerk.get(`/api/supervision/board?hallId=${hallId}`)).statusCode).toBe(403);
  });
});

describe('申诉: a staff member appeals, the supervisor decides', () => {
  it('excludes an upheld rating from the staff figures, keeps it on record and audits the decision', async () => {
    const c = await completedCase('13712340004');
    const { id: ratingId } = json(await rate(c.token, { level: 'very_dissatisfied', comment: '与本窗口无关的投诉' }));
    const mine = json(await clerk.get('/api/rating/case-ratings/mine')).items;
    expect(mine.find((r: any) => r.id === ratingId)).toMatchObject({ caseNo: c.caseNo, appeal: null });
    const before = json(await supervisor.get(`/api/rating/case-ratings/figures?hallId=${hallId}`)).items;
    const clerkBefore = before.find((f: any) => f.staffName === '张伟');
    expect(clerkBefore.excluded).toBe(0);

    expect((await feedback.post(`/api/rating/case-ratings/${ratingId}/appeal`, { reasons: '代申诉' })).statusCode).toBe(
      403,
    );
    expect(json(await clerk.post(`/api/rating/case-ratings/${ratingId}/appeal`, { reasons: '' })).field).toBe(
      'reasons',
    );
    const appealed = await clerk.post(`/api/rating/case-ratings/${ratingId}/appeal`, {
      reasons: '申请人不满的是收费标准，非窗口服务',
    });
    expect(appealed.statusCode, appealed.body).toBe(201);
    const appeal = json(appealed);
    expect(appeal).toMatchObject({ status: 'open', staffName: '张伟' });
    expect((await clerk.post(`/api/rating/case-ratings/${ratingId}/appeal`, { reasons: '再次' })).statusCode).toBe(409);
    expect((await clerk.get('/api/rating/appeals')).statusCode).toBe(403);
    expect((await clerk.post(`/api/rating/appeals/${appeal.id}/decide`, { upheld: true, note: 'x' })).statusCode).toBe(
      403,
    );
    expect(json(await supervisor.get('/api/rating/appeals?status=open')).items.map((a: any) => a.id)).toContain(
      appeal.id,
    );

    const decided = json(
      await supervisor.post(`/api/rating/appeals/${appeal.id}/decide`, { upheld: true, note: '经核实属误评' }),
    );
    expect(decided).toMatchObject({ status: 'upheld', decidedByName: '李秀英' });
    expect(
      (await supervisor.post(`/api/rating/appeals/${appeal.id}/decide`, { upheld: false, note: '改判' })).statusCode,
    ).toBe(409);
    const after = json(await supervisor.get(`/api/rating/case-ratings/figures?hallId=${hallId}`)).items;
    const clerkAfter = after.find((f: any) => f.staffName === '张伟');
    expect(clerkAfter.excluded).toBe(1);
    // Counted before the decision, left out of the count, the bad ratings and the average after it.
    expect(clerkAfter.count).toBe(clerkBefore.count - 1);
    expect(clerkAfter.bad).toBe(clerkBefore.bad - 1);
    expect(clerkAfter.average).toBeGreaterThan(clerkBefore.average);
    // Kept on record, marked excluded.
    expect(
      json(await clerk.get('/api/rating/case-ratings/mine')).items.find((r: any) => r.id === ratingId),
    ).toMatchObject({
      excluded: true,
      appeal: { status: 'upheld' },
    });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('target_id', '=', appeal.id)
      .execute();
    expect(audit).toEqual([{ action: 'case_rating.appeal.decide', username: 'supervisor' }]);
  });
});

describe('clock and scope refusals', () => {
  it('closes the re-rating after its 10 working days, and nobody decides their own appeal', async () => {
    hall.clock.set(at10('2026-04-13'));
    await signInAgain();
    const c = await completedCase('13712340006');
    const { taskId, id: ratingId } = json(await rate(c.token, { level: 'dissatisfied' }));
    await feedback.post(`/api/rating/case-tasks/${taskId}/call-back`, { reached: true, note: '已沟通' });
    await feedback.post(`/api/rating/case-tasks/${taskId}/verify`, { finding: '属实', rectifyDays: 3 });
    expect((await task(taskId)).rectifyDue).toBe('2026-04-16');
    await feedback.post(`/api/rating/case-tasks/${taskId}/plan`, { plan: '整改', responsible: '黄丹' });
    await upload(taskId, { bytes: PNG, filename: '现场照片.png' });
    const t = json(await feedback.post(`/api/rating/case-tasks/${taskId}/rectified`, { note: '已整改' }));
    expect(t.rerateDue).toBe('2026-04-27');
    const link = await linkOf(c.id, 'rerate_invitation');
    hall.clock.set(at10('2026-04-28'));
    await signInAgain();
    expect(json(await rate(link, { level: 'satisfied' })).code).toBe('RERATE_CLOSED');
    expect((await task(taskId)).stage).toBe('rerate');

    // The supervisor decides appeals, but not one against a rating of their own work: the station head does.
    const own = await signedIn(hall.app, 'supervisor');
    const ownRating = await hall.ctx.db
      .updateTable('case_ratings')
      .set({ staff_user_id: json(await own.get('/api/auth/me')).id })
      .where('id', '=', ratingId)
      .executeTakeFirst();
    expect(Number(ownRating.numUpdatedRows)).toBe(1);
    const appeal = json(await own.post(`/api/rating/case-ratings/${ratingId}/appeal`, { reasons: '评价对象错误' }));
    expect((await own.post(`/api/rating/appeals/${appeal.id}/decide`, { upheld: true, note: '自裁' })).statusCode).toBe(
      403,
    );
    const stationHead = await signedIn(hall.app, 'head');
    const decided = json(
      await stationHead.post(`/api/rating/appeals/${appeal.id}/decide`, { upheld: false, note: '评价对象无误' }),
    );
    expect(decided.status).toBe('rejected');
    expect(
      json(await own.get('/api/rating/case-ratings/mine')).items.find((r: any) => r.id === ratingId),
    ).toMatchObject({
      excluded: false,
      appeal: { status: 'rejected' },
    });
  });
});

describe('意见建议: tagged, forwarded, answered, listed by age', () => {
  it('forwards a suggestion to a department of the hall before it is answered', async () => {
    const c = await completedCase('13712340005');
    await rate(c.token, { level: 'satisfied', suggestion: '希望延长周六办公时间' });
    hall.clock.advance(3 * 86_400_000);
    await signInAgain();
    const open = json(await feedback.get('/api/rating/suggestions?status=unanswered')).items;
    const s = open.find((x: any) => x.text === '希望延长周六办公时间');
    expect(s).toMatchObject({ status: 'open', caseNo: c.caseNo, ageDays: 3 });
    // Oldest first.
    expect(open[0].text).toBe('建议增加停车位');
    expect((await clerk.get('/api/rating/suggestions')).statusCode).toBe(403);
    expect(json(await feedback.post(`/api/rating/suggestions/${s.id}/answer`, { answer: '好的' })).field).toBe(
      'departmentId',
    );
    expect(
      json(await feedback.post(`/api/rating/suggestions/${s.id}/forward`, { tags: ['办公时间'], departmentId: 'nope' }))
        .field,
    ).toBe('departmentId');
    expect(json(await feedback.post(`/api/rating/suggestions/${s.id}/forward`, { tags: [], departmentId })).field).toBe(
      'tags',
    );
    const fwd = json(
      await feedback.post(`/api/rating/suggestions/${s.id}/forward`, { tags: ['办公时间'], departmentId }),
    );
    expect(fwd).toMatchObject({ status: 'forwarded', tags: ['办公时间'], forwardedName: '黄丹' });
    expect(fwd.departmentName).toBeTruthy();
    const answered = json(
      await feedback.post(`/api/rating/suggestions/${s.id}/answer`, { answer: '已研究，自下月起周六上午开放' }),
    );
    expect(answered).toMatchObject({ status: 'answered', answeredName: '黄丹' });
    expect(
      json(await feedback.get('/api/rating/suggestions?status=unanswered')).items.map((x: any) => x.id),
    ).not.toContain(s.id);
  });
});
