import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type * as z from 'zod/mini';
import type { DeferredClaim } from '../flows/applyEvent.js';
import type { PreparedLink } from '../flows/preparedLink.js';
import type { LanguageLookUp, PersonLanguages } from '../languages/personLanguages.js';
import { rejectedRequests } from '../slack/rejectedRequests.js';
import type { OnceGuard } from '../store/once.js';
import { actionPayload, commandPayload, teamOf, viewPayload } from './payloads.js';

/**
 * Bolt refuses requests signed more than 5 minutes ago, so a claim only has to outlive that
 * window; keeping it longer would only cost Redis memory.
 */
export const REQUEST_CLAIM_SECONDS = 6 * 60;

/** A Slack request the bot handles, parsed once, for its listener. */
export type WintroRequest =
  | ((
      | { surface: 'command'; payload: z.infer<typeof commandPayload>; teamId: string }
      | { surface: 'action'; payload: z.infer<typeof actionPayload>; teamId: string }
      | { surface: 'view'; payload: z.infer<typeof viewPayload>; teamId: string }
    ) & {
      /** Redis could not say whether this request was seen before: the listener says so. */
      unavailable?: true;
      /** The workspace has not installed the app (or uninstalled it): the listener says so. */
      notInstalled?: true;
      /** The workspace's bot token, as Bolt found it for this request (multi-workspace mode). */
      botToken?: string;
      /** A button that moves a flow: its claim is taken in the flow's compare-and-set, not here. */
      claim?: DeferredClaim;
      /** A command's sender's language, read in the claim's round trip (it may reject: Redis). */
      language?: Promise<LanguageLookUp>;
      /** A link command's reading, begun in the claim's round trip (see `PreparedLink`). */
      preparedLink?: PreparedLink;
    })
  /** Not what Slack sends for this surface: the listener answers without acting. */
  | { surface: 'command' | 'action' | 'view'; malformed: true };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses a request body into what the listeners use; undefined for anything the bot does not handle. */
export function parseRequest(body: unknown): WintroRequest | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.command === 'string') {
    const parsed = commandPayload.safeParse(body);
    if (!parsed.success) return { surface: 'command', malformed: true };
    return { surface: 'command', payload: parsed.data, teamId: parsed.data.team_id };
  }
  if (body.type === 'block_actions') {
    const parsed = actionPayload.safeParse(body);
    const teamId = parsed.success ? teamOf(parsed.data) : undefined;
    if (!parsed.success || !teamId) return { surface: 'action', malformed: true };
    return { surface: 'action', payload: parsed.data, teamId };
  }
  if (body.type === 'view_submission') {
    const parsed = viewPayload.safeParse(body);
    const teamId = parsed.success ? teamOf(parsed.data, parsed.data.view.team_id) : undefined;
    if (!parsed.success || !teamId) return { surface: 'view', malformed: true };
    return { surface: 'view', payload: parsed.data, teamId };
  }
  return undefined;
}

/**
 * An event without a type, or a form without a callback id, of another kind than a string: the
 * listeners' matchers (regular expressions, see events/ and views/) would throw on it in Bolt.
 */
export function unmatchable(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (body.type === 'event_callback') return !isRecord(body.event) || typeof body.event.type !== 'string';
  if (body.type === 'view_submission' || body.type === 'view_closed')
    return !isRecord(body.view) || typeof body.view.callback_id !== 'string';
  return false;
}

/** The parsed request a listener runs for (set by `parseAndClaim`). */
export const requestOf = (context: Record<string, unknown>) => context.wintro as WintroRequest | undefined;

/**
 * Runs before every listener: parses the payload (zod), finds the team, and claims the request by
 * its trigger_id. Slack may deliver the same request twice; only the first one acts, a replay is
 * acknowledged and dropped. When Redis cannot say, the request is marked unavailable: a command or
 * a button is answered at once that Wintro is briefly unavailable, while a form goes ahead and
 * meets the outage where it needs Redis (so a form whose answer is recorded after it closes tells
 * the person afterwards, and one that needs Redis first keeps what was typed).
 */
export function parseAndClaim(
  once: OnceGuard,
  {
    claimedInTheirStep = () => false,
    languages,
    prepareCommand,
  }: {
    /** Buttons whose handler makes a compare-and-set before anything else it does: see `DeferredClaim`. */
    claimedInTheirStep?: (actionId: string) => boolean;
    /** A command's sender's language: read in the claim's round trip. */
    languages?: Pick<PersonLanguages, 'readOf' | 'lookUpFrom'>;
    /** What a command reads besides (a link's setup reading), begun in the claim's round trip. */
    prepareCommand?: (teamId: string, userId: string, text: string) => PreparedLink | undefined;
  } = {},
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (unmatchable(args.body)) {
      // Nothing to act on; an event is acknowledged already, a form gets an empty acknowledgement.
      rejectedRequests.recordMalformed();
      if ('ack' in args && args.ack) await args.ack();
      return;
    }
    const request = parseRequest(args.body);
    if (request) args.context.wintro = request;
    // Counted here for every receiver: over HTTP and over the Socket Mode socket alike.
    if (request && 'malformed' in request) rejectedRequests.recordMalformed();
    if (!request || 'malformed' in request) return args.next();
    if (args.context.notInstalled) {
      request.notInstalled = true;
      return args.next();
    }
    request.botToken = args.context.botToken;
    const triggerId = request.payload.trigger_id;
    const actionId = request.surface === 'action' ? request.payload.actions[0]?.action_id : undefined;
    if (triggerId && actionId && claimedInTheirStep(actionId)) {
      request.claim = { name: `request:${triggerId}`, ttlSeconds: REQUEST_CLAIM_SECONDS, taken: false };
    } else if (triggerId) {
      let prepared: PreparedLink | undefined;
      try {
        const name = `request:${triggerId}`;
        let first: boolean;
        if (request.surface === 'command' && languages) {
          const userId = request.payload.user_id;
          const { key, fields } = languages.readOf(request.teamId, userId);
          const claiming = once.claimReading(request.teamId, name, REQUEST_CLAIM_SECONDS, key, fields);
          // Issued before the claim is awaited: both go to Redis together.
          prepared = prepareCommand?.(request.teamId, userId, request.payload.text);
          const claimed = await claiming;
          first = claimed.first;
          if (first && prepared) request.preparedLink = prepared;
          else prepared?.discard();
          request.language = languages.lookUpFrom(request.teamId, userId, claimed.values);
          // Awaited by the listener; a replay never looks at it.
          request.language.catch(() => undefined);
        } else {
          first = await once.claim(request.teamId, name, REQUEST_CLAIM_SECONDS);
        }
        if (!first) {
          if ('ack' in args && args.ack) await args.ack();
          return;
        }
      } catch {
        request.unavailable = true;
        prepared?.discard();
      }
    }
    await args.next();
  };
}
