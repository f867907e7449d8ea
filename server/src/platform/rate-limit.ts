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
    /** What is being limited, for the message: 查询 / lookups, 提交 / submissions, 取号 / tickets. */
    private readonly what: { zh: string; en: string } = { zh: '查询', en: 'requests' },
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
      const wait = seconds > 90 ? { zh: `${Math.ceil(seconds / 60)} 分钟`, en: `${Math.ceil(seconds / 60)} minutes` } : { zh: `${seconds} 秒`, en: `${seconds} s` };
      throw new AppError(
        429,
        'RATE_LIMITED',
        `${this.what.zh}过于频繁，请 ${wait.zh}后再试`,
        `Too many ${this.what.en}; try again in ${wait.en}`,
      );
    }
  }

  private sweep(now: number): void {
    for (const [k, h] of this.hits) if (now - h.start >= this.windowMs) this.hits.delete(k);
  }
}
