import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../platform/clock.ts';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, nextResidentId, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { calendarOf } from '../calendar/service.ts';

let hall: TestHall;
let s: Record<
  'clerk' | 'handler' | 'reviewer' | 'approver' | 'router' | 'head' | 'supervisor' | 'feedback' | 'sysadmin',
  Session
>;
let hallId: string;
let sc: string;
let other: string;
let itemId: string;
let leaderItemId: string;

beforeAll(async () => {
  hall = await buildTestHall();
  (hall.ctx.config as { dataDir: string }).dataDir = await mkdtemp(path.join(os.tmpdir(), 'ow-files-'));
  const names = [
    'clerk',
    'handler',
    'reviewer',
    'approver',
    'router',
    'head',
    'supervisor',
    'feedback',
    'sysadmin',
  ] as const;
  s = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await signedIn(hall.app, n)]))) as typeof s;
  hallId = json(await s.head.get('/api/auth/me')).halls[0].id;
  const departments = json(await s.head.get(`/api/departments?hallId=${hallId}`)).items as {
    id: string;
    code: string;
  }[];
  sc = departments.find((d) => d.code === 'SC')!.id;
  other = departments.find((d) => d.code !== 'SC')!.id;
  itemId = await publishedItem(s.head, hallId, sc, 'BO-1');
  leaderItemId = await publishedItem(s.head, hallId, sc, 'BO-2', { name: '特种设备使用登记', approvalLevel: 'leader' });
});
afterAll(() => hall.close());

