/**
 * 纸质回执空白表 (R17.2): the blank paper receipt a window fills in by hand while the system is down. Two copies on
 * one A4 page (申请人联 and 存根联) carry the same handwritten number; the stub is what the clerk enters (补录)
 * afterwards, with the real reception and acceptance times.
 */
import type { Block, DocumentModel } from '../../platform/pdf/model.ts';

const blank = '';

function copy(label: string): Block[] {
  return [
    { kind: 'heading', text: `${label}　　编号（手写）：______________` },
    {
      kind: 'fields',
      rows: [
        { label: '申请人（单位）', value: blank },
        { label: '联系电话', value: blank },
        { label: '身份证件号码', value: blank, wide: true },
        { label: '申请事项', value: blank, wide: true },
        { label: '收件时间', value: '　　年　　月　　日　　时　　分' },
        { label: '受理时间', value: '　　年　　月　　日　　时　　分' },
        { label: '窗口', value: blank },
        { label: '承诺办结时限', value: '　　个工作日' },
      ],
    },
    {
      kind: 'table',
      columns: [
        { title: '序号', width: 0.1, align: 'center' },
        { title: '收取材料名称', width: 0.6 },
        { title: '份数', width: 0.15, align: 'center' },
        { title: '页数', width: 0.15, align: 'center' },
      ],
      rows: [
        ['1', '', '', ''],
        ['2', '', '', ''],
        ['3', '', '', ''],
        ['4', '', '', ''],
      ],
    },
    { kind: 'signatures', lines: [{ label: '收件人签名' }, { label: '申请人签名' }] },
  ];
}

export function paperReceiptBlank(hallName: string): DocumentModel {
  return {
    hallName,
    title: '受理回执（系统故障应急纸质版）',
    number: '应急纸质回执',
    blocks: [
      {
        kind: 'paragraph',
        text: '系统恢复后，窗口将按本回执编号补录受理信息，办理时限自实际受理之日起按工作日计算。请妥善保管申请人联，凭此查询和领取结果。',
      },
      ...copy('申请人联'),
      { kind: 'spacer', height: 12 },
      { kind: 'paragraph', text: '- - - - - - - - - - - - - - - - 沿此线剪开 - - - - - - - - - - - - - - - -' },
      ...copy('存根联（补录用）'),
    ],
    footer: '本表为系统故障时的应急纸质回执，须加盖窗口业务专用章方为有效。',
  };
}
