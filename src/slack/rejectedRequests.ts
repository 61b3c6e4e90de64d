import type { RejectionReason } from '../metrics/metrics.js';

/** How often, at most, the count of rejected requests is written to the log. */
export const REJECTION_SUMMARY_EVERY_MS = 60_000;

/**
 * Requests refused for their signature. Anyone can send those, as many as they like, so each one is
 * counted rather than logged: the log gets at most one summary line a minute, naming how many.
 */
export class RejectedRequestCounter {
  private total = 0;
  private unreported = 0;
  private summary?: NodeJS.Timeout;
  private readonly byReason: Record<RejectionReason, number> = {
    unsigned: 0,
    bad_signature: 0,
    malformed: 0,
  };

  record(log: (message: string) => void, reason: 'unsigned' | 'bad_signature' = 'bad_signature'): void {
    this.byReason[reason] += 1;
    this.total += 1;
    this.unreported += 1;
    if (this.summary) return;
    this.summary = setTimeout(() => {
      this.summary = undefined;
      const count = this.unreported;
      this.unreported = 0;
      log(`${count} unsigned or badly signed requests were answered 401 in the last minute`);
    }, REJECTION_SUMMARY_EVERY_MS);
    this.summary.unref();
  }

  /** Every request refused for its signature since the process started. */
  count(): number {
    return this.total;
  }

  /** A signed request whose body is not what Slack sends (answered 400): counted, never logged. */
  recordMalformed(): void {
    this.byReason.malformed += 1;
  }

  /** Every refused request since the process started, by reason (for the metrics). */
  reasons(): Record<RejectionReason, number> {
    return { ...this.byReason };
  }
}

export const rejectedRequests = new RejectedRequestCounter();
