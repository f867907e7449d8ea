import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedCase, hall, hallId, itemId, s, sc, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { json, type Session, signedIn } from '../../../test/helpers.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';
import { chinaDay } from '../../platform/clock.ts';
import { nextRectificationStatus, type RectificationStatus } from '../../domain/inspections/index.ts';
import { calendarOf } from '../calendar/service.ts';

withBackofficeHall();

let inspector: Session;
let clerkId: string;
const caseIds: string[] = [];
const today = () => chinaDay(hall.clock.now());
const allChecksOk = { registration: 'ok', review: 'ok', routing: 'ok' };

beforeAll(async () => {
  inspector = await signedIn(hall.app, 'inspector');
  clerkId = json(await s.clerk.get('/api/auth/me')).id;
  for (let i = 0; i < 4; i++) caseIds.push((await acceptedCase()).id);
});

const sample = (over: Record<string, unknown> = {}) => ({
  hallId,
  scope: 'all',
  from: today(),
  to: today(),
  size: 2,
  ...over,
});

async function issuedNotice(workingDays = 3) {
  // From the day the cases were accepted, whatever day a later test moved the clock to.
  const drawn = json(await inspector.post('/api/inspections/samples', sample({ size: 1, from: '2026-03-02' })));
  const item = drawn.items[0];
  const res = await inspector.post(`/api/inspection-items/${item.id}/findings`, {
    checks: { ...allChecksOk, routing: 'problem' },
    note: '流转单缺少交接时间',
    workingDays,
  });
  expect(res.statusCode, res.body).toBe(200);
  return json(res).items[0].rectificationId as string;
}

