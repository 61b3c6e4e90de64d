import type { App, ReceiverEvent } from '@slack/bolt';
import type { AckKind, Metrics } from './metrics.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Which kind of request a body is, for `wintro_ack_seconds`; undefined for what the bot does not time. */
export function ackKindOf(body: unknown): AckKind | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.command === 'string') return 'command';
  switch (body.type) {
    case 'block_actions':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'event_callback':
      return 'event';
    default:
      return undefined;
  }
}

/**
 * Times every acknowledgement, from the moment the receiver hands Bolt the request to the ack:
 * the installation lookup, the request claim and the listener's own work before it answers — what
 * Slack waits for. Every receiver (HTTP, Socket Mode, a test's) hands requests to
 * `app.processEvent`, so wrapping it times all of them in one place, events included (Bolt
 * acknowledges those itself before any middleware runs).
 */
export function timeAcknowledgements(
  app: App,
  metrics: Metrics,
  now: () => number = performance.now.bind(performance),
) {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) => {
    const kind = ackKindOf(event.body);
    if (!kind) return processEvent(event);
    const started = now();
    let timed = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      try {
        await event.ack(response);
      } finally {
        if (!timed) {
          timed = true;
          metrics.acknowledged(kind, (now() - started) / 1000);
        }
      }
    };
    return processEvent({ ...event, ack });
  };
}
