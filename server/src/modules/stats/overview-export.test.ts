/**
 * 统计分析 over the API, on both databases, on the known June 2026 of test/overview-fixtures.ts: the refusals of
 * /api/stats/overview naming the field, the access rule, and the export read back sheet by sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { juneHall, Q } from '../../../test/overview-fixtures.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

let hall: TestHall;
let clerk: Session;
let head: Session;
let hallId: string;

beforeAll(async () => {
  ({ hall, clerk, head, hallId } = await juneHall());
});
afterAll(() => hall.close());

describe('statistics overview', () => {
  it('refuses a bad or reversed period naming the field, and more than 366 days', async () => {
    const field = async (q: string) => {
      const r = await head.get(`/api/stats/overview?${q}`);
      expect(r.statusCode).toBe(400);
      return json(r).field;
    };
    expect(await field('from=2026-02-30&to=2026-03-01')).toBe('from');
    expect(await field('from=2026-03-01&to=2026-13-01')).toBe('to');
    expect(await field('from=2026-03-31&to=2026-03-01')).toBe('to');
    expect(await field('from=2025-01-01&to=2026-01-02')).toBe('to'); // 367 days
    expect(await field('to=2026-01-01')).toBe('from');
    expect((await head.get('/api/stats/overview?from=2025-01-01&to=2026-01-01')).statusCode).toBe(200); // 366 days
    expect((await head.get('/api/stats/overview/export?from=2026-03-31&to=2026-03-01')).statusCode).toBe(400);
  });

  it('is for supervisors, station heads and inspectors; another hall is refused', async () => {
    expect((await clerk.get(`/api/stats/overview?${Q}`)).statusCode).toBe(403);
    for (const u of ['supervisor', 'inspector'])
      expect((await (await signedIn(hall.app, u)).get(`/api/stats/overview?${Q}`)).statusCode).toBe(200);
    const other = await head.get(`/api/stats/overview?hallId=nowhere&${Q}`);
    expect(other.statusCode).toBeGreaterThanOrEqual(400);
    expect(other.statusCode).toBeLessThan(500);
  });

  it('exports the same tables as a workbook of typed sheets, and the export is audited', async () => {
    const res = await head.get(`/api/stats/overview/export?hallId=${hallId}&${Q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheets = await readWorkbook(res.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual([
      '概况',
      '每日受理办结',
      '按事项',
      '按部门',
      '按窗口',
      '按人员',
      '每日排队',
      '满意度',
      '投诉类别',
    ]);
    const [overview, daily, byItem, , , , queue, sat, comp] = sheets;
    expect(overview!.rows[0]).toMatchObject({
      受理量: 4,
      办结量: 2,
      按时办结率: 0.5,
      取号量: 4,
      好评率: 0.75,
      投诉举报: 3,
    });
    expect(overview!.rows[0]!['开始日期']).toBeInstanceOf(Date);
    expect(daily!.rows).toHaveLength(30);
    expect(daily!.rows[0]!['日期']).toBeInstanceOf(Date);
    expect(daily!.rows[0]).toMatchObject({ 受理量: 3, 办结量: 0 });
    expect(byItem!.rows.find((r) => r['受理量'] === 4)).toMatchObject({ 办结量: 2, 按时办结: 1, 按时办结率: 0.5 });
    expect(byItem!.sheet.getRow(2).getCell(5).numFmt).toContain('%');
    expect(queue!.rows[2]).toMatchObject({ 取号量: 2, '平均等候(分钟)': 15, '平均办理(分钟)': 20 });
    expect(sat!.rows.map((r) => r['合计'])).toEqual([1, 1, 1, 1, 0]);
    expect(comp!.rows).toEqual([
      { 问题类别: '服务态度', 件数: 2 },
      { 问题类别: '办事效率', 件数: 1 },
    ]);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'stats_overview_export.read')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
