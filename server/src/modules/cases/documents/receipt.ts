/** 收件回执单 (R3.5): what was received, the promised date, the handler, and how to follow progress. */
import QRCode from 'qrcode';
import type { DocumentModel } from '../../../platform/pdf/model.ts';
import type { ReceiptContent } from './content.ts';
import { chineseDate, type HallInfo, hallFooter, officialDate, partyRows } from './parts.ts';

export async function buildReceipt(hall: HallInfo, docNo: string, c: ReceiptContent): Promise<DocumentModel> {
  const qr = await QRCode.toBuffer(c.progressUrl, { type: 'png', margin: 1, width: 300, errorCorrectionLevel: 'M' });
  const promise =
    c.kind === 'instant'
      ? `本事项为即办件，当场办结。`
      : `本事项承诺办理时限为 ${c.promisedDays} 个工作日（受理次日起算），承诺办结日期为 ${officialDate(c.deadline, c.provisional)}。`;
  return {
    hallName: hall.name,
    title: '收件回执单',
    number: docNo,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: '办件编号', value: c.caseNo },
          { label: '受理日期', value: chineseDate(c.day) },
          { label: '申请事项', value: `${c.itemName}（${c.itemCode}）`, wide: true },
          ...partyRows(c.applicant, c.agent, c.attorneyChecked),
          { label: '办件类别', value: c.urgency },
          { label: '受理窗口', value: c.window },
        ],
      },
      { kind: 'heading', text: '一、收到的申请材料' },
      {
        kind: 'table',
        columns: [
          { title: '序号', width: 0.08, align: 'center' },
          { title: '材料名称', width: 0.54 },
          { title: '材料形式', width: 0.14, align: 'center' },
          { title: '份数', width: 0.12, align: 'center' },
          { title: '页数', width: 0.12, align: 'center' },
        ],
        rows: c.received.map((m, i) => [String(i + 1), m.name, m.form, String(m.copies), String(m.pages)]),
      },
      ...(c.deferred.length
        ? [
            {
              kind: 'paragraph' as const,
              text: `容缺受理：以下材料允许后补，申请人已签署承诺书，应于 ${c.deferredDeadline ? chineseDate(c.deferredDeadline) : officialDate(c.deadline, c.provisional)} 前补齐：${c.deferred.map((d) => d.name).join('、')}。`,
            },
          ]
        : []),
      { kind: 'heading', text: '二、办理时限与领取' },
      { kind: 'paragraph', text: promise, indent: true },
      {
        kind: 'paragraph',
        text: `请于 ${officialDate(c.pickupDay, c.provisional)} 起凭本回执到${hall.name}领取办理结果；办结后将通过短信或电话通知。代领的，请携带本回执及代领人身份证件。`,
        indent: true,
      },
      {
        kind: 'image',
        png: qr,
        size: 80,
        caption: [
          '进度查询：用手机扫描左侧二维码，或访问',
          c.progressUrl,
          `输入办件编号 ${c.caseNo} 及申请人手机号码后四位查询。`,
        ],
      },
      {
        kind: 'signatures',
        lines: [{ label: '受理人', name: c.handler, date: chineseDate(c.day) }, { label: '申请人（签字）' }],
      },
    ],
    footer: hallFooter(hall, '本回执是受理凭证和领取办理结果的凭据，请妥善保管。'),
  };
}
