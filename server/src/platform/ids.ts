import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system a few kilobytes at a time: one call per id was a visible share of
// the CPU of an acceptance, which makes a dozen ids.
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let used = POOL_SIZE;

function random16(): Buffer {
  if (used + 16 > POOL_SIZE) {
    randomFillSync(pool);
    used = 0;
  }
  const b = Buffer.from(pool.subarray(used, used + 16));
  used += 16;
  return b;
}

/** UUIDv7: time-ordered, so new rows append to indexes instead of scattering. */
export function newId(now = Date.now()): string {
  const b = random16();
  b.writeUIntBE(now, 0, 6);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
