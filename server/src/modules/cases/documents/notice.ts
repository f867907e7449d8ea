/** 一次性告知书 (R3.5): every missing or incorrect item at once, what to correct, and by when. */
import type { DocumentModel } from '../../../platform/pdf/model.ts';
import type { NoticeContent } from './content.ts';
import { chineseDate, type HallInfo, hallFooter, officialDate, partyRows } from './parts.ts';

export function buildOneTimeNotice(hall: HallInfo, docNo: string, c: NoticeContent): DocumentModel {
  return {
    hallName: hall.name,
    title: '一次性告知书',
    number: docNo,
    blocks: [
      { kind: 'paragraph', text: `${c.applicant.name}：`, bold: true },
      {
        kind: 'paragraph',
        text: `您于 ${chineseDate(c.day)} 申请办理的“${c.itemName}”事项，经核查，申请材料不齐全或不符合法定形式。现将需要补正的全部内容一次性告知如下：`,
        indent: true,
      },
      {
        kind: 'table',
        columns: [
          { title: '序号', width: 0.08, align: 'center' },
          { title: '材料名称', width: 0.3 },
          { title: '问题', width: 0.16, align: 'center' },
          { title: '补正要求', width: 0.46 },
        ],
        rows: c.items.map((m, i) => [
          String(i + 1),
          m.name,
          m.status === 'missing' ? '缺少' : '不符合要求',
          m.requirement,
        ]),
      },
      ...(c.received.length
        ? [
            {
              kind: 'paragraph' as const,
              text: `已收取的材料（补正时无需重复提交）：${c.received.map((m) => `${m.name}（${m.copies}份${m.pages}页）`).join('、')}。`,
            },
          ]
        : []),
      {
        kind: 'paragraph',
        text: `请于 ${officialDate(c.supplementDeadline, c.supplementDeadlineProvisional)} 前携带本告知书和上述补正材料到${hall.name}${c.window}办理。补正材料齐全后予以受理，已提交的信息无需重新填写；逾期未补正的，视为放弃申请。`,
        indent: true,
      },
      ...(c.note ? [{ kind: 'paragraph' as const, text: `其他说明：${c.note}`, indent: true }] : []),
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
        lines: [{ label: '告知人', name: c.handler, date: chineseDate(c.day) }, { label: '申请人（签收）' }],
      },
    ],
    footer: hallFooter(hall, '本告知书一式两份，申请人与服务大厅各执一份，大厅留存归档。'),
  };
}
