import { hallTime } from '../lib/china-day';

/** An instant in the hall's time (China), whatever the browser's zone. */
export function formatTime(ms: number | null | undefined): string {
  return ms ? hallTime(ms, 'YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(ms: number | null | undefined): string {
  return ms ? hallTime(ms, 'YYYY-MM-DD') : '—';
}

/** Fee in fen → yuan string with two decimals (e.g. 1050 → "10.50"). */
export function fenToYuanText(fen: number): string {
  return (fen / 100).toFixed(2);
}

export function fenToYuan(fen: number | null | undefined): number {
  return (fen ?? 0) / 100;
}

export function yuanToFen(yuan: number | null | undefined): number {
  return Math.round((yuan ?? 0) * 100);
}

/** Stable id for new material/step rows. */
export function newKey(prefix: string): string {
  const rand =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}-${rand}`;
}
