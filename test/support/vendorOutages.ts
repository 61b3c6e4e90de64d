/**
 * What every vendor check must say when the vendor is down, too slow, unreachable or asks us to
 * wait: the same tests for each vendor, through the real app, in the vendor's own words.
 */
import { expect, it } from 'vitest';
import type { E2e } from './e2e.js';
import type { CommonMode } from './httpFake.js';
import type { Journey } from './journey.js';

export interface VendorOutages {
  /** Walks to the credentials form and submits good credentials; the check fails. */
  check(journey: Journey): Promise<{ viewId: string; flowId: string; resultText: string }>;
  /** Puts the fake vendor in a mode. */
  setMode(mode: CommonMode): void;
  /** The bot's environment with the vendor at a port nobody listens on. */
  unreachable: Record<string, string>;
  /** What a timeout says, when it is more than "did not answer in time". */
  slowSays?: string;
  /** Retry-After of 7 seconds: said in the result, and a second submission is refused without a call. */
  rateLimited?: { good: Record<string, string>; field: string; requests(): number };
}

export function itSaysWhatWentWrong(vendor: string, e2e: E2e<unknown>, cases: VendorOutages) {
  const failed = (mode?: CommonMode) => {
    if (mode) cases.setMode(mode);
    return cases.check(e2e.journey());
  };
  it(`says when ${vendor} is down`, async () => {
    expect((await failed({ kind: 'down' })).resultText).toContain(`${vendor} had a problem`);
  });

  it(`says when ${vendor} times out`, async () => {
    const { resultText } = await failed({ kind: 'slow', delayMs: 2500 });
    expect(resultText).toContain(cases.slowSays ?? 'did not answer in time');
  });

  const rateLimited = cases.rateLimited;
  if (rateLimited) {
    it(`honours Retry-After when ${vendor} rate-limits`, async () => {
      cases.setMode({ kind: 'rate_limited', retryAfter: 7 });
      const journey = e2e.journey();
      const { viewId, flowId, resultText } = await cases.check(journey);
      expect(resultText).toContain('Try again in 7 seconds');
      const calls = rateLimited.requests();
      const again = await journey.submit(viewId, flowId, rateLimited.good);
      e2e.acks.push(again.body);
      expect(again.body.response_action).toBe('errors');
      expect(again.body.errors[rateLimited.field]).toMatch(/asked us to wait\. Try again in [67] seconds/);
      expect(rateLimited.requests()).toBe(calls);
    });
  }

  it(`cannot reach ${vendor}`, async () => {
    await e2e.restart(cases.unreachable);
    expect((await failed()).resultText).toContain(`could not reach ${vendor}`);
  });
}
