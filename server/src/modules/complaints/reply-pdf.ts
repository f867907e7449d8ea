/** The written reply to a complaint (投诉举报答复书) and to an objection (异议复核答复书), as A4 documents. */
import {
  type ComplaintKind,
  categoryLabels,
  type ComplaintCategory,
  kindLabels,
  type ObjectionKind,
  type ObjectionOutcome,
  objectionKindLabels,
  objectionOutcomeLabels,
} from '../../domain/complaints/index.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import type { DocumentModel } from '../../platform/pdf/model.ts';

interface Hall {
  name: string;
  address: string;
  phone: string;
}

export function complaintReplyModel(
  hall: Hall,
  c: {
    number: string;
    kind: string;
    category: string;
    received_day: string;
    replied_day: string | null;
    matter: string;
    reply: string | null;
    rectification: string | null;
    case_no: string | null;
  },
  addressee: string,
): DocumentModel {
  const kind = kindLabels[c.kind as ComplaintKind];
  return {
    hallName: hall.name,
    title: `${kind}处理答复书`,
    number: c.number,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: `${kind}编号`, value: c.number },
          { label: '受理日期', value: c.received_day },
          { label: '类别', value: categoryLabels[c.category as ComplaintCategory] ?? c.category },
          { label: '关联办件', value: c.case_no ?? '—' },
          { label: '答复日期', value: c.replied_day ?? '' },
          { label: '致', value: addressee },
        ],
      },
      { kind: 'heading', text: `一、反映事项` },
      { kind: 'paragraph', text: c.matter, indent: true },
      { kind: 'heading', text: '二、调查核实与处理意见' },
      { kind: 'paragraph', text: c.reply ?? '', indent: true },
      ...(c.rectification
        ? ([
            { kind: 'heading', text: '三、整改措施' },
            { kind: 'paragraph', text: c.rectification, indent: true },
          ] as const)
        : []),
      {
        kind: 'paragraph',
        text: `如对本答复有异议，可凭${kind}编号和查询码在网上提出，或到${hall.name}现场反映，我们将重新处理。`,
      },
      { kind: 'signatures', lines: [{ label: hall.name, date: c.replied_day ?? '' }] },
    ],
    footer: `${hall.address}  电话 ${hall.phone}`,
  };
}

export function objectionAnswerModel(
  hall: Hall,
  o: {
    id: string;
    case_no: string;
    decision_kind: string;
    reason: string;
    outcome: string | null;
    answer: string | null;
    answered_by_name: string | null;
  },
  day: string,
): DocumentModel {
  return {
    hallName: hall.name,
    title: '异议复核答复书',
    number: `YY-${o.case_no}`,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: '办件编号', value: o.case_no },
          { label: '异议对象', value: objectionKindLabels[o.decision_kind as ObjectionKind] ?? o.decision_kind },
          { label: '复核结论', value: objectionOutcomeLabels[o.outcome as ObjectionOutcome] ?? '' },
          { label: '复核人', value: o.answered_by_name ?? '' },
        ],
      },
      { kind: 'heading', text: '一、异议理由' },
      { kind: 'paragraph', text: o.reason, indent: true },
      { kind: 'heading', text: '二、复核意见' },
      { kind: 'paragraph', text: o.answer ?? '', indent: true },
      { kind: 'signatures', lines: [{ label: hall.name, date: day }] },
    ],
    footer: `${hall.address}  电话 ${hall.phone}`,
  };
}

export const renderReply = (model: DocumentModel, at: number) => renderPdf(model, { createdAt: new Date(at) });
