/** How many tries a notice gets before it is flagged failed for the supervisor. */
export const defaultMaxAttempts = 5;

/**
 * The wait before try `attempt + 1` after `attempt` failed tries: 30 s doubling each time, at most one hour,
 * so a provider that is down for a while is not hammered and a short outage costs minutes.
 */
export function backoffMs(attempt: number, baseMs = 30_000, capMs = 3_600_000): number {
  if (attempt < 1) return 0;
  return Math.min(capMs, baseMs * 2 ** Math.min(attempt - 1, 30));
}

export type AttemptOutcome = { state: 'sent' } | { state: 'failed' } | { state: 'pending'; nextAttemptAt: number };

/** What a notice becomes after a try: sent, failed for good after the last try, or due again after the backoff. */
export function afterAttempt(
  ok: boolean,
  attempts: number,
  now: number,
  maxAttempts = defaultMaxAttempts,
  baseMs = 30_000,
): AttemptOutcome {
  if (ok) return { state: 'sent' };
  if (attempts >= maxAttempts) return { state: 'failed' };
  return { state: 'pending', nextAttemptAt: now + backoffMs(attempts, baseMs) };
}
