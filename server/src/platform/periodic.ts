import type { Logger } from 'pino';

/**
 * Runs `pass` now and then every `intervalMs`, never two passes at once; a failed pass is logged, not fatal.
 * The timer does not keep the process alive. Returns the stop function.
 */
export function runPeriodically(
  log: Logger,
  name: string,
  intervalMs: number,
  pass: () => Promise<unknown>,
): () => void {
  let running = false;
  const once = async () => {
    if (running) return;
    running = true;
    try {
      await pass();
    } catch (err) {
      log.error({ err }, `${name} failed`);
    } finally {
      running = false;
    }
  };
  void once();
  const timer = setInterval(once, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
