/**
 * Progress of a long load on standard error: a redrawn bar when it is a terminal, a plain line every few
 * seconds otherwise (logs, CI), and one final line with the count and the rate.
 */
export interface Progress {
  tick(done: number): void;
  finish(done: number): string;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function progress(total: number, out: NodeJS.WriteStream = process.stderr, label = '办件 cases'): Progress {
  const tty = out.isTTY === true;
  const started = performance.now();
  let lastDraw = 0;
  const line = (done: number) => {
    const s = (performance.now() - started) / 1000;
    const rate = s > 0 ? done / s : 0;
    return {
      s,
      rate,
      text: `${fmt(done)} / ${fmt(total)} ${label}, ${fmt(rate)}/s, ETA ${eta(rate > 0 ? (total - done) / rate : Number.NaN)}`,
    };
  };
  return {
    tick(done) {
      const now = performance.now();
      if (now - lastDraw < (tty ? 200 : 5000)) return;
      lastDraw = now;
      const { text } = line(done);
      if (tty) {
        const width = 30;
        const filled = total > 0 ? Math.round((done / total) * width) : width;
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      } else {
        out.write(`${text}\n`);
      }
    },
    finish(done) {
      const { s, rate } = line(done);
      const text = `${fmt(done)} ${label} loaded in ${s.toFixed(1)} s: ${fmt(rate)} cases/s`;
      out.write(tty ? `\r${text}\x1b[K\n` : `${text}\n`);
      return text;
    },
  };
}
