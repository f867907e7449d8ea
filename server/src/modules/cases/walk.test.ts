/**
 * Every published demo item walked from acceptance to the archive through the API, each step by the demo
 * account whose post and department it names (found in that account's own inbox), failing on any dead end; and
 * the process rules a clerk, reviewer, router or approver met at the desk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inconsistency, type StepStatus } from '../../domain/case/index.ts';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { nextResidentId, person } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
const sessions = new Map<string, Session>();
const halls: Record<'county' | 'town', { id: string; clerk: string; departments: Map<string, string> }> = {
  county: { id: '', clerk: 'clerk', departments: new Map() },
  town: { id: '', clerk: 'town_clerk', departments: new Map() },
};

async function as(username: string) {
  let s = sessions.get(username);
  if (!s) {
    s = await signedIn(hall.app, username);
    sessions.set(username, s);
  }
  return s;
}

async function ok(res: Awaited<ReturnType<Session['post']>>, what: string, status = 200) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
  return json(res);
}

beforeAll(async () => {
  hall = await buildTestHall();
  const me = json(await (await as('sysadmin')).get('/api/auth/me'));
  for (const h of me.halls as { id: string; name: string }[]) {
    const key = h.name.includes('桥头镇') ? 'town' : 'county';
    halls[key].id = h.id;
    const deps = json(await (await as('sysadmin')).get(`/api/departments?hallId=${h.id}`)).items as {
      id: string;
      code: string;
    }[];
    for (const d of deps) halls[key].departments.set(d.id, d.code);
  }
});
afterAll(() => hall.close());

/** The demo account of a step's post, department and authority level (README: demo staff of every department). */
function accountFor(where: 'county' | 'town', role: string, departmentId: string | null, authority: string | null) {
  // 主要领导 signs as the station head; 分管领导 is the department's leader account.
  if (authority === 'chief') return where === 'county' ? 'head' : 'town_head';
  if (departmentId === null) return role === 'clerk' ? halls[where].clerk : role;
  const code = halls[where].departments.get(departmentId);
  if (!code) throw new Error(`unknown department ${departmentId}`);
  if (authority === 'deputy') return `${code.toLowerCase()}_leader`;
  return code === 'SC' ? role : `${code.toLowerCase()}_${role}`;
}

const finishPath: Record<string, (stepId: string) => [string, Record<string, unknown>]> = {
  finishStep: (id) => [`steps/${id}/finish`, { note: '已办结' }],
  passReview: () => ['review/pass', { note: '审核通过' }],
  approve: () => ['approval/approve', { note: '同意' }],
};

async function acceptItem(where: 'county' | 'town', item: { id: string; content: any }, phone: string) {
  const clerk = await as(halls[where].clerk);
  const applicantId = await person(clerk, halls[where].id, { name: '王晓明', phone });
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
  // 当场受理 answers with the receipt; the case's process is read from its detail.
  return ok(await clerk.get(`/api/cases/${accepted.id}`), 'detail');
}

function expectConsistent(c: any) {
  const steps = c.steps.map((s: any) => ({
    id: s.id,
    name: s.name,
    order: s.order,
    role: s.role,
    departmentId: s.departmentId,
    status: s.status as StepStatus,
    assigneeId: s.assignee?.id ?? null,
    assigneeName: s.assignee?.name ?? null,
  }));
  expect(inconsistency(c.state, steps), `${c.itemName} in ${c.state}`).toBeNull();
}

