import QRCode from 'qrcode';
import { priorityNames } from '../../domain/queue/index.ts';
import { registerHansFonts } from '../../platform/pdf/fonts.ts';
import type { TicketView } from './schema.ts';

/** 80 mm thermal roll paper, the width of hall ticket printers. */
const WIDTH = 226;
const HEIGHT = 400;

const beijingTime = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The printed queue ticket: hall, number, category, people ahead, expected wait, and a QR code to follow it by phone. */
export async function ticketPdf(t: TicketView, followUrl: string): Promise<Buffer> {
  // Loaded with the first ticket, not at start: pdfkit and its font and compression libraries take ~0.2 s to load.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margins: { top: 14, bottom: 8, left: 12, right: 12 },
    info: { Title: `排队号 ${t.number}`, Author: t.hallName, CreationDate: new Date(t.arrivedAt) },
  });
  registerHansFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = WIDTH - 24;
  doc.font('bold').fontSize(11).text(t.hallName, 12, 14, { width: w, align: 'center' });
  doc.font('regular').fontSize(9).text('排队叫号凭条', { width: w, align: 'center' });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(46).text(t.number, { width: w, align: 'center' });
  doc.font('regular').fontSize(11).text(t.categoryName, { width: w, align: 'center' });
  if (t.priority !== 'normal')
    doc.font('bold').fontSize(10).text(`【${priorityNames[t.priority].zh}】`, { width: w, align: 'center' });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(10);
  doc.text(`您前面还有 ${t.peopleAhead} 人等候`, { width: w, align: 'center' });
  if (t.estimatedWaitMinutes !== null)
    doc.text(`预计等候约 ${t.estimatedWaitMinutes} 分钟`, { width: w, align: 'center' });
  doc.text(`取号时间 ${beijingTime(t.arrivedAt)}`, { width: w, align: 'center' });
  const png = await QRCode.toBuffer(followUrl, { margin: 1, width: 180 });
  const y = doc.y + 6;
  doc.image(png, (WIDTH - 90) / 2, y, { width: 90, height: 90 });
  doc
    .font('regular')
    .fontSize(8)
    .text('扫码查看叫号进度', 12, y + 94, { width: w, align: 'center' });
  doc.text('请留意大厅显示屏及语音叫号，过号请重新取号', { width: w, align: 'center' });
  doc.end();
  return done;
}
