import fs from 'node:fs';
import { inject } from 'vitest';

/** Sets the server's "now" (the server reads the file on every clock call): no sleeping in tests. */
export function setServerTime(instant: string | number): void {
  fs.writeFileSync(inject('clockFile'), new Date(instant).toISOString());
}

/** Back to the real time, so the files that follow see the system clock. */
export function resetServerTime(): void {
  fs.rmSync(inject('clockFile'), { force: true });
}
