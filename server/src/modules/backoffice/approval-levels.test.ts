/**
 * Approval by authority level on the demo hall: ZR-002 (建设工程规划许可证) is signed off in two levels,
 * 科室审核签批 by a section head, then 分管领导审批 by the deputy leader in charge; each sign-off on the trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { person } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
let hallId: string;
let item: { id: string; content: any };
const sessions = new Map<string, Session>();
let phones = 0;

async function as(username: string) {
  let s = sessions.get(username);
  if (!s) {
    s = await signedIn(hall.app, username);
    sessions.set(username, s);
  }
  return s;
}

async function ok(res: { statusCode: number; body: string }, what = '', status = 200) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
  return JSON.parse(res.body);
}

beforeAll(async () => {
  hall = await buildTestHall();
  const admin = await as('sysadmin');
  hallId = (json(await admin.get('/api/auth/me')).halls as { id: string; name: string }[]).find(
    (h) => !h.name.includes('桥头镇'),
  )!.id;
  const list = json(await admin.get(`/api/catalog/items?hallId=${hallId}&q=ZR-002&pageSize=50`)).items;
  item = json(await admin.get(`/api/catalog/items/${list.find((i: any) => i.code === 'ZR-002').id}`));
});
afterAll(() => hall.close());

const step = (c: any, name: string) => c.steps.find((s: any) => s.name === name);

/** Accepted, routed, and both parallel reviews passed: the case waits at 科室审核签批. */
async function atSignOff() {
  const clerk = await as('clerk');
  const applicantId = await person(clerk, hallId, { name: '四川青川建设有限公司', phone: `1390003${1000 + phones++}` });
  const materials = item.content.materials.map((m: any) =>
    m.requirement === 'required'
      ? { key: m.key, status: 'received', copies: m.copies, pages: 1 }
      : { key: m.key, status: 'not_applicable' },
  );
  const accepted = await ok(
    await clerk.post('/api/intake/acceptances', { itemId: item.id, applicantId, materials }),
    'accept',
    201,
  );
  let c = await ok(await clerk.get(`/api/cases/${accepted.id}`), 'detail');
  const router = await as('router');
  await ok(await router.post(`/api/cases/${c.id}/steps/${step(c, '分办').id}/claim`), 'claim 分办');
  c = await ok(await router.post(`/api/cases/${c.id}/steps/${step(c, '分办').id}/finish`, { note: '' }), '分办');
  for (const [who, name] of [
    ['zr_reviewer', '规划审查'],
    ['zj_reviewer', '联合审查（人防、市政配套）'],
  ] as const) {
    const s = await as(who);
    await ok(await s.post(`/api/cases/${c.id}/steps/${step(c, name).id}/claim`), `claim ${name}`);
    c = await ok(await s.post(`/api/cases/${c.id}/review/pass`, { note: '符合' }), `pass ${name}`);
  }
  return c;
}

const inboxOf = async (who: string) =>
  json(await (await as(who)).get('/api/backoffice/inbox/mine')).items.map((i: any) => i.stepId) as string[];

describe('two-level sign-off (逐级签批)', () => {
  it('goes 科室负责人 → 分管领导, each sign-off on the trail, each step only for those who may sign it', async () => {
    let c = await atSignOff();
    expect(c.state).toBe('in_approval');
    const first = step(c, '科室审核签批');
    const second = step(c, '分管领导审批');
    expect(first).toMatchObject({ status: 'active', authority: 'section' });
    expect(second).toMatchObject({ status: 'pending', authority: 'deputy' });
    // Another department's section head may not sign it: post and department first.
    const sc = await (await as('approver')).post(`/api/cases/${c.id}/approval/approve`, { note: '同意' });
    expect(sc.statusCode).toBe(403);
    expect(await inboxOf('zr_approver')).toContain(first.id);

    c = await ok(
      await (await as('zr_approver')).post(`/api/cases/${c.id}/approval/approve`, { note: '同意报分管领导' }),
    );
    expect(c.state).toBe('in_approval');
    expect(step(c, '科室审核签批')).toMatchObject({ status: 'done', assignee: { name: '邓洁' } });
    expect(step(c, '分管领导审批').status).toBe('active');
    expect(c.events.at(-1)).toMatchObject({
      action: 'approve',
      toState: 'in_approval',
      detail: expect.objectContaining({ step: '科室审核签批', next: ['分管领导审批'], approvalLevel: 'department' }),
    });

    // The section head sees no 分管领导 step and is refused it with the level named.
    expect(await inboxOf('zr_approver')).not.toContain(second.id);
    expect(await inboxOf('zr_leader')).toContain(second.id);
    const low = await (await as('zr_approver')).post(`/api/cases/${c.id}/steps/${second.id}/claim`);
    expect(low.statusCode).toBe(403);
    expect(json(low)).toMatchObject({
      code: 'FORBIDDEN',
      message: '「分管领导审批」须由分管领导及以上审批权限的人员签批，您的审批权限不足',
    });
    expect(
      (await (await as('zr_approver')).post(`/api/cases/${c.id}/approval/approve`, { note: '同意' })).statusCode,
    ).toBe(403);
    // Nor can it be assigned to someone without the level.
    const sectionHead = json(await (await as('zr_approver')).get('/api/auth/me')).id;
    expect(
      json(
        await (await as('supervisor')).post(`/api/cases/${c.id}/steps/${second.id}/assign`, {
          userId: sectionHead,
          note: '',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', field: 'userId' });
    const seen = json(await (await as('zr_leader')).get(`/api/cases/${c.id}`));
    expect(seen.steps.find((s: any) => s.id === second.id).actions).toEqual(['claimStep', 'approve']);
    // The case names every step's department itself: the page no longer waits on (or lacks) the hall's list.
    expect(step(seen, '联合审查（人防、市政配套）').departmentName).toBe('青川县住房和城乡建设局');
    expect(step(seen, '规划审查').departmentName).toBe('青川县自然资源和规划局（不动产登记中心）');
    expect(seen.steps.filter((s: any) => s.departmentId && !s.departmentName)).toEqual([]);

    c = await ok(await (await as('zr_leader')).post(`/api/cases/${c.id}/approval/approve`, { note: '同意核发' }));
    expect(c.state).toBe('approved');
    expect(step(c, '分管领导审批')).toMatchObject({ status: 'done', assignee: { name: '冯建华' } });
    const signOffs = c.events.filter((e: any) => e.action === 'approve');
    expect(signOffs.map((e: any) => [e.by, e.detail.step])).toEqual([
      ['邓洁', '科室审核签批'],
      ['冯建华', '分管领导审批'],
    ]);
  });

  it('does not let one person sign both levels; a higher level may sign a lower step', async () => {
    let c = await atSignOff();
    const leader = await as('zr_leader');
    expect(await inboxOf('zr_leader')).toContain(step(c, '科室审核签批').id);
    c = await ok(await leader.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }));
    const again = await leader.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' });
    expect(again.statusCode).toBe(403);
    expect(json(again).message).toBe('您已签批本件的上一级环节，「分管领导审批」须由另一位审批人签批');
    expect(c.state).toBe('in_approval');
    // The principal leader (the station head) may sign the 分管领导 level.
    c = await ok(await (await as('head')).post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }));
    expect(c.state).toBe('approved');
  });
});

