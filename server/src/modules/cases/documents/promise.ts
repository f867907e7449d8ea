/** 容缺受理承诺书 (R3.8): the applicant promises to hand in the deferred materials by the deadline. */
import type { DocumentModel } from '../../../platform/pdf/model.ts';
import type { PromiseContent } from './content.ts';
import { chineseDate, type HallInfo, hallFooter, officialDate, partyRows } from './parts.ts';

export function buildDeferralPromise(hall: HallInfo, docNo: string, c: PromiseContent): DocumentModel {
  return {
    hallName: hall.name,
    title: '容缺受理承诺书',
    number: docNo,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: '办件编号', value: c.caseNo },
          { label: '受理日期', value: chineseDate(c.day) },
          { label: '申请事项', value: c.itemName, wide: true },
          ...partyRows(c.applicant, c.agent, c.attorneyChecked),
        ],
      },
      {
        kind: 'paragraph',
        text: `本人（单位）申请办理“${c.itemName}”，主要申请材料齐全，以下非关键材料暂缺或需更正，申请容缺受理：`,
        indent: true,
      },
      {
        kind: 'table',
        columns: [
          { title: '序号', width: 0.08, align: 'center' },
          { title: '容缺材料', width: 0.42 },
          { title: '情形', width: 0.14, align: 'center' },
          { title: '说明', width: 0.36 },
        ],
        rows: c.deferred.map((m, i) => [
          String(i + 1),
          m.name,
          m.status === 'missing' ? '缺少' : '需更正',
          m.reason || '按承诺期限补交',
        ]),
      },
      {
        kind: 'paragraph',
        text: `本人（单位）承诺：于 ${chineseDate(c.supplementDeadline)} 前补齐上述材料，并对所提交材料的真实性负责。逾期未补齐的，同意按撤回申请处理，由此产生的后果由本人（单位）承担。`,
        indent: true,
      },
      {
        kind: 'paragraph',
        text: `本事项承诺办结日期为 ${officialDate(c.deadline, c.deadlineProvisional)}，补齐材料的期限不超过该日期。`,
        indent: true,
      },
      {
        kind: 'signatures',
        lines: [{ label: '承诺人（签字/盖章）' }, { label: '受理人', name: c.handler, date: chineseDate(c.day) }],
      },
    ],
    footer: hallFooter(hall, '本承诺书一式两份，申请人与服务大厅各执一份。'),
  };
}
