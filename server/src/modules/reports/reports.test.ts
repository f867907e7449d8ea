/**
 * 工作报告 over the API, on both databases: a March 2026 with accepted and completed cases, tickets at a window and
 * a complaint; the station head generates the monthly report in April and its figures equal the stats overview's for
 * the same hall and period; the PDF is a real PDF whose text has the eight sections and the figures; the workbook
 * has a sheet per table; a regeneration is a new version; the schedule writes each period once however often and
 * however concurrently it runs; the refusals name their field; only managers of the hall reach reports.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedCase, hall, hallId, s, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { completeByTrail } from '../../../test/completion-fixtures.ts';
import { json, type Session, signedIn } from '../../../test/helpers.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';
import { parsePeriod } from '../../domain/reports/index.ts';
import { sweepReports } from './sweep-service.ts';
import { writeReport } from './service.ts';

withBackofficeHall();

const at = (day: string, hh = 9, mm = 0) =>
  Date.parse(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);
const MIN = 60_000;
let head: Session;
let windowId: string;
let handlerId: string;

const completeCase = (caseId: string) => completeByTrail(hall, caseId, handlerId);

let seq = 0;
async function ticket(day: string, wait: number, service: number) {
  seq += 1;
  const category = await hall.ctx.db
    .selectFrom('queue_categories')
    .select('id')
    .where('hall_id', '=', hallId)
    .executeTakeFirstOrThrow();
  const t = (m: number) => at(day) + m * MIN;
  await hall.ctx.db
    .insertInto('queue_tickets')
    .values({
      id: `t-rep-${seq}`,
      hall_id: hallId,
      day,
      category_id: category.id,
      number: `R${String(seq).padStart(3, '0')}`,
      seq: 800 + seq,
      priority: 'normal',
      weight: 0,
      appointment_at: null,
      arrived_at: t(0),
      status: 'done',
      window_id: windowId,
      target_window_id: null,
      walk_in: 1,
      first_called_at: t(wait),
      called_at: t(wait),
      recall_count: 0,
      serving_started_at: t(wait),
      finished_at: t(wait + service),
      served_by: null,
      wait_ms: null,
      service_ms: 0,
      transfers: 0,
      people_ahead_at_issue: 0,
      estimated_wait_ms: null,
      outcome_kind: null,
      outcome_id: null,
      issued_by: null,
      created_at: t(0),
      updated_at: t(0),
    })
    .execute();
}

beforeAll(async () => {
  windowId = json(await s.head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  handlerId = json(await s.handler.get('/api/auth/me')).id;
  // March 2026: three cases accepted, two completed; two tickets waiting 20 and 40 minutes (target 10).
  const cases = [await acceptedCase(), await acceptedCase(), await acceptedCase()];
  hall.clock.set(at('2026-03-10'));
  await completeCase(cases[0].id);
  await completeCase(cases[1].id);
  await ticket('2026-03-03', 20, 10);
  await ticket('2026-03-04', 40, 20);
  // Two complaints about 办事效率 in March, none in February: a rising category.
  const desk = await signedIn(hall.app, 'head');
  for (const matter of ['等候时间过长', '材料退回多次']) {
    const res = await desk.post('/api/complaints', {
      hallId,
      kind: 'complaint',
      channel: 'phone',
      category: 'efficiency',
      name: '李明',
      phone: '13912345678',
      matter,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  hall.clock.set(at('2026-04-02', 10));
  head = await signedIn(hall.app, 'head');
});

let report: any;
const pdfText = (bytes: Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ow-report-')), 'r.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('a monthly report', () => {
  it('is generated on demand with the figures of the stats overview for the same period', async () => {
    const res = await head.post('/api/reports', { hallId, kind: 'monthly', period: '2026-03' });
    expect(res.statusCode, res.body).toBe(201);
    report = json(res);
    expect(report).toMatchObject({ kind: 'monthly', period: '2026-03', version: 1, origin: 'demand' });
    expect(report.title).toMatch(/2026年3月 工作情况报告$/);
    const o = json(await head.get(`/api/stats/overview?hallId=${hallId}&from=2026-03-01&to=2026-03-31`));
    const c = report.content;
    expect(c.overall.current).toMatchObject({
      received: o.totals.received,
      finished: o.totals.finished,
      onTime: o.totals.onTime,
      onTimeRate: o.totals.onTimeRate,
    });
    expect(o.totals.received).toBe(3);
    expect(o.totals.finished).toBe(2);
    expect(c.byItem).toEqual(o.byItem);
    expect(c.byDepartment).toEqual(o.byDepartment);
    expect(c.windows).toMatchObject({
      tickets: o.totals.tickets,
      meanWaitMinutes: o.totals.meanWaitMinutes,
      meanServiceMinutes: o.totals.meanServiceMinutes,
    });
    expect(c.windows.meanWaitMinutes).toBe(30);
    expect(c.satisfaction.goodRate).toBe(o.totals.goodRate);
    expect(c.complaints.total).toBe(o.totals.complaints);
    // 环比: February had nothing, so the change is not comparable; 上期 is February.
    expect(c.overall.previous).toMatchObject({ period: '2026-02', received: 0 });
    expect(c.overall.changes.receivedMoM).toBeNull();
    // The window waited 30 minutes on average against a 10-minute target: a risk.
    expect(report.risks.map((r: any) => r.kind)).toContain('long_wait');
    expect(c.complaints.total).toBe(2);
    expect(report.risks).toContainEqual(
      expect.objectContaining({ kind: 'complaints_rising', key: 'efficiency', text: expect.stringContaining('2 件') }),
    );
  });

  it('is a real PDF with the eight sections and the figures', async () => {
    const res = await head.get(`/api/reports/${report.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload).replace(/\s+/g, '');
    for (const h of [
      '一、总体情况',
      '二、分事项、分部门情况',
      '三、窗口服务',
      '四、群众满意度',
      '五、投诉举报',
      '六、监督检查与整改',
      '七、存在的问题和风险',
      '八、下一步工作',
    ])
      expect(text).toContain(h);
    expect(text).toContain('本期受理3件');
    expect(text).toContain('办结2件');
    expect(text).toContain('平均等候30.0分钟');
    expect(text).toContain('“办事效率”类投诉举报2件，上期0件，呈上升趋势');
  });

  it('is a workbook with a sheet per table', async () => {
    const res = await head.get(`/api/reports/${report.id}/xlsx`);
    expect(res.statusCode).toBe(200);
    const sheets = await readWorkbook(res.rawPayload);
    expect(sheets.map((x) => x.name)).toEqual([
      '总体情况',
      '分事项',
      '分部门',
      '窗口服务',
      '群众满意度',
      '投诉举报',
      '监督检查与整改',
      '存在的问题和风险',
      '下一步工作',
    ]);
    expect(sheets[0]!.rows[0]).toMatchObject({ 受理量: 3, 办结量: 2 });
    expect(sheets[3]!.rows[0]).toMatchObject({ 窗口: '全厅', 取号量: 2, '平均等候(分钟)': 30 });
  });

  it('audits each download', async () => {
    const reads = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', report.id)
      .execute();
    expect(reads.map((r) => r.action)).toEqual(
      expect.arrayContaining(['report.generate', 'periodic_report_pdf.read', 'periodic_report_xlsx.read']),
    );
  });

  it('takes the next steps into both files, and a regeneration is a new version beside the first', async () => {
    const res = await head.put(`/api/reports/${report.id}/next-steps`, { text: '加强窗口力量，压缩等候时间' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).pdfSha256).not.toBe(report.pdfSha256);
    const text = pdfText((await head.get(`/api/reports/${report.id}/pdf`)).rawPayload).replace(/\s+/g, '');
    expect(text).toContain('加强窗口力量，压缩等候时间');
    const again = json(await head.post('/api/reports', { hallId, kind: 'monthly', period: '2026-03' }));
    expect(again.version).toBe(2);
    const list = json(await head.get(`/api/reports?hallId=${hallId}&kind=monthly`)).items;
    expect(list.map((r: any) => r.version)).toEqual([2, 1]);
  });
});

describe('a retried generation', () => {
  it('with the same Idempotency-Key answers the first version again and writes no second one', async () => {
    const key = { 'idempotency-key': 'report-q1-1' };
    const body = { hallId, kind: 'quarterly', period: '2025-Q4' };
    const first = await head.post('/api/reports', body, key);
    const again = await head.post('/api/reports', body, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(json(again).id).toBe(json(first).id);
    const versions = json(await head.get(`/api/reports?hallId=${hallId}&kind=quarterly`)).items.filter(
      (r: any) => r.period === '2025-Q4',
    );
    expect(versions).toHaveLength(1);
  });
});

describe('the schedule', () => {
  it('writes each hall’s reports of the periods just ended once, however often and concurrently it runs', async () => {
    // Each report about to be written first gives way to the clerks (the running server waits for a quiet moment).
    let asked = 0;
    const giveWay = async () => {
      asked += 1;
    };
    const written = await Promise.all([sweepReports(hall.ctx, giveWay), sweepReports(hall.ctx, giveWay)]);
    const askedByFirstPasses = asked;
    await sweepReports(hall.ctx, giveWay);
    expect(asked).toBe(askedByFirstPasses);
    const rows = await hall.ctx.db
      .selectFrom('periodic_reports')
      .select(['hall_id', 'kind', 'period', 'version', 'origin'])
      .where('origin', '=', 'schedule')
      .execute();
    const halls = (await hall.ctx.db.selectFrom('halls').select('id').execute()).length;
    // March has an on-demand report already; 2026-Q1 and 2025 are written for every hall, March for the others.
    expect(rows.length).toBe(halls * 3 - 1);
    expect(written[0]! + written[1]!).toBe(rows.length);
    expect(askedByFirstPasses).toBeGreaterThanOrEqual(rows.length);
    const keys = rows.map((r) => `${r.hall_id}/${r.kind}/${r.period}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.every((r) => Number(r.version) === 1)).toBe(true);
    expect(keys).toContain(`${hallId}/quarterly/2026-Q1`);
    expect(keys).toContain(`${hallId}/yearly/2025`);
  });

  it('loses the unique key quietly when two nodes write the same version at once', async () => {
    const period = parsePeriod('monthly', '2026-01')!;
    const system = {
      userId: 'system',
      username: 'system',
      displayName: '系统',
      roles: [],
      permissions: new Set<never>(),
      hallIds: [hallId],
      departmentIds: [],
      mustChangePassword: false,
      sessionId: 'x',
      ip: null,
    };
    const ids = await Promise.all(
      [1, 2].map(() =>
        writeReport(hall.ctx, system, { hallId, kind: 'monthly', period, origin: 'schedule', version: 1 }),
      ),
    );
    expect(ids.filter((x) => x !== null)).toHaveLength(1);
  });
});

describe('refusals and access', () => {
  it('names the field of bad input', async () => {
    for (const [body, field] of [
      [{ hallId, kind: 'monthly', period: '2026-3' }, 'period'],
      [{ hallId, kind: 'monthly', period: '2026-04' }, 'period'],
      [{ hallId, kind: 'weekly', period: '2026-03' }, 'kind'],
      [{ hallId, kind: 'quarterly', period: '2026-03' }, 'period'],
    ] as const) {
      const res = await head.post('/api/reports', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(json(res).field).toBe(field);
    }
    const sub = await head.post(`/api/reports/${report.id}/submissions`, {
      authority: '市政务服务管理局',
      sentDay: '2026-02-01',
      channel: '公文交换',
    });
    expect(json(sub)).toMatchObject({ code: 'VALIDATION', field: 'sentDay' });
    const noAuthority = await head.post(`/api/reports/${report.id}/submissions`, {
      authority: '',
      sentDay: '2026-04-02',
      channel: '公文交换',
    });
    expect(json(noAuthority)).toMatchObject({ code: 'VALIDATION', field: 'authority' });
  });

  it('is for the managers of the hall only', async () => {
    const clerk = await signedIn(hall.app, 'clerk');
    expect((await clerk.get(`/api/reports?hallId=${hallId}`)).statusCode).toBe(403);
    expect((await clerk.get(`/api/reports/${report.id}/pdf`)).statusCode).toBe(403);
    const inspector = await signedIn(hall.app, 'inspector');
    expect((await inspector.post('/api/reports', { hallId, kind: 'monthly', period: '2026-03' })).statusCode).toBe(403);
    const supervisor = await signedIn(hall.app, 'supervisor');
    expect((await supervisor.get(`/api/reports/${report.id}`)).statusCode).toBe(200);
    const townHead = await signedIn(hall.app, 'town_head');
    expect((await townHead.get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    expect((await townHead.post('/api/reports', { hallId, kind: 'monthly', period: '2026-03' })).statusCode).toBe(400);
  });
});

describe('reporting upward (上报记录)', () => {
  it('records a version sent upward, lists and exports it, and freezes that version', async () => {
    const res = await head.post(`/api/reports/${report.id}/submissions`, {
      authority: '市政务服务管理局',
      sentDay: '2026-04-02',
      channel: '公文交换',
      documentNo: '政服〔2026〕12号',
      note: '按月报送',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ reportVersion: 1, sentByName: '王志强', authority: '市政务服务管理局' });
    const list = json(await head.get(`/api/report-submissions?hallId=${hallId}`)).items;
    expect(list).toHaveLength(1);
    const book = await readWorkbook((await head.get(`/api/report-submissions/export?hallId=${hallId}`)).rawPayload);
    expect(book[0]!.rows[0]).toMatchObject({ 报送单位: '市政务服务管理局', 文号: '政服〔2026〕12号', 版本: 1 });
    const frozen = await head.put(`/api/reports/${report.id}/next-steps`, { text: '改' });
    expect(frozen.statusCode).toBe(409);
    expect(json(await head.get(`/api/reports/${report.id}`)).submissions).toBe(1);
  });
});