describe('the security administrator sets authority levels', () => {
  it('in the account screen: 400 naming the field, only for those who sign, audited, effective at once', async () => {
    const sec = await as('secadmin');
    const users = json(await sec.get('/api/users?q=zr_&pageSize=100')).items as any[];
    const zrApprover = users.find((u) => u.username === 'zr_approver');
    const zrReviewer = users.find((u) => u.username === 'zr_reviewer');
    expect(zrApprover.authorityLevel).toBe('section');
    expect(users.find((u) => u.username === 'zr_leader').authorityLevel).toBe('deputy');
    const url = `/api/users/${zrApprover.id}/authority`;
    expect(json(await sec.put(url, { authorityLevel: 'boss' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'authorityLevel',
    });
    expect(json(await sec.put(`/api/users/${zrReviewer.id}/authority`, { authorityLevel: 'section' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'authorityLevel',
      message: '只有审批人或站长可以设定审批权限',
    });
    expect((await (await as('sysadmin')).put(url, { authorityLevel: 'chief' })).statusCode).toBe(403);

    // Without a level the section head may no longer sign 科室审核签批.
    const c = await atSignOff();
    expect(await ok(await sec.put(url, { authorityLevel: null }))).toMatchObject({ authorityLevel: null });
    const refused = await (await as('zr_approver')).post(`/api/cases/${c.id}/approval/approve`, { note: '同意' });
    expect(json(refused)).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('须由科室负责人及以上'),
    });
    expect(await ok(await sec.put(url, { authorityLevel: 'deputy' }))).toMatchObject({ authorityLevel: 'deputy' });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', zrApprover.id)
      .where('action', '=', 'account.authority')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}').after)).toEqual([null, 'deputy']);
    await ok(await sec.put(url, { authorityLevel: 'section' }));
  });
});

describe('the internal expert’s own page', () => {
  it('lists the requests naming them and takes their opinion there, once', async () => {
    const c = await atSignOff();
    const signer = await as('zr_approver');
    const sign = step(c, '科室审核签批');
    await ok(await signer.post(`/api/cases/${c.id}/steps/${sign.id}/claim`), 'claim');
    const expertId = json(await (await as('zj_reviewer')).get('/api/auth/me')).id;
    const asked = await ok(
      await signer.post(`/api/cases/${c.id}/experts`, {
        stepId: sign.id,
        kind: 'internal',
        expertUserId: expertId,
        question: '人防工程配建面积是否满足要求？',
        days: 3,
      }),
    );
    const x = asked.items.at(-1);
    const mine = json(await (await as('zj_reviewer')).get('/api/experts/mine')).items;
    expect(mine.find((m: any) => m.id === x.id)).toMatchObject({
      caseNo: c.caseNo,
      stepName: '科室审核签批',
      question: '人防工程配建面积是否满足要求？',
      mayAnswer: true,
    });
    expect(json(await (await as('zr_reviewer')).get('/api/experts/mine')).items.map((m: any) => m.id)).not.toContain(
      x.id,
    );
    expect((await (await as('zr_reviewer')).post(`/api/experts/${x.id}/opinion`, { opinion: '同意' })).statusCode).toBe(
      403,
    );
    expect(json(await (await as('zj_reviewer')).post(`/api/experts/${x.id}/opinion`, {}))).toMatchObject({
      field: 'opinion',
    });
    await ok(await (await as('zj_reviewer')).post(`/api/experts/${x.id}/opinion`, { opinion: '配建面积满足要求' }));
    expect(json(await (await as('zj_reviewer')).get('/api/experts/mine')).items.map((m: any) => m.id)).not.toContain(
      x.id,
    );
    const d = json(await signer.get(`/api/cases/${c.id}`));
    expect(d.events.at(-1)).toMatchObject({ action: 'expertOpinionRecorded', by: '田野' });
  });
});
