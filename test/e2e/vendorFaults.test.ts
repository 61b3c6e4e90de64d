import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { type FakeGreenhouse, type GreenhouseMode, startFakeGreenhouse } from '../support/fakeGreenhouse.js';
import { readBody, recordOf, sendJson, serveOnLoopback } from '../support/httpFake.js';
import { eventually, type Journey, textOf } from '../support/journey.js';
import { checkCredentials, walkToCredentials as walk } from '../support/linking.js';

/**
 * Greenhouse misbehaving at the transport level, through the real app: every fault ends in a
 * specific result in the credentials modal, the admin can check again from the same form, and no
 * credential ever travels to another host.
 */

const ACCOUNT = greenhouseAccount('gh-secret-Fault9Yw8Vu7Ts6Rq5Po4Nm3');
const { clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID } = ACCOUNT;
const good = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };

/** A second host a redirect points at: it must never be reached. */
interface Elsewhere {
  url: string;
  hits: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

async function startElsewhere(): Promise<Elsewhere> {
  const hits: Elsewhere['hits'] = [];
  const served = await serveOnLoopback(async (req, res) => {
    const { method, path, headers, body } = recordOf(req, await readBody(req));
    hits.push({ method, path: req.url ?? path, headers, body });
    sendJson(res, 200, { token_type: 'Bearer', access_token: 'issued-by-someone-else' });
  });
  return { ...served, hits };
}

const greenhouseFrame = greenhouseSetup(ACCOUNT);
const e2e = useE2e<{ greenhouse: FakeGreenhouse; elsewhere: Elsewhere }>({
  ...greenhouseFrame,
  vendors: async () => ({ greenhouse: await startFakeGreenhouse(), elsewhere: await startElsewhere() }),
  reset: (vendors) => {
    greenhouseFrame.reset?.(vendors);
    vendors.elsewhere.hits.length = 0;
  },
  // Whatever a fault looked like, credentials went to Greenhouse and nowhere else.
  after: ({ elsewhere }) => expect(elsewhere.hits).toEqual([]),
});
const { vendors } = e2e;
const { acks } = e2e;

const walkToCredentials = (journey: Journey) =>
  walk(journey, 'greenhouse', { prerequisite: 'Can manage ALL organization', acks });

/** Submits the form and waits for the result the bot draws into the modal (views.update). */
async function submitAndWaitForResult(journey: Journey, viewId: string, flowId: string) {
  const started = Date.now();
  const { submitted, resultText, resultView } = await checkCredentials(
    journey,
    { viewId, flowId, view: {} },
    good,
    acks,
  );
  expect(textOf(submitted.view.blocks)).toContain('Checking with Greenhouse');
  return { text: resultText, view: resultView, elapsed: Date.now() - started };
}

/** The fault is gone: the admin checks again from the same form and the link is made. */
async function retrySucceeds(journey: Journey, viewId: string, flowId: string) {
  vendors.greenhouse.mode = { kind: 'normal' };
  const { text } = await submitAndWaitForResult(journey, viewId, flowId);
  expect(text).toContain('is linked');
  await journey.waitForMessage((message) => message.includes('Greenhouse is linked'));
  expect(e2e.slack.callsTo('views.open')).toHaveLength(1);
}

async function failOnceThenRetry(mode: GreenhouseMode) {
  const journey = e2e.journey();
  const { viewId, flowId } = await walkToCredentials(journey);
  vendors.greenhouse.mode = mode;
  const result = await submitAndWaitForResult(journey, viewId, flowId);
  // The form stays open for another try, and the DM says the same.
  expect(result.view.submit.text).toBe('Check again');
  const tokenCalls = vendors.greenhouse.requests.filter((request) => request.path === '/token').length;
  expect(tokenCalls).toBe(1);
  await journey.waitForMessage((message) => message.includes('Enter credentials'));
  await retrySucceeds(journey, viewId, flowId);
  return result;
}

describe('Greenhouse faults, through the real app', () => {
  it('a token answer that is not JSON: Greenhouse had a problem, and a retry links', async () => {
    const { text } = await failOnceThenRetry({ kind: 'token_malformed' });
    expect(text).toContain('Greenhouse had a problem');
    expect(text).toContain('answered without an access token');
    expect(text).not.toContain('did not accept');
  });

  it('a 5 MB token answer is cut off at the cap, not buffered, and a retry links', async () => {
    const { text, elapsed } = await failOnceThenRetry({ kind: 'token_huge', bytes: 5 * 1024 * 1024 });
    expect(text).toContain('Greenhouse had a problem');
    expect(text).toContain('far larger than expected');
    // Cut off, not timed out: the vendor deadline in these tests is 1.5 s.
    expect(elapsed).toBeLessThan(1500);
    expect(vendors.greenhouse.streamed.total).toBe(5 * 1024 * 1024);
    await eventually(() => expect(vendors.greenhouse.streamed.clientClosed).toBe(true));
  });

  it('a token answer that announces 5 MB is refused before it is read', async () => {
    const { text, elapsed } = await failOnceThenRetry({
      kind: 'token_huge',
      bytes: 5 * 1024 * 1024,
      declareLength: true,
    });
    expect(text).toContain('far larger than expected');
    expect(elapsed).toBeLessThan(1500);
  });

  it.each([302, 307])(
    'a %i redirect to another host is not followed: the credentials stay with Greenhouse',
    async (status) => {
      const { text } = await failOnceThenRetry({
        kind: 'token_redirect',
        status,
        location: `${vendors.elsewhere.url}/token`,
      });
      expect(text).toContain('Greenhouse had a problem');
      expect(text).toContain(`unexpected status (${status})`);
      // afterEach also checks that the other host saw nothing at all.
      expect(vendors.elsewhere.hits).toEqual([]);
    },
  );

  it('a connection reset in the middle of the token answer: the connection failed, and a retry links', async () => {
    const { text } = await failOnceThenRetry({ kind: 'token_reset' });
    expect(text).toContain('could not reach Greenhouse');
    expect(text).toContain('The connection to Greenhouse failed');
  });

  it('a 5xx on a scope probe after a good token: Greenhouse had a problem reading, and a retry links', async () => {
    const { text } = await failOnceThenRetry({ kind: 'list_error', status: 502 });
    expect(text).toContain('Greenhouse had a problem');
    expect(text).toMatch(/reading (users|jobs|candidates|applications) failed \(502\)/);
    // Not mistaken for missing scopes or wrong credentials.
    expect(text).not.toContain('Manage scopes');
    expect(text).not.toContain('did not accept');
  });

  it('nothing of the fault reaches the logs beyond its category', async () => {
    await failOnceThenRetry({
      kind: 'token_redirect',
      status: 302,
      location: `${vendors.elsewhere.url}/token`,
    });
    const finished = e2e.running.logs
      .lines()
      .filter((line) => typeof line === 'object' && line.msg === 'Verification finished')
      .map((line) => line.outcome);
    expect(finished).toEqual(['vendor_error', 'linked']);
    expect(e2e.running.logs.text()).not.toContain(vendors.elsewhere.url);
    expect(e2e.running.logs.text()).not.toContain(
      Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64'),
    );
  });
});
