/**
 * What each move of a case's script leaves behind besides its trail event: documents issued, receptions, the
 * verification, deliveries, and the columns of the case row it sets (number, deadline, closing, outcome…).
 */
import type { CaseStatus } from '../../domain/case/index.ts';
import { initialStatus } from '../../domain/case/index.ts';
import { maskIdNumber } from '../../domain/masking.ts';
import { piiFields, protectDocNumber } from '../../platform/pii/protect.ts';
import { documentSeries, type DocumentKind, urgencyLabels, type Urgency } from '../../modules/cases/presenter.ts';
import type { Value } from './bulk.ts';
import * as doc from './docs.ts';
import type { ItemPlan, Staff } from './hall.ts';
import { seededId } from './random.ts';
import type { CasePlan, Emit } from './rows.ts';
import type { Move } from './story.ts';

export const pad6 = (n: number) => String(n).padStart(6, '0');
export const yearOf = (day: string) => Number(day.slice(0, 4));

/** A move of the script at its instant and hall day. */
export type DatedMove = Move & { at: number; day: string };

type Manifest = Parameters<typeof doc.manifest>[0];

/** The case as its moves have left it so far: the columns of its row and the contents of its archive file. */
export interface CaseSoFar {
  status: CaseStatus;
  caseNo: string | null;
  acceptedAt: number | null;
  acceptedDay: string | null;
  deadline: string | null;
  provisional: number;
  deferredDeadline: string | null;
  closedReason: string | null;
  completedAt: number | null;
  outcome: string | null;
  /** The one-time notice's row and column, to close it once the case moves on. */
  notice: [Value[], number] | null;
  pauseFrom: number | null;
  pauseTo: number | null;
  archivedAt: number | null;
  /** What the archive file lists: documents filed, material rounds, deliveries and the trail. */
  filed: Manifest['documents'];
  trail: Manifest['trail'];
  materials: Manifest['materials'];
  deliveries: Manifest['deliveries'];
}

export function caseAtStart(): CaseSoFar {
  return {
    status: initialStatus,
    caseNo: null,
    acceptedAt: null,
    acceptedDay: null,
    deadline: null,
    provisional: 0,
    deferredDeadline: null,
    closedReason: null,
    completedAt: null,
    outcome: null,
    notice: null,
    pauseFrom: null,
    pauseTo: null,
    archivedAt: null,
    filed: [],
    trail: [],
    materials: [],
    deliveries: [],
  };
}

/** The one case being written: who received it, at which window, how urgent. */
export interface CaseAtHand {
  e: Emit;
  p: CasePlan;
  id: string;
  clerk: Staff;
  window: ItemPlan['windows'][number] | null;
  urgency: Urgency;
}

/** The fields every document of the case shares, as issued on `day` by `handler`. */
export function commonFields(c: CaseAtHand, day: string, handler: Staff) {
  return doc.common({
    item: c.p.item,
    applicant: c.p.applicant.party,
    agent: c.p.agent?.party ?? null,
    window: JSON.stringify(c.window?.label ?? '综合受理窗口'),
    handler: handler.json,
    day,
  });
}

/** Issues a numbered document of the case (its number from the hall's series for the year) and files it. */
function issueDocument(
  c: CaseAtHand,
  st: CaseSoFar,
  d: { kind: DocumentKind; at: number; day: string; by: Staff; content: string; state: string },
) {
  const { e, p, id } = c;
  const year = yearOf(d.day);
  const series = documentSeries[d.kind];
  const docNo = `${p.hall.code}-${series}-${year}-${pad6(e.numbers.next(p.hall.id, series, year))}`;
  st.filed.push({ docNo, kind: d.kind, issuedAt: d.at });
  return e.t.documents.add(
    seededId(e.rnd, d.at),
    p.hall.id,
    id,
    d.kind,
    docNo,
    d.state,
    d.at,
    d.by.id,
    d.by.name,
    d.content,
  );
}

