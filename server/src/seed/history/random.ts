import { createHash } from 'node:crypto';
/**
 * A seeded pseudo-random source for the history generator: the same seed gives the same hall history (for
 * the same "today"). sfc32 seeded through splitmix32: fast, good enough for synthetic data, not for secrets.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** A key drawn with the given weights (need not sum to 1). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let total = 0;
    for (const [, w] of entries) total += w;
    let x = this.next() * total;
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }

  /** Roughly log-normal positive number with the given median: most small, a long tail (waiting times). */
  skewed(median: number, spread = 0.6): number {
    // Sum of uniforms ≈ normal; cheap and deterministic.
    const z = (this.next() + this.next() + this.next() + this.next() - 2) * 1.73;
    return median * Math.exp(spread * z);
  }
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUIDv7-shaped id (time first, as newId in platform/ids.ts) from the seeded source instead of the system's
 * random bytes: deterministic, and fast enough for millions of rows.
 */
export function seededId(rnd: Random, at: number): string {
  const hi = Math.floor(at / 0x10000);
  const lo = at % 0x10000;
  const t = hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(4, '0');
  const r1 = rnd.u32();
  const r2 = rnd.u32();
  const r3 = rnd.u32();
  const ver = (0x7000 | (r1 & 0x0fff)).toString(16);
  const variant = (0x8000 | ((r1 >>> 16) & 0x3fff)).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-${ver}-${variant}-${HEX[r2 >>> 24]}${HEX[(r2 >>> 16) & 255]}${HEX[(r2 >>> 8) & 255]}${HEX[r2 & 255]}${HEX[r3 >>> 24]}${HEX[(r3 >>> 16) & 255]}`;
}

/** A seeded stand-in for a token's stored hash (the token itself never existed, so nobody can present it). */
export const hex = (rnd: Random, at: number) => createHash('sha256').update(seededId(rnd, at)).digest('hex');
