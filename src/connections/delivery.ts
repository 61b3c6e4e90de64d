import { renderHandoverFailedDm, renderHandoverFailedNotice } from '../blocks/wintroHandover.js';
import { type FlowDeps, forWorkspace } from '../flows/deps.js';
import { announcementTarget } from '../flows/notifyChannel.js';
import { wordsOf, workspaceWords } from '../flows/readers.js';
import type { AttemptNext, DeliveryJob } from './deliveryQueue.js';
import type { Delivery } from './handover.js';
import { redrawLinked } from './linkedDm.js';
import type { OutboxRecord } from './outbox.js';
import { classify, retryDelayMs } from './retryPolicy.js';

/**
 * One delivery attempt of a waiting event: delivered (2xx), retried later (408, 429, 5xx, no
 * answer) while the retry window lasts, or failed for good (any other answer, or the window
 * ended), which the person who acted and the team are told. Logs name the event and the answer,
 * never the body.
 */
export async function attemptDelivery(
  deps: FlowDeps,
  delivery: Delivery,
  job: DeliveryJob,
): Promise<AttemptNext> {
  const { outbox } = deps.handover;
  const record = await outbox.get(job.teamId, job.eventId);
  if (!record || record.failedAt !== undefined) return undefined;
  const result = await delivery.post({ id: record.id, body: record.body });
  const last = 'status' in result ? result.status : result.failure;
  const log = { eventId: record.id, type: record.type, status: last, attempt: record.attempts + 1 };
  const verdict = classify(result);
  if (verdict === 'delivered') {
    deps.metrics.webhookDelivery('delivered');
    const state = await outbox.finish(record, { state: 'delivered', last }, deps.now());
    deps.logger.info(log, 'Handed a connection event to Wintro');
    if (state)
      await inWorkspace(deps, record, (teamDeps) => redrawLinked(teamDeps, record.teamId, record.flowId));
    return undefined;
  }
  if (verdict === 'retry') {
    const retryInMs = retryDelayMs(
      record.attempts + 1,
      delivery.settings.retryBaseMs,
      Math.random,
      'retryAfterSeconds' in result ? result.retryAfterSeconds : undefined,
    );
    if (deps.now() + retryInMs <= record.deadline) {
      await outbox.attempted(record, last, deps.now());
      deps.metrics.webhookDelivery('retried');
      deps.logger.warn({ ...log, retryInMs }, 'Wintro did not take a connection event yet; trying again');
      return { retryInMs };
    }
  }
  const reason = verdict === 'retry' ? 'expired' : 'rejected';
  deps.metrics.webhookDelivery(reason === 'expired' ? 'expired' : 'failed');
  const state = await outbox.finish(record, { state: 'failed', last, reason }, deps.now());
  deps.logger.error(
    { ...log, reason },
    reason === 'expired'
      ? 'Gave up handing a connection event to Wintro: the retry window ended'
      : 'Wintro refused a connection event; it is not sent again',
  );
  await inWorkspace(deps, record, (teamDeps) => tellFailure(teamDeps, record));
  if (state)
    await inWorkspace(deps, record, (teamDeps) => redrawLinked(teamDeps, record.teamId, record.flowId));
  return undefined;
}

/** Runs Slack follow-ups with the workspace's own token; a workspace out of reach only loses them. */
async function inWorkspace(
  deps: FlowDeps,
  record: OutboxRecord,
  run: (teamDeps: FlowDeps) => Promise<unknown>,
) {
  try {
    await run(await forWorkspace(deps, record.teamId));
  } catch (error) {
    deps.logger.warn(
      { eventId: record.id, error: (error as Error).message },
      'Could not tell Slack of a hand-over',
    );
  }
}

/** Tells whoever linked, and the notify channel, once: verified, but not with Wintro yet. */
async function tellFailure(deps: FlowDeps, record: OutboxRecord): Promise<void> {
  if (record.type !== 'connection.linked') return;
  if (!(await deps.once.claim(record.teamId, `handover-failed:${record.id}`, 30 * 24 * 3600))) return;
  const channel = await announcementTarget(deps, record.teamId, record.userId);
  const linker = await wordsOf(deps, record.teamId, record.userId);
  const team = channel && channel !== record.userId ? await workspaceWords(deps, record.teamId) : undefined;
  const sends = [
    deps.slack.post(record.userId, renderHandoverFailedDm(linker.tr, linker.catalog.name(record.systemId))),
    ...(channel && team
      ? [
          deps.slack.post(
            channel,
            renderHandoverFailedNotice(team.tr, team.catalog.name(record.systemId), record.userId),
          ),
        ]
      : []),
  ];
  for (const sent of await Promise.allSettled(sends)) {
    if (sent.status === 'rejected') {
      deps.logger.warn(
        { eventId: record.id, error: (sent.reason as Error).message },
        'Could not tell of a failed hand-over',
      );
    }
  }
}