/** Writes what the move leaves besides its trail event and returns that event's detail. */
export function writeMove(
  c: CaseAtHand,
  st: CaseSoFar,
  m: DatedMove,
  next: DatedMove | undefined,
  by: Staff,
): Record<string, unknown> | null {
  const { e, p, id, clerk, window, urgency } = c;
  const { rnd, t } = e;
  const { hall, item, script } = p;
  const day = m.day;
  const common = (d: string, handler: Staff) => commonFields(c, d, handler);
  const issue = (kind: DocumentKind, at: number, d: string, signer: Staff, content: string, state: string) =>
    issueDocument(c, st, { kind, at, day: d, by: signer, content, state });
  let detail: Record<string, unknown> | null = null;
  switch (m.action) {
    case 'registerReception':
      detail = { itemVersion: item.version, urgency, importance: 'normal', round: 1 };
      break;
    case 'issueOneTimeNotice': {
      const supplement = hall.deadline(day, 5);
      const due = supplement.deadline ?? day;
      st.notice = issue(
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
      st.materials.push({ round: 2, at: m.at, clerk: by.name, marks });
      detail = { round: 2 };
      break;
    }
    case 'refuseAcceptance':
      st.closedReason = p.lapsed ? '补正期限届满未补齐材料' : doc.REFUSAL_REASON;
      issue('non_acceptance', m.at, day, by, doc.refusal(common(day, by), p.lapsed), 'issued');
      detail = { reason: st.closedReason };
      break;
    case 'acceptCase':
    case 'acceptWithDeferredMaterials': {
      const year = yearOf(day);
      st.caseNo = `${hall.code}-${year}-${pad6(e.numbers.next(hall.id, 'case', year))}`;
      st.acceptedAt = m.at;
      st.acceptedDay = day;
      const d = hall.deadline(day, item.promisedDays);
      st.deadline = d.deadline;
      st.provisional = d.provisional ? 1 : 0;
      if (script.deferred)
        st.deferredDeadline = hall.deadline(day, Math.min(5, Math.max(1, item.promisedDays))).deadline;
      const c = common(day, by);
      issue(
        'receipt',
        m.at,
        day,
        by,
        doc.receipt(c, item, {
          caseNo: st.caseNo,
          urgency: urgencyLabels[urgency],
          deferred: script.deferred ? item.deferrable : null,
          deferredDeadline: st.deferredDeadline,
          deadline: st.deadline ?? day,
          provisional: st.provisional === 1,
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
            caseNo: st.caseNo,
            deferred: item.deferrable,
            supplementDeadline: st.deferredDeadline ?? day,
            deadline: st.deadline ?? day,
            deadlineProvisional: st.provisional === 1,
          }),
          'issued',
        );
      }
      detail = { caseNo: st.caseNo, deadline: st.deadline, itemVersion: item.version };
      break;
    }
    case 'routeToDepartment':
      detail = { departmentIds: item.groups.find((g) => g.departments.length)?.departments ?? [] };
      break;
    case 'askFrontDeskToVerify': {
      const answer = next?.action === 'answerVerification' ? next : null;
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
      st.pauseFrom = m.at;
      detail = { kind: 'expert_review', kindLabel: '专家评审', reason: '需组织专家现场评审' };
      break;
    case 'resumeClock':
      st.pauseTo = m.at;
      break;
    case 'complete':
      st.completedAt = m.at;
      st.outcome = script.outcome;
      issue(
        'result_notice',
        m.at,
        day,
        by,
        doc.result({
          caseNo: st.caseNo ?? '',
          itemName: item.content.name,
          applicant: p.applicant.party,
          agent: p.agent?.party ?? null,
          acceptedDay: st.acceptedDay ?? day,
          outcome: script.outcome ?? 'success',
          handler: by.json,
          day,
        }),
        'issued',
      );
      detail = { outcome: st.outcome, reason: null, remedy: null, results: [] };
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
      st.deliveries.push({
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
      t.deliveries.add(seededId(rnd, m.at), id, 'mail', null, null, null, null, '中国邮政EMS', tracking, m.at, by.name);
      st.deliveries.push({ method: 'mail', collectedBy: null, docNumber: null, trackingNumber: tracking, at: m.at });
      detail = { carrier: '中国邮政EMS', trackingNumber: tracking };
      break;
    }
    case 'withdraw':
      st.closedReason = '申请人主动撤回申请';
      if (st.pauseFrom !== null && st.pauseTo === null) st.pauseTo = m.at;
      detail = { reason: st.closedReason };
      break;
    case 'terminate':
      st.closedReason = '逾期未补齐容缺材料';
      detail = {
        reason: st.closedReason,
        promiseDay: st.deferredDeadline,
        materials: [item.content.materials.find((x) => x.key === item.deferrable)?.name ?? ''],
      };
      break;
    case 'archive':
      st.archivedAt = m.at;
      detail = { paperYears: doc.PAPER_YEARS };
      break;
    default:
      break;
  }
  return detail;
}
