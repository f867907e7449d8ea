import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssessmentHall,
  assessmentHall,
  expectedFigures,
  type Line,
  MONTH,
  q,
} from '../../../test/assessment-fixtures.ts';
import { json, type Session } from '../../../test/helpers.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

let h: AssessmentHall;
let head: Session;
let supervisor: Session;
let hallId: string;
let clerkId: string;

beforeAll(async () => {
  h = await assessmentHall();
  ({ head, supervisor, hallId, clerkId } = h);
}, 240_000);
afterAll(() => h.hall.close());

const card = async (s: Session, kind: string, subjectId: string) =>
  s.get(`/api/assessment/card?${q({ hallId, period: MONTH, kind, subjectId })}`);

describe('scorecards computed from the records', () => {
  it('match every figure recomputed from the raw rows, for every person', async () => {
    const list = json(await head.get(`/api/assessment/cards?${q({ hallId, period: MONTH, kind: 'person' })}`));
    expect(list.items.length).toBeGreaterThan(3);
    let nonEmpty = 0;
    for (const item of list.items) {
      const c = json(await card(head, 'person', item.subjectId));
      const want = await expectedFigures(h, item.subjectId);
      const got = Object.fromEntries((c.lines as Line[]).map((l) => [l.code, l.actual]));
      for (const code of Object.keys(want).filter((k) => k !== 'finishedCount'))
        expect(got[code], `${item.subjectName} ${code}`).toBe(want[code]);
      expect(c.lines.find((l: Line) => l.code === 'handling_days').actual === null).toBe(want.finishedCount === 0);
      if ((want.cases_received ?? 0) + (want.finishedCount ?? 0) > 0) nonEmpty++;
      // The list counts the big sources in the database; the card lists their records: the same figures.
      expect(item.total).toBe(c.total);
      expect(item.indicatorTotal).toBe(c.indicatorTotal);
    }
    expect(nonEmpty).toBeGreaterThan(0);
    const mine = await expectedFigures(h, clerkId);
    expect(mine).toMatchObject({ sanctions: 1, complaints_upheld: 1 });
    // The demo hall's own training records of March plus the 4 hours added here.
    expect(mine.training_hours).toBeGreaterThanOrEqual(4);
    expect(mine.attendance_rate).not.toBeNull();
  });

  it('assesses a back-office handler on the steps they finished, not on front-desk counts (不适用, weight re-normalised)', async () => {
    const handler = await h.hall.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'handler')
      .executeTakeFirstOrThrow();
    const c = json(await card(head, 'person', handler.id));
    const line = (code: string) => (c.lines as (Line & { weightUsed: number | null })[]).find((l) => l.code === code)!;
    // Consultations referred to the department are a handler's work (consult.handle), so they stay counted.
    expect(line('consultations_answered').actual).not.toBeNull();
    for (const code of ['cases_received', 'tickets_served']) {
      expect(line(code).actual, code).toBeNull();
      expect(line(code).weightUsed, code).toBeNull();
    }
    // 办理环节数 is the handler's volume: the generated month has steps they finished, each one in the drill-down.
    expect(line('steps_finished').actual).toBeGreaterThan(0);
    expect(line('steps_finished').weightUsed).not.toBeNull();
    const steps = await head.get(
      `/api/assessment/card/records?${q({ hallId, period: MONTH, kind: 'person', subjectId: handler.id, code: 'steps_finished' })}`,
    );
    expect(json(steps).items).toHaveLength(line('steps_finished').actual!);
    // The clerk, whose post receives cases, is assessed on them, and not on back-office steps they never worked.
    const clerk = json(await card(head, 'person', clerkId));
    const clerkLine = (code: string) => (clerk.lines as Line[]).find((l) => l.code === code)!;
    expect(clerkLine('tickets_served').actual).not.toBeNull();
    expect(clerkLine('steps_finished').actual).toBeNull();
  });

  it('drills every figure down to its records', async () => {
    const c = json(await card(head, 'person', clerkId));
    for (const line of c.lines as (Line & { records: number })[]) {
      const res = await head.get(
        `/api/assessment/card/records?${q({ hallId, period: MONTH, kind: 'person', subjectId: clerkId, code: line.code })}`,
      );
      expect(res.statusCode).toBe(200);
      expect(json(res).items).toHaveLength(line.records);
    }
    const complaints = json(
      await head.get(
        `/api/assessment/card/records?${q({ hallId, period: MONTH, kind: 'person', subjectId: clerkId, code: 'complaints_upheld' })}`,
      ),
    );
    expect(complaints.items[0].ref).toMatch(/^T|^J|\d/);
  });

  it('computes window and department cards, counting only what applies to them', async () => {
    for (const kind of ['window', 'department']) {
      const list = json(await head.get(`/api/assessment/cards?${q({ hallId, period: '2026-Q1', kind })}`));
      expect(list.items.length).toBeGreaterThan(0);
      for (const item of list.items) {
        const one = json(
          await head.get(`/api/assessment/card?${q({ hallId, period: '2026-Q1', kind, subjectId: item.subjectId })}`),
        );
        expect([item.indicatorTotal, item.total], `${kind} ${item.subjectName}`).toEqual([
          one.indicatorTotal,
          one.total,
        ]);
      }
      const c = json(
        await head.get(
          `/api/assessment/card?${q({ hallId, period: '2026-Q1', kind, subjectId: list.items[0].subjectId })}`,
        ),
      );
      expect(c.lines.find((l: Line) => l.code === 'attendance_rate').actual).toBeNull();
      expect(c.lines.find((l: Line) => l.code === 'cases_received').target).toBe(120);
    }
    const xlsx = await head.get(`/api/assessment/cards/export?${q({ hallId, period: MONTH, kind: 'person' })}`);
    expect(xlsx.statusCode).toBe(200);
    const book = await readWorkbook(xlsx.rawPayload);
    expect(book.map((s: { name: string }) => s.name)).toEqual(['考核汇总', '指标明细']);
  });
});

