import QRCode from 'qrcode';
import type { Ticket } from '../../api/queue';

export interface TicketPrintText {
  yourNumber: string;
  category: string;
  ahead: string;
  estimate: string | null;
  hint: string;
  takenAt: string;
}

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The slip as the ticket printer's 80 mm roll takes it: the number large, the QR code to follow it by phone. */
export async function ticketSlipHtml(ticket: Ticket, followUrl: string, text: TicketPrintText): Promise<string> {
  const qr = await QRCode.toDataURL(followUrl, { margin: 1, width: 220 });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${html(ticket.number)}</title>
<style>
@page { size: 80mm auto; margin: 4mm; }
body { font-family: "Microsoft YaHei", "WenQuanYi Micro Hei", "PingFang SC", sans-serif; text-align: center; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
.n { font-size: 40pt; font-weight: 700; margin: 1mm 0; letter-spacing: 2px; }
p { font-size: 11pt; margin: 1mm 0; }
img { width: 32mm; height: 32mm; }
.small { font-size: 9pt; color: #333; }
</style></head><body>
<h1>${html(ticket.hallName)}</h1>
<p>${html(text.yourNumber)}</p>
<div class="n" data-testid="slip-number">${html(ticket.number)}</div>
<p>${html(text.category)}</p>
<p>${html(text.ahead)}</p>
${text.estimate ? `<p>${html(text.estimate)}</p>` : ''}
<img alt="" src="${qr}">
<p class="small">${html(text.hint)}</p>
<p class="small">${html(text.takenAt)}</p>
</body></html>`;
}

const FRAME_ID = 'ow-print-frame';

/**
 * Prints in place: the slip goes into one hidden iframe of the kiosk page and that frame is printed, so the kiosk
 * never opens a tab (with Chromium's --kiosk-printing the slip goes straight to the default printer).
 */
export function printInPlace(html: string): Promise<void> {
  let frame = document.getElementById(FRAME_ID) as HTMLIFrameElement | null;
  if (!frame) {
    frame = document.createElement('iframe');
    frame.id = FRAME_ID;
    frame.title = 'print';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
    document.body.appendChild(frame);
  }
  const target = frame;
  return new Promise((resolve) => {
    target.onload = () => {
      target.contentWindow?.focus();
      target.contentWindow?.print();
      resolve();
    };
    target.srcdoc = html;
  });
}
