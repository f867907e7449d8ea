/**
 * Turns one case's script into rows: the case, its receptions, trail, steps, routing slips, numbered documents,
 * verification, suspension, delivery and archive file. Only the moves that happened before "now" are written,
 * and each is checked against the state machine, so the history is one the services could have produced.
 */
import {
  type ArchiveOutcome,
  archiveNumber,
  classify,
  defaultScheme,
  keptUntil,
  outcomeOfState,
} from '../../domain/archives/index.ts';
import type { Pause } from '../../domain/calendar/index.ts';
import { type CaseState, transition } from '../../domain/case/index.ts';
import type { RoleCode } from '../../domain/roles.ts';
import { chinaDay } from '../../platform/clock.ts';
import { urgencyPriority, type Urgency } from '../../modules/cases/presenter.ts';
import { stepDeadlineColumns } from '../../modules/cases/deadlines.ts';
import type { HistoryTables } from './bulk.ts';
import * as doc from './docs.ts';
import { type HallPlan, type ItemPlan, type Staff, staffFor } from './hall.ts';
import { Random, seededId } from './random.ts';
import { type CaseAtHand, caseAtStart, type DatedMove, pad6, writeMove, yearOf } from './moves.ts';
import type { Script } from './story.ts';

export interface Applicant {
  id: string;
  kind: 'person' | 'enterprise';
  name: string;
  docType: string;
  docNumber: string;
  phone: string;
  legalRepresentative: string;
  contactName: string;
  /** The party as printed on documents (personal numbers masked), as JSON text. */
  party: string;
}

export interface Numbering {
  next(hallId: string, series: string, year: number): number;
}

export interface Emit {
  rnd: Random;
  t: HistoryTables;
  now: number;
  numbers: Numbering;
  baseUrl: string;
}

export interface CasePlan {
  hall: HallPlan;
  item: ItemPlan;
  applicant: Applicant;
  agent: Applicant | null;
  script: Script;
  /** Index in hall.days of the reception day. */
  start: number;
  /** The material missing at the first visit (one-time notice), if any. */
  missing: string | null;
  lapsed: boolean;
}

