import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * The abuse limits (issue 14): how many of each thing, over how many seconds. A help request counts
 * against its setup and its person; a request DM against the setup and the colleague it goes to (for
 * as long as a setup lives); a credential check against its setup and its workspace, so the bot cannot
 * be used to try credentials against vendors from Wintro's address; a new setup against its person.
 */
export const LIMITS = {
  helpPerSetup: { points: 3, seconds: HOUR },
  helpPerPerson: { points: 10, seconds: DAY },
  requestDmsPerColleague: { points: 3, seconds: 14 * DAY },
  checksPerSetup: { points: 10, seconds: HOUR },
  checksPerWorkspace: { points: 30, seconds: HOUR },
  setupsPerPerson: { points: 20, seconds: DAY },
} as const;

export type LimitName = keyof typeof LIMITS;

/** A limit reached: which one, and how long until one more is allowed. */
export interface LimitReached {
  limit: LimitName;
  retryInMs: number;
}

type Counted = readonly [name: LimitName, key: string];

/**
 * Counters in Redis through rate-limiter-flexible (one key each, so they work on a Cluster too). Each
 * key carries the team's hash tag. Something counted against several limits is counted against all
 * or none: when one refuses, what the others took is given back.
 */
export class AbuseLimits {
  private readonly limiters: Record<LimitName, RateLimiterRedis>;

  constructor(
    redis: Redis,
    prefix: string,
    durationOf: (name: LimitName) => number = (name) => LIMITS[name].seconds,
  ) {
    const limiter = (name: LimitName) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:limit:${name}`,
        points: LIMITS[name].points,
        duration: durationOf(name),
        useRedisPackage: false,
      });
    this.limiters = Object.fromEntries(
      (Object.keys(LIMITS) as LimitName[]).map((name) => [name, limiter(name)]),
    ) as Record<LimitName, RateLimiterRedis>;
  }

  helpRequest(teamId: string, flowId: string, userId: string): Promise<LimitReached | undefined> {
    return this.take([
      ['helpPerSetup', `{${teamId}}:${flowId}`],
      ['helpPerPerson', `{${teamId}}:${userId}`],
    ]);
  }

  /** Whether the colleague may get one more request DM from this setup, without counting it. */
  async requestDmLeft(
    teamId: string,
    flowId: string,
    colleagueId: string,
  ): Promise<LimitReached | undefined> {
    return this.peek('requestDmsPerColleague', `{${teamId}}:${flowId}:${colleagueId}`);
  }

  requestDm(teamId: string, flowId: string, colleagueId: string): Promise<LimitReached | undefined> {
    return this.take([['requestDmsPerColleague', `{${teamId}}:${flowId}:${colleagueId}`]]);
  }

  credentialCheck(teamId: string, flowId: string): Promise<LimitReached | undefined> {
    return this.take([
      ['checksPerSetup', `{${teamId}}:${flowId}`],
      ['checksPerWorkspace', `{${teamId}}`],
    ]);
  }

  newSetup(teamId: string, userId: string): Promise<LimitReached | undefined> {
    return this.take([['setupsPerPerson', `{${teamId}}:${userId}`]]);
  }

  /** A new setup counted by `newSetup` that was not created after all (one was resumed instead). */
  async newSetupGivenBack(teamId: string, userId: string): Promise<void> {
    await this.limiters.setupsPerPerson.reward(`{${teamId}}:${userId}`);
  }

  private async peek(name: LimitName, key: string): Promise<LimitReached | undefined> {
    const state = await this.limiters[name].get(key);
    if (!state || state.remainingPoints > 0) return undefined;
    return { limit: name, retryInMs: state.msBeforeNext };
  }

  private async take(counted: readonly Counted[]): Promise<LimitReached | undefined> {
    const taken: Counted[] = [];
    for (const entry of counted) {
      const [name, key] = entry;
      try {
        await this.limiters[name].consume(key);
        taken.push(entry);
      } catch (refusal) {
        // An Error is Redis failing: it goes up like any other store failure.
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        await Promise.all(taken.map(([done, doneKey]) => this.limiters[done].reward(doneKey)));
        return { limit: name, retryInMs: refusal.msBeforeNext };
      }
    }
    return undefined;
  }
}
