/**
 * 县乡联办 (receive here, process there): a township station receives and accepts a case of a county item that the
 * county publishes as receivable at that station. The case is the county's (its number, calendar, back office and
 * archive); the station keeps reception, the county's progress and, where the applicant chose it, the hand-over.
 * The station clerk's scope reaches the county hall only inside these checked operations, never elsewhere.
 */
import type { DocumentType } from '../../domain/identity/index.ts';
import { checkMaterials, markProblem } from '../../domain/intake/checklist.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import type { ApplicantRow } from '../applicants/repository.ts';
import { loadApplicant, registerApplicant, revealNumbers } from '../applicants/service.ts';
import { itemsReceivableAt } from '../catalog/service.ts';
import * as repo from '../cases/service.ts';
import { type CaseRow, caseDetail, documentPdf, publicProgress, recordEvent } from '../cases/service.ts';
import { acceptAtWindow, incomplete } from '../intake/service.ts';
import { findHall } from '../org/service.ts';
import { notifyResult, registerCollection } from '../results/service.ts';
import { type PickupPlace, pickupLabels, type StationAcceptInput, type StationCase } from './schema.ts';

/** The clerk's own halls plus the processing hall, for one operation already checked here. */
const withCounty = (actor: Actor, countyHallId: string): Actor => ({
  ...actor,
  hallIds: [...new Set([...actor.hallIds, countyHallId])],
});

async function ownStation(ctx: AppContext, actor: Actor, stationHallId: string) {
  const hall = actor.hallIds.includes(stationHallId) ? await findHall(ctx.db, stationHallId) : undefined;
  if (!hall) throw invalid('stationHallId', '不是本人所属的便民服务中心', 'Not a station you belong to');
  return hall;
}

async function hallName(ctx: AppContext, id: string, cache = new Map<string, string>()) {
  if (!cache.has(id)) cache.set(id, (await findHall(ctx.db, id))?.name ?? '');
  return cache.get(id) ?? '';
}

/** 可在本中心收件的县级事项: what the reception form offers. */
export async function stationItems(ctx: AppContext, actor: Actor, stationHallId: string) {
  const station = await ownStation(ctx, actor, stationHallId);
  const names = new Map<string, string>();
  const items = await itemsReceivableAt(ctx.db, station.id);
  return Promise.all(
    items.map(async (i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      hallId: i.hallId,
      hallName: await hallName(ctx, i.hallId, names),
      kind: i.content.kind,
      promisedDays: i.content.promisedDays,
      postAllowed: i.content.townshipReception?.postAllowed ?? false,
      materials: i.content.materials.map((m) => ({
        key: m.key,
        name: m.name,
        form: m.form,
        copies: m.copies,
        requirement: m.requirement,
        condition: m.condition,
        essential: m.essential,
      })),
    })),
  );
}

/** The station's applicant file, found or copied into the county's registry (一企一档 per hall). */
async function countyFileOf(ctx: AppContext, countyActor: Actor, a: ApplicantRow, countyHallId: string) {
  const numbers = revealNumbers(a);
  const { applicant } = await registerApplicant(ctx, countyActor, {
    hallId: countyHallId,
    kind: a.kind as 'person' | 'enterprise',
    name: a.name,
    docType: a.doc_type as DocumentType,
    docNumber: numbers.docNumber,
    phone: numbers.phone,
    address: a.address,
    legalRepresentative: a.legal_representative,
    contactName: a.contact_name,
  });
  return applicant.id;
}

