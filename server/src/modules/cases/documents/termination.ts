/** 终止办理告知书: the applicant is told that the case ends because deferred materials were not handed in as promised. */
import { z } from 'zod';
import type { DocumentModel } from '../../../platform/pdf/model.ts';
import { partySchema } from './content.ts';
import { chineseDate, type HallInfo, hallFooter, partyRows } from './parts.ts';

export const terminationContentSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  applicant: partySchema,
  agent: partySchema.nullable(),
  attorneyChecked: z.boolean(),
  acceptedDay: z.string(),
  promiseDay: z.string(),
  materials: z.array(z.object({ name: z.string() })),
  reason: z.string(),
  decidedBy: z.string(),
  day: z.string(),
});
export type TerminationContent = z.infer<typeof terminationContentSchema>;

export function buildTerminationNotice(hall: HallInfo, docNo: string, c: TerminationContent): DocumentModel {
  const names = c.materials.map((m) => `“${m.name}”`).join('、');
  return {
    hallName: hall.name,
    title: '终止办理告知书',
    number: docNo,
    blocks: [
      { kind: 'paragraph', text: `${c.applicant.name}：`, bold: true },
      {
        kind: 'paragraph',
        indent: true,
        text:
          `您于 ${chineseDate(c.acceptedDay)} 申请办理的“${c.itemName}”事项（办件编号 ${c.caseNo}）系容缺受理。` +
          `您在《容缺受理承诺书》中承诺于 ${chineseDate(c.promiseDay)} 前补齐${names}，截至本告知书出具之日仍未补齐。`,
      },
      {
        kind: 'paragraph',
        indent: true,
        text:
          `根据您签署的承诺书，本中心决定终止办理该事项。${c.reason ? `具体理由：${c.reason}。` : ''}` +
          '您备齐全部材料后，可重新提出申请；对本决定有异议的，可向本中心咨询或依法申请行政复议、提起行政诉讼。',
      },
      { kind: 'paragraph', indent: true, text: '特此告知。' },
      {
        kind: 'fields',
        rows: [
          ...partyRows(c.applicant, c.agent, c.attorneyChecked),
          { label: '承诺补齐期限', value: chineseDate(c.promiseDay) },
          { label: '未补齐材料', value: c.materials.map((m) => m.name).join('、'), wide: true },
          { label: '终止理由', value: c.reason, wide: true },
        ],
      },
      {
        kind: 'signatures',
        lines: [{ label: '决定人', name: c.decidedBy, date: chineseDate(c.day) }, { label: '申请人（签收）' }],
      },
    ],
    footer: hallFooter(hall, '本告知书一式两份，申请人与服务大厅各执一份，大厅留存归档。'),
  };
}