/** Walks one case to the archive; returns the accounts that worked its steps. */
async function walk(where: 'county' | 'town', item: { id: string; code: string; content: any }, phone: string) {
  let c = await acceptItem(where, item, phone);
  const workers: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    expectConsistent(c);
    const active = c.steps.filter((s: any) => s.status === 'active');
    const backOffice = active.filter((s: any) => s.role !== 'clerk');
    if (backOffice.length === 0) break;
    for (const step of backOffice) {
      const who = accountFor(where, step.role, step.departmentId, step.authority);
      const s = await as(who);
      // The step is in its worker's own inbox, ready to claim.
      const mine = json(await s.get('/api/backoffice/inbox/mine')).items.map((i: any) => i.stepId);
      expect(mine, `${item.code} ${step.name} in ${who}'s inbox`).toContain(step.id);
      c = await ok(
        await s.post(`/api/cases/${c.id}/steps/${step.id}/claim`),
        `${item.code} ${step.name} claim by ${who}`,
      );
      const offered = c.steps.find((x: any) => x.id === step.id).actions as string[];
      const action = offered.find((a) => a in finishPath);
      expect(action, `${item.code} ${step.name}: ${who} is offered ${offered.join(',')}`).toBeDefined();
      const [path, body] = finishPath[action!]!(step.id);
      c = await ok(await s.post(`/api/cases/${c.id}/${path}`, body), `${item.code} ${step.name} ${action} by ${who}`);
      workers.push(who);
    }
  }
  const clerk = await as(halls[where].clerk);
  c = json(await clerk.get(`/api/cases/${c.id}`));
  expect(c.allowedActions, `${item.code} completion offered to the clerk in ${c.state}`).toContain('complete');
  c = await ok(
    await clerk.post(`/api/cases/${c.id}/complete`, { outcome: 'success', summary: '准予' }),
    `${item.code} complete`,
  );
  expect(c.state).toBe('completed');
  expectConsistent(c);
  c = await ok(
    await clerk.post(`/api/cases/${c.id}/collect`, {
      collectedBy: '王晓明',
      docType: 'resident_id',
      docNumber: nextResidentId(),
    }),
    `${item.code} collect`,
  );
  await ok(await clerk.post(`/api/cases/${c.id}/archive`, {}), `${item.code} archive`);
  c = json(await clerk.get(`/api/cases/${c.id}`));
  expect(c.state).toBe('archived');
  expect(
    c.steps.every((s: any) => s.status === 'done' && s.assignee !== null),
    `${item.code} steps at the archive`,
  ).toBe(true);
  expectConsistent(c);
  const p = json(await new Session(hall.app).get(`/api/public/progress?no=${c.caseNo}&phone4=${phone.slice(-4)}`));
  expect(p.steps.every((s: any) => s.status === 'done')).toBe(true);
  return workers;
}

describe('every published demo item, from acceptance to the archive', () => {
  it('is walked by the accounts its steps name, without a dead end', async () => {
    let n = 0;
    const walked: string[] = [];
    for (const where of ['county', 'town'] as const) {
      const head = await as(where === 'county' ? 'sysadmin' : 'sysadmin');
      const list = json(await head.get(`/api/catalog/items?hallId=${halls[where].id}&status=published&pageSize=500`))
        .items as { id: string; code: string }[];
      expect(list.length).toBeGreaterThan(3);
      for (const summary of list) {
        const item = json(await head.get(`/api/catalog/items/${summary.id}`));
        hall.clock.advance(61_000); // the public progress lookup is rate limited per address
        const workers = await walk(where, item, `1390000${String(1000 + n++).slice(-4)}`);
        walked.push(summary.code);
        // ZR-002 is signed off in two levels: the section head, then the deputy leader in charge.
        if (summary.code === 'ZR-002') expect(workers.slice(-2)).toEqual(['zr_approver', 'zr_leader']);
      }
    }
    expect(walked).toEqual(
      expect.arrayContaining(['SC-001', 'SC-003', 'SC-004', 'ZR-001', 'ZR-002', 'NY-001', 'SH-002']),
    );
  }, 120_000);
});

async function demoItem(code: string) {
  const head = await as('sysadmin');
  const list = json(await head.get(`/api/catalog/items?hallId=${halls.county.id}&q=${code}&pageSize=50`)).items as {
    id: string;
    code: string;
  }[];
  const id = list.find((i) => i.code === code)!.id;
  return json(await head.get(`/api/catalog/items/${id}`));
}