/** 乡镇收件受理: everything handed in, the case is accepted for the county and routed by the item's own process. */
export async function acceptAtStation(ctx: AppContext, actor: Actor, input: StationAcceptInput) {
  const station = await ownStation(ctx, actor, input.stationHallId);
  const item = (await itemsReceivableAt(ctx.db, station.id)).find((i) => i.id === input.itemId);
  if (!item) {
    throw invalid('itemId', '该事项未授权本便民服务中心收件', 'This station is not allowed to receive the item');
  }
  const allowsPost = item.content.townshipReception?.postAllowed ?? false;
  if (input.pickup === 'post' && !allowsPost)
    throw invalid(
      'pickup',
      '该事项不提供邮寄送达，请选择领取地点',
      'The item is not sent by post; choose where to collect',
    );
  if (input.pickup === 'post' && !input.mailingAddress)
    throw invalid('mailingAddress', '请填写邮寄地址', 'Enter the mailing address');
  // The checklist is checked before the applicant's county file is made, so a refused reception leaves nothing.
  const checklist = item.content.materials.map((m) => ({ ...m }));
  const problem = markProblem(checklist, input.materials);
  if (problem) throw invalid(problem.field, problem.zh, problem.en);
  const check = checkMaterials(checklist, input.materials);
  if (!check.complete) throw incomplete(check.shortfalls.map((x) => x.name));
  // The parties are the station's own files; the county's copies are found or made from them.
  const applicant = await loadApplicant(ctx.db, actor, input.applicantId, 'applicantId');
  if (applicant.hall_id !== station.id)
    throw invalid('applicantId', '申请人不属于本便民服务中心', 'The applicant is registered in another hall');
  const agent = input.agentId ? await loadApplicant(ctx.db, actor, input.agentId, 'agentId') : null;
  if (agent && agent.hall_id !== station.id)
    throw invalid('agentId', '代理人不属于本便民服务中心', 'The agent is registered in another hall');
  const county = withCounty(actor, item.hallId);
  const applicantId = await countyFileOf(ctx, county, applicant, item.hallId);
  const agentId = agent ? await countyFileOf(ctx, county, agent, item.hallId) : null;
  const pickup: PickupPlace = input.pickup;
  const mailingAddress = pickup === 'post' ? input.mailingAddress : null;
  const detail = await acceptAtWindow(
    ctx,
    county,
    { ...input, applicantId, agentId, windowId: null },
    async (trx: Db, accepted: CaseRow, now: number) => {
      await repo.insertTownshipReception(trx, {
        case_id: accepted.id,
        case_no: accepted.case_no ?? '',
        station_hall_id: station.id,
        county_hall_id: item.hallId,
        pickup,
        mailing_address: mailingAddress,
        received_by_id: actor.userId,
        received_by_name: actor.displayName,
        received_at: now,
        handed_over_at: null,
        handed_over_hall_id: null,
        handed_over_by_name: null,
      });
      const said = { station: station.name, pickup, pickupLabel: pickupLabels[pickup] };
      await recordEvent(trx, actor, accepted.id, now, {
        action: 'townshipReception',
        from: accepted.state,
        to: accepted.state,
        detail: said,
      });
      await appendAudit(
        trx,
        byActor(actor, now, 'case.township_accept', 'case', accepted.id, {
          stationHallId: station.id,
          countyHallId: item.hallId,
          item: item.id,
          pickup,
        }),
      );
    },
  );
  return stationCase(ctx, actor, detail.id);
}

/** The township record of a case, for the station that received it; another hall's refusal is audited. */
async function stationRecord(ctx: AppContext, actor: Actor, caseId: string) {
  const j = await repo.findTownshipReception(ctx.db, caseId);
  if (j && actor.hallIds.includes(j.station_hall_id)) return j;
  if (j) throw outOfScope(notFound('办件', 'Case'), 'case', caseId);
  // Not received at a station: the case's own scope answers (a county case is out of the station's scope).
  await caseDetail(ctx, actor, caseId);
  throw new AppError(
    409,
    'NOT_TOWNSHIP',
    '该办件不是乡镇收件的办件',
    'The case was not received at a township station',
  );
}

function present(ctx: AppContext, actor: Actor, j: repo.TownshipRow, names: Map<string, string>) {
  return async (): Promise<StationCase> => {
    const d = await caseDetail(ctx, withCounty(actor, j.county_hall_id), j.case_id);
    const active = d.steps.filter((s) => s.status === 'active').map((s) => s.name);
    const atStation = j.pickup === 'station' && j.handed_over_at === null;
    const actions: string[] = [];
    if (atStation && d.state === 'completed' && d.outcome !== null) actions.push('notifyResult');
    if (atStation && (d.state === 'completed' || d.state === 'awaiting_collection')) actions.push('handOver');
    return {
      caseId: d.id,
      caseNo: d.caseNo,
      itemName: d.itemName,
      applicantName: d.applicantName,
      stationName: await hallName(ctx, j.station_hall_id, names),
      countyName: await hallName(ctx, j.county_hall_id, names),
      state: d.state,
      stateLabel: d.stateLabel,
      acceptedDay: d.acceptedDay,
      deadline: d.deadline,
      deadlineProvisional: d.deadlineProvisional,
      currentStep: active.length ? active.join('、') : null,
      steps: d.steps.map((s) => ({ name: s.name, status: s.status, doneAt: s.doneAt })),
      outcome: d.outcome,
      completedDay: d.completedDay,
      pickup: j.pickup as PickupPlace,
      pickupLabel: pickupLabels[j.pickup as PickupPlace] ?? j.pickup,
      mailingAddress: j.mailing_address,
      receivedBy: j.received_by_name,
      receivedAt: Number(j.received_at),
      handedOver: await handedOver(ctx, j, names),
      documents: d.documents.map((x) => ({ id: x.id, kindLabel: x.kindLabel, docNo: x.docNo })),
      actions,
    };
  };
}

async function handedOver(ctx: AppContext, j: repo.TownshipRow, names: Map<string, string>) {
  if (j.handed_over_at === null) return null;
  return {
    at: Number(j.handed_over_at),
    hallName: j.handed_over_hall_id ? await hallName(ctx, j.handed_over_hall_id, names) : '',
    by: j.handed_over_by_name ?? '',
  };
}

export async function stationCase(ctx: AppContext, actor: Actor, caseId: string) {
  const j = await stationRecord(ctx, actor, caseId);
  return present(ctx, actor, j, new Map())();
}

