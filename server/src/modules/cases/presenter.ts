import { type CaseState, stateLabels } from '../../domain/case/index.ts';
import type { CaseRow } from './repository.ts';

export const urgencies = ['regular', 'urgent', 'special'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Record<Urgency, string> = { regular: '常规', urgent: '紧急（绿色通道）', special: '特殊' };
/** Sort rank: the green channel first in every list (R3.7), then special cases, then the rest. */
export const urgencyPriority: Record<Urgency, number> = { urgent: 0, special: 1, regular: 2 };

export const importances = ['normal', 'important'] as const;
export type Importance = (typeof importances)[number];

export const documentKinds = [
  'receipt',
  'one_time_notice',
  'non_acceptance',
  'deferral_promise',
  'result_notice',
  'extension_notice',
  'termination_notice',
] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindLabels: Record<DocumentKind, string> = {
  receipt: '收件回执单',
  one_time_notice: '一次性告知书',
  non_acceptance: '不予受理通知书',
  deferral_promise: '容缺受理承诺书',
  result_notice: '结果告知书',
  extension_notice: '延期办理告知书',
  termination_notice: '终止办理告知书',
};
/** Each kind of document has its own number series (the letters in its number). */
export const documentSeries: Record<DocumentKind, string> = {
  receipt: 'SJ',
  one_time_notice: 'GZ',
  non_acceptance: 'BY',
  deferral_promise: 'RQ',
  result_notice: 'JG',
  extension_notice: 'YQ',
  termination_notice: 'ZZ',
};

export const stateLabel = (s: string) => stateLabels[s as CaseState] ?? s;

export function caseBrief(c: CaseRow) {
  return {
    id: c.id,
    caseNo: c.case_no,
    itemName: c.item_name,
    state: c.state,
    stateLabel: stateLabel(c.state),
    urgency: c.urgency,
    receivedAt: Number(c.received_at),
    deadline: c.deadline,
  };
}
