import * as z from 'zod/mini';
import { renderBrokenDm, renderBrokenNotice, renderRestored } from '../blocks/connectionHealth.js';
import { renderExpiryWarning } from '../blocks/handover.js';
import type { FlowDeps } from '../flows/deps.js';
import { announcementTarget } from '../flows/notifyChannel.js';
import type { FlowState } from '../flows/state.js';
import { formatDay } from '../messages/dates.js';
import { type Language, translator } from '../messages/index.js';
import type { HashWrite } from '../store/flowStore.js';
import type { VerificationFailure } from '../systems/types.js';
import { type AnyConnectionEvent, brokenEvent, restoredEvent } from './events.js';
import { expiryOf, type HealthSubject, nextHealth } from './health.js';

/**
 * What a re-check's answer changes and who hears of it: the connection's health (with Wintro's
 * event in the same step), whoever linked it, the channel once per breakage, and the notes when it
 * works again.
 */

/** Broken-and-told markers and claims outlive any breakage worth remembering. */
const TOLD_TTL_SECONDS = 400 * 24 * 3600;

/** Remembered while a connection is broken: whose it was, and which channel was told. */
const brokenMarkerSchema = z.object({
  flowId: z.string(),
  linkedBy: z.string(),
  channel: z.optional(z.string()),
});
type BrokenMarker = z.infer<typeof brokenMarkerSchema>;
const markerName = (systemId: string) => `broken:${systemId}`;

export const brokenEventId = (flowId: string, brokenSince: number) => `evt_broken_${flowId}_${brokenSince}`;
export const restoredEventId = (flowId: string, at: number) => `evt_restored_${flowId}_${at}`;

/** The outbox writes of a lifecycle event, to store in the same step as what it reports. */
async function eventWrites(
  deps: FlowDeps,
  connection: HealthSubject & { linkedBy: string },
  id: string,
  event: AnyConnectionEvent,
): Promise<HashWrite[]> {
  const delivery = deps.handover.delivery;
  if (!delivery) return [];
  const now = deps.now();
  return deps.handover.outbox.records(
    {
      id,
      type: event.type,
      teamId: connection.teamId,
      systemId: connection.systemId,
      flowId: connection.flowId,
      userId: connection.linkedBy,
      body: JSON.stringify(event),
      createdAt: now,
      deadline: now + delivery.settings.retryWindowMs,
    },
    now,
  );
}

async function enqueue(deps: FlowDeps, teamId: string, eventId: string): Promise<void> {
  await deps.handover.enqueue(teamId, eventId).catch((error: unknown) => {
    deps.logger.warn(
      { eventId, error: (error as Error).message },
      'Could not queue a connection event for Wintro now; the sweep queues it',
    );
  });
}

const subjectOf = async (deps: FlowDeps, connection: HealthSubject) => ({
  accountId: await deps.accountOf(connection.teamId),
  teamId: connection.teamId,
  systemId: connection.systemId,
});

type Checked = HealthSubject & { linkedBy: string };

/**
 * Records a definite failure. The first one marks the connection broken (since now) and, in the
 * same step, queues `connection.broken` for Wintro; later ones only refresh what the vendor said.
 * Undefined when the connection was replaced or removed meanwhile (its successor is left alone).
 */
export async function markBroken<C extends Checked>(
  deps: FlowDeps,
  connection: C,
  failure: VerificationFailure,
): Promise<C | undefined> {
  const now = deps.now();
  const newlyBroken = connection.health?.state !== 'broken';
  const eventId = brokenEventId(connection.flowId, now);
  const writes = newlyBroken
    ? await eventWrites(
        deps,
        connection,
        eventId,
        brokenEvent(await subjectOf(deps, connection), {
          linkedBy: connection.linkedBy,
          at: now,
          code: failure.code,
          title: failure.title,
        }),
      )
    : [];
  const recorded = await deps.connections.recordHealth(
    connection.teamId,
    connection.systemId,
    connection,
    (previous) => nextHealth(previous, { kind: 'broken', failure }, now),
    writes,
  );
  if (!recorded.written) return undefined;
  if (writes.length) await enqueue(deps, connection.teamId, eventId);
  if (newlyBroken) {
    await holdMarker(deps, connection.teamId, connection.systemId, {
      flowId: connection.flowId,
      linkedBy: connection.linkedBy,
    });
  }
  return { ...connection, health: recorded.health };
}

