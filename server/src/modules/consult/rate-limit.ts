import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * A fixed-window count per client address for the anonymous forms. Kept in memory: a restart forgets it,
 * which is acceptable for slowing down floods of one public form.
 */
export class PerIpLimit {
  private readonly hits = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  check(ip: string | null): void {
    const now = this.clock.now();
    const key = ip ?? 'unknown';
    const hit = this.hits.get(key);
    if (!hit || now - hit.start >= this.windowMs) {
      if (this.hits.size > 10_000) this.sweep(now);
      this.hits.set(key, { start: now, count: 1 });
      return;
    }
    hit.count++;
    if (hit.count > this.max) {
      const minutes = Math.ceil((hit.start + this.windowMs - now) / 60_000);
      throw new AppError(429, 'RATE_LIMITED', `提交过于频繁，请 ${minutes} 分钟后再试`, `Too many requests; try again in ${minutes} minutes`);
    }
  }

  private sweep(now: number) {
    for (const [k, v] of this.hits) if (now - v.start >= this.windowMs) this.hits.delete(k);
  }
}
