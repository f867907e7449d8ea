/**
 * A PDF's pages as PNG pictures, through poppler's `pdftoppm`, so a lent PDF scan can be shown page by page under the
 * borrower's watermark (pdfkit writes PDFs but cannot stamp an existing one). Rasterised pages also cannot be copied
 * out as text, which is what a watermarked loan wants. Without `pdftoppm` on the machine the answer is null and the
 * caller falls back to the contents entry with a notice.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Enough for a scanned application; a longer document is read at the archive. */
export const MAX_LENT_PAGES = 40;
const DPI = 110;
const TIMEOUT_MS = 30_000;

const run = (cmd: string, args: string[]) =>
  new Promise<void>((resolve, reject) =>
    execFile(cmd, args, { timeout: TIMEOUT_MS }, (err) => (err ? reject(err) : resolve())),
  );

export async function pdfPagesAsPng(pdf: Buffer): Promise<Buffer[] | null> {
  const dir = await mkdtemp(join(tmpdir(), 'onewindow-pages-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, pdf, { mode: 0o600 });
    await run('pdftoppm', ['-r', String(DPI), '-png', '-l', String(MAX_LENT_PAGES), input, join(dir, 'page')]);
    // page-01.png, page-02.png … (the width of the number depends on the page count): name order is page order.
    const names = (await readdir(dir)).filter((n) => n.startsWith('page') && n.endsWith('.png')).sort();
    if (!names.length) return null;
    return await Promise.all(names.map((n) => readFile(join(dir, n))));
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
