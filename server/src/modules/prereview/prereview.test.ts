import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { nextResidentId, publishedItem } from '../../../test/intake-fixtures.ts';
import { multipartFile, PDF, PNG } from '../../../test/multipart.ts';
import { piiFields, protectPhone } from '../../platform/pii/protect.ts';
import { calendarOf } from '../calendar/service.ts';
import { noticeFor } from './service.ts';

/** The outbox rows queued about an application (keyed `prereview:<id>:…`), oldest first. */
const outboxOf = (id: string) =>
  hall.ctx.db
    .selectFrom('notices')
    .selectAll()
    .where('dedupe_key', 'like', `prereview:${id}:%`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

let hall: TestHall;
let clerk: Session;
let handler: Session;
let supervisor: Session;
let anon: Session;
let hallId: string;
let itemId: string;
let windowOnlyItem: string;
let dataDir: string;

beforeAll(async () => {
  hall = await buildTestHall();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ow-prereview-'));
  (hall.ctx.config as { dataDir: string }).dataDir = dataDir;
  clerk = await signedIn(hall.app, 'clerk');
  handler = await signedIn(hall.app, 'handler');
  supervisor = await signedIn(hall.app, 'supervisor');
  anon = new Session(hall.app);
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'YS-01', {
    onlinePrereview: { allowed: true, limitDays: 2 },
  });
  windowOnlyItem = await publishedItem(head, hallId, departmentId, 'YS-02');
});
afterAll(async () => {
  await hall.close();
  await rm(dataDir, { recursive: true, force: true });
});

const today = () => new Date(hall.clock.now() + 8 * 3600_000).toISOString().slice(0, 10);
const DAY = 24 * 3600_000;
/** Days pass; the staff sign in again (a session does not outlive an idle night). */
async function days(n: number) {
  hall.clock.advance(n * DAY);
  clerk = await signedIn(hall.app, 'clerk');
  handler = await signedIn(hall.app, 'handler');
  supervisor = await signedIn(hall.app, 'supervisor');
}

async function apply(over: Record<string, unknown> = {}) {
  return anon.post('/api/public/prereview', {
    itemId,
    kind: 'person',
    name: '王晓梅',
    docType: 'resident_id',
    docNumber: nextResidentId(),
    phone: '13812345678',
    address: '青川县乔庄镇滨河路8号',
    ...over,
  });
}
const at = (a: { number: string; lookupCode: string }, tail = '') =>
  `/api/public/prereview/${a.number}${tail}?code=${a.lookupCode}`;
function upload(a: { number: string; lookupCode: string }, key: string, bytes: Buffer, filename: string) {
  const f = multipartFile({ bytes, filename });
  hall.clock.advance(1000);
  return anon.request('POST', at(a, `/materials/${key}/files`), f.body, f.headers);
}
const auditOf = (id: string) =>
  hall.ctx.db.selectFrom('audit_log').selectAll().where('target_id', '=', id).orderBy('seq').execute();

