/**
 * `seed --cases N`: a realistic history of N cases for the halls already in the database, written in bulk.
 * Cases are spread over the past two years of working days (in proportion to each hall's items), each one's
 * life scripted on the state machine and cut at "now". Numbers continue the halls' counters, which are moved
 * on in the same transaction as each batch, so the first real acceptance afterwards takes the next number.
 *
 * The audit log gets ONE record for the whole load (system.history_import, with the counts), not one per case:
 * a history load is a bulk import, like restoring an archive, and is recorded as such. Run it while the hall is
 * closed (server stopped): the counters are taken at the start and a concurrent acceptance could collide.
 */
import { type CaseState, caseStates } from '../../domain/case/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Db, Dialect } from '../../platform/db/database.ts';
import { storeCaseFile } from '../../platform/stored-files.ts';
import { timetablesOf } from '../../modules/queue/service.ts';
import { DEFAULT_STAFF_HOURS } from '../../domain/staff/attendance.ts';
import { type Aftercare, EVIDENCE_PNG, EVIDENCE_SHA, emitAftercare } from './aftercare.ts';
import { flushAll, historyTables, kyselySink, type Sink } from './bulk.ts';
import { emitStaffing, INSPECTED_MONTHS, type SampleCase } from './staffing.ts';
import { emitVisit, TicketCounters } from './floor.ts';
import { type HallPlan, loadHalls } from './hall.ts';
import { ApplicantPool, coverage, coverageScript, isBusiness, pickFate, pickItem } from './plan.ts';
import type { Progress } from './progress.ts';
import { Random } from './random.ts';
import { type CasePlan, emitCase, type Emit } from './rows.ts';
import type { HistoryTables } from './bulk.ts';
import { DEFAULT_REPLY_DAYS } from '../../domain/complaints/index.ts';
import { openFileLoad, sqliteFileOf } from './sqlite-file.ts';
import { scriptFor } from './story.ts';

export interface HistoryOptions {
  cases: number;
  seed: number;
  now: number;
  /** Public address printed on receipts (config.publicBaseUrl). */
  baseUrl: string;
  /** DATA_DIR: where the 差评 rectification evidence files are stored beside their cases. */
  dataDir: string;
  /** Calendar days of history before today. */
  historyDays?: number;
  progress?: Progress;
}

export interface HistoryResult {
  cases: number;
  applicants: number;
  seconds: number;
  casesPerSecond: number;
  states: Record<CaseState, number>;
  from: string;
  to: string;
}

const BATCH = 5000;

class Counters {
  readonly values = new Map<string, number>();
  readonly dirty = new Set<string>();
  next(hallId: string, series: string, year: number): number {
    const key = `${hallId}|${series}|${year}`;
    const n = (this.values.get(key) ?? 0) + 1;
    this.values.set(key, n);
    this.dirty.add(key);
    return n;
  }
}

/** Moves the counters on to what the batch used, in the batch's transaction (an upsert on both databases). */
async function saveCounters(sink: Sink, numbers: Counters, tickets: TicketCounters, ticketsDirty: Set<string>) {
  const p = (n: number) => (sink.dialect === 'postgres' ? `$${n}` : '?');
  for (const key of numbers.dirty) {
    const [hall, series, year] = key.split('|') as [string, string, string];
    await sink.insert(
      `insert into number_counters (hall_id, series, year, value) values (${p(1)},${p(2)},${p(3)},${p(4)}) ` +
        'on conflict (hall_id, series, year) do update set value = excluded.value',
      [hall, series, Number(year), numbers.values.get(key)!],
    );
  }
  numbers.dirty.clear();
  for (const key of ticketsDirty) {
    const [hall, day, prefix] = key.split('|') as [string, string, string];
    await sink.insert(
      `insert into queue_counters (hall_id, day, prefix, last_seq) values (${p(1)},${p(2)},${p(3)},${p(4)}) ` +
        'on conflict (hall_id, day, prefix) do update set last_seq = excluded.last_seq',
      [hall, day, prefix, tickets.last.get(key)!],
    );
  }
  ticketsDirty.clear();
}

