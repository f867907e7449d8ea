import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { piiFields, reveal } from '../../platform/pii/protect.ts';
import { type CaseStatus, caseStates, initialStatus, isCaseAction, transition } from '../../domain/case/index.ts';
import { validateDocument } from '../../domain/identity/index.ts';
import { roleCodes } from '../../domain/roles.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import { buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import type { HistoryResult } from './generate.ts';
import { loadHistory } from '../../../test/history-fixtures.ts';

const N = 300;
let hall: TestHall;
let result: HistoryResult;

const load = (h: TestHall, seed: number) => loadHistory(h, { cases: N, seed });

beforeAll(async () => {
  hall = await buildTestHall();
  result = await load(hall, 7);
}, 120_000);
afterAll(() => hall.close());

describe('a generated hall history', () => {
  it('has N cases in every state of the case state machine, mostly finished, before today', async () => {
    const rows = await hall.ctx.db.selectFrom('cases').select(['state', 'received_day']).execute();
    expect(rows).toHaveLength(N);
    const seen = new Set(rows.map((r) => r.state));
    for (const s of caseStates) expect(seen.has(s), s).toBe(true);
    expect(result.states.archived).toBeGreaterThan(N / 3);
    const today = chinaDay(hall.clock.now());
    expect(rows.every((r) => r.received_day < today)).toBe(true);
    expect(rows.some((r) => r.received_day < '2025-01-01')).toBe(true);
  });

  it('gives every applicant a valid ID number or credit code', async () => {
    const stored = await hall.ctx.db.selectFrom('applicants').select(['id', 'doc_type', 'doc_number_enc']).execute();
    // Stored encrypted like a registration through the service; each decrypts to a valid number.
    const rows = stored.map((r) => ({
      doc_type: r.doc_type,
      doc_number: reveal(piiFields.applicantDoc, r.id, r.doc_number_enc),
    }));
    expect(rows.length).toBe(result.applicants);
    const today = chinaDay(hall.clock.now());
    for (const r of rows)
      expect(validateDocument(r.doc_type as 'resident_id', r.doc_number, today), r.doc_number).toMatchObject({
        ok: true,
      });
    expect(new Set(rows.map((r) => r.doc_type))).toEqual(new Set(['resident_id', 'credit_code']));
  });

  it('writes trails the state machine allows, ending in the case state', async () => {
    const cases = await hall.ctx.db.selectFrom('cases').select(['id', 'state', 'resume_to']).execute();
    const events = await hall.ctx.db
      .selectFrom('case_events')
      .select(['case_id', 'seq', 'action', 'from_state', 'to_state'])
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    for (const c of cases) {
      const trail = byCase.get(c.id) ?? [];
      expect(trail[0]).toMatchObject({ action: 'registerReception', seq: 1, to_state: 'received' });
      let status: CaseStatus = initialStatus;
      for (const [i, e] of trail.slice(1).entries()) {
        expect(e.seq).toBe(i + 2);
        expect(isCaseAction(e.action), e.action).toBe(true);
        const r = transition(status, e.action as never, roleCodes);
        expect(r.ok, `${c.id}: ${e.action} from ${status.state}`).toBe(true);
        if (r.ok) status = r.to;
        expect(e.to_state).toBe(status.state);
      }
      expect(status.state).toBe(c.state);
      expect(c.resume_to).toBe(status.state === 'suspended' ? status.resumeTo : null);
    }
  });

  it('numbers cases and documents uniquely, and leaves each counter at its highest number', async () => {
    const db = hall.ctx.db;
    const cases = await db
      .selectFrom('cases')
      .innerJoin('halls', 'halls.id', 'cases.hall_id')
      .select(['cases.case_no', 'cases.hall_id', 'cases.accepted_day', 'halls.code'])
      .execute();
    const numbered = cases.filter((c) => c.case_no !== null);
    expect(numbered.length).toBeGreaterThan(N / 2);
    expect(new Set(numbered.map((c) => c.case_no)).size).toBe(numbered.length);
    const highest = new Map<string, number>();
    for (const c of numbered) {
      const m = new RegExp(`^${c.code}-(\\d{4})-(\\d{6})$`).exec(c.case_no!);
      expect(m, c.case_no!).not.toBeNull();
      expect(m![1]).toBe(c.accepted_day!.slice(0, 4));
      const key = `${c.hall_id}|case|${m![1]}`;
      highest.set(key, Math.max(highest.get(key) ?? 0, Number(m![2])));
    }
    const docs = await db.selectFrom('case_documents').select(['doc_no', 'hall_id']).execute();
    expect(new Set(docs.map((d) => d.doc_no)).size).toBe(docs.length);
    for (const d of docs) {
      const m = /-([A-Z]{2})-(\d{4})-(\d{6})$/.exec(d.doc_no)!;
      const key = `${d.hall_id}|${m[1]}|${m[2]}`;
      highest.set(key, Math.max(highest.get(key) ?? 0, Number(m[3])));
    }
    const counters = await db.selectFrom('number_counters').selectAll().execute();
    for (const [key, n] of highest) {
      const [hallId, series, year] = key.split('|');
      expect(
        counters.find((c) => c.hall_id === hallId && c.series === series && Number(c.year) === Number(year))?.value,
        key,
      ).toBe(n);
    }
  });

  it('gives every ended case exactly one file in the archive register, numbered 1..n per hall, year and category', async () => {
    const db = hall.ctx.db;
    const archived = await db.selectFrom('cases').select(['id', 'item_id']).where('state', '=', 'archived').execute();
    expect(archived.length).toBeGreaterThan(N / 3);
    const files = await db.selectFrom('archive_files').selectAll().execute();
    const perCase = new Map<string, number>();
    for (const f of files) perCase.set(f.case_id, (perCase.get(f.case_id) ?? 0) + 1);
    for (const c of archived) expect(perCase.get(c.id), c.id).toBe(1);
    // Refused, withdrawn and terminated cases are filed by the archive sweep at its next five-minute round after
    // their last event, unless that round is still to come.
    const ended = await db
      .selectFrom('cases as c')
      .innerJoin('case_events as e', 'e.case_id', 'c.id')
      .select(['c.id', 'c.state', (eb) => eb.fn.max('e.at').as('last')])
      .where('c.state', 'in', ['not_accepted', 'withdrawn', 'terminated'])
      .groupBy(['c.id', 'c.state'])
      .execute();
    expect(ended.length).toBeGreaterThan(N / 50);
    const fileOf = new Map(files.map((f) => [f.case_id, f]));
    const now = hall.clock.now();
    for (const c of ended) {
      const round = Math.ceil((Number(c.last) + 1) / 300_000) * 300_000;
      const f = fileOf.get(c.id);
      if (round > now) {
        expect(f, c.id).toBeUndefined();
        continue;
      }
      expect(perCase.get(c.id), c.id).toBe(1);
      expect(f, c.id).toMatchObject({
        category_code: c.state === 'not_accepted' ? 'BS' : 'CZ',
        outcome: c.state === 'not_accepted' ? 'not_accepted' : 'ended',
        filed_by: '系统自动归档',
      });
      expect(Number(f!.filed_at)).toBe(round);
    }
    expect(files).toHaveLength(archived.length + ended.filter((c) => fileOf.has(c.id)).length);
    const groups = new Map<string, number[]>();
    for (const f of files) {
      expect(f).toMatchObject({ status: 'held', electronic_until: null });
      if (f.outcome === 'completed') expect(f.category_code).toBe('BJ');
      expect(
        f.archive_no.endsWith(`-${f.category_code}-${f.year}-${String(f.seq).padStart(4, '0')}`),
        f.archive_no,
      ).toBe(true);
      expect(Number(f.year)).toBe(Number(f.filed_day.slice(0, 4)));
      const key = `${f.hall_id}|archive:${f.category_code}|${f.year}`;
      groups.set(key, [...(groups.get(key) ?? []), Number(f.seq)]);
    }
    expect(groups.size).toBeGreaterThan(1);
    const counters = await db.selectFrom('number_counters').selectAll().execute();
    for (const [key, seqs] of groups) {
      expect(
        seqs.sort((a, b) => a - b),
        key,
      ).toEqual(seqs.map((_, i) => i + 1));
      const [hallId, series, year] = key.split('|');
      const counter = counters.find(
        (c) => c.hall_id === hallId && c.series === series && Number(c.year) === Number(year),
      );
      expect(counter?.value, key).toBe(seqs.length);
    }
    // 档案检索 finds a historic file by its number and by its case number.
    const supervisor = await signedIn(hall.app, 'supervisor');
    const some = files[Math.floor(files.length / 2)]!;
    const byNo = json(await supervisor.get(`/api/archives?archiveNo=${encodeURIComponent(some.archive_no)}`));
    expect(byNo.items.map((x: { caseId: string }) => x.caseId)).toEqual([some.case_id]);
    const byCase = json(await supervisor.get(`/api/archives?caseNo=${encodeURIComponent(some.case_no!)}`));
    expect(byCase.items[0].archiveNo).toBe(some.archive_no);
    const detail = json(await supervisor.get(`/api/archives/${some.id}`));
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['file']);
    expect(detail.contents.length).toBeGreaterThan(1);
  });

  it('keeps every foreign key and records the load as one audit record on a valid chain', async () => {
    if (hall.ctx.dialect === 'sqlite') {
      const broken = await sql`pragma foreign_key_check`.execute(hall.ctx.db);
      expect(broken.rows).toEqual([]);
    }
    const imports = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'system.history_import')
      .execute();
    expect(imports).toHaveLength(1);
    expect(JSON.parse(imports[0]!.detail!)).toMatchObject({ cases: N, seed: 7 });
    expect(await verifyAuditChain(hall.ctx.db)).toMatchObject({ ok: true });
  });

  it('shows an on-time rate below 100 % and finds a case by its number', async () => {
    const supervisor = await signedIn(hall.app, 'supervisor');
    const year = json(await supervisor.get('/api/supervision/on-time?from=2024-03-01&to=2026-03-01&by=item'));
    expect(year.overall.finished).toBeGreaterThan(50);
    expect(year.overall.rate).toBeGreaterThan(0.6);
    expect(year.overall.rate).toBeLessThan(1);
    const clerk = await signedIn(hall.app, 'clerk');
    const list = json(await clerk.get('/api/cases?page=1&pageSize=5'));
    expect(list).toMatchObject({ totalCapped: false });
    const some = list.items.find((c: { caseNo: string | null }) => c.caseNo)!;
    const found = json(await clerk.get(`/api/cases?q=${some.caseNo.toLowerCase()}`));
    expect(found.items.map((c: { id: string }) => c.id)).toEqual([some.id]);
    expect(json(await clerk.get(`/api/cases/${some.id}`)).caseNo).toBe(some.caseNo);
  });

  it('lets the next real acceptance take the next number of the year', async () => {
    const head = await signedIn(hall.app, 'head');
    const clerk = await signedIn(hall.app, 'clerk');
    const hallId = json(await head.get('/api/auth/me')).halls[0].id as string;
    const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id as string;
    const itemId = await publishedItem(head, hallId, departmentId, 'BD-001');
    const counter = await hall.ctx.db
      .selectFrom('number_counters')
      .select('value')
      .where('hall_id', '=', hallId)
      .where('series', '=', 'case')
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(counter.value).toBeGreaterThan(0);
    const applicantId = await person(clerk, hallId);
    const received = json(await clerk.post('/api/intake/receptions', { itemId, applicantId, materials: complete() }));
    const res = await clerk.post(`/api/cases/${received.id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).caseNo).toBe(`QCX-ZWFW-2026-${String(Number(counter.value) + 1).padStart(6, '0')}`);
  });

  it('is the same history for the same seed', async () => {
    const other = await buildTestHall();
    try {
      const again = await load(other, 7);
      expect(again.states).toEqual(result.states);
      // The history only: the first hall has taken one real case since.
      const fingerprint = (h: TestHall) =>
        h.ctx.db
          .selectFrom('cases')
          .select(['case_no', 'state', 'item_name', 'received_at', 'deadline'])
          .where('received_day', '<', chinaDay(h.clock.now()))
          .orderBy('received_at')
          .orderBy('case_no')
          .execute();
      expect(await fingerprint(other)).toEqual(await fingerprint(hall));
    } finally {
      await other.close();
    }
  }, 120_000);
});
