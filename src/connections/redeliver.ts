import type { Outbox } from './outbox.js';

/**
 * Puts every event that failed for good back in line, each with a fresh retry window: after Wintro
 * fixed what made it refuse them. The bots' sweep sends them again, under their original ids.
 */
export async function redeliverFailed(outbox: Outbox, now: number, windowMs: number): Promise<number> {
  let count = 0;
  for await (const teamId of outbox.teams()) {
    for (const record of await outbox.failed(teamId)) {
      await outbox.retryFailed(record, now, windowMs);
      count += 1;
    }
  }
  return count;
}
