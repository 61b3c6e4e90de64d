import { renderHandoverFailedDm, renderHandoverFailedNotice } from '../blocks/wintroHandover.js';
import type { FlowDeps } from '../flows/deps.js';
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
  if (!record) return undefined;
  const result = await delivery.post({ id: record.id, body: record.body });
  const last = 'status' in result ? result.status : result.failure;
  const log = { eventId: record.id, type: record.type, status: last, attempt: record.attempts + 1 };
  const verdict = classify(result);
  if (verdict === 'delivered') {
    const state = await outbox.finish(record, { state: 'delivered', last }, deps.now());
    deps.logger.info(log, 'Handed a connection event to Wintro');
    if (state) await redrawLinked(deps, record.teamId, record.flowId);
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
      deps.logger.warn({ ...log, retryInMs }, 'Wintro did not take a connection event yet; trying again');
      return { retryInMs };
    }
  }
  const reason = verdict === 'retry' ? 'expired' : 'rejected';
  const state = await outbox.finish(record, { state: 'failed', last, reason }, deps.now());
  deps.logger.error(
    { ...log, reason },
    reason === 'expired'
      ? 'Gave up handing a connection event to Wintro: the retry window ended'
      : 'Wintro refused a connection event; it is not sent again',
  );
  await tellFailure(deps, record);
  if (state) await redrawLinked(deps, record.teamId, record.flowId);
  return undefined;
}

/** Tells whoever linked, and the notify channel, once: verified, but not with Wintro yet. */
async function tellFailure(deps: FlowDeps, record: OutboxRecord): Promise<void> {
  if (record.type !== 'connection.linked') return;
  if (!(await deps.once.claim(record.teamId, `handover-failed:${record.id}`, 30 * 24 * 3600))) return;
  const name = deps.catalog.name(record.systemId);
  const channel = deps.settings.notifyChannel;
  const sends = [
    deps.slack.post(record.userId, renderHandoverFailedDm(name)),
    ...(channel ? [deps.slack.post(channel, renderHandoverFailedNotice(name, record.userId))] : []),
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