describe('random spot checks (随机抽查)', () => {
  it('draws a sample with its seed; the same seed draws the same cases, without repeats', async () => {
    const res = await inspector.post('/api/inspections/samples', sample({ seed: 42, size: 3 }));
    expect(res.statusCode, res.body).toBe(201);
    const first = json(res);
    expect(first).toMatchObject({ seed: 42, population: 4, sampleSize: 3, kind: 'records' });
    const ids = first.items.map((i: any) => i.caseId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(caseIds).toContain(id);
    expect(first.items[0]).toMatchObject({ subjectId: clerkId, result: 'pending' });
    const again = json(await inspector.post('/api/inspections/samples', sample({ seed: 42, size: 3 })));
    expect(again.items.map((i: any) => i.caseId)).toEqual(ids);
    const unseeded = json(await inspector.post('/api/inspections/samples', sample()));
    expect(unseeded.seed).toBeGreaterThan(0);
    const replay = json(await inspector.post('/api/inspections/samples', sample({ seed: unseeded.seed })));
    expect(replay.items.map((i: any) => i.caseId)).toEqual(unseeded.items.map((i: any) => i.caseId));
  });

  it('draws by item, department and person', async () => {
    for (const [scope, scopeId, name] of [
      ['item', itemId, null],
      ['department', sc, null],
      ['person', clerkId, null],
    ] as const) {
      const res = await inspector.post('/api/inspections/samples', sample({ scope, scopeId, size: 10 }));
      expect(res.statusCode, res.body).toBe(201);
      expect(json(res)).toMatchObject({ population: 4, sampleSize: 4, scope, scopeId });
      expect(json(res).scopeName ?? name).toBeTruthy();
    }
    const nobody = await inspector.post(
      '/api/inspections/samples',
      sample({ scope: 'person', scopeId: json(await s.handler.get('/api/auth/me')).id }),
    );
    expect(json(nobody)).toMatchObject({ code: 'VALIDATION', field: 'from' });
  });

  it('refuses bad input naming the field, and anyone but an inspector', async () => {
    expect(json(await inspector.post('/api/inspections/samples', sample({ scope: 'item' })))).toMatchObject({
      field: 'scopeId',
    });
    expect(
      json(await inspector.post('/api/inspections/samples', sample({ scope: 'item', scopeId: 'nope' }))),
    ).toMatchObject({ field: 'scopeId' });
    expect(
      json(await inspector.post('/api/inspections/samples', sample({ from: '2026-03-03', to: '2026-03-01' }))),
    ).toMatchObject({ field: 'to' });
    expect(json(await inspector.post('/api/inspections/samples', sample({ size: 0 })))).toMatchObject({
      code: 'VALIDATION',
      field: 'size',
    });
    expect((await s.clerk.post('/api/inspections/samples', sample())).statusCode).toBe(403);
    expect((await s.supervisor.get('/api/inspections')).statusCode).toBe(403);
  });

  it('replays a retried draw with the same idempotency key', async () => {
    const headers = { 'idempotency-key': 'draw-once-1' };
    const a = json(await inspector.post('/api/inspections/samples', sample(), headers));
    const b = json(await inspector.post('/api/inspections/samples', sample(), headers));
    expect(b.id).toBe(a.id);
  });
});

describe('findings and rectification notices (整改通知)', () => {
  it('records a clean check without a notice, and each record only once', async () => {
    const drawn = json(await inspector.post('/api/inspections/samples', sample({ size: 1 })));
    const id = drawn.items[0].id;
    expect(
      json(await inspector.post(`/api/inspection-items/${id}/findings`, { checks: { registration: 'ok' } })),
    ).toMatchObject({ field: 'checks.review' });
    expect(
      json(
        await inspector.post(`/api/inspection-items/${id}/findings`, {
          checks: { ...allChecksOk, review: 'problem' },
        }),
      ),
    ).toMatchObject({ field: 'note' });
    const ok = json(await inspector.post(`/api/inspection-items/${id}/findings`, { checks: allChecksOk }));
    expect(ok.items[0]).toMatchObject({ result: 'pass', rectificationId: null, checks: allChecksOk });
    expect((await inspector.post(`/api/inspection-items/${id}/findings`, { checks: allChecksOk })).statusCode).toBe(
      409,
    );
    expect((await s.clerk.post(`/api/inspection-items/${id}/findings`, { checks: allChecksOk })).statusCode).toBe(403);
  });

  it('goes round: issued → reported → returned → reported → closed, due on the hall calendar', async () => {
    const id = await issuedNotice(3);
    const due = (await calendarOf(hall.ctx.db, hallId)).addWorkingDays(today(), 3).deadline;
    const mine = json(await s.clerk.get('/api/rectifications?view=mine'));
    const notice = mine.items.find((r: any) => r.id === id);
    expect(notice).toMatchObject({
      status: 'issued',
      dueDay: due,
      workingDays: 3,
      responsibleId: clerkId,
      canReport: true,
      canVerify: false,
      light: 'open',
    });
    expect(notice.finding).toContain('流转记录');
    // Nobody else sees it; only inspectors list the whole hall.
    expect((await s.handler.get(`/api/rectifications/${id}`)).statusCode).toBe(404);
    expect((await s.clerk.get('/api/rectifications?view=hall')).statusCode).toBe(403);
    expect(
      json(await inspector.get('/api/rectifications?view=hall&status=open')).items.map((r: any) => r.id),
    ).toContain(id);
    // Verification needs a report first.
    expect((await inspector.post(`/api/rectifications/${id}/verify`, { decision: 'close' })).statusCode).toBe(409);
    expect((await s.handler.post(`/api/rectifications/${id}/report`, { text: '已整改' })).statusCode).toBe(404);
    expect(json(await s.clerk.post(`/api/rectifications/${id}/report`, { text: '' }))).toMatchObject({
      field: 'text',
    });
    const evidence = Buffer.from('补全后的流转单扫描件');
    const reported = await s.clerk.post(`/api/rectifications/${id}/report`, {
      text: '已补登交接时间并复核同类案卷',
      evidence: { fileName: '流转单.pdf', contentBase64: evidence.toString('base64') },
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(json(reported)).toMatchObject({ status: 'reported', evidenceName: '流转单.pdf', canReport: false });
    expect((await s.clerk.post(`/api/rectifications/${id}/report`, { text: '再次提交' })).statusCode).toBe(409);
    expect((await s.clerk.post(`/api/rectifications/${id}/verify`, { decision: 'close' })).statusCode).toBe(403);
    const file = await inspector.get(`/api/rectifications/${id}/evidence`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.from(file.rawPayload).equals(evidence)).toBe(true);
    expect(json(await inspector.post(`/api/rectifications/${id}/verify`, { decision: 'return' }))).toMatchObject({
      field: 'note',
    });
    const returned = json(
      await inspector.post(`/api/rectifications/${id}/verify`, { decision: 'return', note: '同类案卷未复核' }),
    );
    expect(returned).toMatchObject({ status: 'returned', returns: 1, returnNote: '同类案卷未复核' });
    expect((await inspector.post(`/api/rectifications/${id}/verify`, { decision: 'close' })).statusCode).toBe(409);
    const again = json(await s.clerk.post(`/api/rectifications/${id}/report`, { text: '已复核同类案卷 12 件' }));
    expect(again).toMatchObject({ status: 'reported', evidenceName: '流转单.pdf' });
    const closed = json(await inspector.post(`/api/rectifications/${id}/verify`, { decision: 'close' }));
    expect(closed).toMatchObject({ status: 'closed', light: 'closed', closedDay: today(), verifiedByName: '孙浩' });
    expect((await s.clerk.post(`/api/rectifications/${id}/report`, { text: 'x' })).statusCode).toBe(409);
    const trail = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(trail.map((t) => t.action)).toEqual([
      'rectification.issue',
      'rectification.report',
      'rectification_evidence.read',
      'rectification.return',
      'rectification.report',
      'rectification.close',
    ]);
  });

  it('shows an overdue notice on the supervision board once its due working day has passed', async () => {
    const id = await issuedNotice(1);
    const due = json(await inspector.get(`/api/rectifications/${id}`)).dueDay;
    const board = async () => json(await (await signedIn(hall.app, 'supervisor')).get('/api/supervision/board'));
    expect((await board()).overdueRectifications.map((r: any) => r.id)).not.toContain(id);
    while (today() <= due) hall.clock.advance(86_400_000);
    const late = (await board()).overdueRectifications.find((r: any) => r.id === id);
    expect(late).toMatchObject({ dueDay: due, status: '待整改' });
    const inspectorNow = await signedIn(hall.app, 'inspector');
    expect(json(await inspectorNow.get(`/api/rectifications/${id}`)).light).toBe('overdue');
    expect(
      json(await inspectorNow.get('/api/rectifications?view=hall&status=overdue')).items.map((r: any) => r.id),
    ).toContain(id);
    inspector = inspectorNow;
    s.clerk = await signedIn(hall.app, 'clerk');
  });
});

describe('service-norm checks and the quality report', () => {
  it('records a norm check on the floor; a problem becomes a notice to the person', async () => {
    expect(
      json(await inspector.post('/api/inspections/norms', { hallId, userId: 'nobody', checks: {} })),
    ).toMatchObject({ field: 'userId' });
    const res = await inspector.post('/api/inspections/norms', {
      hallId,
      userId: clerkId,
      checks: { badge: 'ok', attire: 'problem', onDuty: 'ok', language: 'ok' },
      note: '未按规定着工装',
    });
    expect(res.statusCode, res.body).toBe(201);
    const n = json(res);
    expect(n).toMatchObject({ kind: 'norms', items: [{ subjectId: clerkId, result: 'finding' }] });
    const notice = json(await s.clerk.get(`/api/rectifications/${n.items[0].rectificationId}`));
    expect(notice).toMatchObject({ kind: 'norms', status: 'issued' });
    expect(notice.finding).toContain('着装规范');
    const pass = json(
      await inspector.post('/api/inspections/norms', {
        hallId,
        userId: clerkId,
        checks: { badge: 'ok', attire: 'ok', onDuty: 'ok', language: 'ok' },
      }),
    );
    expect(pass.items[0]).toMatchObject({ result: 'pass', rectificationId: null });
  });

  it('computes the month’s indicators from the raw records, and exports them', async () => {
    const month = today().slice(0, 7);
    const res = await inspector.get(`/api/inspections/report?hallId=${hallId}&month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = json(res);
    // Recount from the tables, independently of the service.
    const items = await hall.ctx.db
      .selectFrom('inspection_items as i')
      .innerJoin('inspections as n', 'n.id', 'i.inspection_id')
      .select(['n.kind', 'i.result', 'i.checked_day'])
      .where('i.hall_id', '=', hallId)
      .execute();
    const inMonth = items.filter((i) => i.checked_day?.startsWith(month));
    const records = inMonth.filter((i) => i.kind === 'records');
    const norms = inMonth.filter((i) => i.kind === 'norms');
    const notices = (await hall.ctx.db.selectFrom('rectifications').selectAll().execute()).filter((r) =>
      r.due_day.startsWith(month),
    );
    const byKey = Object.fromEntries(report.indicators.map((i: any) => [i.key, i]));
    expect(byKey.records_complete).toMatchObject({
      denominator: records.length,
      numerator: records.filter((i) => i.result === 'pass').length,
      target: 95,
    });
    expect(byKey.norms_compliant).toMatchObject({ denominator: 2, numerator: 1, value: 50, met: false });
    expect(norms.length).toBe(2);
    expect(byKey.rectified_on_time).toMatchObject({
      denominator: notices.length,
      numerator: notices.filter((r) => r.status === 'closed' && r.closed_day! <= r.due_day).length,
    });
    expect(report.people.find((p: any) => p.subjectId === clerkId).findings).toBeGreaterThanOrEqual(3);
    expect(json(await inspector.get(`/api/inspections/report?hallId=${hallId}&month=2026-13`))).toMatchObject({
      field: 'month',
    });
    const xlsx = await inspector.get(`/api/inspections/report/export?hallId=${hallId}&month=${month}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The indicators with rates as percent cells, and the findings per person on a second sheet.
    const [indicators, people] = await readWorkbook(xlsx.rawPayload);
    expect(indicators!.name).toBe(`质量指标 ${month}`);
    expect(indicators!.rows).toHaveLength(report.indicators.length);
    const norms2 = indicators!.rows.find((r) => r['指标'] === byKey.norms_compliant.name)!;
    expect(norms2).toMatchObject({ 目标值: 0.98, 分子: 1, 分母: 2, 本月值: 0.5, 评价: '未达标' });
    expect(indicators!.sheet.getRow(2).getCell(3).numFmt).toBe('0.0%');
    expect(people!.name).toBe(`人员检查情况 ${month}`);
    expect(people!.rows).toHaveLength(report.people.length);
    const mine = report.people.find((p: any) => p.subjectId === clerkId);
    expect(people!.rows.find((r) => r['人员'] === mine.subjectName)).toMatchObject({
      检查项数: mine.checked,
      发现问题: mine.findings,
      未关闭整改: mine.openRectifications,
    });
    expect((await s.clerk.get(`/api/inspections/report?hallId=${hallId}&month=${month}`)).statusCode).toBe(403);
  });
});

describe('the rectification loop under random actions (property)', () => {
  it('moves only as the state machine says, by the right person, and closes only on a verified report', async () => {
    inspector = await signedIn(hall.app, 'inspector');
    s.clerk = await signedIn(hall.app, 'clerk');
    const step = fc.record({
      who: fc.constantFrom('clerk', 'inspector', 'handler'),
      action: fc.constantFrom('report', 'close', 'return'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const id = await issuedNotice(2);
        let status: RectificationStatus = 'issued';
        let verifiedReports = 0;
        for (const { who, action } of steps) {
          const session = who === 'clerk' ? s.clerk : who === 'inspector' ? inspector : s.handler;
          const res =
            action === 'report'
              ? await session.post(`/api/rectifications/${id}/report`, { text: '整改情况说明' })
              : await session.post(`/api/rectifications/${id}/verify`, { decision: action, note: '请补充' });
          const next = nextRectificationStatus(status, action);
          // Only the responsible person reports; only the inspector verifies; nobody else sees the notice.
          const rightPerson = action === 'report' ? who === 'clerk' : who === 'inspector';
          if (next && rightPerson) {
            expect(res.statusCode, res.body).toBe(200);
            if (action !== 'report') verifiedReports += 1;
            status = next;
          } else {
            expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
            expect(res.statusCode).toBeLessThan(500);
          }
          expect(json(await inspector.get(`/api/rectifications/${id}`)).status).toBe(status);
        }
        if (status === 'closed') expect(verifiedReports).toBeGreaterThan(0);
        const moves = await hall.ctx.db
          .selectFrom('audit_log')
          .select('action')
          .where('target_id', '=', id)
          .where('action', 'like', 'rectification.%')
          .orderBy('seq')
          .execute();
        // Every close or return in the trail answers a report just before it.
        const trail = moves.map((m) => m.action);
        trail.forEach((a, i) => {
          if (a === 'rectification.close' || a === 'rectification.return')
            expect(trail[i - 1]).toBe('rectification.report');
        });
      }),
      { numRuns: 15 },
    );
  });
});
