/** 工作报告's rules by example: periods and their titles, 环比 / 同比, the three risks, the task overdue rule. */
import { describe, expect, it } from 'vitest';
import {
  change,
  longWaits,
  onTimeDrops,
  parsePeriod,
  periodJustEnded,
  pointChange,
  previousPeriod,
  risingComplaints,
  sameLastYear,
  taskOverdue,
} from './index.ts';

describe('periods', () => {
  it('reads each kind of period with its days and title', () => {
    expect(parsePeriod('monthly', '2026-11')).toEqual({
      kind: 'monthly',
      key: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      label: '2026年11月',
    });
    expect(parsePeriod('monthly', '2028-02')?.to).toBe('2028-02-29');
    expect(parsePeriod('quarterly', '2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('quarterly', '2026-Q4')?.label).toBe('2026年第四季度');
    expect(parsePeriod('yearly', '2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: '2026年' });
  });
  it('refuses keys that are not of the kind', () => {
    expect(parsePeriod('monthly', '2026-13')).toBeNull();
    expect(parsePeriod('monthly', '2026-Q1')).toBeNull();
    expect(parsePeriod('quarterly', '2026-Q5')).toBeNull();
    expect(parsePeriod('yearly', '26')).toBeNull();
  });
  it('steps back across year ends for 环比 and a year for 同比', () => {
    expect(previousPeriod('monthly', '2026-01')).toBe('2025-12');
    expect(previousPeriod('quarterly', '2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('yearly', '2026')).toBe('2025');
    expect(sameLastYear('monthly', '2026-11')).toBe('2025-11');
    expect(sameLastYear('quarterly', '2026-Q3')).toBe('2025-Q3');
    expect(sameLastYear('yearly', '2026')).toBe('2025');
  });
  it('names the period just ended on a day', () => {
    expect(periodJustEnded('monthly', '2026-12-01')).toBe('2026-11');
    expect(periodJustEnded('quarterly', '2026-12-03')).toBe('2026-Q3');
    expect(periodJustEnded('quarterly', '2027-01-01')).toBe('2026-Q4');
    expect(periodJustEnded('yearly', '2026-12-03')).toBe('2025');
  });
  it('computes changes, none against nothing', () => {
    expect(change(120, 100)).toBeCloseTo(0.2);
    expect(change(5, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
    expect(pointChange(0.8, 0.9)).toBeCloseTo(-0.1);
    expect(pointChange(0.8, null)).toBeNull();
  });
});

describe('risks', () => {
  const item = (key: string, finished: number, onTimeRate: number | null) => ({ key, name: key, finished, onTimeRate });
  it('flags an item whose on-time rate fell by more than 10 points, not by exactly 10', () => {
    const risks = onTimeDrops(
      [item('a', 10, 0.7), item('b', 10, 0.8), item('c', 2, 0), item('d', 10, null)],
      [item('a', 10, 0.9), item('b', 10, 0.9), item('c', 10, 1), item('d', 10, 1)],
    );
    expect(risks.map((r) => r.key)).toEqual(['a']);
    expect(risks[0]!.text).toBe('事项“a”按时办结率由上期 90.0% 降至 70.0%');
  });
  it('flags windows waiting longer than the target', () => {
    const risks = longWaits(
      [
        { key: 'w1', name: '1号窗口', tickets: 5, meanWaitMinutes: 12 },
        { key: 'w2', name: '2号窗口', tickets: 5, meanWaitMinutes: 10 },
        { key: 'w3', name: '3号窗口', tickets: 0, meanWaitMinutes: null },
      ],
      10,
    );
    expect(risks.map((r) => r.key)).toEqual(['w1']);
    expect(risks[0]!.text).toContain('超过目标 10.0 分钟');
  });
  it('flags complaint categories that rose to at least two', () => {
    const c = (category: string, count: number) => ({ category, name: category, count });
    const risks = risingComplaints(
      [c('attitude', 3), c('efficiency', 1), c('fees', 2)],
      [c('attitude', 1), c('fees', 2)],
    );
    expect(risks.map((r) => [r.key, 'previous' in r ? r.previous : null])).toEqual([['attitude', 1]]);
  });
});

describe('tasks handed down', () => {
  it('are overdue only while open after the due day', () => {
    expect(taskOverdue({ status: 'open', dueDay: '2026-12-03' }, '2026-12-03')).toBe(false);
    expect(taskOverdue({ status: 'open', dueDay: '2026-12-03' }, '2026-12-04')).toBe(true);
    expect(taskOverdue({ status: 'done', dueDay: '2026-12-03' }, '2026-12-09')).toBe(false);
    expect(taskOverdue({ status: 'open', dueDay: null }, '2026-12-09')).toBe(false);
  });
});
