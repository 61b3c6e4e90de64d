import type { Redis } from 'ioredis';
import type { WintroWebhookSettings } from '../config.js';
import type { FlowDeps } from '../flows/deps.js';
import { announcementTarget } from '../flows/notifyChannel.js';
import type { FlowState } from '../flows/state.js';
import type { Effect } from '../flows/transitions.js';
import type { Logger } from '../logger.js';
import type { HashWrite } from '../store/flowStore.js';
import type { KeyScheme } from '../store/keys.js';
import type { RedisTarget } from '../store/redis.js';
import type { Credentials } from '../systems/types.js';
import { attemptDelivery } from './delivery.js';
import { createTimerDeliveryQueue, type DeliveryQueue } from './deliveryQueue.js';
import { linkedEvent, unlinkedEvent } from './events.js';
import { type CredentialSealer, createCredentialSealer } from './jwe.js';
import { LinkedNotices } from './linkedNotices.js';
import { Outbox } from './outbox.js';
import { createWebhookPoster, type WebhookPoster } from './webhookHttp.js';

/** How long one delivery attempt may take, from connecting to the last byte of the answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How often every instance looks for events and notices that wait without a delivery under way. */
export const SWEEP_EVERY_MS = 60_000;

/** The id of a link's `connection.linked` event: one per flow, as a flow links once. */
export const linkedEventId = (flowId: string) => `evt_${flowId}`;
/** The id of the `connection.unlinked` event ending the connection a flow linked: once, too. */
export const unlinkedEventId = (flowId: string) => `evt_${flowId}_unlinked`;

export interface Delivery {
  settings: WintroWebhookSettings;
  post: WebhookPoster;
  seal: CredentialSealer;
}

/**
 * Hands linked connections to Wintro: the outbox records written with the link, the queue that
 * delivers them, the sweep that queues what a crash or an outage left waiting — and the pending
 * channel notices, which close the same gap for the success notice.
 */
export class Handover {
  private sweeping?: NodeJS.Timeout;
  private sweepRunning = false;

  constructor(
    readonly outbox: Outbox,
    readonly notices: LinkedNotices,
    private readonly queue: DeliveryQueue,
    /** Unset: WINTRO_WEBHOOK_URL is not set, nothing is handed over. */
    readonly delivery: Delivery | undefined,
  ) {}

  get enabled(): boolean {
    return this.delivery !== undefined;
  }

  /**
   * What a verified flow stores in its own compare-and-set: the `connection.linked` event (the
   * credentials in it only as a JWE for Wintro's key) and, with a notify channel, the pending notice.
   */
  async linkWrites(
    deps: FlowDeps,
    flow: FlowState,
    effect: Extract<Effect, { type: 'save_connection' }>,
    credentials: Credentials,
  ): Promise<HashWrite[]> {
    const writes: HashWrite[] = [];
    const channel = await announcementTarget(deps, flow.teamId, flow.holderId);
    if (channel) {
      writes.push(
        this.notices.record(flow.teamId, flow.id, {
          channel,
          systemId: flow.systemId,
          userId: flow.holderId,
          details: effect.details,
          ...(flow.replaces ? { replaced: true } : {}),
        }),
      );
    }
    if (!this.delivery) return writes;
    const now = deps.now();
    const event = linkedEvent(
      { accountId: await deps.accountOf(flow.teamId), teamId: flow.teamId, systemId: flow.systemId },
      {
        by: flow.holderId,
        at: now,
        details: effect.details,
        expiresAt: effect.expiresAt,
        credentialsJwe: await this.delivery.seal(credentials),
      },
    );
    const record = {
      id: linkedEventId(flow.id),
      type: event.type,
      teamId: flow.teamId,
      systemId: flow.systemId,
      flowId: flow.id,
      userId: flow.holderId,
      body: JSON.stringify(event),
      createdAt: now,
      deadline: now + this.delivery.settings.retryWindowMs,
    };
    return [...writes, ...this.outbox.records(record, now)];
  }

  /**
   * What unlinking stores in the same step as it deletes the connection: the `connection.unlinked`
   * event for Wintro (none when nothing is handed over). Queue it with `enqueue` afterwards.
   */
  async unlinkWrites(
    deps: FlowDeps,
    teamId: string,
    connection: { systemId: string; flowId: string },
    by: string,
  ): Promise<{ writes: HashWrite[]; eventId?: string }> {
    if (!this.delivery) return { writes: [] };
    const now = deps.now();
    const { systemId, flowId } = connection;
    const event = unlinkedEvent(
      { accountId: await deps.accountOf(teamId), teamId, systemId },
      { by, at: now },
    );
    const id = unlinkedEventId(flowId);
    const record = {
      id,
      type: event.type,
      teamId,
      systemId,
      flowId,
      userId: by,
      body: JSON.stringify(event),
      createdAt: now,
      deadline: now + this.delivery.settings.retryWindowMs,
    };
    return { writes: this.outbox.records(record, now), eventId: id };
  }

  /** Queues a waiting event's delivery (no-op when delivery is off or it is queued already). */
  async enqueue(teamId: string, eventId: string): Promise<void> {
    if (!this.delivery) return;
    await this.queue.enqueue({ teamId, eventId });
  }

  start(deps: FlowDeps, logger: Logger): void {
    if (this.delivery) {
      this.queue.start((job) => attemptDelivery(deps, this.delivery as Delivery, job));
      // The origin only: a URL's path or query may carry something the receiver treats as secret.
      logger.info({ to: new URL(this.delivery.settings.url).origin }, 'Handing linked connections to Wintro');
    } else {
      logger.info('WINTRO_WEBHOOK_URL is not set: linked connections are kept here and not handed to Wintro');
    }
    const sweep = () => void this.sweep(deps);
    sweep();
    this.sweeping = setInterval(sweep, SWEEP_EVERY_MS);
    this.sweeping.unref();
  }

  /** Queues every waiting event and posts every pending notice; a failure waits for the next sweep. */
  async sweep(deps: FlowDeps): Promise<void> {
    if (this.sweepRunning) return;
    this.sweepRunning = true;
    try {
      await this.notices.sweep(deps);
      if (!this.delivery) return;
      for await (const teamId of this.outbox.teams()) {
        for (const record of await this.outbox.waiting(teamId)) await this.enqueue(teamId, record.id);
      }
    } catch (error) {
      deps.logger.warn(
        { error: (error as Error).message },
        'The hand-over sweep stopped early; it runs again soon',
      );
    } finally {
      this.sweepRunning = false;
    }
  }

  async close(): Promise<void> {
    if (this.sweeping) clearInterval(this.sweeping);
    await this.queue.close();
  }
}

/** The hand-over for this deployment: a BullMQ queue with Redis, timers with the in-process store. */
export async function openHandover(
  settings: WintroWebhookSettings | undefined,
  redis: Redis,
  keys: KeyScheme,
  redisUrl: RedisTarget | string | undefined,
  logger: Logger,
): Promise<Handover> {
  const queue =
    settings && redisUrl
      ? (await import('./bullDeliveryQueue.js')).createBullDeliveryQueue(
          redisUrl,
          `${keys.prefix}:{handover}`,
          logger,
        )
      : createTimerDeliveryQueue(logger);
  const delivery = settings
    ? {
        settings,
        post: createWebhookPoster({
          url: settings.url,
          secret: settings.secret,
          timeoutMs: DELIVERY_TIMEOUT_MS,
        }),
        seal: await createCredentialSealer(settings.publicKey),
      }
    : undefined;
  return new Handover(new Outbox(redis, keys), new LinkedNotices(redis, keys), queue, delivery);
}
