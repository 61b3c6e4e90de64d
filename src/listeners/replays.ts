import type { OnceGuard } from '../store/once.js';

/**
 * Bolt refuses requests signed more than 5 minutes ago, so a claim only has to outlive that
 * window; keeping it longer would only cost Redis memory.
 */
export const REQUEST_CLAIM_SECONDS = 6 * 60;

/** Claims a request by its trigger_id; false when it was handled already. Throws when Redis cannot say. */
export const claimRequest = (once: OnceGuard, teamId: string, triggerId: string) =>
  once.claim(teamId, `request:${triggerId}`, REQUEST_CLAIM_SECONDS);

/**
 * Slack sends each interaction once, with its own trigger_id: the same one again is a replay (or
 * a retry of something already handled). When Redis cannot say, the request goes ahead and meets
 * the outage where it is handled.
 */
export async function isReplay(
  once: OnceGuard,
  teamId: string,
  triggerId: string | undefined,
): Promise<boolean> {
  if (!triggerId) return false;
  return claimRequest(once, teamId, triggerId).then(
    (first) => !first,
    () => false,
  );
}
