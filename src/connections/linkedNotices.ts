import type { Redis } from 'ioredis';
import * as z from 'zod/mini';
import { renderLinkedNotification } from '../blocks/replies.js';
import { type FlowDeps, forWorkspace } from '../flows/deps.js';
import { wordsOf, workspaceWords } from '../flows/readers.js';
import type { HashWrite } from '../store/flowStore.js';
import type { KeyScheme } from '../store/keys.js';
import { scanTeams } from './outbox.js';

const noticeSchema = z.object({
  channel: z.string(),
  systemId: z.string(),
  userId: z.string(),
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The link replaced a connection: the notice says "replaced". */
  replaced: z.optional(z.boolean()),
});
export type PendingNotice = z.infer<typeof noticeSchema>;

/** While one instance posts a notice no other does; if it dies meanwhile, another may after this. */
const POSTING_LOCK_SECONDS = 120;
const POSTED_MEMORY_SECONDS = 30 * 24 * 3600;

/**
 * The channel notice of a new link, kept from the link's own compare-and-set until it is posted:
 * Redis or Slack going away right after the link delays the notice instead of losing it, and the
 * posted marker keeps it to one message.
 */
export class LinkedNotices {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
  ) {}

  record(teamId: string, flowId: string, notice: PendingNotice): HashWrite {
    return { key: this.keys.pendingNotices(teamId), field: flowId, value: JSON.stringify(notice) };
  }

  private marker(teamId: string, flowId: string) {
    return this.keys.once(teamId, `notify:${flowId}`);
  }

  /** Posts the notice if it is still pending and no other instance is posting it. */
  async post(deps: FlowDeps, teamId: string, flowId: string): Promise<void> {
    const key = this.keys.pendingNotices(teamId);
    const raw = await this.redis.hget(key, flowId);
    const parsed = raw ? noticeSchema.safeParse(JSON.parse(raw)) : undefined;
    if (!parsed?.success) {
      if (raw) await this.redis.hdel(key, flowId);
      return;
    }
    const marker = this.marker(teamId, flowId);
    if ((await this.redis.set(marker, 'posting', 'EX', POSTING_LOCK_SECONDS, 'NX')) !== 'OK') {
      // Posted before, and only forgetting the pending notice failed: forget it now.
      if ((await this.redis.get(marker)) === 'posted') await this.redis.hdel(key, flowId);
      return;
    }
    const notice = parsed.data;
    try {
      // A channel reads the workspace's language; without one, the notice goes to whoever linked.
      // The details were written at the check, in the linker's language.
      const { tr, catalog } =
        notice.channel === notice.userId
          ? await wordsOf(deps, teamId, notice.userId)
          : await workspaceWords(deps, teamId);
      await deps.slack.post(
        notice.channel,
        renderLinkedNotification(
          tr,
          catalog.name(notice.systemId),
          notice.userId,
          notice.details,
          notice.replaced,
        ),
      );
    } catch (error) {
      await this.redis.del(marker).catch(() => undefined);
      deps.logger.error(
        { flowId, error: (error as Error).message },
        'Could not post the success notification; it will be tried again',
      );
      return;
    }
    await this.redis.multi().set(marker, 'posted', 'EX', POSTED_MEMORY_SECONDS).hdel(key, flowId).exec();
  }

  /** Posts every notice still pending (after a restart, or after Redis or Slack was away). */
  async sweep(deps: FlowDeps): Promise<void> {
    for await (const teamId of scanTeams(this.redis, this.keys.pendingNotices('*'))) {
      for (const flowId of await this.redis.hkeys(this.keys.pendingNotices(teamId))) {
        await this.post(await forWorkspace(deps, teamId), teamId, flowId).catch((error: unknown) => {
          deps.logger.warn({ flowId, error: (error as Error).message }, 'Could not post a pending notice');
        });
      }
    }
  }
}
