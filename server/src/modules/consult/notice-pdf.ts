import { z } from 'zod';
import { printedDate } from '../../domain/calendar/index.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import type { Block, DocumentModel } from '../../platform/pdf/model.ts';
import { itemContentSchema } from '../catalog/schema.ts';

/** What a consultation notice says, kept with the notice so a reprint is the same document. */
export const noticeContentSchema = z.object({
  noticeNumber: z.string(),
  issuedAt: z.number(),
  issuedBy: z.string(),
  hall: z.object({ name: z.string(), address: z.string(), phone: z.string(), openingHours: z.string() }),
  consultation: z.object({
    number: z.string(),
    channel: z.string(),
    personName: z.string(),
    contactPhone: z.string(),
    question: z.string(),
    answer: z.string().nullable(),
    referralText: z.string().nullable(),
    dueDate: z.string().nullable(),
    /** Notices issued before the flag was kept read as firm. */
    dueProvisional: z.boolean().default(false),
    registeredDay: z.string(),
    firstOwnerName: z.string().nullable(),
  }),
  item: z.object({ id: z.string(), code: z.string(), version: z.number(), content: itemContentSchema }),
  roleNames: z.record(z.string(), z.string()),
  departmentNames: z.record(z.string(), z.string()),
});
export type NoticeContent = z.infer<typeof noticeContentSchema>;

const FORMS: Record<string, string> = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' };
const CHANNELS: Record<string, string> = { visit: '来访', phone: '电话', online: '网上' };
const yuan = (fen: number) => (fen / 100).toFixed(2);

function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The one-time notice of a consultation (咨询一次性告知书) as a document model for the A4 kit. */
export function buildConsultNotice(n: NoticeContent): DocumentModel {
  const c = n.consultation;
  const item = n.item.content;
  const para = (text: string): Block => ({ kind: 'paragraph', text });
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        { label: '咨询编号', value: c.number },
        { label: '出具时间', value: beijingTime(n.issuedAt) },
        { label: '咨询人', value: c.personName },
        { label: '联系电话', value: c.contactPhone },
        { label: '咨询方式', value: CHANNELS[c.channel] ?? c.channel },
        { label: '登记日期', value: c.registeredDay },
      ],
    },
    { kind: 'heading', text: '一、咨询内容' },
    para(c.question),
    { kind: 'heading', text: '二、答复' },
  ];
  if (c.answer) blocks.push(para(c.answer));
  if (c.referralText) blocks.push(para(`转介：${c.referralText}`));
  if (!c.answer && !c.referralText)
    blocks.push(
      para(c.dueDate ? `我们将于 ${printedDate(c.dueDate, c.dueProvisional)} 前答复您。` : '我们将尽快答复您。'),
    );

  const kind = item.kind === 'instant' ? '即办件（材料齐全、符合法定形式的当场办结）' : '承诺件';
  const fee = `${item.feeFen > 0 ? `${yuan(item.feeFen)} 元` : '不收费'}${item.feeNote ? `（${item.feeNote}）` : ''}`;
  blocks.push(
    { kind: 'heading', text: `三、所咨询事项：${item.name}（编码 ${n.item.code}，第 ${n.item.version} 版）` },
    {
      kind: 'fields',
      rows: [
        { label: '办件类型', value: kind, wide: true },
        {
          label: '办理时限',
          value: `法定 ${item.legalDays} 个工作日，承诺 ${item.promisedDays} 个工作日（自受理次日起按工作日计算）`,
          wide: true,
        },
        { label: '收费标准', value: fee, wide: true },
        ...(item.conditions ? [{ label: '办理条件', value: item.conditions, wide: true }] : []),
      ],
    },
    { kind: 'heading', text: '四、申请材料' },
    {
      kind: 'table',
      columns: [
        { title: '序号', width: 0.07, align: 'center' },
        { title: '材料名称', width: 0.38 },
        { title: '形式', width: 0.13, align: 'center' },
        { title: '份数', width: 0.07, align: 'center' },
        { title: '要求及说明', width: 0.35 },
      ],
      rows: item.materials.map((m, i) => {
        const need =
          m.requirement === 'required'
            ? '必需'
            : m.requirement === 'conditional'
              ? `视情形提交：${m.condition}`
              : '可选';
        const extras = [m.hasBlankForm ? '有空白表格' : '', m.hasSample ? '有示范文本' : '', m.notes]
          .filter(Boolean)
          .join('；');
        return [String(i + 1), m.name, FORMS[m.form] ?? m.form, String(m.copies), extras ? `${need}；${extras}` : need];
      }),
    },
    { kind: 'heading', text: '五、办理流程' },
  );
  const orders = [...new Set(item.steps.map((s) => s.order))].sort((a, b) => a - b);
  orders.forEach((order, i) => {
    const steps = item.steps.filter((s) => s.order === order);
    const parts = steps.map((s) => {
      const by = [s.departmentId ? n.departmentNames[s.departmentId] : null, n.roleNames[s.role]]
        .filter(Boolean)
        .join(' ');
      return `${s.name}（${by}${s.limitDays > 0 ? `，${s.limitDays} 个工作日` : ''}）`;
    });
    blocks.push(para(`第 ${i + 1} 步：${parts.join(' 与 ')}${steps.length > 1 ? '（并联办理）' : ''}`));
  });
  blocks.push(
    { kind: 'heading', text: '六、办理地点' },
    para(`${n.hall.name}　地址：${n.hall.address}`),
    para(`咨询电话：${n.hall.phone}　办公时间：${n.hall.openingHours}`),
    para('以上材料及要求一次性告知。材料齐全后请到窗口办理；如有疑问，请凭咨询编号联系我们。'),
    {
      kind: 'signatures',
      lines: [
        { label: '首问人', name: c.firstOwnerName ?? '—' },
        { label: '经办人', name: n.issuedBy },
      ],
    },
  );
  return {
    hallName: n.hall.name,
    title: '咨询事项一次性告知书',
    number: n.noticeNumber,
    blocks,
    footer: `${n.hall.name}　${n.hall.address}　咨询电话 ${n.hall.phone}`,
  };
}

export function renderNoticePdf(n: NoticeContent): Promise<Buffer> {
  return renderPdf(buildConsultNotice(n), { createdAt: new Date(n.issuedAt) });
}
