/**
 * What the generated documents and archive files say: the same JSON shapes the intake, results and archive
 * modules store (cases/documents/content.ts, cases/documents/result.ts, results/archive.ts), so a historic
 * receipt or archive record prints and reads like one issued at the window.
 */
import { documentTypes } from '../../domain/identity/index.ts';
import { maskIdNumber, maskPhone } from '../../domain/masking.ts';
import { documentKindLabels, type DocumentKind } from '../../modules/cases/presenter.ts';
import { formLabels } from '../../modules/cases/context.ts';
import type { ItemPlan } from './hall.ts';

const typeLabels = new Map(documentTypes.map((t) => [t.code as string, t.zh]));

export interface Party {
  name: string;
  docTypeLabel: string;
  docNumber: string;
  phone: string;
  kind: 'person' | 'enterprise';
  legalRepresentative: string;
}

export function partyOf(a: {
  kind: 'person' | 'enterprise';
  name: string;
  docType: string;
  docNumber: string;
  phone: string;
  legalRepresentative: string;
}): Party {
  return {
    name: a.name,
    docTypeLabel: typeLabels.get(a.docType) ?? a.docType,
    docNumber: a.kind === 'person' ? (maskIdNumber(a.docNumber) ?? '') : a.docNumber,
    phone: maskPhone(a.phone) ?? '',
    kind: a.kind,
    legalRepresentative: a.legalRepresentative,
  };
}

/** The checklist marks of one reception: complete, or with the given material missing. */
export function marksOf(item: ItemPlan, missing: string | null, agent: boolean): string {
  return JSON.stringify(
    item.content.materials.map((m) => {
      const applies =
        m.requirement === 'required' || (m.requirement === 'conditional' && agent && m.name.includes('委托'));
      const status =
        m.key === missing ? 'missing' : applies || m.requirement === 'optional' ? 'received' : 'not_applicable';
      return {
        key: m.key,
        status,
        copies: status === 'received' ? m.copies : 0,
        pages: status === 'received' ? m.copies * 2 : 0,
        reason: '',
      };
    }),
  );
}

export function receivedList(item: ItemPlan, missing: string | null) {
  return item.content.materials
    .filter((m) => m.key !== missing && m.requirement !== 'conditional')
    .map((m) => ({ name: m.name, form: formLabels[m.form], copies: m.copies, pages: m.copies * 2 }));
}

/**
 * The fields every document shares, as JSON text without the braces: built once per document from pieces
 * serialised once per item and applicant, since a million cases issue a few million documents.
 */
export function common(x: {
  item: ItemPlan;
  applicant: string;
  agent: string | null;
  window: string;
  handler: string;
  day: string;
}): string {
  return (
    `"itemName":${JSON.stringify(x.item.content.name)},"itemCode":${JSON.stringify(x.item.code)},"applicant":${x.applicant},` +
    `"agent":${x.agent ?? 'null'},"attorneyChecked":${x.agent !== null},"window":${x.window},"handler":${x.handler},"day":"${x.day}"`
  );
}

const receivedCache = new WeakMap<ItemPlan, Map<string, string>>();
/** The received list of an item as JSON (cached per item and missing material). */
function receivedJson(item: ItemPlan, missing: string | null, withForm: boolean): string {
  let m = receivedCache.get(item);
  if (!m) {
    m = new Map();
    receivedCache.set(item, m);
  }
  const key = `${missing}|${withForm}`;
  let text = m.get(key);
  if (!text) {
    text = JSON.stringify(
      receivedList(item, missing).map((r) => (withForm ? r : { name: r.name, copies: r.copies, pages: r.pages })),
    );
    m.set(key, text);
  }
  return text;
}

export function receipt(
  c: string,
  item: ItemPlan,
  x: {
    caseNo: string;
    urgency: string;
    deferred: string | null;
    deferredDeadline: string | null;
    deadline: string;
    provisional: boolean;
    baseUrl: string;
  },
) {
  const deferred = x.deferred
    ? item.content.materials.filter((m) => m.key === x.deferred).map((m) => ({ name: m.name }))
    : [];
  return (
    `{${c},"caseNo":"${x.caseNo}","urgency":${JSON.stringify(x.urgency)},"received":${receivedJson(item, x.deferred, true)},` +
    `"deferred":${JSON.stringify(deferred)},"deferredDeadline":${x.deferredDeadline ? `"${x.deferredDeadline}"` : 'null'},` +
    `"kind":"${item.content.kind}","promisedDays":${item.promisedDays},"deadline":"${x.deadline}","provisional":${x.provisional},` +
    `"pickupDay":"${x.deadline}","progressUrl":${JSON.stringify(`${x.baseUrl}/progress?no=${encodeURIComponent(x.caseNo)}`)}}`
  );
}

