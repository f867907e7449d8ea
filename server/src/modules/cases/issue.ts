/** Issuing a numbered document inside the transaction of the decision it records. */
import { documentTypes } from '../../domain/identity/index.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { ApplicantRow } from '../applicants/repository.ts';
import type { CaseContext } from './context.ts';
import { type DocumentKind, documentSeries } from './presenter.ts';
import * as cases from './repository.ts';
import type { Party } from './documents/content.ts';

const typeLabels = new Map(documentTypes.map((t) => [t.code, t.zh]));

/** The parties as printed: personal numbers masked on paper too (R15.2); a credit code is public. */
export function partyOf(a: ApplicantRow): Party {
  return {
    name: a.name,
    docTypeLabel: typeLabels.get(a.doc_type as never) ?? a.doc_type,
    docNumber: a.doc_number_masked,
    phone: a.phone_masked,
    kind: a.kind as Party['kind'],
    legalRepresentative: a.legal_representative,
  };
}

export function sharedContent(c: cases.CaseRow, x: CaseContext, actor: Actor, day: string) {
  return {
    itemName: x.content.name,
    itemCode: x.item.code,
    applicant: partyOf(x.applicant),
    agent: x.agent ? partyOf(x.agent) : null,
    attorneyChecked: c.attorney_checked === 1,
    window: x.window ? `${x.window.number}号窗口 ${x.window.name}` : '综合受理窗口',
    handler: actor.displayName,
    day,
  };
}

/**
 * Numbers and stores one document; its number comes from the hall's series for the kind and year, or is the one
 * the caller drew from that series in this transaction (`pre.number`, see nextNumbers); `pre.id` lets the
 * caller answer with the document without reading it back.
 */
export async function issueDocument(
  trx: Db,
  actor: Actor,
  c: cases.CaseRow,
  x: CaseContext,
  kind: DocumentKind,
  content: object,
  now: number,
  status: 'issued' | 'open',
  pre: { number?: number; id?: string } = {},
): Promise<string> {
  const year = Number(chinaDay(now).slice(0, 4));
  const series = documentSeries[kind];
  const n = pre.number ?? (await cases.nextNumber(trx, c.hall_id, series, year));
  const docNo = `${x.hall.code}-${series}-${year}-${String(n).padStart(6, '0')}`;
  await cases.insertDocument(trx, {
    id: pre.id ?? newId(now),
    hall_id: c.hall_id,
    case_id: c.id,
    kind,
    doc_no: docNo,
    status,
    issued_at: now,
    issued_by: actor.userId,
    issued_by_name: actor.displayName,
    content: JSON.stringify(content),
  });
  return docNo;
}