describe('the process at the desk', () => {
  it('refuses 办结（准予） of SC-001 straight after acceptance, naming 登记审核 and 核准', async () => {
    const c = await acceptItem('county', await demoItem('SC-001'), '13900002001');
    expect(c.state).toBe('in_review');
    expect(c.allowedActions).not.toContain('complete');
    const res = await (await as('clerk')).post(`/api/cases/${c.id}/complete`, { outcome: 'success', summary: '准予' });
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ code: 'UNFINISHED_STEPS', message: '以下环节尚未办结：登记审核、核准' });
    const after = json(await (await as('clerk')).get(`/api/cases/${c.id}`));
    expect(after.documents.map((d: any) => d.kind)).not.toContain('result_notice');
    expect(after.steps.map((s: any) => s.status)).toEqual(['done', 'active', 'pending', 'pending']);
  });

  it('refuses 提交审批 on SC-003 after 认领 while 材料审查 and 现场核查 are open, and moves on by itself after 现场核查', async () => {
    let c = await acceptItem('county', await demoItem('SC-003'), '13900002002');
    const step = (name: string) => c.steps.find((s: any) => s.name === name);
    const reviewer = await as('reviewer');
    c = await ok(await reviewer.post(`/api/cases/${c.id}/steps/${step('材料审查').id}/claim`), 'claim');
    expect((await reviewer.post(`/api/cases/${c.id}/approval/submit`)).statusCode).toBe(409);
    expect((await (await as('approver')).post(`/api/cases/${c.id}/approval/approve`, {})).statusCode).toBe(409);
    c = await ok(await reviewer.post(`/api/cases/${c.id}/review/pass`, {}), 'pass');
    expect(c.state).toBe('in_process');
    const handler = await as('handler');
    c = await ok(await handler.post(`/api/cases/${c.id}/steps/${step('现场核查').id}/claim`), 'claim');
    c = await ok(
      await handler.post(`/api/cases/${c.id}/steps/${step('现场核查').id}/finish`, { note: '现场符合' }),
      'finish',
    );
    // The approver's dead end is gone: the case is 审批中 and the approver is offered the decision, not a 403.
    expect(c.state).toBe('in_approval');
    expect(c.allowedActions).not.toContain('submitForApproval');
    const seen = json(await (await as('approver')).get(`/api/cases/${c.id}`));
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['approve', 'deny', 'returnForRework']));
    expect(seen.steps.find((s: any) => s.name === '审批').actions).toEqual(['claimStep', 'approve']);
    c = await ok(await (await as('approver')).post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }), 'approve');
    // The step table tells the truth: 审批 is done when the case is approved.
    expect(c.state).toBe('approved');
    expect(step('审批')).toBeDefined();
    expect(c.steps.find((s: any) => s.name === '审批')).toMatchObject({ status: 'done', assignee: { name: '赵磊' } });
  });

  it('puts 分办 of ZR-001 in the router’s inbox and lets the router claim and route it', async () => {
    const c = await acceptItem('county', await demoItem('ZR-001'), '13900002003');
    expect(c.state).toBe('accepted');
    const route = c.steps.find((s: any) => s.name === '分办');
    const router = await as('router');
    expect(json(await router.get('/api/backoffice/inbox/mine')).items.map((i: any) => i.stepId)).toContain(route.id);
    await ok(await router.post(`/api/cases/${c.id}/steps/${route.id}/claim`), 'claim');
    const d = await ok(
      await router.post(`/api/cases/${c.id}/steps/${route.id}/finish`, { note: '分送自然资源局、税务局' }),
      'route',
    );
    expect(d.state).toBe('in_process');
    expect(d.steps.filter((s: any) => s.status === 'active').map((s: any) => s.name)).toEqual([
      '登记审核',
      '税费核定征收',
    ]);
    // A handler of another department may not take the tax step.
    expect((await (await as('handler')).post(`/api/cases/${c.id}/steps/${d.steps[3].id}/claim`)).statusCode).toBe(403);
  });
});
