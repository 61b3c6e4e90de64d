/**
 * Flows to click Next on. For the bot, each is made through the bot itself (a command and Begin,
 * see seedFlows.ts), so it waits at the first guide step: Greenhouse has 6 steps, so Next is
 * accepted 6 times (5 steps and then the credentials screen). Clicks go round the pool: a flow is
 * clicked again only after every other flow has been, so a click never races the previous click on
 * the same flow — the bot acks first and works after. The pool tracks the version every flow should
 * reach; `verify` compares with the version the buttons of its redrawn message carry.
 */
import { randomBytes } from 'node:crypto';
import type { ChildHandle } from './ipc.js';
import type { ClickTarget } from './requests.js';
import { parseFlowRef } from './seedFlows.js';
import type { LatestMessage, SlackInfo } from './slackProcess.js';

const NEXT_CLICKS_PER_FLOW = 6;

type PoolFlow = ClickTarget;

export interface PoolVerification {
  clicksSent: number;
  /** Transitions the redrawn messages show on the flows clicked (version − first version, capped at the expected). */
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

  private constructor(
    private readonly flows: PoolFlow[],
    private readonly firstVersion: Map<string, number>,
  ) {}

  get size(): number {
    return this.flows.length;
  }

  /**
   * `seed` given: the flows are made through the bot (the bot's runs). Without it only the ids are
   * made up (the baseline's runs: same request shapes, nothing to look up).
   */
  static async create(
    size: number,
    nextUser: () => string,
    seed?: (users: string[]) => Promise<ClickTarget[]>,
  ): Promise<ClickPool> {
    const users = Array.from({ length: size }, () => nextUser());
    const now = Math.floor(Date.now() / 1000);
    const flows = seed
      ? await seed(users)
      : users.map((userId, i) => ({
          userId,
          flowId: randomBytes(9).toString('base64url'),
          channelId: `D${userId}`,
          ts: `${now}.${String(i % 1_000_000).padStart(6, '0')}`,
          version: 1,
        }));
    return new ClickPool(flows, new Map(flows.map((flow) => [flow.flowId, flow.version])));
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
    if (flow.version - this.first(flow) < NEXT_CLICKS_PER_FLOW) flow.version += 1;
    else this.beyondCapacity += 1;
    return target;
  }

  private first(flow: PoolFlow): number {
    return this.firstVersion.get(flow.flowId) ?? 1;
  }

  clicked(): PoolFlow[] {
    return this.flows.filter((flow) => flow.version > this.first(flow));
  }

  /** Compares every clicked flow with its message as the bot last drew it in the fake Slack. */
  async verify(slack: ChildHandle<SlackInfo>): Promise<PoolVerification> {
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
    const latest = await slack.request<Record<string, LatestMessage>>('latest', {
      channels: clicked.map((flow) => flow.channelId),
    });
    for (const flow of clicked) {
      const message = latest[flow.channelId];
      const shown = Object.values(message?.buttons ?? {})
        .map(parseFlowRef)
        .find((ref) => ref?.flowId === flow.flowId)?.version;
      if (message?.ts !== flow.ts || shown === undefined) {
        result.flowsMissing += 1;
        continue;
      }
      result.transitionsStored += Math.min(shown, flow.version) - this.first(flow);
      if (shown < flow.version) result.flowsBehind += 1;
      if (shown > flow.version) result.flowsAhead += 1;
    }
    return result;
  }
}