/**
 * Records a passing check. A connection that was broken is restored: `connection.restored` for
 * Wintro in the same step, and the short "working again" notes.
 */
export async function markWorking<C extends Checked>(deps: FlowDeps, connection: C): Promise<C | undefined> {
  const now = deps.now();
  const wasBroken = connection.health?.state === 'broken';
  const eventId = restoredEventId(connection.flowId, now);
  const writes = wasBroken
    ? await eventWrites(
        deps,
        connection,
        eventId,
        restoredEvent(await subjectOf(deps, connection), { by: connection.linkedBy, at: now }),
      )
    : [];
  const recorded = await deps.connections.recordHealth(
    connection.teamId,
    connection.systemId,
    connection,
    (previous) => nextHealth(previous, { kind: 'working' }, now),
    writes,
  );
  if (!recorded.written) return undefined;
  if (writes.length) await enqueue(deps, connection.teamId, eventId);
  if (wasBroken) await tellRestored(deps, connection.teamId, connection.systemId, connection.flowId);
  return { ...connection, health: recorded.health };
}

/**
 * A new link that replaces a broken connection restores it: Wintro hears
 * `connection.restored` (after the new `connection.linked`), and whoever linked the broken one
 * and the channel told of it hear it works again.
 */
export async function restoredByRelink(deps: FlowDeps, flow: FlowState): Promise<void> {
  const marker = await peekMarker(deps, flow.teamId, flow.systemId);
  if (!marker || marker.flowId === flow.id) return;
  // The broken connection was unlinked (or replaced unnoticed) before this link: nothing to restore.
  if (flow.replaces?.flowId !== marker.flowId) return forgetBroken(deps, flow.teamId, flow.systemId);
  const now = deps.now();
  const subject = { teamId: flow.teamId, systemId: flow.systemId, flowId: flow.id, linkedAt: now };
  const eventId = restoredEventId(flow.id, now);
  const event = restoredEvent(await subjectOf(deps, subject), { by: flow.holderId, at: now });
  const writes = await eventWrites(deps, { ...subject, linkedBy: flow.holderId }, eventId, event);
  if (writes.length) {
    await deps.handover.outbox.store(writes);
    await enqueue(deps, flow.teamId, eventId);
  }
  await tellRestored(deps, flow.teamId, flow.systemId, marker.flowId, flow.holderId);
}

/** Sends a message at most once; a send Slack refused gives its claim back for the next re-check. */
async function sendOnce(
  deps: FlowDeps,
  teamId: string,
  name: string,
  send: () => Promise<unknown>,
): Promise<boolean> {
  if (!(await deps.once.claim(teamId, name, TOLD_TTL_SECONDS))) return false;
  try {
    await send();
    return true;
  } catch (error) {
    await deps.once.release(teamId, name).catch(() => undefined);
    deps.logger.warn({ error: (error as Error).message }, 'Could not tell of a connection’s health');
    return false;
  }
}

/**
 * Tells whoever linked a broken connection (with **Fix it**) and the channel, each once per
 * breakage. Run again on every failing re-check, so a message Slack refused is sent the next time.
 */
export async function tellBroken(deps: FlowDeps, connection: Checked): Promise<void> {
  const { health, teamId, systemId, flowId, linkedBy } = connection;
  if (health?.state !== 'broken' || !health.failure) return;
  const since = health.brokenSince ?? health.checkedAt;
  const failure = health.failure;
  const wordsOf = (language: Language) => {
    const system = deps.catalogs.in(language).system(systemId);
    return {
      system: system?.name ?? systemId,
      vendor: system?.vendor ?? systemId,
      systemId,
      flowId,
      failure,
    };
  };
  const language = await deps.languages.of(teamId, linkedBy);
  await sendOnce(deps, teamId, `broken-dm:${flowId}:${since}`, () =>
    deps.slack.post(linkedBy, renderBrokenDm(translator(language), wordsOf(language))),
  );
  const channel = await announcementTarget(deps, teamId, linkedBy);
  if (!channel || channel === linkedBy) return;
  const channelLanguage = await deps.languages.ofWorkspace(teamId);
  const told = await sendOnce(deps, teamId, `broken-channel:${flowId}:${since}`, () =>
    deps.slack.post(
      channel,
      renderBrokenNotice(translator(channelLanguage), wordsOf(channelLanguage), linkedBy),
    ),
  );
  if (told) await holdMarker(deps, teamId, systemId, { flowId, linkedBy, channel });
}