async function acceptedCase(over: Record<string, unknown> = {}, phone = '13712345678', item = itemId) {
  hall.clock.advance(1000);
  const applicantId = await person(s.clerk, hallId, { name: '韩梅梅', phone });
  const r = json(
    await s.clerk.post('/api/intake/receptions', { itemId: item, applicantId, materials: complete(), ...over }),
  );
  const res = await s.clerk.post(`/api/cases/${r.id}/accept`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

const stepOf = (c: any, key: string) => c.steps.find((x: any) => x.key === key);

async function ok(res: Awaited<ReturnType<Session['post']>>, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return json(res);
}

async function progress(caseNo: string, phone4: string) {
  hall.clock.advance(61_000); // past the public lookup's rate window
  const res = await new Session(hall.app).get(`/api/public/progress?no=${caseNo}&phone4=${phone4}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('a case from acceptance to the archive', () => {
  it('walks the whole back office, with the public progress at each stage', async () => {
    let c = await acceptedCase({ urgency: 'regular' }, '13712340001');
    const calendar = await calendarOf(hall.ctx.db, hallId);
    const today = chinaDay(hall.clock.now());
    expect(c.state).toBe('in_process');
    expect(stepOf(c, 's2')).toMatchObject({
      status: 'active',
      assignee: null,
      deadline: calendar.addWorkingDays(today, 2).deadline,
      light: 'green',
    });
    expect(c.light).toBe('green');
    let p = await progress(c.caseNo, '0001');
    expect(p).toMatchObject({ stateLabel: '办理中', currentStep: '材料审核、现场核查', promisedDate: c.deadline });

    // Claimed by each parallel step's worker; the department inbox and the personal inbox show it.
    const inbox = json(await s.handler.get(`/api/backoffice/inbox/department?departmentId=${sc}&unassigned=true`));
    expect(
      inbox.items
        .filter((i: any) => i.caseId === c.id)
        .map((i: any) => i.stepName)
        .sort(),
    ).toEqual(['材料审核', '现场核查']);
    c = await ok(await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/claim`));
    expect(stepOf(c, 's3').assignee.name).toBe('杨帆');
    // The on-site check is the handler's post: the reviewer may not take it, nor the handler take it twice.
    expect((await s.reviewer.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/claim`)).statusCode).toBe(403);
    c = await ok(await s.reviewer.post(`/api/cases/${c.id}/steps/${stepOf(c, 's2').id}/claim`));
    const mine = json(await s.handler.get('/api/backoffice/inbox/mine'));
    expect(mine.items.map((i: any) => i.stepId)).toContain(stepOf(c, 's3').id);

    // Verification with the front desk, answer due in 2 working days.
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/verification`, {
        question: '经营场所地址与营业执照是否一致？',
        responseDays: 2,
      }),
    );
    expect(c.state).toBe('awaiting_verification');
    expect(c.verifications[0]).toMatchObject({
      responseDeadline: calendar.addWorkingDays(today, 2).deadline,
      answer: null,
    });
    expect((await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/finish`, {})).statusCode).toBe(409);
    c = await ok(await s.clerk.post(`/api/cases/${c.id}/verification/answer`, { answer: '已电话核实，地址一致' }));
    expect(c.state).toBe('in_process');
    expect(c.verifications[0]).toMatchObject({ answer: '已电话核实，地址一致', answeredBy: '张伟' });
    expect(c.events.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['askFrontDeskToVerify', 'answerVerification']),
    );

    // Nobody approves or completes while the parallel steps are open; the refusal names them.
    expect((await s.approver.post(`/api/cases/${c.id}/approval/approve`, {})).statusCode).toBe(409);
    const early = await s.handler.post(`/api/cases/${c.id}/complete`, { outcome: 'success', summary: 'x' });
    expect(early.statusCode).toBe(409);
    expect(json(early).message).toBe('以下环节尚未办结：材料审核、现场核查、审批');

    // Parallel steps join: the approval step starts only when both are done, with a routing slip.
    const slipsBefore = c.routingSlips.length;
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/finish`, { note: '现场核查无误' }),
    );
    expect(stepOf(c, 's4').status).toBe('pending');
    // Only the review is left active: the case is 审核中.
    expect(c.state).toBe('in_review');
    p = await progress(c.caseNo, '0001');
    expect(p.currentStep).toBe('材料审核');
    // A review step is passed, not merely finished.
    expect((await s.reviewer.post(`/api/cases/${c.id}/steps/${stepOf(c, 's2').id}/finish`, {})).statusCode).toBe(409);
    c = await ok(await s.reviewer.post(`/api/cases/${c.id}/review/pass`, { note: '材料齐全' }));
    // The case follows the now-active step by itself: 审批中, with nobody submitting it.
    expect(c.state).toBe('in_approval');
    expect(stepOf(c, 's4')).toMatchObject({ status: 'active', departmentId: sc });
    expect(c.routingSlips).toHaveLength(slipsBefore + 1);
    expect(c.routingSlips.at(-1)).toMatchObject({ handedOverBy: '刘洋', departmentId: sc, stepId: stepOf(c, 's4').id });
    p = await progress(c.caseNo, '0001');
    expect(p.steps.map((x: any) => x.status)).toEqual(['done', 'done', 'done', 'active']);
    expect(p.steps[1].doneDay).toBe(chinaDay(hall.clock.now()));
    expect(p).toMatchObject({ currentStep: '审批', stateLabel: '审批中' });

    // The approver returns it once: both parallel steps are worked again by their holders, then it comes back.
    expect(json(await s.approver.post(`/api/cases/${c.id}/approval/return`, {}))).toMatchObject({
      code: 'VALIDATION',
      field: 'reason',
    });
    c = await ok(await s.approver.post(`/api/cases/${c.id}/approval/return`, { reason: '现场照片不清晰' }));
    expect(c.state).toBe('returned_for_rework');
    expect([stepOf(c, 's2').status, stepOf(c, 's3').status, stepOf(c, 's4').status]).toEqual([
      'active',
      'active',
      'pending',
    ]);
    expect((await s.approver.post(`/api/cases/${c.id}/rework/start`)).statusCode).toBe(403);
    c = await ok(await s.handler.post(`/api/cases/${c.id}/rework/start`));
    expect(c.state).toBe('in_process');
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/finish`, { note: '补拍现场照片' }),
    );
    expect((await s.supervisor.post(`/api/cases/${c.id}/review/pass`, {})).statusCode).toBe(403);
    c = await ok(await s.reviewer.post(`/api/cases/${c.id}/review/pass`, { note: '符合要求' }));
    expect(c.state).toBe('in_approval');
    expect(c.events.at(-1)).toMatchObject({
      action: 'passReview',
      fromState: 'in_review',
      toState: 'in_approval',
      by: '刘洋',
      detail: { note: '符合要求', next: ['审批'] },
    });
    expect(stepOf(c, 's4').assignee.name).toBe('赵磊');
    expect((await s.handler.post(`/api/cases/${c.id}/approval/submit`)).statusCode).toBe(409);

    // Approval at section level by the approver; the step table and the public page say so.
    expect((await s.handler.post(`/api/cases/${c.id}/approval/approve`, {})).statusCode).toBe(403);
    c = await ok(await s.approver.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }));
    expect(c.state).toBe('approved');
    expect(stepOf(c, 's4')).toMatchObject({ status: 'done', assignee: { name: '赵磊' } });
    p = await progress(c.caseNo, '0001');
    expect(p.stateLabel).toBe('审批通过');
    expect(p.steps.every((x: any) => x.status === 'done')).toBe(true);

    // Result uploaded and completed; the result notice is issued.
    const bad = await s.handler.post(`/api/cases/${c.id}/files`, {
      name: 'x.pdf',
      contentType: 'application/pdf',
      dataBase64: Buffer.from('hello').toString('base64'),
    });
    expect(json(bad)).toMatchObject({ code: 'VALIDATION', field: 'dataBase64' });
    const file = await ok(
      await s.handler.post(`/api/cases/${c.id}/files`, {
        name: '食品经营许可证.pdf',
        contentType: 'application/pdf',
        dataBase64: samplePdf.toString('base64'),
      }),
      201,
    );
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const got = await s.clerk.get(`/api/cases/${c.id}/files/${file.id}`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(samplePdf)).toBe(true);
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/complete`, {
        outcome: 'success',
        summary: '许可证编号 JY15108120000001',
      }),
    );
    expect(c).toMatchObject({ state: 'completed', outcome: 'success' });
    const notice = c.documents.find((d: any) => d.kind === 'result_notice');
    expect(notice.kindLabel).toBe('结果告知书');
    const pdf = await s.clerk.get(`/api/cases/${c.id}/documents/${notice.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    p = await progress(c.caseNo, '0001');
    expect(p).toMatchObject({ stateLabel: '办结', currentStep: null });

    // Collected with the ID checked; the number is masked in the answer.
    expect(
      json(
        await s.clerk.post(`/api/cases/${c.id}/collect`, {
          collectedBy: '韩梅梅',
          docType: 'resident_id',
          docNumber: '510812198504150000',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', field: 'docNumber' });
    const idNo = nextResidentId();
    const collected = await s.feedback.post(`/api/cases/${c.id}/collect`, {
      collectedBy: '韩梅梅',
      docType: 'resident_id',
      docNumber: idNo,
    });
    c = await ok(collected);
    expect(c.state).toBe('delivered');
    expect(c.deliveries[0]).toMatchObject({ method: 'collect', collectedBy: '韩梅梅', docTypeLabel: '居民身份证' });
    expect(collected.body).not.toContain(idNo);

    // Archived with a number per hall and year and the list of what was filed.
    expect((await s.handler.post(`/api/cases/${c.id}/archive`, {})).statusCode).toBe(403);
    const a = await ok(await s.clerk.post(`/api/cases/${c.id}/archive`, {}));
    expect(a.archiveNo).toMatch(/-DA-2026-000001$/);
    expect(a.retention).toMatchObject({ paperYears: 10, electronic: 'permanent' });
    expect(a.manifest.documents.map((d: any) => d.kind)).toEqual(['receipt', 'result_notice']);
    expect(a.manifest.files[0]).toMatchObject({ name: '食品经营许可证.pdf', sha256: file.sha256 });
    expect(a.manifest.trail.at(-1)).toMatchObject({ action: 'archive', toState: 'archived' });
    expect(JSON.stringify(a)).not.toContain(idNo);
    expect(await ok(await s.clerk.get(`/api/cases/${c.id}/archive`))).toEqual(a);
    expect((await s.clerk.post(`/api/cases/${c.id}/archive`, {})).statusCode).toBe(409);
    p = await progress(c.caseNo, '0001');
    expect(p.stateLabel).toBe('已归档');

    // Every move is in the audit log.
    const audit = await hall.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).execute();
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'case.verification_ask',
        'case.verification_answer',
        'case.step_finish',
        'case.returnForRework',
        'case.startRework',
        'case.passReview',
        'case.approve',
        'case.complete',
        'case.collect',
        'case.archive',
      ]),
    );
  });
});

/** Both parallel steps of BO-1's plan done by their posts: the case is in approval by itself. */
async function toApproval(c: any) {
  await ok(await s.reviewer.post(`/api/cases/${c.id}/review/pass`, {}));
  const d = await ok(await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/finish`, {}));
  expect(d.state).toBe('in_approval');
  return d;
}

