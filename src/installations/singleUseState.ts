import { createHash } from 'node:crypto';
import oauth, { type InstallURLOptions, InvalidStateError, type StateStore } from '@slack/oauth';
import type { Redis } from 'ioredis';

/** How long an install may take from Wintro's link to Slack's answer: Bolt's cookie lasts as long. */
export const STATE_SECONDS = 600;

/**
 * Bolt's own OAuth state (a JWT signed with SLACK_STATE_SECRET, carrying the install options and the
 * Wintro account), made single-use: the first callback that presents it consumes it in Redis, so a
 * replayed callback is refused even with the browser's cookie.
 */
export class SingleUseStateStore implements StateStore {
  private readonly signed: StateStore;

  constructor(
    stateSecret: string,
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {
    // Node's ESM loader does not see this export of the CommonJS package by name.
    this.signed = new oauth.ClearStateStore(stateSecret, STATE_SECONDS);
  }

  generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    return this.signed.generateStateParam(installOptions, now);
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const options = await this.signed.verifyStateParam(now, state);
    const used = `${this.keyPrefix}:{oauth}:state:${createHash('sha256').update(state).digest('base64url')}`;
    const first = await this.redis.set(used, '1', 'EX', STATE_SECONDS, 'NX');
    if (first !== 'OK') throw new InvalidStateError('This install was already completed with that state');
    return options;
  }
}
