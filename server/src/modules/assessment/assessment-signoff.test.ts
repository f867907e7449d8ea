import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AssessmentHall, assessmentHall, type Line, MONTH, q } from '../../../test/assessment-fixtures.ts';
import { json, type Session } from '../../../test/helpers.ts';

let h: AssessmentHall;
let head: Session;
let supervisor: Session;
let clerk: Session;
let hallId: string;
let clerkId: string;

beforeAll(async () => {
  h = await assessmentHall();
  ({ head, supervisor, clerk, hallId, clerkId } = h);
}, 240_000);
afterAll(() => h.hall.close());

const card = async (s: Session, kind: string, subjectId: string) =>
  s.get(`/api/assessment/card?${q({ hallId, period: MONTH, kind, subjectId })}`);

/** The person cards of the month by state (?state=); each state's list is the whole list's cards in that state. */
async function cardsByState(s: Session) {
  const ids = async (state?: string) => {
    const res = await s.get(
      `/api/assessment/cards?${q({ hallId, period: MONTH, kind: 'person', ...(state && { state }) })}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return json(res).items as { subjectId: string; state: string }[];
  };
  const all = await ids();
  const by: Record<string, string[]> = {};
  for (const state of ['unreviewed', 'reviewed', 'signed']) {
    by[state] = (await ids(state)).map((c) => c.subjectId);
    expect(by[state]).toEqual(all.filter((c) => c.state === state).map((c) => c.subjectId));
  }
  expect(by.unreviewed!.length + by.reviewed!.length + by.signed!.length).toBe(all.length);
  expect(
    (await s.get(`/api/assessment/cards?${q({ hallId, period: MONTH, kind: 'person', state: 'x' })}`)).statusCode,
  ).toBe(400);
  return by;
}

describe('remarks, sign-off, frozen versions and corrections', () => {
  const key = () => ({ hallId, period: MONTH, kind: 'person', subjectId: clerkId });

  it('the supervisor remarks; the station head signs; later data changes do not alter the signed card', async () => {
    const bad = await supervisor.put('/api/assessment/card/remarks', {
      ...key(),
      remarks: '态度需改进',
      spotScore: 101,
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('spotScore');
    expect((await cardsByState(head)).unreviewed).toContain(clerkId);
    const remarked = await supervisor.put('/api/assessment/card/remarks', {
      ...key(),
      remarks: '态度需改进',
      spotScore: 70,
    });
    expect(remarked.statusCode, remarked.body).toBe(200);
    expect(json(remarked)).toMatchObject({ spotScore: 70, remarks: '态度需改进', version: 0 });
    expect((await supervisor.post('/api/assessment/card/sign', key())).statusCode).toBe(403);
    // Remarked, not signed: 待签发 for the head.
    expect((await cardsByState(head)).reviewed).toEqual([clerkId]);
    const signed = await head.post('/api/assessment/card/sign', key());
    expect(signed.statusCode, signed.body).toBe(200);
    const states = await cardsByState(head);
    expect(states.signed).toEqual([clerkId]);
    expect(states.reviewed).toEqual([]);
    expect(states.unreviewed).not.toContain(clerkId);
    const frozen = json(signed);
    expect(frozen).toMatchObject({ version: 1, spotScore: 70, remarks: '态度需改进' });
    expect((await head.post('/api/assessment/card/sign', key())).statusCode).toBe(409);
    expect(
      (await supervisor.put('/api/assessment/card/remarks', { ...key(), remarks: 'x', spotScore: 1 })).statusCode,
    ).toBe(409);

    // A second sanction after the sign-off: the live figure would change, the signed card does not.
    await supervisor.post('/api/conduct/records', {
      userId: clerkId,
      kind: 'sanction',
      category: 'attendance',
      measure: 'reminder',
      facts: '迟到',
      occurredOn: '2026-03-18',
    });
    const after = json(await card(head, 'person', clerkId));
    expect(after).toEqual(frozen);
    const records = json(await head.get(`/api/assessment/card/records?${q({ ...key(), code: 'sanctions' })}`));
    expect(records).toMatchObject({ frozen: true });
    expect(records.items).toHaveLength(1);
  });

  it('a correction is a new version with its reason, audited, and listed with the history', async () => {
    const noReason = await head.post('/api/assessment/card/correct', { ...key(), reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).field).toBe('reason');
    const corrected = await head.post('/api/assessment/card/correct', {
      ...key(),
      reason: '补录违纪记录后重算',
      spotScore: 80,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const c = json(corrected);
    expect(c).toMatchObject({ version: 2, spotScore: 80, reason: '补录违纪记录后重算' });
    expect(c.lines.find((l: Line) => l.code === 'sanctions').actual).toBe(2);
    const versions = json(await head.get(`/api/assessment/card/versions?${q(key())}`)).items;
    expect(versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '补录违纪记录后重算'],
    ]);
    const audit = await h.hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'assessment.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['assessment.correct', 'assessment.remarks', 'assessment.sign']);
  });

  it('a person sees only their own signed cards', async () => {
    const mine = json(await clerk.get('/api/assessment/mine'));
    expect(mine.items.map((c: { period: string; version: number }) => [c.period, c.version])).toEqual([[MONTH, 2]]);
    expect((await clerk.get(`/api/assessment/cards?${q({ hallId, period: MONTH, kind: 'person' })}`)).statusCode).toBe(
      403,
    );
    expect((await clerk.get(`/api/assessment/card?${q(key())}`)).statusCode).toBe(403);
    expect(json(await supervisor.get('/api/assessment/mine')).items).toEqual([]);
  });

  it('suggests training for the indicators below target and creates the plan through the training service', async () => {
    const c = json(await card(head, 'person', clerkId));
    expect(c.suggestedTopics).toContain('廉洁自律与工作纪律');
    const res = await supervisor.post('/api/assessment/card/training-plan', { ...key(), dueDay: '2026-04-30' });
    expect(res.statusCode, res.body).toBe(201);
    const plans = json(await supervisor.get(`/api/training/individual-plans?hallId=${hallId}&userId=${clerkId}`));
    const plan = plans.items.find((p: { id: string }) => p.id === json(res).planId);
    expect(plan.topics).toContain('廉洁自律与工作纪律');
    const past = await supervisor.post('/api/assessment/card/training-plan', { ...key(), dueDay: '2026-01-01' });
    expect(json(past).field).toBe('dueDay');
  });
});

describe('the annual post-responsibility review', () => {
  it('means the months (signed version where there is one) and is frozen once signed', async () => {
    const year = json(await head.get(`/api/assessment/annual?${q({ hallId, year: '2026' })}`));
    const row = year.items.find((r: { subjectId: string }) => r.subjectId === clerkId);
    expect(row.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const march = row.months.find((m: { month: string }) => m.month === MONTH);
    const signedMarch = json(await card(head, 'person', clerkId));
    expect(march).toEqual({ month: MONTH, total: signedMarch.total, signed: true });
    const totals = row.months.map((m: { total: number | null }) => m.total).filter((t: number | null) => t !== null);
    expect(row.total).toBeCloseTo(totals.reduce((a: number, b: number) => a + b, 0) / totals.length, 1);
    const signed = await head.post('/api/assessment/annual/sign', { hallId, year: '2026', subjectId: clerkId });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(json(signed)).toMatchObject({ version: 1, total: row.total });
    expect(
      (await head.post('/api/assessment/annual/sign', { hallId, year: '2026', subjectId: clerkId })).statusCode,
    ).toBe(409);
    expect(
      (await supervisor.post('/api/assessment/annual/sign', { hallId, year: '2026', subjectId: clerkId })).statusCode,
    ).toBe(403);
    expect(json(await clerk.get('/api/assessment/mine')).items.map((c: { period: string }) => c.period)).toEqual([
      MONTH,
      '2026',
    ]);
  });
});
