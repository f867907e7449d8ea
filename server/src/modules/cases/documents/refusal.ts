/** 不予受理通知书 (R3.5): the reasons and where the applicant should go instead. */
import type { DocumentModel } from '../../../platform/pdf/model.ts';
import type { RefusalContent } from './content.ts';
import { chineseDate, type HallInfo, hallFooter, partyRows } from './parts.ts';

export function buildNonAcceptance(hall: HallInfo, docNo: string, c: RefusalContent): DocumentModel {
  return {
    hallName: hall.name,
    title: '不予受理通知书',
    number: docNo,
    blocks: [
      { kind: 'paragraph', text: `${c.applicant.name}：`, bold: true },
      {
        kind: 'paragraph',
        text: `您于 ${chineseDate(c.day)} 提出的“${c.itemName}”申请，经审查，决定不予受理。`,
        indent: true,
      },
      { kind: 'heading', text: '一、不予受理的理由' },
      { kind: 'paragraph', text: c.reasons, indent: true },
      ...(c.basis ? [{ kind: 'paragraph' as const, text: `依据：${c.basis}`, indent: true }] : []),
      { kind: 'heading', text: '二、办理指引' },
      { kind: 'paragraph', text: c.referral || '如有疑问，请向本中心咨询台咨询。', indent: true },
      {
        kind: 'paragraph',
        text: '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。',
        indent: true,
      },
      {
        kind: 'fields',
        rows: [
          ...partyRows(c.applicant, c.agent, c.attorneyChecked),
          { label: '经办窗口', value: c.window },
          { label: '经办人', value: c.handler },
        ],
      },
      {
        kind: 'signatures',
        lines: [{ label: '经办人', name: c.handler, date: chineseDate(c.day) }, { label: '申请人（签收）' }],
      },
    ],
    footer: hallFooter(hall),
  };
}
