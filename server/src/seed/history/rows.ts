/**
 * Turns one case's script into rows: the case, its receptions, trail, steps, routing slips, numbered documents,
 * verification, suspension, delivery and archive file. Only the moves that happened before "now" are written,
 * and each is checked against the state machine, so the history is one the services could have produced.
 */
import type { Pause } from '../../domain/calendar/index.ts';
import { type CaseState, type CaseStatus, initialStatus, transition } from '../../domain/case/index.ts';
import { maskIdNumber } from '../../domain/masking.ts';
import type { RoleCode } from '../../domain/roles.ts';
import { chinaDay } from '../../platform/clock.ts';
import { piiFields, protectDocNumber } from '../../platform/pii/protect.ts';
import {
  documentSeries,
  type DocumentKind,
  urgencyLabels,
  urgencyPriority,
  type Urgency,
} from '../../modules/cases/presenter.ts';
import { stepDeadlineColumns } from '../../modules/cases/deadlines.ts';
import type { HistoryTables, Value } from './bulk.ts';
import * as doc from './docs.ts';
import { type HallPlan, type ItemPlan, type Staff, staffFor } from './hall.ts';
import { type Random, seededId } from './random.ts';
import type { Move, Script } from './story.ts';

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

const pad6 = (n: number) => String(n).padStart(6, '0');
const yearOf = (day: string) => Number(day.slice(0, 4));