/** 联办件: the cases the actor's stations received, newest first, each with the county's progress. */
export async function stationCases(
  ctx: AppContext,
  actor: Actor,
  q: { stationHallId?: string; limit: number; offset: number },
) {
  const halls = q.stationHallId ? [(await ownStation(ctx, actor, q.stationHallId)).id] : actor.hallIds;
  const [rows, total] = await Promise.all([
    repo.receptionsOfStations(ctx.db, halls, q.limit, q.offset),
    repo.countOfStations(ctx.db, halls),
  ]);
  const names = new Map<string, string>();
  const items: StationCase[] = [];
  for (const j of rows) items.push(await present(ctx, actor, j, names)());
  return { items, total };
}

/** 通知领取 by the station where the applicant collects. */
export async function notifyAtStation(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { channel: string; note: string },
) {
  const j = await stationRecord(ctx, actor, caseId);
  if (j.pickup !== 'station') throw elsewhere(j.pickup as PickupPlace);
  await notifyResult(ctx, withCounty(actor, j.county_hall_id), caseId, input);
  return stationCase(ctx, actor, caseId);
}

const elsewhere = (pickup: PickupPlace) =>
  new AppError(
    409,
    'PICKUP_ELSEWHERE',
    `申请人选择的取件方式为“${pickupLabels[pickup]}”，不在本中心交付`,
    'The applicant chose to receive the result elsewhere',
  );

/** 结果交付: the station hands the result over, checks the collector's ID and records it as the hall where it happened. */
export async function handOverAtStation(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { collectedBy: string; docType: DocumentType; docNumber: string },
) {
  const j = await stationRecord(ctx, actor, caseId);
  if (j.pickup !== 'station') throw elsewhere(j.pickup as PickupPlace);
  await registerCollection(ctx, withCounty(actor, j.county_hall_id), caseId, input, async (trx, now) => {
    if (
      !(await repo.recordHandOver(trx, caseId, {
        handed_over_at: now,
        handed_over_hall_id: j.station_hall_id,
        handed_over_by_name: actor.displayName,
      }))
    )
      throw new AppError(409, 'CONFLICT', '结果已交付，请刷新', 'The result was already handed over; reload');
    const stationName = await hallName(ctx, j.station_hall_id);
    await recordEvent(trx, actor, caseId, now, {
      action: 'townshipHandOver',
      from: 'delivered',
      to: 'delivered',
      detail: { station: stationName, collectedBy: input.collectedBy },
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.township_handover', 'case', caseId, { stationHallId: j.station_hall_id }),
    );
  });
  return stationCase(ctx, actor, caseId);
}

/** A printed document of a case the station received (the receipt it hands the applicant, the result notice). */
export async function stationDocument(ctx: AppContext, actor: Actor, caseId: string, docId: string) {
  const j = await stationRecord(ctx, actor, caseId);
  return documentPdf(ctx, withCounty(actor, j.county_hall_id), caseId, docId);
}

/** 乡镇收件 on the case page: shown to staff of either hall; another hall's staff are refused and audited. */
export async function originOf(ctx: AppContext, actor: Actor, caseId: string) {
  const j = await repo.findTownshipReception(ctx.db, caseId);
  if (!j) {
    await caseDetail(ctx, actor, caseId);
    return { township: null };
  }
  if (!actor.hallIds.includes(j.station_hall_id) && !actor.hallIds.includes(j.county_hall_id))
    throw outOfScope(notFound('办件', 'Case'), 'case', caseId);
  const names = new Map<string, string>();
  return {
    township: {
      stationHallId: j.station_hall_id,
      stationName: await hallName(ctx, j.station_hall_id, names),
      countyHallId: j.county_hall_id,
      countyName: await hallName(ctx, j.county_hall_id, names),
      pickup: j.pickup as PickupPlace,
      pickupLabel: pickupLabels[j.pickup as PickupPlace] ?? j.pickup,
      mailingAddress: j.mailing_address,
      receivedBy: j.received_by_name,
      receivedAt: Number(j.received_at),
      handedOver: await handedOver(ctx, j, names),
    },
  };
}

/** 乡镇收件 marks for a list of cases (the back office's inbox): only cases of the actor's halls are answered. */
export async function originsOf(ctx: AppContext, actor: Actor, caseIds: string[]) {
  const rows = await repo.receptionsOfCases(ctx.db, [...new Set(caseIds)]);
  const names = new Map<string, string>();
  const mine = rows.filter(
    (j) => actor.hallIds.includes(j.county_hall_id) || actor.hallIds.includes(j.station_hall_id),
  );
  return {
    items: await Promise.all(
      mine.map(async (j) => ({ caseId: j.case_id, stationName: await hallName(ctx, j.station_hall_id, names) })),
    ),
  };
}

/** The public progress page's two places: checked exactly like the progress lookup, nothing personal. */
export async function publicPlaces(ctx: AppContext, q: { no: string; phone4: string }) {
  const progress = await publicProgress(ctx, q);
  const j = await repo.findTownshipReceptionByNo(ctx.db, progress.caseNo);
  if (!j) return { places: null };
  const pickup = j.pickup as PickupPlace;
  return {
    places: {
      receivedAt: await hallName(ctx, j.station_hall_id),
      processedAt: progress.hallName,
      pickup,
      pickupLabel: pickupLabels[pickup] ?? j.pickup,
    },
  };
}
