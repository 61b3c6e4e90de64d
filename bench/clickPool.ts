/**
 * Flows to click Next on. Each is written through the bot's own FlowStore at the first guide step
 * (Greenhouse has 6 steps, so Next is accepted 6 times: 5 steps and then the credentials screen).
 * Clicks go round the pool: a flow is clicked again only after every other flow has been, so a
 * click never races the previous click on the same flow — the bot acks first and works after.
 * The pool tracks the version every flow should reach; `verify` compares with Redis afterwards.
 */
import type { Redis } from 'ioredis';
import type { FlowState } from '../src/flows/state.js';
import { type FlowStore, newFlowId } from '../src/store/flowStore.js';
import type { KeyScheme } from '../src/store/keys.js';
import type { ClickTarget } from './requests.js';

const NEXT_CLICKS_PER_FLOW = 6;

interface PoolFlow {
  userId: string;
  flowId: string;
  channelId: string;
  ts: string;
  /** The version the flow is at once every click sent so far has been applied. */
  version: number;
}

export interface PoolVerification {
  clicksSent: number;
  /** Transitions found in Redis on the flows clicked (stored version − 1, capped at the expected). */
  transitionsStored: number;
  flowsBehind: number;
  flowsAhead: number;
  flowsMissing: number;
  /** Clicks beyond the pool's capacity (they cannot be accepted; 0 in a good run). */
  beyondCapacity: number;
  /** Clicks on a flow already clicked in this run (0 unless the pool went round). */
  revisits: number;
}

export class ClickPool {
  private cursor = 0;
  private passes = 0;
  sent = 0;
  revisits = 0;
  beyondCapacity = 0;

  private constructor(private readonly flows: PoolFlow[]) {}

  get size(): number {
    return this.flows.length;
  }

  /**
   * `store` given: the flows are written to Redis (the bot's runs). Without it only the ids are made
   * up (the baseline's runs: same request shapes, nothing to look up).
   */
  static async create(
    size: number,
    teamId: string,
    nextUser: () => string,
    store?: FlowStore,
  ): Promise<ClickPool> {
    const now = Date.now();
    const flows: PoolFlow[] = [];
    for (let i = 0; i < size; i++) {
      const userId = nextUser();
      flows.push({
        userId,
        flowId: newFlowId(),
        channelId: `D${userId}`,
        ts: `${Math.floor(now / 1000)}.${String(i % 1_000_000).padStart(6, '0')}`,
        version: 1,
      });
    }
    if (store) {
      for (let start = 0; start < flows.length; start += 1000) {
        await Promise.all(
          flows.slice(start, start + 1000).map((flow) => store.create(guideState(flow, teamId, now))),
        );
      }
    }
    return new ClickPool(flows);
  }

  /** The next flow to click and the version its newest message carries; counts the click as applied. */
  next(): ClickTarget {
    const flow = this.flows[this.cursor] as PoolFlow;
    this.cursor += 1;
    if (this.cursor === this.flows.length) {
      this.cursor = 0;
      this.passes += 1;
    }
    if (this.passes > 0) this.revisits += 1;
    this.sent += 1;
    const target = { ...flow };
    if (flow.version <= NEXT_CLICKS_PER_FLOW) flow.version += 1;
    else this.beyondCapacity += 1;
    return target;
  }

  clicked(): PoolFlow[] {
    return this.flows.filter((flow) => flow.version > 1);
  }

  async verify(redis: Redis, keys: KeyScheme, teamId: string): Promise<PoolVerification> {
    const clicked = this.clicked();
    const result: PoolVerification = {
      clicksSent: this.sent,
      transitionsStored: 0,
      flowsBehind: 0,
      flowsAhead: 0,
      flowsMissing: 0,
      beyondCapacity: this.beyondCapacity,
      revisits: this.revisits,
    };
    for (let start = 0; start < clicked.length; start += 2000) {
      const chunk = clicked.slice(start, start + 2000);
      const pipeline = redis.pipeline();
      for (const flow of chunk) pipeline.hget(keys.flow(teamId, flow.flowId), 'v');
      const replies = (await pipeline.exec()) ?? [];
      chunk.forEach((flow, i) => {
        const stored = Number(replies[i]?.[1] ?? Number.NaN);
        if (!Number.isFinite(stored)) {
          result.flowsMissing += 1;
          return;
        }
        result.transitionsStored += Math.min(stored, flow.version) - 1;
        if (stored < flow.version) result.flowsBehind += 1;
        if (stored > flow.version) result.flowsAhead += 1;
      });
    }
    return result;
  }
}

function guideState(flow: PoolFlow, teamId: string, now: number): FlowState {
  return {
    id: flow.flowId,
    teamId,
    systemId: 'greenhouse',
    starterId: flow.userId,
    holderId: flow.userId,
    phase: 'guide',
    stepIndex: 0,
    attempts: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
    dm: { channelId: flow.channelId, ts: flow.ts },
  };
}
