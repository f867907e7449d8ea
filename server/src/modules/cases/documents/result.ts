/** 结果告知书 (R7.1): the outcome, the result documents, and on failure the reasons and the applicant's remedies. */
import { z } from 'zod';
import type { DocumentModel } from '../../../platform/pdf/model.ts';
import { partySchema } from './content.ts';
import { chineseDate, type HallInfo, hallFooter, partyRows } from './parts.ts';

export const resultContentSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  applicant: partySchema,
  agent: partySchema.nullable(),
  attorneyChecked: z.boolean(),
  acceptedDay: z.string(),
  outcome: z.enum(['success', 'failure']),
  summary: z.string(),
  reason: z.string(),
  remedy: z.string(),
  results: z.array(z.string()),
  handler: z.string(),
  day: z.string(),
});
export type ResultContent = z.infer<typeof resultContentSchema>;

export function buildResultNotice(hall: HallInfo, docNo: string, c: ResultContent): DocumentModel {
  const ok = c.outcome === 'success';
  return {
    hallName: hall.name,
    title: '结果告知书',
    number: docNo,
    blocks: [
      { kind: 'paragraph', text: `${c.applicant.name}：`, bold: true },
      {
        kind: 'paragraph',
        indent: true,
        text: ok
          ? `您于 ${chineseDate(c.acceptedDay)} 申请办理的“${c.itemName}”事项（办件编号 ${c.caseNo}）已于 ${chineseDate(c.day)} 办结，准予办理。${c.summary}`
          : `您于 ${chineseDate(c.acceptedDay)} 申请办理的“${c.itemName}”事项（办件编号 ${c.caseNo}）已于 ${chineseDate(c.day)} 办结，经审查不予办理。`,
      },
      ...(ok
        ? [
            { kind: 'heading' as const, text: '办理结果' },
            {
              kind: 'table' as const,
              columns: [
                { title: '序号', width: 0.1, align: 'center' as const },
                { title: '结果文书 / 证照', width: 0.9 },
              ],
              rows: (c.results.length ? c.results : ['（见窗口发放的结果文书）']).map((r, i) => [String(i + 1), r]),
            },
            {
              kind: 'paragraph' as const,
              indent: true,
              text: '请携带本人有效身份证件及本告知书到服务大厅领取，或按您选择的方式邮寄送达。',
            },
          ]
        : [
            { kind: 'heading' as const, text: '不予办理的理由' },
            { kind: 'paragraph' as const, indent: true, text: c.reason },
            { kind: 'heading' as const, text: '您可以采取的途径' },
            {
              kind: 'paragraph' as const,
              indent: true,
              text: c.remedy || '如对本决定不服，可依法申请行政复议或者提起行政诉讼。',
            },
          ]),
      {
        kind: 'fields',
        rows: [
          ...partyRows(c.applicant, c.agent, c.attorneyChecked),
          { label: '办结结果', value: ok ? '准予办理' : '不予办理' },
        ],
      },
      {
        kind: 'signatures',
        lines: [{ label: '经办人', name: c.handler, date: chineseDate(c.day) }, { label: '申请人（签收）' }],
      },
    ],
    footer: hallFooter(hall, '本告知书一式两份，申请人与服务大厅各执一份，大厅留存归档。'),
  };
}
