/** 一企一档 / 一人一档: the applicant's cases, notices and service record, kept by the case core. */
import type { Actor, AppContext } from '../../platform/context.ts';
import { applicantChanges, loadAnyApplicant, presentApplicant } from '../applicants/service.ts';
import { caseBrief, documentKindLabels } from './presenter.ts';
import { casesOfApplicant, documentsOf, eventsOf } from './repository.ts';

/** 一企一档 / 一人一档: the applicant with every case (as applicant or agent), notice and service record. */
export async function applicantFile(ctx: AppContext, actor: Actor, id: string) {
  const a = await loadAnyApplicant(ctx.db, actor, id);
  // A sealed file shows that it is sealed and nothing else until the security administrator unseals it.
  if (a.sealed_at !== null)
    return { applicant: presentApplicant(a), cases: [], notices: [], serviceRecords: [], changes: [] };
  const cases = await casesOfApplicant(ctx.db, id);
  const ids = cases.map((c) => c.id);
  const numbers = new Map(cases.map((c) => [c.id, c.case_no]));
  const [docs, events, changes] = await Promise.all([
    documentsOf(ctx.db, ids),
    eventsOf(ctx.db, ids),
    applicantChanges(ctx.db, id),
  ]);
  return {
    applicant: presentApplicant(a),
    cases: cases.map((c) => ({
      ...caseBrief(c),
      role: c.applicant_id === id ? ('applicant' as const) : ('agent' as const),
    })),
    notices: docs.map((d) => ({
      id: d.id,
      caseId: d.case_id,
      caseNo: numbers.get(d.case_id) ?? null,
      kind: d.kind,
      kindLabel: documentKindLabels[d.kind as keyof typeof documentKindLabels] ?? d.kind,
      docNo: d.doc_no,
      status: d.status,
      issuedAt: Number(d.issued_at),
    })),
    serviceRecords: events.map((e) => ({
      at: Number(e.at),
      caseId: e.case_id,
      caseNo: numbers.get(e.case_id) ?? null,
      action: e.action,
      by: e.display_name,
      fromState: e.from_state,
      toState: e.to_state,
    })),
    changes: changes.map((c) => ({
      at: Number(c.at),
      by: c.username,
      fields: Object.keys((JSON.parse(c.detail) as { changes: object }).changes),
    })),
  };
}
