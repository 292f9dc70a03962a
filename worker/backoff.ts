// Exponential backoff with a cap and a little jitter, so retries never form a hot loop.
export type BackoffPolicy = { baseMs: number; maxMs: number; jitter?: number };

/** Delay before retry number `attempt` (1 = first retry). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  const jitter = policy.jitter ?? 0.1;
  return Math.round(raw * (1 - jitter + 2 * jitter * random()));
}