describe('the applicant applies online', () => {
  it('refuses an item that is not open to online application, and a bad identity, naming the field', async () => {
    const closed = await apply({ itemId: windowOnlyItem });
    expect(closed.statusCode).toBe(400);
    expect(json(closed)).toMatchObject({ code: 'VALIDATION', field: 'itemId' });
    expect(json(closed).message).toContain('不支持网上预审');
    const bad = await apply({ docNumber: '510812198504151234' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'VALIDATION', field: 'docNumber' });
    const phone = await apply({ phone: 'call me' });
    expect(json(phone)).toMatchObject({ code: 'VALIDATION', field: 'phone' });
    expect(await hall.ctx.db.selectFrom('prereview_applications').selectAll().execute()).toEqual([]);
  });

  it('keeps the identity encrypted and shows it masked; a wrong code finds nothing', async () => {
    const res = await apply();
    expect(res.statusCode, res.body).toBe(201);
    const a = json(res);
    expect(a).toMatchObject({ state: 'draft', round: 0, itemName: '食品经营许可证变更', phone: '138****5678' });
    expect(a.number).toMatch(/^YS-[A-Z0-9-]+-\d{8}-\d{4}$/);
    expect(a.lookupCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const row = await hall.ctx.db
      .selectFrom('prereview_applications')
      .selectAll()
      .where('number', '=', a.number)
      .executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13812345678');
    expect(row.doc_number_masked).toMatch(/^\d{4}\*+\d{4}$/);
    expect((await anon.get(`/api/public/prereview/${a.number}?code=WRONG123`)).statusCode).toBe(404);
    expect(json(await anon.get(at(a))).number).toBe(a.number);
  });

  it('takes PDF, JPEG and PNG by content only, and will not submit while a required material has no file', async () => {
    const a = json(await apply());
    const text = await upload(a, 'form', Buffer.from('not a pdf'), 'form.pdf');
    expect(text.statusCode).toBe(400);
    expect(json(text)).toMatchObject({ code: 'VALIDATION', field: 'file' });
    const unknown = await upload(a, 'nope', PDF, 'x.pdf');
    expect(json(unknown)).toMatchObject({ field: 'materialKey' });
    expect((await upload(a, 'form', PDF, '申请书.pdf')).statusCode).toBe(200);
    const early = await anon.post(at(a, '/submit'));
    expect(early.statusCode).toBe(400);
    expect(json(early)).toMatchObject({ code: 'VALIDATION', field: 'materials.licence' });
    expect(json(early).message).toContain('营业执照复印件');
    expect(json(await anon.get(at(a))).state).toBe('draft');
  });
});

describe('pre-review: return for correction, resubmit, pass, accept at the window', () => {
  it('runs on the clock in working days and becomes a case with nothing typed again', async () => {
    // T0 is Monday 2026-03-02; a two-day limit falls on Wednesday.
    const a = json(await apply({ name: '赵丽娜', phone: '13987654321' }));
    await upload(a, 'form', PDF, '申请书.pdf');
    await upload(a, 'licence', PNG, '执照.png');
    const sent = await anon.post(at(a, '/submit'));
    expect(sent.statusCode, sent.body).toBe(200);
    const cal = await calendarOf(hall.ctx.db, hallId);
    expect(json(sent)).toMatchObject({ state: 'submitted', round: 1, submittedDay: today() });
    expect(json(sent).dueDay).toBe(cal.addWorkingDays(today(), 2).deadline);
    expect(json(sent).dueDay).toBe('2026-03-04');

    const list = json(await clerk.get('/api/prereview?state=waiting'));
    const mine = list.items.find((i: any) => i.number === a.number);
    expect(mine).toMatchObject({ state: 'submitted', light: 'green', phone: '139****4321', dueDay: '2026-03-04' });
    // The back office has no pre-review desk.
    expect((await handler.get('/api/prereview')).statusCode).toBe(403);

    const detail = json(await clerk.get(`/api/prereview/${mine.id}`));
    expect(detail.docNumber).toMatch(/\*/);
    const licence = detail.materials.find((m: any) => m.key === 'licence');
    const file = await clerk.get(`/api/prereview/${mine.id}/files/${licence.files[0].id}`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload).toEqual(PNG);
    expect((await auditOf(mine.id)).map((x) => x.action)).toContain('prereview.file_read');

    // Return: every correction names a checklist material, at least one.
    expect(json(await clerk.post(`/api/prereview/${mine.id}/return`, { corrections: [] }))).toMatchObject({
      code: 'VALIDATION',
      field: 'corrections',
    });
    const wrongKey = await clerk.post(`/api/prereview/${mine.id}/return`, {
      corrections: [{ key: 'nope', requirement: '看不清' }],
    });
    expect(json(wrongKey)).toMatchObject({ field: 'corrections.0.key' });
    await days(1); // Tuesday: one working day left, yellow.
    const tuesday = await clerk.get(`/api/prereview/${mine.id}`);
    expect(json(tuesday).light, tuesday.body).toBe('yellow');
    const returned = await clerk.post(`/api/prereview/${mine.id}/return`, {
      corrections: [{ key: 'licence', requirement: '营业执照照片模糊，请上传清晰的彩色扫描件' }],
      note: '其余材料无误',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(json(returned)).toMatchObject({ state: 'returned', light: null, dueDay: null });
    // The applicant is told by SMS, queued in the outbox with the decision: the number masked, what to correct named.
    const [toCorrect] = await outboxOf(mine.id);
    expect(toCorrect).toMatchObject({ event: 'prereview_returned', channel: 'sms', recipient_masked: '139****4321' });
    expect(toCorrect!.body).toBe(
      `赵丽娜您好：您提交的“${mine.itemName}”网上预审（${a.number}）需补正：营业执照复印件（营业执照照片模糊，请上传清晰的彩色扫描件）；其余材料无误。请修改后重新提交。`,
    );
    expect(json(await clerk.post(`/api/prereview/${mine.id}/pass`, {})).code).toBe('ILLEGAL_TRANSITION');

    // The applicant sees the one-time notice and must upload anew what it names.
    const seen = json(await anon.get(at(a)));
    expect(seen.state).toBe('returned');
    expect(seen.notice).toEqual({
      round: 1,
      items: [{ key: 'licence', name: '营业执照复印件', requirement: '营业执照照片模糊，请上传清晰的彩色扫描件' }],
      note: '其余材料无误',
    });
    expect(seen.materials.filter((m: any) => m.toCorrect).map((m: any) => m.key)).toEqual(['licence']);
    const notYet = await anon.post(at(a, '/submit'));
    expect(json(notYet)).toMatchObject({ code: 'VALIDATION', field: 'materials.licence' });
    // A file already reviewed stays; a new one is added.
    const old = seen.materials.find((m: any) => m.key === 'licence').files[0];
    expect(json(await anon.request('DELETE', at(a, `/files/${old.id}`)))).toMatchObject({ field: 'uploadId' });
    const clearer = Buffer.concat([PNG, Buffer.from('clearer scan')]);
    expect((await upload(a, 'licence', clearer, '执照-清晰.png')).statusCode).toBe(200);
    await days(1); // Wednesday: the clock starts again from the resubmission.
    const again = json(await anon.post(at(a, '/submit')));
    expect(again).toMatchObject({ state: 'submitted', round: 2, submittedDay: '2026-03-04', dueDay: '2026-03-06' });
    // The file the correction replaces leaves the application (it stays on the record); the clerk sees the new one.
    const licenceFiles = again.materials.find((m: any) => m.key === 'licence').files;
    expect(licenceFiles.map((f: any) => f.name)).toEqual(['执照-清晰.png']);

    const passed = await clerk.post(`/api/prereview/${mine.id}/pass`, {
      note: '请携带身份证原件及营业执照原件',
      appointment: '3月9日上午 3号窗口',
    });
    expect(passed.statusCode, passed.body).toBe(200);
    const told = await outboxOf(mine.id);
    expect(told.map((n) => [n.event, n.dedupe_key])).toEqual([
      ['prereview_returned', `prereview:${mine.id}:returned:1:0`],
      ['prereview_passed', `prereview:${mine.id}:passed:2:0`],
    ]);
    expect(told[1]!.body).toContain(`网上预审（${a.number}）已通过，请于3月9日上午 3号窗口携带原件到`);
    expect(told[1]!.body).toContain('请携带身份证原件及营业执照原件');
    expect(JSON.stringify(told)).not.toContain('13987654321');
    expect(json(passed)).toMatchObject({ state: 'passed', reviewedBy: '张伟', light: null });
    expect(json(await anon.get(at(a))).pass).toEqual({
      note: '请携带身份证原件及营业执照原件',
      appointment: '3月9日上午 3号窗口',
    });
    expect(json(await clerk.get('/api/prereview?state=passed')).items.map((i: any) => i.number)).toContain(a.number);

    // The applicant comes the next Monday; the case's deadline counts from this acceptance.
    await days(5);
    const accepted = await clerk.post(`/api/prereview/${mine.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    const c = json(accepted);
    expect(c.acceptedDay).toBe(today());
    expect(c.acceptedDay).toBe('2026-03-09');
    expect(c.deadline).toBe(cal.addWorkingDays('2026-03-09', 5).deadline);
    expect(c.applicant).toMatchObject({ name: '赵丽娜', phone: '139****4321' });
    expect(c.materials.filter((m: any) => m.status === 'received').map((m: any) => [m.key, m.pages])).toEqual([
      ['form', 1],
      ['licence', 1],
    ]);
    const scans = json(await handler.get(`/api/cases/${c.id}/scans`));
    expect(scans.materials.flatMap((m: any) => m.scans.map((s: any) => `${m.key}:${s.name}:${s.contentType}`))).toEqual(
      ['form:申请书.pdf:application/pdf', 'licence:执照-清晰.png:image/png'],
    );
    const content = await handler.get(`/api/cases/${c.id}/scans/${scans.materials[1].scans[0].id}/content`);
    expect(content.rawPayload).toEqual(clearer);
    // The applicant's file holds the full numbers, as if typed at the window.
    const applicant = await hall.ctx.db
      .selectFrom('applicants')
      .selectAll()
      .where('id', '=', c.applicant.id)
      .executeTakeFirstOrThrow();
    expect(applicant.phone_masked).toBe('139****4321');

    const done = json(await anon.get(at(a)));
    expect(done).toMatchObject({ state: 'accepted', caseNo: c.caseNo });
    expect(json(await clerk.post(`/api/prereview/${mine.id}/accept`, {})).code).toBe('ILLEGAL_TRANSITION');
    const trail = json(await clerk.get(`/api/prereview/${mine.id}`)).events.map((e: any) => e.action);
    expect(trail).toEqual(['create', 'upload', 'upload', 'submit', 'return', 'upload', 'submit', 'pass', 'accept']);
    const audit = (await auditOf(mine.id)).map((x) => x.action);
    expect(audit.filter((x) => x !== 'prereview.file_read')).toEqual(trail.map((t: string) => `prereview.${t}`));
  });

  it('puts late pre-reviews on the supervision board, yellow then red', async () => {
    const a = json(await apply());
    await upload(a, 'form', PDF, 'a.pdf');
    await upload(a, 'licence', PDF, 'b.pdf');
    const sent = json(await anon.post(at(a, '/submit')));
    const onBoard = async () => {
      const res = await supervisor.get('/api/supervision/board');
      expect(res.statusCode, res.body).toBe(200);
      return json(res).prereviews.find((p: any) => p.number === a.number);
    };
    expect(await onBoard()).toBeUndefined();
    // Walk the clock day by day until the due day has passed, on the hall calendar.
    const cal = await calendarOf(hall.ctx.db, hallId);
    while (today() <= sent.dueDay) await days(1);
    while (!cal.isWorkingDay(today())) await days(1);
    expect(await onBoard()).toMatchObject({ light: 'red', dueDay: sent.dueDay, applicantName: '王晓梅' });
  });
});

describe('the notice for the notification outbox', () => {
  it('goes to the contact phone with the number, the item and what to correct or when to come', () => {
    const row = {
      id: 'x',
      hall_id: hallId,
      number: 'YS-QC-20260302-0001',
      round: 1,
      applicant_name: '王晓梅',
      item_name: '食品经营许可证变更',
      phone_enc: protectPhone(piiFields.prereviewPhone, 'x', '13812345678').enc,
      notice: JSON.stringify({
        round: 1,
        items: [
          { key: 'a', name: '申请书', requirement: '未签字' },
          { key: 'b', name: '执照' },
        ],
        note: '',
      }),
      pass_note: JSON.stringify({ note: '带原件', appointment: '' }),
    } as Parameters<typeof noticeFor>[0];
    expect(noticeFor(row, 'returned', 1)).toMatchObject({
      event: 'prereview_returned',
      recipient: { name: '王晓梅', phone: '13812345678' },
      vars: { prereviewNo: 'YS-QC-20260302-0001', reason: '申请书（未签字）；执照' },
      dedupeKey: 'prereview:x:returned:1',
    });
    // No time given: the applicant comes within the opening hours.
    expect(noticeFor(row, 'passed', 1).vars).toMatchObject({ appointmentTime: '工作时间内', note: '带原件' });
  });
});
