/** 鉴定销毁登记簿: the disposal register printed on A4, one row per file of each proposal, as the screen lists it. */
import { chinaDay } from '../../platform/clock.ts';
import type { DocumentModel } from '../../platform/pdf/model.ts';

export interface RegisterRow {
  no: number;
  archiveNo: string;
  itemName: string;
  paperUntil: string;
  opinion: string;
  proposed: string;
  decided: string;
  executed: string;
  method: string;
  status: string;
}

/** A person and the day they acted, or a dash while nobody has. */
export const byOn = (name: string | null, at: number | null) => (name && at ? `${name} ${chinaDay(at)}` : '—');

export const registerHeader = [
  '序号',
  '档号',
  '事项名称',
  '纸质保管期限至',
  '鉴定意见',
  '提出人/日期',
  '审批人/日期',
  '销毁方式',
  '销毁执行人/日期',
  '状态',
];

export function registerModel(hallName: string, printedAt: number, rows: RegisterRow[]): DocumentModel {
  return {
    hallName,
    title: '鉴定销毁登记簿',
    number: `DJB-${chinaDay(printedAt).replaceAll('-', '')}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `共 ${rows.length} 件，其中已销毁 ${rows.filter((r) => r.status === '已销毁').length} 件。纸质档案销毁后电子档案继续保存，本登记簿永久保存。打印日期：${chinaDay(printedAt)}。`,
      },
      {
        kind: 'table',
        // Portrait A4 is narrow: the 档号 keeps one line, who proposed and approved share a cell, as do the
        // method, who destroyed and when (or the proposal's state while it is not carried out).
        columns: [
          { title: '序号', width: 0.06, align: 'center' },
          { title: '档号', width: 0.31 },
          { title: '事项名称', width: 0.14 },
          { title: '保管期限至', width: 0.11, align: 'center' },
          { title: '鉴定意见', width: 0.12 },
          { title: '提出 / 批准', width: 0.13 },
          { title: '销毁记录', width: 0.13 },
        ],
        rows: rows.map((r) => [
          String(r.no),
          r.archiveNo,
          r.itemName,
          r.paperUntil,
          r.opinion,
          `提出：${r.proposed}\n批准：${r.decided}`,
          r.status === '已销毁' ? `${r.method}\n${r.executed}` : r.status,
        ]),
      },
      { kind: 'signatures', lines: [{ label: '档案管理员' }, { label: '监销人' }] },
    ],
    footer: `${hallName} 档案室 · 鉴定销毁登记簿 · 由鉴定销毁记录生成`,
  };
}
