/**
 * A fixed-window counter per key (an IP address) for the public endpoints a stranger could probe. Kept in
 * memory: each app node limits on its own, which is enough to stop guessing through one node.
 */
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';

export class RateLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt for `key`; throws 429 once the window's allowance is used up. */
  take(key: string): void {
    const now = this.clock.now();
    const h = this.hits.get(key);
    if (!h || now - h.start >= this.windowMs) {
      if (this.hits.size > 10_000) this.sweep(now);
      this.hits.set(key, { start: now, count: 1 });
      return;
    }
    h.count += 1;
    if (h.count > this.limit) {
      const seconds = Math.ceil((h.start + this.windowMs - now) / 1000);
      throw new AppError(429, 'RATE_LIMITED', `查询过于频繁，请 ${seconds} 秒后再试`, `Too many requests; try again in ${seconds} s`);
    }
  }

  private sweep(now: number): void {
    for (const [k, h] of this.hits) if (now - h.start >= this.windowMs) this.hits.delete(k);
  }
}
