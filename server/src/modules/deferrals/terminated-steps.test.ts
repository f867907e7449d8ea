/** A terminated case's steps that will never be worked read 不再办理, on the case page and the public progress page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysLater, deferredCase, ok, type SupportHall, supportHall } from '../../../test/case-support-fixtures.ts';
import { json, Session } from '../../../test/helpers.ts';
import { inconsistency } from '../../domain/case/index.ts';
import { chinaDay } from '../../platform/clock.ts';

let h: SupportHall;
beforeAll(async () => {
  h = await supportHall();
});
afterAll(() => h.hall.close());

const dayAfter = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const nextWeekday = (d: string) => {
  let x = dayAfter(d, 1);
  while ([0, 6].includes(new Date(`${x}T00:00:00Z`).getUTCDay())) x = dayAfter(x, 1);
  return x;
};

describe('a case terminated for a deferred material past due', () => {
  it('shows its open steps as 不再办理, not 办理中, and leaves no step active anywhere', async () => {
    const due = nextWeekday(nextWeekday(chinaDay(h.hall.clock.now())));
    const c = await deferredCase(h, due);
    const before = json(await h.s.clerk.get(`/api/cases/${c.id}`));
    expect(before.steps.map((s: any) => s.status)).toContain('active');
    await daysLater(h, 7);
    await ok(await h.s.supervisor.post(`/api/cases/${c.id}/terminate`, { reason: '逾期未补齐营业执照复印件' }));

    const detail = json(await h.s.clerk.get(`/api/cases/${c.id}`));
    expect(detail.state).toBe('terminated');
    const open = before.steps.filter((s: any) => s.status !== 'done').map((s: any) => s.id);
    expect(open.length).toBeGreaterThan(0);
    for (const s of detail.steps) {
      // What was done stays done; everything still open or waiting will not be worked any more.
      expect(s.status, s.name).toBe(open.includes(s.id) ? 'skipped' : 'done');
      expect(s.actions, s.name).toEqual([]);
    }
    const steps = detail.steps.map((s: any) => ({ ...s, assigneeId: s.assignee?.id ?? null, assigneeName: null }));
    expect(inconsistency(detail.state, steps)).toBeNull();

    const progress = json(await new Session(h.hall.app).get(`/api/public/progress?no=${c.caseNo}&phone4=5678`));
    expect(progress.currentStep).toBeNull();
    expect(progress.steps.map((s: any) => s.status)).toEqual(
      detail.steps.map((s: any) => (s.status === 'done' ? 'done' : 'skipped')),
    );
    expect(progress.steps.some((s: any) => s.status === 'active' || s.status === 'pending')).toBe(false);
  });
});
