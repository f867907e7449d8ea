/**
 * 待定 travels with every date computed from the calendar: stored beside it, shown, and printed. 2027 has no
 * published national schedule in the installed chinese-days, so dates in 2027 are the test case.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, compareDays, PROVISIONAL_NOTE, WorkingCalendar } from '../../domain/calendar/index.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { calendarOf } from './service.ts';

let hall: TestHall;
let clerk: Session;
let head: Session;
let hallId: string;
let itemId: string;
let departmentId: string;

/** 10:00 Beijing time on a day; sessions idle that long have ended, so everyone signs in again. */
async function goTo(day: string) {
  hall.clock.set(Date.parse(`${day}T02:00:00Z`));
  clerk = await signedIn(hall.app, 'clerk');
  head = await signedIn(hall.app, 'head');
}

/** The text of a PDF as printed (poppler), whitespace removed. */
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'provisional-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  if (process.env.SCREENSHOT_DIR) fs.copyFileSync(file, path.join(process.env.SCREENSHOT_DIR, `doc-${Date.now()}.pdf`));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function documentText(caseId: string, kind: string): Promise<string> {
  const detail = json(await clerk.get(`/api/cases/${caseId}`));
  const doc = detail.documents.find((d: { kind: string }) => d.kind === kind);
  const res = await clerk.get(`/api/cases/${caseId}/documents/${doc.id}/pdf`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return pdfText(res.rawPayload);
}

const NOTE = PROVISIONAL_NOTE.replace(/\s+/g, '');

beforeAll(async () => {
  hall = await buildTestHall();
  await goTo('2026-12-01');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departments = json(await head.get(`/api/departments?hallId=${hallId}`)).items as { id: string; code: string }[];
  departmentId = departments.find((d) => d.code === 'SC')!.id;
  itemId = await publishedItem(head, hallId, departmentId, 'PV-1');
});
afterAll(() => hall.close());

/** Every material but the business licence copy, which is missing: a one-time notice is due. */
const withoutLicence = () => complete().map((m) => (m.key === 'licence' ? { ...m, status: 'missing' as const } : m));

async function received(materials: ReturnType<typeof complete> = complete()) {
  hall.clock.advance(1000);
  const applicantId = await person(clerk, hallId, { name: '欧阳待定' });
  const r = await clerk.post('/api/intake/receptions', { itemId, applicantId, materials });
  expect(r.statusCode, r.body).toBe(201);
  return json(r);
}

