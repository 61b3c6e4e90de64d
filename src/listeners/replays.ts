import type { OnceGuard } from '../store/once.js';

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
  return once.claim(teamId, `request:${triggerId}`, 3600).then(
    (first) => !first,
    () => false,
  );
}
