import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { z } from 'zod';
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
    registeredDay: z.string(),
    firstOwnerName: z.string().nullable(),
  }),
  item: z.object({ id: z.string(), code: z.string(), version: z.number(), content: itemContentSchema }),
  roleNames: z.record(z.string(), z.string()),
  departmentNames: z.record(z.string(), z.string()),
});
export type NoticeContent = z.infer<typeof noticeContentSchema>;

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const REGULAR = path.join(fontDir, 'NotoSansHans-Regular.otf');
const BOLD = path.join(fontDir, 'NotoSansHans-Bold.otf');

const FORMS: Record<string, string> = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' };
const CHANNELS: Record<string, string> = { visit: '来访', phone: '电话', online: '网上' };
const yuan = (fen: number) => (fen / 100).toFixed(2);

function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The one-time notice of a consultation (咨询一次性告知书) as an A4 PDF with Chinese text. */
export function renderNoticePdf(n: NoticeContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    bufferPages: true,
    info: { Title: `一次性告知书 ${n.noticeNumber}`, Author: n.hall.name, CreationDate: new Date(n.issuedAt) },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 120;
  const heading = (t: string) => doc.moveDown(0.6).font('bold').fontSize(12).text(t, { width }).moveDown(0.2);
  const para = (t: string, size = 10.5) => doc.font('regular').fontSize(size).text(t, { width, lineGap: 2 });
  const c = n.consultation;
  const item = n.item.content;

  doc.font('bold').fontSize(18).text(n.hall.name, { align: 'center', width });
  doc.moveDown(0.2).fontSize(16).text('咨询事项一次性告知书', { align: 'center', width });
  doc.moveDown(0.4);
  para(`告知书编号：${n.noticeNumber}　　出具时间：${beijingTime(n.issuedAt)}`, 9.5);
  para(`咨询编号：${c.number}　　登记日期：${c.registeredDay}`, 9.5);

  heading('一、咨询人');
  para(`姓名：${c.personName}　　联系电话：${c.contactPhone}　　咨询方式：${CHANNELS[c.channel] ?? c.channel}`);
  heading('二、咨询内容');
  para(c.question);
  heading('三、答复');
  if (c.answer) para(c.answer);
  if (c.referralText) para(`转介：${c.referralText}`);
  if (!c.answer && !c.referralText) para(c.dueDate ? `我们将于 ${c.dueDate} 前答复您。` : '我们将尽快答复您。');

  heading(`四、所咨询事项：${item.name}（编码 ${n.item.code}，第 ${n.item.version} 版）`);
  const kind = item.kind === 'instant' ? '即办件（材料齐全、符合法定形式的当场办结）' : '承诺件';
  para(`办件类型：${kind}`);
  para(`办理时限：法定时限 ${item.legalDays} 个工作日，承诺时限 ${item.promisedDays} 个工作日（自受理次日起按工作日计算）`);
  para(`收费标准：${item.feeFen > 0 ? `${yuan(item.feeFen)} 元` : '不收费'}${item.feeNote ? `（${item.feeNote}）` : ''}`);
  if (item.conditions) para(`办理条件：${item.conditions}`);

  heading('五、申请材料');
  item.materials.forEach((m, i) => {
    const need = m.requirement === 'required' ? '必需' : m.requirement === 'conditional' ? `视情形提交：${m.condition}` : '可选';
    const extras = [m.hasBlankForm ? '有空白表格' : '', m.hasSample ? '有示范文本' : '', m.notes].filter(Boolean).join('；');
    para(`${i + 1}. ${m.name}　${FORMS[m.form] ?? m.form} ${m.copies} 份　${need}${extras ? `　${extras}` : ''}`);
  });

  heading('六、办理流程');
  const orders = [...new Set(item.steps.map((s) => s.order))].sort((a, b) => a - b);
  orders.forEach((order, i) => {
    const steps = item.steps.filter((s) => s.order === order);
    const parts = steps.map((s) => {
      const by = [s.departmentId ? n.departmentNames[s.departmentId] : null, n.roleNames[s.role]].filter(Boolean).join(' ');
      return `${s.name}（${by}${s.limitDays > 0 ? `，${s.limitDays} 个工作日` : ''}）`;
    });
    para(`第 ${i + 1} 步：${parts.join(' 与 ')}${steps.length > 1 ? '（并联办理）' : ''}`);
  });

  heading('七、办理地点');
  para(`${n.hall.name}　地址：${n.hall.address}`);
  para(`咨询电话：${n.hall.phone}　办公时间：${n.hall.openingHours}`);

  doc.moveDown(1);
  para(`首问人：${c.firstOwnerName ?? '—'}　　经办人：${n.issuedBy}`, 10);
  para('以上材料及要求一次性告知。材料齐全后请到窗口办理；如有疑问，请凭咨询编号联系我们。', 9.5);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8.5).text(`${n.noticeNumber}　第 ${i + 1} 页 / 共 ${range.count} 页`, 60, doc.page.height - 40, {
      width, align: 'center', lineBreak: false,
    });
  }
  doc.end();
  return done;
}