export function promise(
  c: string,
  item: ItemPlan,
  x: { caseNo: string; deferred: string; supplementDeadline: string; deadline: string; deadlineProvisional: boolean },
) {
  const m = item.content.materials.find((k) => k.key === x.deferred);
  return (
    `{${c},"caseNo":"${x.caseNo}","deferred":${JSON.stringify([{ name: m?.name ?? x.deferred, status: 'missing', reason: '' }])},` +
    `"supplementDeadline":"${x.supplementDeadline}","deadline":"${x.deadline}","deadlineProvisional":${x.deadlineProvisional}}`
  );
}

export function notice(
  c: string,
  item: ItemPlan,
  missing: string | null,
  supplementDeadline: string,
  provisional: boolean,
) {
  const m = item.content.materials.find((k) => k.key === missing);
  const items = m
    ? [{ name: m.name, status: 'missing', requirement: `请提交${m.name}（${formLabels[m.form]}${m.copies}份）` }]
    : [];
  return `{${c},"items":${JSON.stringify(items)},"received":${receivedJson(item, missing, false)},"supplementDeadline":"${supplementDeadline}","supplementDeadlineProvisional":${provisional},"note":""}`;
}

export const REFUSAL_REASON = '申请事项不属于本中心受理范围';

const refusalText = (lapsed: boolean) =>
  JSON.stringify({
    reasons: lapsed ? '申请人未在一次性告知的补正期限内补齐材料' : REFUSAL_REASON,
    referral: lapsed ? '补齐材料后可重新申请' : '请向有管辖权的部门申请',
    basis: '《中华人民共和国行政许可法》第三十二条',
  }).slice(1);
const refusalTexts = { true: refusalText(true), false: refusalText(false) };

export function refusal(c: string, lapsed: boolean) {
  return `{${c},${refusalTexts[`${lapsed}`]}`;
}

const outcomeTexts = {
  success: '"summary":"准予办理，结果文书已制发","reason":"","remedy":""',
  failure:
    '"summary":"","reason":"申请材料与实际情况不符，不符合办理条件","remedy":"如对本决定不服，可于六十日内申请行政复议或者六个月内提起行政诉讼"',
};

/** 结果告知书: its fields are not the shared ones (no item code or window), so it is built on its own. */
export function result(x: {
  caseNo: string;
  itemName: string;
  applicant: string;
  agent: string | null;
  acceptedDay: string;
  outcome: 'success' | 'failure';
  handler: string;
  day: string;
}) {
  return (
    `{"caseNo":"${x.caseNo}","itemName":${JSON.stringify(x.itemName)},"applicant":${x.applicant},"agent":${x.agent ?? 'null'},` +
    `"attorneyChecked":${x.agent !== null},"acceptedDay":"${x.acceptedDay}","outcome":"${x.outcome}",${outcomeTexts[x.outcome]},"results":[],` +
    `"handler":${x.handler},"day":"${x.day}"}`
  );
}

export interface Filed {
  docNo: string;
  kind: DocumentKind;
  issuedAt: number;
}

export const PAPER_YEARS = 10;
export const retention = JSON.stringify({
  paperYears: PAPER_YEARS,
  electronic: 'permanent',
  rule: `纸质档案保存${PAPER_YEARS}年（不少于5年），电子档案永久保存`,
});

export function manifest(x: {
  documents: Filed[];
  materials: { round: number; at: number; clerk: string; marks: string }[];
  deliveries: {
    method: string;
    collectedBy: string | null;
    docNumber: string | null;
    trackingNumber: string | null;
    at: number;
  }[];
  trail: { seq: number; at: number; by: string; action: string; fromState: string | null; toState: string }[];
}) {
  const documents = JSON.stringify(
    x.documents.map((d) => ({
      docNo: d.docNo,
      kind: d.kind,
      kindLabel: documentKindLabels[d.kind],
      issuedAt: d.issuedAt,
    })),
  );
  // The marks are already JSON text: spliced in rather than parsed and serialised again.
  const materials = x.materials
    .map((m) => `{"round":${m.round},"at":${m.at},"clerk":${JSON.stringify(m.clerk)},"marks":${m.marks}}`)
    .join(',');
  return `{"documents":${documents},"files":[],"materials":[${materials}],"deliveries":${JSON.stringify(x.deliveries)},"trail":${JSON.stringify(x.trail)}}`;
}