describe('indicators', () => {
  it('the default set totals 100; weights not totalling 100 are refused naming the field; edits are audited', async () => {
    const set = json(await head.get(`/api/assessment/indicators?hallId=${hallId}`));
    expect(set.items.reduce((n: number, i: { weight: number }) => n + i.weight, 0)).toBe(100);
    const changed = set.items.map((i: { code: string; weight: number }) =>
      i.code === 'sanctions' ? { ...i, weight: i.weight + 1 } : i,
    );
    const bad = await head.put('/api/assessment/indicators', { hallId, indicators: changed });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('indicators');
    const noName = await head.put('/api/assessment/indicators', {
      hallId,
      indicators: [{ ...set.items[0], name: '' }],
    });
    expect(json(noName).field).toBe('indicators.0.name');
    expect((await supervisor.put('/api/assessment/indicators', { hallId, indicators: set.items })).statusCode).toBe(
      403,
    );
    const raised = set.items.map((i: { code: string; target: number }) =>
      i.code === 'training_hours' ? { ...i, target: 8 } : i,
    );
    const ok = await head.put('/api/assessment/indicators', { hallId, indicators: raised });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok).items.find((i: { code: string }) => i.code === 'training_hours').target).toBe(8);
    const audit = await h.hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'assessment.indicators')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a bad period or kind naming the field', async () => {
    for (const [period, kind, field] of [
      ['2026-13', 'person', 'period'],
      ['2026-3', 'person', 'period'],
      [MONTH, 'team', 'kind'],
    ]) {
      const res = await head.get(`/api/assessment/cards?${q({ hallId, period: period!, kind: kind! })}`);
      expect(res.statusCode).toBe(400);
      expect(json(res).field).toBe(field);
    }
  });
});