/** "Working again": to whoever linked the broken connection, and to the channel if it was told. */
async function tellRestored(
  deps: FlowDeps,
  teamId: string,
  systemId: string,
  brokenFlowId: string,
  relinkedBy?: string,
): Promise<void> {
  const raw = await deps.once.take(teamId, markerName(systemId));
  const marker = parseMarker(raw);
  if (!marker || marker.flowId !== brokenFlowId) return;
  const sends: Promise<unknown>[] = [];
  const say = (language: Language, where: 'dm' | 'channel') =>
    renderRestored(translator(language), deps.catalogs.in(language).name(systemId), where, relinkedBy);
  // Whoever fixed it by linking again has just seen it linked.
  if (marker.linkedBy !== relinkedBy) {
    const language = await deps.languages.of(teamId, marker.linkedBy);
    sends.push(deps.slack.post(marker.linkedBy, say(language, 'dm')));
  }
  if (marker.channel) {
    const language = await deps.languages.ofWorkspace(teamId);
    sends.push(deps.slack.post(marker.channel, say(language, 'channel')));
  }
  for (const sent of await Promise.allSettled(sends)) {
    if (sent.status === 'rejected')
      deps.logger.warn({ error: (sent.reason as Error).message }, 'Could not say a connection works again');
  }
}

/**
 * Warns whoever linked it that the credentials run out soon, once. True when the warning has gone
 * out (now or before); false when Slack refused it (tried again at the next re-check).
 */
export async function warnOfExpiry(deps: FlowDeps, connection: Checked & { expiresAt?: string }) {
  const expires = expiryOf(connection);
  if (expires === undefined || !connection.expiresAt) return true;
  const name = `expiry:${connection.systemId}:${connection.flowId}`;
  const ttl = Math.max(30 * 24 * 3600, Math.ceil((expires - deps.now()) / 1000) + 24 * 3600);
  if (!(await deps.once.claim(connection.teamId, name, ttl))) return true;
  const language = await deps.languages.of(connection.teamId, connection.linkedBy);
  const catalog = deps.catalogs.in(language);
  const warning = renderExpiryWarning(
    translator(language),
    catalog.name(connection.systemId),
    formatDay(language, connection.expiresAt),
    deps.catalogs.any.linkWord(connection.systemId, 'exact'),
    connection,
  );
  try {
    await deps.slack.post(connection.linkedBy, warning);
    deps.logger.info({ system: connection.systemId }, 'Warned that linked credentials expire soon');
    return true;
  } catch (error) {
    await deps.once.release(connection.teamId, name).catch(() => undefined);
    deps.logger.warn({ error: (error as Error).message }, 'Could not warn that credentials expire soon');
    return false;
  }
}

const parseMarker = (raw: string | undefined): BrokenMarker | undefined => {
  if (!raw) return undefined;
  try {
    const parsed = brokenMarkerSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

async function holdMarker(deps: FlowDeps, teamId: string, systemId: string, marker: BrokenMarker) {
  await deps.once
    .hold(teamId, markerName(systemId), JSON.stringify(marker), TOLD_TTL_SECONDS)
    .catch((error: unknown) =>
      deps.logger.warn({ error: (error as Error).message }, 'Could not remember a broken connection'),
    );
}

async function peekMarker(deps: FlowDeps, teamId: string, systemId: string) {
  return parseMarker(await deps.once.peek(teamId, markerName(systemId)));
}

/** Forgets that a system's connection was broken (it was unlinked): no "working again" later. */
export async function forgetBroken(deps: FlowDeps, teamId: string, systemId: string): Promise<void> {
  await deps.once.take(teamId, markerName(systemId));
}