/** The month `n` months before the day's month (YYYY-MM). */
function monthsBack(day: string, n: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - n;
  const k = y * 12 + m - 1;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** The complaint numbers taken so far each year and the per-type reply days, as the complaints module keeps them. */
async function aftercareOf(db: Db, rnd: Random, t: HistoryTables, now: number): Promise<Aftercare> {
  const taken = new Map<string, number>();
  for (const c of await db.selectFrom('complaints').select('number').execute()) {
    const year = c.number.slice(2, 6);
    taken.set(year, (taken.get(year) ?? 0) + 1);
  }
  const days = new Map<string, number>();
  for (const d of await db.selectFrom('complaint_type_days').selectAll().execute())
    days.set(`${d.hall_id}|${d.category}`, Number(d.days));
  return {
    rnd,
    t,
    now,
    complaintNo(year) {
      const n = (taken.get(year) ?? 0) + 1;
      taken.set(year, n);
      return n;
    },
    replyDays: (hallId, category) => days.get(`${hallId}|${category}`) ?? DEFAULT_REPLY_DAYS,
    evidence: [],
  };
}

export async function generateHistory(db: Db, dialect: Dialect, opts: HistoryOptions): Promise<HistoryResult> {
  const started = performance.now();
  const halls = await loadHalls(db, opts.now, opts.historyDays ?? 730);
  if (halls.length === 0) throw new Error('no hall with published items and a clerk: seed the demo hall first');
  const rnd = new Random(opts.seed);
  const t = historyTables(dialect);

  const numbers = new Counters();
  for (const c of await db
    .selectFrom('number_counters')
    .selectAll()
    .where(
      'hall_id',
      'in',
      halls.map((h) => h.id),
    )
    .execute()) {
    numbers.values.set(`${c.hall_id}|${c.series}|${c.year}`, Number(c.value));
  }
  const tickets = new TicketCounters();
  for (const c of await db
    .selectFrom('queue_counters')
    .selectAll()
    .where(
      'hall_id',
      'in',
      halls.map((h) => h.id),
    )
    .execute()) {
    tickets.last.set(`${c.hall_id}|${c.day}|${c.prefix}`, Number(c.last_seq));
  }
  const taken = new Map<string, Set<string>>();
  for (const a of await db
    .selectFrom('applicants')
    .select(['hall_id', 'doc_number_index'])
    .where(
      'hall_id',
      'in',
      halls.map((h) => h.id),
    )
    .execute()) {
    const set = taken.get(a.hall_id) ?? new Set<string>();
    set.add(a.doc_number_index);
    taken.set(a.hall_id, set);
  }
  const pool = new ApplicantPool(rnd, t, taken);
  const e: Emit = { rnd, t, now: opts.now, numbers, baseUrl: opts.baseUrl };
  const after = await aftercareOf(db, rnd, t, opts.now);
  // The months the inspections sample from: each hall-month's accepted cases (only the recent months are kept).
  const sampledFrom = monthsBack(chinaDay(opts.now), INSPECTED_MONTHS);
  const samples = new Map<string, SampleCase[]>();
  const states = Object.fromEntries(caseStates.map((s) => [s, 0])) as Record<CaseState, number>;
  const hallWeight = halls.map((h) => h.items.length);
  const weightSum = hallWeight.reduce((a, b) => a + b, 0);
  const pickHall = (): HallPlan => {
    let x = rnd.next() * weightSum;
    for (const [i, h] of halls.entries()) {
      x -= hallWeight[i]!;
      if (x < 0) return h;
    }
    return halls[halls.length - 1]!;
  };
  const ticketsDirty = new Set<string>();

  const emit = (plan: Omit<CasePlan, 'applicant' | 'agent' | 'missing' | 'lapsed'> & { fate: string }) => {
    const { hall, item } = plan;
    const at = hall.dayStart[plan.start]!;
    const applicant = pool.get(hall, isBusiness(item) ? rnd.chance(0.8) : rnd.chance(0.05), at);
    const agent = rnd.chance(0.06) ? pool.get(hall, false, at) : null;
    const missing =
      plan.fate === 'notice' || plan.fate === 'noticeLapsed'
        ? (item.content.materials.find((m) => m.requirement === 'required')?.key ?? null)
        : null;
    const r = emitCase(e, {
      ...plan,
      applicant,
      agent: agent?.id === applicant.id ? null : agent,
      missing,
      lapsed: plan.fate === 'noticeLapsed',
    });
    states[r.state]++;
    emitVisit(rnd, t, tickets, {
      hall,
      item,
      caseId: r.id,
      receivedAt: r.receivedAt,
      visitEnd: r.visitEnd,
      clerk: r.clerk,
      windowId: r.windowId,
      urgent: false,
    });
    emitAftercare(after, {
      hall,
      item,
      caseId: r.id,
      caseNo: r.caseNo,
      applicantId: applicant.id,
      windowId: r.windowId,
      clerk: r.clerk,
      receivedAt: r.receivedAt,
      completedAt: r.completedAt,
    });
    if (r.acceptedDay && r.caseNo && r.acceptedDay.slice(0, 7) >= sampledFrom) {
      const key = `${hall.id}|${r.acceptedDay.slice(0, 7)}`;
      const list = samples.get(key) ?? [];
      list.push({
        id: r.id,
        caseNo: r.caseNo,
        itemName: item.content.name,
        ownerId: r.clerk.id,
        ownerName: r.clerk.name,
        windowId: r.windowId,
      });
      samples.set(key, list);
    }
    const cat = item.category;
    if (cat && r.windowId) ticketsDirty.add(`${hall.id}|${chinaDay(r.receivedAt)}|${cat.prefix}`);
  };

  // Held-up cases at every state first in the plan, written last (they are recent).
  const covered = opts.cases >= 60 ? coverage : [];
  const main = opts.cases - covered.length;
  const biggest = halls.reduce((a, b) => (b.items.length > a.items.length ? b : a));
  // A SQLite file is loaded through a connection of the load's own (sqlite-file.ts); PostgreSQL and an
  // in-memory SQLite through the application's, in its transactions.
  const file = dialect === 'sqlite' ? await sqliteFileOf(db) : null;
  const load = file ? openFileLoad(file) : null;
  const inBatch = (work: (sink: Sink) => Promise<void>) =>
    load ? load.transaction(() => work(load.sink)) : db.transaction().execute((trx) => work(kyselySink(trx, dialect)));

  let done = 0;
  while (done < opts.cases) {
    const end = Math.min(opts.cases, done + BATCH);
    await inBatch(async (sink) => {
      for (let k = done; k < end; k++) {
        if (k < main) {
          const hall = pickHall();
          const start = Math.min(hall.todayIndex - 1, Math.floor(((k + 0.5) / main) * hall.todayIndex));
          const item = pickItem(rnd, hall);
          const fate = pickFate(rnd);
          emit({ hall, item, start, fate, script: scriptFor(rnd, item, fate, null) });
        } else {
          const c = covered[k - main]!;
          let s = null;
          for (let attempt = 0; attempt < 50 && !s; attempt++) s = coverageScript(rnd, biggest, c);
          if (!s) throw new Error(`history: no item of ${biggest.code} can show the state ${c.state}`);
          emit({ hall: biggest, item: s.item, start: s.start, fate: c.fate, script: s.script });
        }
      }
      await flushAll(sink, t);
      await saveCounters(sink, numbers, tickets, ticketsDirty);
    });
    done = end;
    opts.progress?.tick(done);
  }

  // The hall's people and inspections, once per hall, after every case is written (their samples are complete).
  const hours = await timetablesOf(
    db,
    halls.map((h) => h.id),
  );
  // Days someone (the demo seed, the supervisor) already rostered stay as they are: the history fills the rest.
  const rostered = new Set<string>();
  for (const r of await db
    .selectFrom('staff_roster')
    .select(['hall_id', 'day', 'window_id', 'user_id'])
    .where(
      'hall_id',
      'in',
      halls.map((h) => h.id),
    )
    .execute()) {
    rostered.add(`${r.hall_id}|${r.day}|${r.window_id}`);
    rostered.add(`${r.hall_id}|${r.day}|${r.user_id}`);
  }
  await inBatch(async (sink) => {
    for (const h of halls)
      emitStaffing(rnd, t, h, hours.get(h.id)?.hall ?? DEFAULT_STAFF_HOURS, opts.now, samples, rostered);
    await flushAll(sink, t);
  });
  load?.close();
  // The evidence files, a few dozen at a time: each is synced to disk, and one by one the syncs add up.
  const evidence = [...new Set(after.evidence)];
  for (let i = 0; i < evidence.length; i += 32)
    await Promise.all(
      evidence
        .slice(i, i + 32)
        .map((caseId) => storeCaseFile(opts.dataDir, caseId, ['rating', EVIDENCE_SHA], EVIDENCE_PNG)),
    );
  const seconds = (performance.now() - started) / 1000;
  const from = halls[0]!.days[0]!;
  const to = chinaDay(opts.now);
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: opts.now,
      userId: null,
      username: 'system',
      action: 'system.history_import',
      targetType: 'system',
      targetId: 'history',
      outcome: 'success',
      ip: null,
      detail: {
        cases: opts.cases,
        applicants: pool.created,
        seed: opts.seed,
        from,
        to,
        halls: halls.map((h) => h.code),
        states,
        caseRatings: t.caseRatings.written,
        complaints: t.complaints.written,
        attendance: t.attendance.written,
        inspections: t.inspections.written,
      },
    }),
  );
  return {
    cases: opts.cases,
    applicants: pool.created,
    seconds,
    casesPerSecond: opts.cases / seconds,
    states,
    from,
    to,
  };
}
