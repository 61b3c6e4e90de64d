import type { LinkableSystem, VerificationOutcome, VerifyContext } from '../../src/systems/types.js';
import type { VendorRequest, VendorResult } from '../../src/vendors/http.js';

/** A vendor's answer as the HTTP layer hands it over: status, headers and a JSON (or raw) body. */
export const answer = (
  status: number,
  body: unknown = {},
  headers: Record<string, string> = {},
): VendorResult => ({
  ok: true,
  response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
});

interface StubOptions {
  /** The key a request is answered by; its URL's path unless told. */
  pathOf?: (url: URL) => string;
  /** The status of a path nobody scripted. */
  unscripted?: number;
}

/**
 * A VendorHttp that answers by path and records every request; nothing leaves the process. A path
 * given a list gets its answers in turn, and a 500 once they run out.
 */
export function stubHttp(
  answers: Record<string, VendorResult | VendorResult[]>,
  { pathOf = (url) => url.pathname, unscripted = 404 }: StubOptions = {},
) {
  const requests: VendorRequest[] = [];
  const context: VerifyContext = {
    http: {
      async send(request) {
        requests.push(request);
        const scripted = answers[pathOf(new URL(request.url))];
        if (Array.isArray(scripted)) return scripted.shift() ?? answer(500);
        return scripted ?? answer(unscripted);
      },
    },
  };
  return { context, requests };
}

/** The outcome, which the test expects to be a failure. */
export const failure = (outcome: VerificationOutcome) => {
  if (outcome.ok) throw new Error('expected a failure');
  return outcome;
};

/** Every screenshot address of a system's prerequisites and steps, in order (undefined where none). */
export const screenshotUrls = (system: Pick<LinkableSystem, 'prerequisites' | 'steps'>) =>
  [...system.prerequisites.selfCheck, ...system.steps].map((step) => step.screenshot?.url);

/** Where a Kombo help-centre attachment lives. */
export const komboAttachment = (id: string) => `https://help.kombo.dev/hc/article_attachments/${id}`;

/** Each way the HTTP layer fails to reach a vendor, and the outcome code every vendor's check gives it. */
export const TRANSPORT_FAILURES = [
  ['timeout', 'timeout'],
  ['unreachable', 'unreachable'],
  ['too_large', 'vendor_error'],
] as const;

/** A context whose every request fails the given way before any vendor answers. */
export const failingTransport = (kind: (typeof TRANSPORT_FAILURES)[number][0]): VerifyContext => ({
  http: { send: async () => ({ ok: false, failure: kind }) },
});
