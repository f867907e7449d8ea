/** 个人信息查询结果: the readable A4 summary of an access request's export, personal numbers masked. */
import type { Block, DocumentModel } from '../../platform/pdf/model.ts';
import type { PersonalDataExport } from './service.ts';

const day = (isoTime: string | null) => (isoTime ? isoTime.slice(0, 10) : '');
const none = (rows: string[][], width: number) => (rows.length ? rows : [['（无）', ...Array(width - 1).fill('')]]);
const METHODS: Record<string, string> = { collect: '窗口领取', mail: '邮寄送达' };
const CHANNELS: Record<string, string> = { visit: '来访', phone: '电话', online: '网上' };

export function buildPersonalDataSummary(
  x: PersonalDataExport,
  hall: { name: string; address: string; phone: string },
  number: string,
): DocumentModel {
  const a = x.applicant;
  const table = (titles: [string, number][], rows: string[][]): Block => ({
    kind: 'table',
    columns: titles.map(([title, width]) => ({ title, width })),
    rows: none(rows, titles.length),
  });
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `根据《中华人民共和国个人信息保护法》第四十五条，应申请人查阅、复制个人信息的请求，现将本中心处理的该申请人个人信息汇总如下。证件号码、电话号码按规定遮盖显示。`,
    },
    { kind: 'heading', text: '一、基本信息' },
    {
      kind: 'fields',
      rows: [
        { label: a.kind === 'person' ? '姓名' : '名称', value: a.name },
        { label: '证件类型', value: a.docTypeLabel },
        { label: '证件号码', value: a.docNumber },
        { label: '联系电话', value: a.phone },
        { label: '地址', value: a.address || '—', wide: true },
        ...(a.kind === 'enterprise'
          ? [
              { label: '法定代表人', value: a.legalRepresentative || '—' },
              { label: '联系人', value: a.contactName || '—' },
            ]
          : []),
        { label: '登记日期', value: day(a.createdAt) },
        { label: '最近更新', value: day(a.updatedAt) },
      ],
    },
    { kind: 'heading', text: `二、办件（${x.cases.length} 件）` },
    table(
      [
        ['办件编号', 0.24],
        ['事项', 0.34],
        ['身份', 0.1],
        ['状态', 0.14],
        ['收件日期', 0.18],
      ],
      x.cases.map((c) => [
        c.caseNo ?? '（未受理）',
        c.itemName,
        c.role === 'applicant' ? '申请人' : '代理人',
        c.state,
        c.receivedDay,
      ]),
    ),
    { kind: 'heading', text: `三、文书与材料（${x.documents.length + x.files.length} 份）` },
    table(
      [
        ['办件编号', 0.26],
        ['文书 / 文件', 0.44],
        ['状态', 0.12],
        ['日期', 0.18],
      ],
      [
        ...x.documents.map((d) => [d.caseNo ?? '', `${d.kindLabel} ${d.docNo}`, d.status, day(d.issuedAt)]),
        ...x.files.map((f) => [f.caseNo ?? '', f.name, f.kind, day(f.uploadedAt)]),
      ],
    ),
    { kind: 'heading', text: `四、领取与送达（${x.deliveries.length} 次）` },
    table(
      [
        ['办件编号', 0.26],
        ['方式', 0.16],
        ['领取人 / 承运', 0.2],
        ['证件号码 / 运单号', 0.24],
        ['日期', 0.14],
      ],
      x.deliveries.map((d) => [
        d.caseNo ?? '',
        METHODS[d.method] ?? d.method,
        d.collectedBy ?? d.carrier ?? '',
        d.idDocNumber ?? d.trackingNumber ?? '',
        day(d.at),
      ]),
    ),
    { kind: 'heading', text: `五、咨询（${x.consultations.length} 次）` },
    table(
      [
        ['咨询编号', 0.26],
        ['方式', 0.1],
        ['咨询内容', 0.46],
        ['日期', 0.18],
      ],
      x.consultations.map((c) => [c.number, CHANNELS[c.channel] ?? c.channel, c.question, c.registeredDay]),
    ),
    { kind: 'heading', text: `六、排队取号与服务评价（${x.tickets.length} 张号票，${x.ratings.length} 条评价）` },
    table(
      [
        ['日期', 0.2],
        ['号票 / 评价', 0.3],
        ['内容', 0.5],
      ],
      [
        ...x.tickets.map((t) => [
          t.day,
          `号票 ${t.number}`,
          `${t.caseNo ?? ''} ${t.waitMinutes === null ? '' : `等候 ${t.waitMinutes} 分钟`}`.trim(),
        ]),
        ...x.ratings.map((r) => [
          r.day,
          `评价 ${r.level}`,
          [r.comment, r.followUp ? `回访：${r.followUp.note || r.followUp.status}` : ''].filter(Boolean).join('；'),
        ]),
      ],
    ),
    { kind: 'heading', text: `七、信息变更记录（${x.changes.length} 次）` },
    table(
      [
        ['时间', 0.3],
        ['操作人', 0.2],
        ['变更项目', 0.5],
      ],
      x.changes.map((c) => [c.at.slice(0, 16).replace('T', ' '), c.by, c.fields.join('、')]),
    ),
    { kind: 'spacer', height: 12 },
    {
      kind: 'signatures',
      lines: [{ label: '经办人', name: x.exportedBy, date: day(x.exportedAt) }, { label: '申请人签收' }],
    },
  ];
  return {
    hallName: hall.name,
    title: '个人信息查询结果',
    number,
    blocks,
    footer: `${hall.name}　${hall.address}　咨询电话 ${hall.phone}　本文件含个人信息，请妥善保管`,
  };
}