describe('routing, claiming and refusals', () => {
  it('reroutes with a reason and a new slip, assigns and hands over within the department', async () => {
    let c = await acceptedCase();
    expect((await s.handler.post(`/api/cases/${c.id}/reroute`, { departmentId: other, reason: 'x' })).statusCode).toBe(
      403,
    );
    expect(json(await s.router.post(`/api/cases/${c.id}/reroute`, { departmentId: other }))).toMatchObject({
      field: 'reason',
    });
    const s3 = stepOf(c, 's3').id;
    c = await ok(
      await s.router.post(`/api/cases/${c.id}/reroute`, {
        departmentId: other,
        reason: '属市场监管所职责',
        stepId: s3,
      }),
    );
    expect(stepOf(c, 's3').departmentId).toBe(other);
    expect(c.routingSlips.at(-1)).toMatchObject({ departmentId: other, handedOverBy: '陈静' });
    expect(c.events.at(-1)).toMatchObject({
      action: 'reroute',
      detail: expect.objectContaining({ reason: '属市场监管所职责' }),
    });
    // The handler is not in that department now.
    expect((await s.handler.post(`/api/cases/${c.id}/steps/${s3}/claim`)).statusCode).toBe(403);
    c = await ok(
      await s.router.post(`/api/cases/${c.id}/reroute`, { departmentId: sc, reason: '改回食品科', stepId: s3 }),
    );

    const handlerId = json(await s.handler.get('/api/auth/me')).id;
    const reviewerId = json(await s.reviewer.get('/api/auth/me')).id;
    const clerkId = json(await s.clerk.get('/api/auth/me')).id;
    // The people a step of the department can go to: its own staff, not the front desk.
    const colleagues = json(await s.supervisor.get(`/api/backoffice/colleagues?departmentId=${sc}`)).items.map(
      (u: { id: string }) => u.id,
    );
    expect(colleagues).toEqual(expect.arrayContaining([handlerId, reviewerId]));
    expect(colleagues).not.toContain(clerkId);
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.get(`/api/backoffice/colleagues?departmentId=${sc}`)).statusCode).toBe(404);
    expect(json(await s.supervisor.post(`/api/cases/${c.id}/steps/${s3}/assign`, { userId: clerkId }))).toMatchObject({
      field: 'userId',
    });
    const inspector = await signedIn(hall.app, 'inspector');
    expect((await inspector.post(`/api/cases/${c.id}/steps/${s3}/assign`, { userId: handlerId })).statusCode).toBe(403);
    c = await ok(
      await s.supervisor.post(`/api/cases/${c.id}/steps/${s3}/assign`, { userId: handlerId, note: '请优先办理' }),
    );
    expect(stepOf(c, 's3').assignee.name).toBe('杨帆');
    expect((await s.reviewer.post(`/api/cases/${c.id}/steps/${s3}/hand-over`, { userId: reviewerId })).statusCode).toBe(
      403,
    );
    // The step goes only to a colleague holding its post (后台办理员) in its department.
    expect(
      json(await s.handler.post(`/api/cases/${c.id}/steps/${s3}/hand-over`, { userId: reviewerId, note: '本人休假' })),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'userId',
      message: '该人员不在「现场核查」环节的岗位（后台办理员）上',
    });
    const secadmin = await signedIn(hall.app, 'secadmin');
    const created = await secadmin.post('/api/users', {
      username: 'sc_handler2',
      displayName: '周晓',
      roles: ['handler'],
      hallIds: [hallId],
      departmentIds: [sc],
      initialPassword: 'Start#2026a',
    });
    expect(created.statusCode, created.body).toBe(201);
    const handler2Id = json(created).id as string;
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/steps/${s3}/hand-over`, { userId: handler2Id, note: '本人休假' }),
    );
    expect(stepOf(c, 's3').assignee.name).toBe('周晓');
    // The case list's person filter finds the case by the person now holding its step.
    const byPerson = json(await s.supervisor.get(`/api/cases?personId=${handler2Id}&pageSize=100`)).items.map(
      (x: { id: string }) => x.id,
    );
    expect(byPerson).toContain(c.id);
    expect(c.events.at(-1)).toMatchObject({
      action: 'handOverStep',
      detail: expect.objectContaining({ fromAssignee: '杨帆', toAssignee: '周晓', note: '本人休假' }),
    });
  });

  it('keeps leader-level and escalated approvals for the station head', async () => {
    let c = await toApproval(await acceptedCase({}, '13712340002', leaderItemId));
    expect(json(await s.approver.post(`/api/cases/${c.id}/approval/approve`, {}))).toMatchObject({ code: 'FORBIDDEN' });
    c = await ok(await s.head.post(`/api/cases/${c.id}/approval/approve`, {}));
    expect(c.state).toBe('approved');

    let d = await toApproval(await acceptedCase({}, '13712340003'));
    expect(json(await s.approver.post(`/api/cases/${d.id}/approval/escalate`, {}))).toMatchObject({ field: 'reason' });
    d = await ok(await s.approver.post(`/api/cases/${d.id}/approval/escalate`, { reason: '对适用条款有不同意见' }));
    expect(d).toMatchObject({ state: 'in_approval', approvalEscalated: true });
    expect((await s.approver.post(`/api/cases/${d.id}/approval/deny`, { reason: '不符合条件' })).statusCode).toBe(403);
    d = await ok(await s.head.post(`/api/cases/${d.id}/approval/deny`, { reason: '经营场所不符合卫生条件' }));
    expect(d.state).toBe('denied');
    expect(json(await s.handler.post(`/api/cases/${d.id}/complete`, { outcome: 'success' }))).toMatchObject({
      field: 'outcome',
    });
    expect(
      json(
        await s.handler.post(`/api/cases/${d.id}/complete`, { outcome: 'failure', reason: '经营场所不符合卫生条件' }),
      ),
    ).toMatchObject({ field: 'remedy' });
    d = await ok(
      await s.handler.post(`/api/cases/${d.id}/complete`, {
        outcome: 'failure',
        reason: '经营场所不符合卫生条件',
        remedy: '整改后可重新申请；对决定不服的，可于60日内申请行政复议',
      }),
    );
    expect(d).toMatchObject({ state: 'completed', outcome: 'failure' });
    d = await ok(await s.feedback.post(`/api/cases/${d.id}/notify`, { channel: 'sms' }));
    expect(d.state).toBe('awaiting_collection');
    d = await ok(
      await s.clerk.post(`/api/cases/${d.id}/mail`, { carrier: '中国邮政EMS', trackingNumber: 'EA123456789CN' }),
    );
    expect(d.deliveries[0]).toMatchObject({ method: 'mail', trackingNumber: 'EA123456789CN' });
  });

  it('lets the approver return a case for rework with reasons', async () => {
    let c = await toApproval(await acceptedCase({}, '13712340004'));
    expect((await s.approver.post(`/api/cases/${c.id}/review/return`, { reason: 'x' })).statusCode).toBe(403);
    expect(json(await s.approver.post(`/api/cases/${c.id}/approval/deny`, {}))).toMatchObject({ field: 'reason' });
    c = await ok(await s.approver.post(`/api/cases/${c.id}/approval/return`, { reason: '缺少现场核查记录' }));
    expect(c.state).toBe('returned_for_rework');
    expect(c.events.at(-1)).toMatchObject({
      action: 'returnForRework',
      fromState: 'in_approval',
      toState: 'returned_for_rework',
      by: '赵磊',
    });
    expect(
      (await s.router.post(`/api/cases/${c.id}/reroute`, { departmentId: sc, reason: '重新分派' })).statusCode,
    ).toBe(200);
  });

  it('refuses moves the state machine does not allow', async () => {
    const c = await acceptedCase();
    expect(json(await s.clerk.post(`/api/cases/${c.id}/verification/answer`, { answer: 'x' }))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    expect((await s.approver.post(`/api/cases/${c.id}/approval/approve`, {})).statusCode).toBe(409);
    expect((await s.handler.post(`/api/cases/${c.id}/rework/start`)).statusCode).toBe(409);
    expect(
      (
        await s.clerk.post(`/api/cases/${c.id}/collect`, {
          collectedBy: 'x',
          docType: 'resident_id',
          docNumber: nextResidentId(),
        })
      ).statusCode,
    ).toBe(409);
    expect((await s.clerk.post(`/api/cases/${c.id}/archive`, {})).statusCode).toBe(409);
    expect((await s.router.post(`/api/cases/${c.id}/verification`, { question: 'x' })).statusCode).toBe(403);
    expect((await s.head.get(`/api/cases/${c.id}/archive`)).statusCode).toBe(404);
  });

  it('finds steps stuck at hand-over after a working day unclaimed', async () => {
    const c = await acceptedCase();
    const stuckIds = async (q = '') =>
      json(await s.router.get(`/api/backoffice/stuck${q}`)).items.map((i: any) => i.stepId);
    expect(await stuckIds()).not.toContain(stepOf(c, 's2').id);
    const calendar = await calendarOf(hall.ctx.db, hallId);
    const start = chinaDay(hall.clock.now());
    // Move to the second working day after activation.
    const target = calendar.addWorkingDays(start, 2).deadline;
    hall.clock.set(Date.parse(`${target}T02:00:00Z`));
    s.router = await signedIn(hall.app, 'router'); // the earlier session timed out meanwhile
    expect(await stuckIds()).toContain(stepOf(c, 's2').id);
    expect(await stuckIds('?workingDays=2')).not.toContain(stepOf(c, 's2').id);
    expect((await (await signedIn(hall.app, 'clerk')).get('/api/backoffice/stuck')).statusCode).toBe(403);
  });
});

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