/** Writes the case; returns its state and, for the floor's ticket, when its first visit ended. */
export function emitCase(
  e: Emit,
  p: CasePlan,
): { state: CaseState; id: string; receivedAt: number; visitEnd: number; clerk: Staff; windowId: string | null } {
  const { rnd, t } = e;
  const { hall, item, script } = p;
  const ms = (x: number) => {
    const i = p.start + Math.floor(x);
    const day = hall.dayStart[i];
    if (day === undefined) throw new Error('history runs past the calendar');
    return day + Math.floor((x - Math.floor(x)) * 480 * 60_000);
  };
  const moves: (Move & { at: number; day: string })[] = [];
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
  const windowJson = JSON.stringify(window?.label ?? '综合受理窗口');
  const common = (day: string, handler: Staff) =>
    doc.common({
      item,
      applicant: p.applicant.party,
      agent: p.agent?.party ?? null,
      window: windowJson,
      handler: handler.json,
      day,
    });

  let status: CaseStatus = initialStatus;
  let caseNo: string | null = null;
  let acceptedAt: number | null = null;
  let acceptedDay: string | null = null;
  let deadline: string | null = null;
  let provisional = 0;
  let deferredDeadline: string | null = null;
  let closedReason: string | null = null;
  let completedAt: number | null = null;
  let outcome: string | null = null;
  let notice: [Value[], number] | null = null;
  let pauseFrom: number | null = null;
  let pauseTo: number | null = null;
  let lastWork = 0;
  const filed: doc.Filed[] = [];
  const trail: { seq: number; at: number; by: string; action: string; fromState: string | null; toState: string }[] =
    [];
  const materials: { round: number; at: number; clerk: string; marks: string }[] = [];
  const deliveries: {
    method: string;
    collectedBy: string | null;
    docNumber: string | null;
    trackingNumber: string | null;
    at: number;
  }[] = [];
  let archivedAt: number | null = null;

  const issue = (kind: DocumentKind, at: number, day: string, by: Staff, content: string, state: string) => {
    const year = yearOf(day);
    const series = documentSeries[kind];
    const docNo = `${hall.code}-${series}-${year}-${pad6(e.numbers.next(hall.id, series, year))}`;
    filed.push({ docNo, kind, issuedAt: at });
    return t.documents.add(seededId(rnd, at), hall.id, id, kind, docNo, state, at, by.id, by.name, content);
  };

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
  materials.push({ round: 1, at: moves[0]!.at, clerk: clerk.name, marks: firstMarks });

  for (const [k, m] of moves.entries()) {
    const by = m.role === 'clerk' ? clerk : who(m.role);
    const from = k === 0 ? null : status.state;
    const day = m.day;
    let detail: Record<string, unknown> | null = null;
    if (m.action !== 'registerReception') {
      const r = transition(status, m.action, [m.role]);
      if (!r.ok) throw new Error(`history: ${m.action} from ${status.state} refused (${r.code})`);
      status = r.to;
    }
    switch (m.action) {
      case 'registerReception':
        detail = { itemVersion: item.version, urgency, importance: 'normal', round: 1 };
        break;
      case 'issueOneTimeNotice': {
        const supplement = hall.deadline(day, 5);
        const due = supplement.deadline ?? day;
        notice = issue(
          'one_time_notice',
          m.at,
          day,
          by,
          doc.notice(common(day, by), item, p.missing, due, supplement.provisional),
          'open',
        );
        detail = { supplementDeadline: due, provisional: supplement.provisional };
        break;
      }
      case 'supplementMaterials': {
        const marks = doc.marksOf(item, null, p.agent !== null);
        t.receptions.add(seededId(rnd, m.at), id, 2, marks, window?.id ?? null, by.id, by.name, m.at);
        materials.push({ round: 2, at: m.at, clerk: by.name, marks });
        detail = { round: 2 };
        break;
      }
      case 'refuseAcceptance':
        closedReason = p.lapsed ? '补正期限届满未补齐材料' : doc.REFUSAL_REASON;
        issue('non_acceptance', m.at, day, by, doc.refusal(common(day, by), p.lapsed), 'issued');
        detail = { reason: closedReason };
        break;
      case 'acceptCase':
      case 'acceptWithDeferredMaterials': {
        const year = yearOf(day);
        caseNo = `${hall.code}-${year}-${pad6(e.numbers.next(hall.id, 'case', year))}`;
        acceptedAt = m.at;
        acceptedDay = day;
        const d = hall.deadline(day, item.promisedDays);
        deadline = d.deadline;
        provisional = d.provisional ? 1 : 0;
        if (script.deferred)
          deferredDeadline = hall.deadline(day, Math.min(5, Math.max(1, item.promisedDays))).deadline;
        const c = common(day, by);
        issue(
          'receipt',
          m.at,
          day,
          by,
          doc.receipt(c, item, {
            caseNo,
            urgency: urgencyLabels[urgency],
            deferred: script.deferred ? item.deferrable : null,
            deferredDeadline,
            deadline: deadline ?? day,
            provisional: provisional === 1,
            baseUrl: e.baseUrl,
          }),
          'issued',
        );
        if (script.deferred && item.deferrable) {
          issue(
            'deferral_promise',
            m.at,
            day,
            by,
            doc.promise(c, item, {
              caseNo,
              deferred: item.deferrable,
              supplementDeadline: deferredDeadline ?? day,
              deadline: deadline ?? day,
              deadlineProvisional: provisional === 1,
            }),
            'issued',
          );
        }
        detail = { caseNo, deadline, itemVersion: item.version };
        break;
      }
      case 'routeToDepartment':
        detail = { departmentIds: item.groups.find((g) => g.departments.length)?.departments ?? [] };
        break;
      case 'askFrontDeskToVerify': {
        const answer = moves[k + 1]?.action === 'answerVerification' ? moves[k + 1]! : null;
        const reply = hall.deadline(day, 2);
        const due = reply.deadline ?? day;
        t.verifications.add(
          seededId(rnd, m.at),
          id,
          null,
          '申请表所填经营场所地址与产权证明不一致，请核实',
          due,
          by.id,
          by.name,
          m.at,
          answer ? '已与申请人核实，系门牌号变更，已补充说明' : null,
          answer ? clerk.name : null,
          answer?.at ?? null,
          reply.provisional ? 1 : 0,
        );
        detail = { question: '经营场所地址核实', responseDeadline: due };
        break;
      }
      case 'suspendClock':
        pauseFrom = m.at;
        detail = { kind: 'expert_review', kindLabel: '专家评审', reason: '需组织专家现场评审' };
        break;
      case 'resumeClock':
        pauseTo = m.at;
        break;
      case 'complete':
        completedAt = m.at;
        outcome = script.outcome;
        issue(
          'result_notice',
          m.at,
          day,
          by,
          doc.result({
            caseNo: caseNo ?? '',
            itemName: item.content.name,
            applicant: p.applicant.party,
            agent: p.agent?.party ?? null,
            acceptedDay: acceptedDay ?? day,
            outcome: script.outcome ?? 'success',
            handler: by.json,
            day,
          }),
          'issued',
        );
        detail = { outcome, reason: null, remedy: null, results: [] };
        break;
      case 'notifyResult':
        detail = { channel: 'sms', note: '' };
        break;
      case 'registerCollection': {
        const person = p.applicant.kind === 'person' ? p.applicant : p.agent;
        const collector = person?.name ?? p.applicant.contactName;
        const number = person?.docNumber ?? null;
        const deliveryId = seededId(rnd, m.at);
        const enc = number ? protectDocNumber(piiFields.deliveryDoc, deliveryId, number, true) : null;
        t.deliveries.add(
          deliveryId,
          id,
          'collect',
          collector,
          number ? 'resident_id' : null,
          enc?.enc ?? null,
          enc?.masked ?? null,
          null,
          null,
          m.at,
          by.name,
        );
        deliveries.push({
          method: 'collect',
          collectedBy: collector,
          docNumber: maskIdNumber(number),
          trackingNumber: null,
          at: m.at,
        });
        detail = { collectedBy: collector, docType: 'resident_id', docNumber: maskIdNumber(number) };
        break;
      }
      case 'registerMailing': {
        const tracking = `EMS${String(rnd.int(0, 999_999_999)).padStart(9, '0')}CN`;
        t.deliveries.add(
          seededId(rnd, m.at),
          id,
          'mail',
          null,
          null,
          null,
          null,
          '中国邮政EMS',
          tracking,
          m.at,
          by.name,
        );
        deliveries.push({ method: 'mail', collectedBy: null, docNumber: null, trackingNumber: tracking, at: m.at });
        detail = { carrier: '中国邮政EMS', trackingNumber: tracking };
        break;
      }
      case 'withdraw':
        closedReason = '申请人主动撤回申请';
        if (pauseFrom !== null && pauseTo === null) pauseTo = m.at;
        detail = { reason: closedReason };
        break;
      case 'terminate':
        closedReason = '逾期未补齐容缺材料';
        detail = {
          reason: closedReason,
          promiseDay: deferredDeadline,
          materials: [item.content.materials.find((x) => x.key === item.deferrable)?.name ?? ''],
        };
        break;
      case 'archive':
        archivedAt = m.at;
        detail = { paperYears: doc.PAPER_YEARS };
        break;
      default:
        break;
    }
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
    trail.push({ seq: k + 1, at: m.at, by: by.name, action: m.action, fromState: from, toState: m.to });
  }
  // Once a notice's case moves on (supplement, refusal, withdrawal) the notice is closed.
  if (notice !== null && status.state !== 'awaiting_supplement') t.documents.set(notice, 'status', 'closed');

  const pauses: Pause[] =
    pauseFrom !== null && acceptedDay ? [{ from: dayOf(pauseFrom), to: pauseTo === null ? null : dayOf(pauseTo) }] : [];
  const pause = pauses[0];
  if (pause && pauseFrom !== null && acceptedDay) {
    const d = hall.deadline(acceptedDay, item.promisedDays, pauses);
    deadline = d.deadline;
    provisional = d.provisional ? 1 : 0;
    const starter = who('handler');
    t.pauses.add(
      seededId(rnd, pauseFrom),
      id,
      'expert_review',
      '需组织专家现场评审',
      pause.from,
      pause.to,
      pauseFrom,
      starter.name,
      pauseTo,
    );
  }

  if (acceptedAt !== null) emitSteps(e, p, id, clerk, who, lastWork, completedAt !== null, ms, pauses);

  if (archivedAt !== null) {
    const year = yearOf(dayOf(archivedAt));
    const archiveNo = `${hall.code}-DA-${year}-${pad6(e.numbers.next(hall.id, 'archive', year))}`;
    t.archives.add(
      seededId(rnd, archivedAt),
      id,
      hall.id,
      archiveNo,
      doc.retention,
      doc.manifest({ documents: filed, materials, deliveries, trail }),
      archivedAt,
      clerk.name,
    );
  }

  const last = moves[moves.length - 1]!;
  const resumeTo = status.state === 'suspended' ? status.resumeTo : null;
  t.cases.add(
    id,
    hall.id,
    caseNo,
    item.id,
    item.version,
    item.content.name,
    p.applicant.id,
    p.agent?.id ?? null,
    p.agent ? 1 : 0,
    status.state,
    resumeTo,
    urgency,
    urgencyPriority[urgency],
    rnd.chance(0.05) ? 'important' : 'normal',
    window?.id ?? null,
    clerk.id,
    clerk.name,
    moves[0]!.at,
    moves[0]!.day,
    acceptedAt === null ? null : clerk.id,
    acceptedAt === null ? null : clerk.name,
    acceptedAt,
    acceptedDay,
    item.promisedDays,
    item.content.warningDays,
    deadline,
    provisional,
    script.deferred && acceptedAt !== null ? JSON.stringify([item.deferrable]) : null,
    acceptedAt !== null ? deferredDeadline : null,
    closedReason,
    last.at,
    null,
    null,
    outcome,
    completedAt,
    completedAt === null ? null : dayOf(completedAt),
  );
  // The first visit ends with the last move of the reception day at the window.
  const sameVisit = moves.filter((m) => m.at - moves[0]!.at < 3_600_000);
  return {
    state: status.state,
    id,
    receivedAt: moves[0]!.at,
    visitEnd: sameVisit[sameVisit.length - 1]!.at,
    clerk,
    windowId: window?.id ?? null,
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