describe('the one-time notice in an unpublished year', () => {
  it('never prints a closed day and prints the 待定 note beside a 2027 supplement deadline', async () => {
    await goTo('2026-12-25'); // Friday: five working days run into 2027, past 元旦
    const r = await received(withoutLicence());
    const res = await clerk.post(`/api/cases/${r.id}/one-time-notice`, {
      supplementDays: 5,
      corrections: [],
      note: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = json(res);
    // 28–31 December, then 4 January: 1 January is 元旦 by law, whatever the 2027 notice will say.
    expect(c.events.at(-1).detail).toMatchObject({ supplementDeadline: '2027-01-04', provisional: true });
    const cal = await calendarOf(hall.ctx.db, hallId);
    expect(cal.isWorkingDay('2027-01-04')).toBe(true);
    const text = await documentText(r.id, 'one_time_notice');
    expect(text).toContain(`请于2027年1月4日${NOTE}前`);
    expect(text).not.toContain('2027年1月1日');
  });

  it('prints a firm date without the note when the year is published', async () => {
    await goTo('2026-12-01');
    const r = await received(withoutLicence());
    const c = json(
      await clerk.post(`/api/cases/${r.id}/one-time-notice`, { supplementDays: 5, corrections: [], note: '' }),
    );
    expect(c.events.at(-1).detail).toMatchObject({ supplementDeadline: '2026-12-08', provisional: false });
    const text = await documentText(r.id, 'one_time_notice');
    expect(text).toContain('请于2026年12月8日前');
    expect(text).not.toContain(NOTE);
  });

  it('lands on an open day, flagged exactly when it lies in an unpublished year, whatever the start and the days', () => {
    const cal = new WorkingCalendar();
    const start = fc.integer({ min: 0, max: 455 }).map((n) => addDays('2026-10-01', n));
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 30 }), (from, n) => {
        const { deadline, provisional } = cal.addWorkingDays(from, n);
        expect(cal.isWorkingDay(deadline)).toBe(true);
        expect(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']).not.toContain(deadline.slice(5));
        expect(provisional).toBe(compareDays(deadline, '2027-01-01') >= 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the case, its steps and its receipt in an unpublished year', () => {
  it('stores the flag beside every deadline, shows it, and prints it on the receipt', async () => {
    await goTo('2026-12-30');
    const r = await received();
    const res = await clerk.post(`/api/cases/${r.id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    const c = json(res);
    // 5 working days: 31 December, then 4–7 January (1 January off by law) → 7 January 2027, 待定.
    expect(c).toMatchObject({ deadline: '2027-01-07', deadlineProvisional: true });
    const active = c.steps.filter((s: { status: string }) => s.status === 'active');
    expect(active.length).toBeGreaterThan(0);
    for (const s of active) expect(s).toMatchObject({ deadline: '2027-01-04', deadlineProvisional: true });
    const rows = await hall.ctx.db
      .selectFrom('case_steps')
      .select(['deadline', 'deadline_provisional'])
      .where('case_id', '=', r.id)
      .where('status', '=', 'active')
      .execute();
    expect(rows.every((s) => s.deadline === '2027-01-04' && Number(s.deadline_provisional) === 1)).toBe(true);
    // The department's inbox shows both flags.
    const handler = await signedIn(hall.app, 'handler');
    const inbox = json(await handler.get(`/api/backoffice/inbox/department?departmentId=${departmentId}`));
    const mine = inbox.items.filter((i: { caseId: string }) => i.caseId === r.id);
    expect(mine.length).toBeGreaterThan(0);
    for (const i of mine)
      expect(i).toMatchObject({
        stepDeadline: '2027-01-04',
        stepDeadlineProvisional: true,
        caseDeadlineProvisional: true,
      });
    const receipt = await documentText(r.id, 'receipt');
    expect(receipt).toContain(`承诺办结日期为2027年1月7日${NOTE}`);
  });

  it('answers days=0 from a day of 2027 as provisional on the public deadline endpoint', async () => {
    const res = await clerk.get(`/api/calendar/deadline?hallId=${hallId}&from=2027-03-01&days=0`);
    expect(json(res)).toEqual({ deadline: '2027-03-01', provisional: true });
  });
});

describe('a consultation reply promised into an unpublished year', () => {
  it('stores, shows and prints the flag with the due date', async () => {
    await goTo('2026-12-30');
    const reg = await clerk.post('/api/consultations', {
      hallId,
      channel: 'visit',
      personName: '李待定',
      contactPhone: '13912345678',
      question: '明年的开办流程有变化吗？',
      itemId,
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const id = json(reg).id;
    const promised = await clerk.post(`/api/consultations/${id}/promise`, { days: 3, note: '' });
    expect(promised.statusCode, promised.body).toBe(200);
    expect(json(promised)).toMatchObject({ dueDate: '2027-01-05', dueProvisional: true });
    const list = json(await clerk.get('/api/consultations?pageSize=100')).items.find(
      (x: { id: string }) => x.id === id,
    );
    expect(list).toMatchObject({ dueDate: '2027-01-05', dueProvisional: true });
    const issued = await clerk.post(`/api/consultations/${id}/notices`);
    expect(issued.statusCode, issued.body).toBe(201);
    const pdf = await clerk.get(`/api/consultations/${id}/notices/${json(issued).id}/pdf`);
    expect(pdfText(pdf.rawPayload)).toContain(`我们将于2027-01-05${NOTE}前答复您`);
  });
});
