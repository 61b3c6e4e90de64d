import type { HomeView, ModalView } from '@slack/types';
import { ErrorCode, type WebClientOptions } from '@slack/web-api';
import type { SlackMessage } from '../blocks/message.js';
import type { Translate } from '../messages/index.js';
import { createFormCall, createJsonCall, type FormCall, type JsonCall } from './jsonCall.js';

/** The Slack Web API calls the bot makes, and nothing else. */
export interface SlackGateway {
  openDm(userId: string): Promise<string>;
  /**
   * Posts a message. `channel` may be a user id: Slack then posts to the bot's DM with that person
   * and answers with the DM's channel id, which saves opening the DM first.
   */
  post(channel: string, message: SlackMessage): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  ephemeral(channel: string, userId: string, text: string): Promise<void>;
  openModal(triggerId: string, view: ModalView): Promise<string>;
  updateModal(viewId: string, view: ModalView): Promise<void>;
  /** The person's time zone (IANA, from users.info; needs `users:read`), undefined when Slack cannot say. */
  userTimeZone?(userId: string): Promise<string | undefined>;
  /** The person's Slack locale (e.g. `de-DE`; users.info with `include_locale`), undefined when Slack gives none; rejects when Slack cannot be asked. */
  userLocale(userId: string): Promise<string | undefined>;
  /** Whether the person is a workspace admin or owner (users.info); rejects when Slack cannot say. */
  isWorkspaceAdmin(userId: string): Promise<boolean>;
  /** The members of a user group (usergroups.users.list; needs `usergroups:read`); rejects when Slack cannot say. */
  usergroupMembers(groupId: string): Promise<string[]>;
  /** Publishes the person's App Home tab (views.publish). */
  publishHome(userId: string, view: HomeView): Promise<void>;
}

/** The Slack error code of a failed Web API call (e.g. `invalid_blocks`), if it has one. */
export const slackErrorCode = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } }).data?.error;

/** Seconds Slack asked us to wait, when a call was rate-limited. */
export const slackRetryAfter = (error: unknown): number | undefined =>
  (error as { code?: string }).code === ErrorCode.RateLimitedError
    ? (error as { retryAfter?: number }).retryAfter
    : undefined;

/** Whether an error came from a Slack Web API call (rather than from Redis or our own code). */
export const isSlackFailure = (error: unknown): boolean =>
  String((error as { code?: string }).code ?? '').startsWith('slack_webapi_');

/** One sentence for a person, in their words, about why Slack refused, without internals. */
export function describeSlackFailure(tr: Translate, error: unknown): string {
  const retryAfter = slackRetryAfter(error);
  if (retryAfter !== undefined) return tr('ui.slackFailure.rateLimited', { seconds: retryAfter });
  const code = slackErrorCode(error);
  if (code) return tr('ui.slackFailure.refused', { code });
  return tr('ui.slackFailure.noAnswer');
}

/** A wait this short is worth taking on the person's behalf; a longer one is reported instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 3;

async function withRateLimitRetry<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const retryAfter = slackRetryAfter(error);
    if (retryAfter === undefined || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS) throw error;
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    return call();
  }
}

const contentOf = ({ text, blocks }: SlackMessage) => ({ text, blocks });

/** A workspace's gateway: the bot's Web API writes (JSON) and reads (form-encoded), with the same options. */
export function slackGatewayFor(token: string | undefined, options: WebClientOptions): SlackGateway {
  return createSlackGateway(createJsonCall(token, options), createFormCall(token, options));
}

/** users.info's answer, the fields the bot reads. */
type UserInfo = {
  user?: {
    tz?: unknown;
    locale?: unknown;
    is_admin?: boolean;
    is_owner?: boolean;
    is_primary_owner?: boolean;
  };
};

/**
 * Messages and views are written with `call` (JSON bodies); the rest is read with `read`. Both
 * reject a rate-limited call at once: rate limits are handled here.
 */
export function createSlackGateway(call: JsonCall, read: FormCall): SlackGateway {
  return {
    async openDm(userId) {
      const result = await withRateLimitRetry(() =>
        read<{ channel?: { id?: string } }>('conversations.open', { users: userId }),
      );
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },
    async post(channel, message) {
      const result = await withRateLimitRetry(() =>
        call<{ channel?: string; ts?: string }>('chat.postMessage', { channel, ...contentOf(message) }),
      );
      if (!result.ts || !result.channel) throw new Error('chat.postMessage returned no channel or ts');
      return { channel: result.channel, ts: result.ts };
    },
    async update(channel, ts, message) {
      await withRateLimitRetry(() => call('chat.update', { channel, ts, ...contentOf(message) }));
    },
    async ephemeral(channel, userId, text) {
      await withRateLimitRetry(() => call('chat.postEphemeral', { channel, user: userId, text }));
    },
    async openModal(triggerId, view) {
      // A trigger id lives 3 seconds: no time to wait for a rate limit.
      const result = await call<{ view?: { id?: string } }>('views.open', { trigger_id: triggerId, view });
      return result.view?.id ?? '';
    },
    async updateModal(viewId, view) {
      await withRateLimitRetry(() => call('views.update', { view_id: viewId, view }));
    },
    async userTimeZone(userId) {
      const result = await read<UserInfo>('users.info', { user: userId }).catch(() => undefined);
      const tz = result?.user?.tz;
      return typeof tz === 'string' && tz ? tz : undefined;
    },
    async userLocale(userId) {
      const result = await read<UserInfo>('users.info', { user: userId, include_locale: 'true' });
      const locale = result.user?.locale;
      return typeof locale === 'string' && locale ? locale : undefined;
    },
    async isWorkspaceAdmin(userId) {
      const { user } = await withRateLimitRetry(() => read<UserInfo>('users.info', { user: userId }));
      if (!user) throw new Error('users.info returned no user');
      return Boolean(user.is_admin || user.is_owner || user.is_primary_owner);
    },
    async usergroupMembers(groupId) {
      const result = await withRateLimitRetry(() =>
        read<{ users?: string[] }>('usergroups.users.list', { usergroup: groupId }),
      );
      return result.users ?? [];
    },
    async publishHome(userId, view) {
      await withRateLimitRetry(() => call('views.publish', { user_id: userId, view }));
    },
  };
}
