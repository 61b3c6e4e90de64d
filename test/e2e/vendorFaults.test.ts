import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e.js';
import { type FakeGreenhouse, type GreenhouseMode, startFakeGreenhouse } from '../support/fakeGreenhouse.js';
import { eventually, type Journey, textOf } from '../support/journey.js';
import { checkCredentials, walkToCredentials as walk } from '../support/linking.js';

/**
 * Greenhouse misbehaving at the transport level, through the real app: every fault ends in a
 * specific result in the credentials modal, the admin can check again from the same form, and no
 * credential ever travels to another host.
 */

const CLIENT_ID = 'a1b2c3d4e5f6-7';
const CLIENT_SECRET = 'gh-secret-Fault9Yw8Vu7Ts6Rq5Po4Nm3';
const USER_ID = '12345';
const good = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };

/** A second host a redirect points at: it must never be reached. */
interface Elsewhere {
  url: string;
  hits: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

async function startElsewhere(): Promise<Elsewhere> {
  const hits: Elsewhere['hits'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hits.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token_type: 'Bearer', access_token: 'issued-by-someone-else' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let greenhouse: FakeGreenhouse;
let elsewhere: Elsewhere;
const e2e = useE2e({
  vendors: async () => {
    greenhouse = await startFakeGreenhouse();
    elsewhere = await startElsewhere();
    return { greenhouse, elsewhere };
  },
  reset: () => {
    greenhouse.reset({ clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID });
    elsewhere.hits.length = 0;
  },
  env: () => ({ GREENHOUSE_AUTH_URL: greenhouse.url, GREENHOUSE_API_URL: greenhouse.url }),
  secrets: () => [CLIENT_SECRET, ...greenhouse.issuedTokens],
  // Whatever a fault looked like, credentials went to Greenhouse and nowhere else.
  after: () => expect(elsewhere.hits).toEqual([]),
});
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
  greenhouse.mode = { kind: 'normal' };
  const { text } = await submitAndWaitForResult(journey, viewId, flowId);
  expect(text).toContain('is linked');
  await journey.waitForMessage((message) => message.includes('Greenhouse is linked'));
  expect(e2e.slack.callsTo('views.open')).toHaveLength(1);
}

async function failOnceThenRetry(mode: GreenhouseMode) {
  const journey = e2e.journey();
  const { viewId, flowId } = await walkToCredentials(journey);
  greenhouse.mode = mode;
  const result = await submitAndWaitForResult(journey, viewId, flowId);
  // The form stays open for another try, and the DM says the same.
  expect(result.view.submit.text).toBe('Check again');
  const tokenCalls = greenhouse.requests.filter((request) => request.path === '/token').length;
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
    expect(greenhouse.streamed.total).toBe(5 * 1024 * 1024);
    await eventually(() => expect(greenhouse.streamed.clientClosed).toBe(true));
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
        location: `${elsewhere.url}/token`,
      });
      expect(text).toContain('Greenhouse had a problem');
      expect(text).toContain(`unexpected status (${status})`);
      // afterEach also checks that the other host saw nothing at all.
      expect(elsewhere.hits).toEqual([]);
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
    await failOnceThenRetry({ kind: 'token_redirect', status: 302, location: `${elsewhere.url}/token` });
    const finished = e2e.running.logs
      .lines()
      .filter((line) => typeof line === 'object' && line.msg === 'Verification finished')
      .map((line) => line.outcome);
    expect(finished).toEqual(['vendor_error', 'linked']);
    expect(e2e.running.logs.text()).not.toContain(elsewhere.url);
    expect(e2e.running.logs.text()).not.toContain(
      Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64'),
    );
  });
});