/** Writes the case; returns its state and, for the floor's ticket, when its first visit ended. */
export function emitCase(
  e: Emit,
  p: CasePlan,
): {
  state: CaseState;
  id: string;
  caseNo: string | null;
  receivedAt: number;
  visitEnd: number;
  clerk: Staff;
  windowId: string | null;
  acceptedDay: string | null;
  completedAt: number | null;
} {
  const { rnd, t } = e;
  const { hall, item, script } = p;
  const ms = (x: number) => {
    const i = p.start + Math.floor(x);
    const day = hall.dayStart[i];
    if (day === undefined) throw new Error('history runs past the calendar');
    return day + Math.floor((x - Math.floor(x)) * 480 * 60_000);
  };
  const moves: DatedMove[] = [];
  for (const m of script.moves) {
    const at = ms(m.t);
    if (at > e.now) break;
    moves.push({ t: m.t, action: m.action, to: m.to, role: m.role, at, day: hall.days[p.start + Math.floor(m.t)]! });
  }
  const dayOf = (at: number) => chinaDay(at);
  const id = seededId(rnd, moves[0]!.at);
  const people = new Map<string, Staff>();
  const who = (role: RoleCode | string) => {
    let s = people.get(role);
    if (!s) {
      s = staffFor(hall, role, (l) => rnd.pick(l));
      people.set(role, s);
    }
    return s;
  };
  const clerk = who('clerk');
  const window = item.windows.length ? rnd.pick(item.windows) : null;
  const urgency: Urgency = rnd.chance(0.03) ? 'urgent' : rnd.chance(0.02) ? 'special' : 'regular';
  const atHand: CaseAtHand = { e, p, id, clerk, window, urgency };
  const st = caseAtStart();
  let lastWork = 0;

  const firstMarks = doc.marksOf(item, p.missing ?? (script.deferred ? item.deferrable : null), p.agent !== null);
  t.receptions.add(
    seededId(rnd, moves[0]!.at),
    id,
    1,
    firstMarks,
    window?.id ?? null,
    clerk.id,
    clerk.name,
    moves[0]!.at,
  );
  st.materials.push({ round: 1, at: moves[0]!.at, clerk: clerk.name, marks: firstMarks });

  for (const [k, m] of moves.entries()) {
    const by = m.role === 'clerk' ? clerk : who(m.role);
    const from = k === 0 ? null : st.status.state;
    if (m.action !== 'registerReception') {
      const r = transition(st.status, m.action, [m.role]);
      if (!r.ok) throw new Error(`history: ${m.action} from ${st.status.state} refused (${r.code})`);
      st.status = r.to;
    }
    const detail = writeMove(atHand, st, m, moves[k + 1], by);
    if (m.action !== 'withdraw') lastWork = m.t;
    t.events.add(
      seededId(rnd, m.at),
      id,
      k + 1,
      m.at,
      by.id,
      by.username,
      by.name,
      m.action,
      from,
      m.to,
      detail ? JSON.stringify(detail) : null,
    );
    st.trail.push({ seq: k + 1, at: m.at, by: by.name, action: m.action, fromState: from, toState: m.to });
  }
  // Once a notice's case moves on (supplement, refusal, withdrawal) the notice is closed.
  if (st.notice !== null && st.status.state !== 'awaiting_supplement') t.documents.set(st.notice, 'status', 'closed');

  const pauses: Pause[] =
    st.pauseFrom !== null && st.acceptedDay
      ? [{ from: dayOf(st.pauseFrom), to: st.pauseTo === null ? null : dayOf(st.pauseTo) }]
      : [];
  const pause = pauses[0];
  if (pause && st.pauseFrom !== null && st.acceptedDay) {
    const d = hall.deadline(st.acceptedDay, item.promisedDays, pauses);
    st.deadline = d.deadline;
    st.provisional = d.provisional ? 1 : 0;
    const starter = who('handler');
    t.pauses.add(
      seededId(rnd, st.pauseFrom),
      id,
      'expert_review',
      '需组织专家现场评审',
      pause.from,
      pause.to,
      st.pauseFrom,
      starter.name,
      st.pauseTo,
    );
  }

  if (st.acceptedAt !== null) emitSteps(e, p, id, clerk, who, lastWork, st.completedAt !== null, ms, pauses);

  if (st.archivedAt !== null) {
    const year = yearOf(dayOf(st.archivedAt));
    const archiveNo = `${hall.code}-DA-${year}-${pad6(e.numbers.next(hall.id, 'archive', year))}`;
    t.archives.add(
      seededId(rnd, st.archivedAt),
      id,
      hall.id,
      archiveNo,
      doc.retention,
      doc.manifest({ documents: st.filed, materials: st.materials, deliveries: st.deliveries, trail: st.trail }),
      st.archivedAt,
      clerk.name,
    );
    fileInRegister(e, rnd, p, id, st.caseNo, st.archivedAt, clerk.name, 'completed');
  }

  const last = moves[moves.length - 1]!;
  // A refused, withdrawn or terminated case has no filing step: the archive sweep files it at its next five-minute
  // round (archives/filing-service.ts). Its ids come from a stream of the case's own, so the rest of the history
  // stays what the seed made before.
  const ended = outcomeOfState(st.status.state);
  const sweptAt = Math.ceil((last.at + 1) / SWEEP_MS) * SWEEP_MS;
  if (ended && ended !== 'completed' && sweptAt <= e.now)
    fileInRegister(e, new Random(Number.parseInt(id.slice(-8), 16)), p, id, st.caseNo, sweptAt, SWEEP_FILER, ended);
  const resumeTo = st.status.state === 'suspended' ? st.status.resumeTo : null;
  t.cases.add(
    id,
    hall.id,
    st.caseNo,
    item.id,
    item.version,
    item.content.name,
    p.applicant.id,
    p.agent?.id ?? null,
    p.agent ? 1 : 0,
    st.status.state,
    resumeTo,
    urgency,
    urgencyPriority[urgency],
    rnd.chance(0.05) ? 'important' : 'normal',
    window?.id ?? null,
    clerk.id,
    clerk.name,
    moves[0]!.at,
    moves[0]!.day,
    st.acceptedAt === null ? null : clerk.id,
    st.acceptedAt === null ? null : clerk.name,
    st.acceptedAt,
    st.acceptedDay,
    item.promisedDays,
    item.content.warningDays,
    st.deadline,
    st.provisional,
    script.deferred && st.acceptedAt !== null ? JSON.stringify([item.deferrable]) : null,
    st.acceptedAt !== null ? st.deferredDeadline : null,
    st.closedReason,
    last.at,
    null,
    null,
    st.outcome,
    st.completedAt,
    st.completedAt === null ? null : dayOf(st.completedAt),
  );
  // The first visit ends with the last move of the reception day at the window.
  const sameVisit = moves.filter((m) => m.at - moves[0]!.at < 3_600_000);
  return {
    state: st.status.state,
    id,
    receivedAt: moves[0]!.at,
    visitEnd: sameVisit[sameVisit.length - 1]!.at,
    clerk,
    windowId: window?.id ?? null,
    caseNo: st.caseNo,
    acceptedDay: st.acceptedDay,
    completedAt: st.completedAt,
  };
}

