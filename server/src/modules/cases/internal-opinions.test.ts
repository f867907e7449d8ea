import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { documentModel } from './documents/index.ts';
import { WITHHELD } from './internal-opinions.ts';

let hall: TestHall;
let s: Record<'clerk' | 'handler' | 'supervisor' | 'inspector' | 'feedback' | 'router' | 'head', Session>;
let caseId: string;
let caseNo: string;
const NOTE = '材料齐全，内部审核意见：同意';
const QUESTION = '申请人经营场所面积是否核实？';
const ANSWER = '已电话核实，面积 80 平方米';

beforeAll(async () => {
  hall = await buildTestHall();
  const names = ['clerk', 'handler', 'supervisor', 'inspector', 'feedback', 'router', 'head'] as const;
  s = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await signedIn(hall.app, n)]))) as typeof s;
  const hallId = json(await s.head.get('/api/auth/me')).halls[0].id;
  const departments = json(await s.head.get(`/api/departments?hallId=${hallId}`)).items as {
    id: string;
    code: string;
  }[];
  const itemId = await publishedItem(s.head, hallId, departments.find((d) => d.code === 'SC')!.id, 'IO-1');
  const applicantId = await person(s.clerk, hallId, { name: '韩梅梅', phone: '13712345678' });
  const r = json(await s.clerk.post('/api/intake/receptions', { itemId, applicantId, materials: complete() }));
  const c = json(await s.clerk.post(`/api/cases/${r.id}/accept`));
  caseId = c.id;
  caseNo = c.caseNo;
  const ok = async (res: Promise<{ statusCode: number; body: string }>) => {
    const done = await res;
    expect(done.statusCode, done.body).toBe(200);
  };
  await ok(s.handler.post(`/api/cases/${caseId}/verification`, { question: QUESTION, responseDays: 1 }));
  await ok(s.clerk.post(`/api/cases/${caseId}/verification/answer`, { answer: ANSWER }));
  // Along the published process: the handler's site check and the review run in parallel; the review is passed.
  const stepId = async (key: string) =>
    (json(await s.clerk.get(`/api/cases/${caseId}`)).steps as { key: string; id: string }[]).find((x) => x.key === key)!
      .id;
  await ok(s.handler.post(`/api/cases/${caseId}/steps/${await stepId('s3')}/claim`));
  await ok(s.handler.post(`/api/cases/${caseId}/steps/${await stepId('s3')}/finish`, { note: '现场核查无误' }));
  await ok(s.supervisor.post(`/api/cases/${caseId}/steps/${await stepId('s2')}/claim`));
  await ok(s.supervisor.post(`/api/cases/${caseId}/review/pass`, { note: NOTE }));
});
afterAll(() => hall.close());

const detailFor = async (who: Session) => {
  const res = await who.get(`/api/cases/${caseId}`);
  expect(res.statusCode).toBe(200);
  return res.body;
};

describe('internal opinions', () => {
  it('are shown to the staff on the case, its department, supervisors, station heads and inspectors', async () => {
    for (const who of ['handler', 'clerk', 'supervisor', 'head', 'inspector'] as const) {
      const body = await detailFor(s[who]);
      expect(body, who).toContain(NOTE);
      expect(body, who).toContain(QUESTION);
      expect(body, who).toContain(ANSWER);
    }
  });

  it('are withheld from hall staff who have nothing to do with the case, who still see that they exist', async () => {
    for (const who of ['feedback', 'router'] as const) {
      const body = await detailFor(s[who]);
      for (const secret of [NOTE, QUESTION, ANSWER]) expect(body, who).not.toContain(secret);
      const d = JSON.parse(body);
      expect(d.events.find((e: { action: string }) => e.action === 'passReview').detail.note).toBe(WITHHELD);
      expect(d.verifications[0]).toMatchObject({ question: WITHHELD, answer: WITHHELD });
    }
  });

  it('never reach the public progress page or the applicant’s documents', async () => {
    hall.clock.advance(61_000);
    const progress = await new Session(hall.app).get(`/api/public/progress?no=${caseNo}&phone4=5678`);
    expect(progress.statusCode).toBe(200);
    for (const secret of [NOTE, QUESTION, ANSWER]) expect(progress.body).not.toContain(secret);
    const docs = await hall.ctx.db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).execute();
    const hallRow = await hall.ctx.db.selectFrom('halls').selectAll().executeTakeFirstOrThrow();
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      const text = JSON.stringify(await documentModel(d.kind as never, hallRow as never, d.doc_no, d.content));
      for (const secret of [NOTE, QUESTION, ANSWER]) expect(text).not.toContain(secret);
    }
  });
});
