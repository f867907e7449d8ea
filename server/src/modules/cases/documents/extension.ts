/** 延期办理告知书 (R6.3): the applicant is told why the case takes longer and the new promised date. */
import { z } from 'zod';
import type { DocumentModel } from '../../../platform/pdf/model.ts';
import { partySchema } from './content.ts';
import { chineseDate, type HallInfo, hallFooter, officialDate, partyRows } from './parts.ts';

export const extensionContentSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  applicant: partySchema,
  agent: partySchema.nullable(),
  attorneyChecked: z.boolean(),
  acceptedDay: z.string(),
  previousDeadline: z.string().nullable(),
  newDeadline: z.string(),
  /** 待定 (absent on notices issued before the flag was kept). */
  newDeadlineProvisional: z.boolean().default(false),
  extraDays: z.number(),
  reason: z.string(),
  approvedBy: z.string(),
  day: z.string(),
});
export type ExtensionContent = z.infer<typeof extensionContentSchema>;

export function buildExtensionNotice(hall: HallInfo, docNo: string, c: ExtensionContent): DocumentModel {
  return {
    hallName: hall.name,
    title: '延期办理告知书',
    number: docNo,
    blocks: [
      { kind: 'paragraph', text: `${c.applicant.name}：`, bold: true },
      {
        kind: 'paragraph',
        indent: true,
        text: `您于 ${chineseDate(c.acceptedDay)} 申请办理的“${c.itemName}”事项（办件编号 ${c.caseNo}），因${c.reason}，不能在原承诺期限内办结。经本中心负责人批准，办理期限延长 ${c.extraDays} 个工作日，承诺办结日期由 ${c.previousDeadline ? chineseDate(c.previousDeadline) : '原定日期'} 延至 ${officialDate(c.newDeadline, c.newDeadlineProvisional)}。`,
      },
      { kind: 'paragraph', indent: true, text: '特此告知。您可凭办件编号和手机号码后四位随时查询办理进度。' },
      {
        kind: 'fields',
        rows: [
          ...partyRows(c.applicant, c.agent, c.attorneyChecked),
          { label: '延期原因', value: c.reason, wide: true },
          { label: '延长工作日', value: `${c.extraDays} 个工作日` },
          { label: '新承诺办结日期', value: officialDate(c.newDeadline, c.newDeadlineProvisional) },
        ],
      },
      {
        kind: 'signatures',
        lines: [{ label: '批准人', name: c.approvedBy, date: chineseDate(c.day) }, { label: '申请人（签收）' }],
      },
    ],
    footer: hallFooter(hall, '本告知书一式两份，申请人与服务大厅各执一份，大厅留存归档。'),
  };
}