/** The steps copied from the item version, each pending, active or done as the script had reached them. */
function emitSteps(
  e: Emit,
  p: CasePlan,
  id: string,
  clerk: Staff,
  who: (r: string) => Staff,
  lastWork: number,
  completed: boolean,
  ms: (x: number) => number,
  pauses: readonly Pause[],
) {
  const { t, rnd } = e;
  for (const [gi, g] of p.script.groups.entries()) {
    const on = g.on !== null && g.on <= lastWork;
    const done = on && g.done !== null && (g.done <= lastWork || completed);
    for (const s of p.item.content.steps.filter((x) => x.order === g.order)) {
      const sid = seededId(rnd, on ? ms(g.on!) : ms(0));
      const activated = on ? ms(g.on!) : null;
      const worker = on && s.departmentId ? who(s.role) : null;
      // The live step clock itself, with the case's suspension, so the history lights steps as live cases do.
      const clock = stepDeadlineColumns(p.hall.calendar, { activated_at: activated, limit_days: s.limitDays }, pauses);
      t.steps.add(
        sid,
        id,
        s.key,
        s.name,
        s.order,
        s.role,
        s.departmentId,
        s.limitDays,
        done ? 'done' : on ? 'active' : 'pending',
        activated,
        done ? ms(g.done!) : null,
        worker?.id ?? null,
        worker?.name ?? null,
        worker ? activated : null,
        clock.deadline,
        clock.deadline_provisional,
      );
      if (on && (s.departmentId || gi > 0))
        t.slips.add(seededId(rnd, activated!), id, activated!, sid, clerk.id, clerk.name, s.departmentId);
    }
  }
}

const SWEEP_MS = 5 * 60_000;
const SWEEP_FILER = '系统自动归档';

/**
 * The archive register's file of an ended case, as archives/filing-service.ts `fileCase` writes it: classified by the
 * built-in scheme, its 档号 from the same counter series (`archive:<category>`) per hall and year of filing.
 */
function fileInRegister(
  e: Emit,
  rnd: Random,
  p: CasePlan,
  caseId: string,
  caseNo: string | null,
  at: number,
  by: string,
  outcome: Exclude<ArchiveOutcome, 'any'>,
) {
  const category = classify(defaultScheme, { outcome, itemId: p.item.id });
  const day = chinaDay(at);
  const year = yearOf(day);
  const seq = e.numbers.next(p.hall.id, `archive:${category.code}`, year);
  const archiveNo = archiveNumber(p.hall.code, category.code, year, seq);
  const fileId = seededId(rnd, at);
  e.t.archiveFiles.add(
    fileId,
    p.hall.id,
    archiveNo,
    category.code,
    category.name,
    year,
    seq,
    caseId,
    caseNo,
    p.item.content.name,
    p.applicant.id,
    p.applicant.name,
    outcome,
    category.confidentiality,
    category.paperYears,
    keptUntil(day, category.paperYears),
    category.electronicYears === null ? null : keptUntil(day, category.electronicYears),
    'held',
    day,
    at,
    by,
  );
  const detail = { archiveNo, caseNo, category: category.code, outcome, paperYears: category.paperYears };
  e.t.archiveEvents.add(seededId(rnd, at), fileId, at, by, 'file', JSON.stringify(detail));
}
