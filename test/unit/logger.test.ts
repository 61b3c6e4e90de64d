import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { boltLogger } from '../../src/slack/boltLogger.js';
import { captureStream } from '../support/captureLogs.js';

/**
 * The logger is the net under "never log a secret": whatever shape a secret arrives in, the
 * marker must not reach the output, and the rest of the line must still say what happened.
 */

let counter = 0;
const marker = (label: string) => `SECRET-${label}-${++counter}-q7Zk`;

function logged(write: (logger: ReturnType<typeof createLogger>) => void) {
  const capture = captureStream();
  const logger = createLogger('debug', capture.stream);
  write(logger);
  return capture;
}

function expectClean(output: string, markers: string[]) {
  for (const secret of markers) {
    expect(output.includes(secret), `${secret} leaked:\n${output}`).toBe(false);
    expect(output.includes(Buffer.from(secret).toString('base64')), `${secret} leaked in base64`).toBe(false);
  }
}

/** Wraps a value `depth` levels deep: {level1: {level2: ... value}}. */
const nest = (depth: number, value: unknown): unknown =>
  depth === 0 ? value : { [`level${depth}`]: nest(depth - 1, value) };

describe('secret keys', () => {
  const keys = [
    'token',
    'access_token',
    'accessToken',
    'refresh_token',
    'bot_token',
    'client_secret',
    'clientSecret',
    'secret',
    'password',
    'authorization',
    'Authorization',
    'proxy-authorization',
    'x-api-key',
    'apiKey',
    'api_key',
    'cookie',
    'set-cookie',
    'credentials',
    'signingSecret',
  ];

  for (const key of keys) {
    it(`censors ${key} at every depth from 0 to 8`, () => {
      const markers: string[] = [];
      const capture = logged((logger) => {
        for (let depth = 0; depth <= 8; depth++) {
          const secret = marker(`${key}-${depth}`);
          markers.push(secret);
          logger.info(nest(depth, { [key]: secret, flowId: 'flow-1' }) as object, 'nested');
        }
      });
      expectClean(capture.text(), markers);
      expect(capture.lines()).toHaveLength(9);
      expect(capture.text()).toContain('[redacted]');
      expect(capture.text()).toContain('flow-1');
    });
  }
});

describe('realistic shapes', () => {
  it('an HTTP client error with err.config.headers.Authorization, logged three ways', () => {
    const secret = marker('axios');
    const makeError = () =>
      Object.assign(new Error('Request failed with status code 401'), {
        code: 'ERR_BAD_REQUEST',
        config: {
          url: 'https://harvest.greenhouse.io/v3/users',
          headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' },
        },
        response: { status: 401, config: { headers: { authorization: `Bearer ${secret}` } } },
      });
    const capture = logged((logger) => {
      logger.error({ err: makeError() }, 'as err');
      logger.error({ error: makeError(), flowId: 'flow-2' }, 'as error');
      logger.error(makeError());
    });
    expectClean(capture.text(), [secret]);
    const [asErr, asError, bare] = capture.lines();
    expect(asErr.err.type).toBe('Error');
    expect(asErr.err.message).toBe('Request failed with status code 401');
    expect(asErr.err.code).toBe('ERR_BAD_REQUEST');
    expect(asErr.err.config.url).toBe('https://harvest.greenhouse.io/v3/users');
    expect(asErr.err.config.headers.Authorization).toBe('[redacted]');
    expect(asError.flowId).toBe('flow-2');
    expect(bare.msg).toBe('Request failed with status code 401');
    expect(bare.err.stack).toContain('logger.test.ts');
  });

  it('arrays of objects, arrays of secrets and header tuples', () => {
    const secrets = [marker('arr1'), marker('arr2'), marker('arr3'), marker('arr4'), marker('arr5')];
    const capture = logged((logger) => {
      logger.info(
        {
          attempts: [{ token: secrets[0], at: 1 }, { nested: [{ client_secret: secrets[1] }] }],
          tokens: [secrets[2]],
          rawHeaders: [
            ['authorization', `Basic ${Buffer.from(`id:${secrets[3]}`).toString('base64')}`],
            ['Authorization', `Bearer ${secrets[4]}`],
          ],
        },
        'arrays',
      );
    });
    expectClean(capture.text(), secrets);
    expectClean(capture.text(), [Buffer.from(`id:${secrets[3]}`).toString('base64')]);
    expect(capture.lines()[0].attempts[0].at).toBe(1);
  });

  it('a Slack view submission body with the credentials form state', () => {
    const typed = marker('typed');
    const clientId = marker('clientid');
    const body = {
      type: 'view_submission',
      team: { id: 'T0ACME' },
      user: { id: 'U0ADMIN' },
      view: {
        id: 'V0FORM',
        callback_id: 'credentials.submit',
        state: {
          values: {
            client_id: { value: { type: 'plain_text_input', value: clientId } },
            client_secret: { value: { type: 'plain_text_input', value: typed } },
          },
        },
      },
    };
    const capture = logged((logger) => {
      logger.debug({ body }, 'at depth 4');
      logger.debug({ request: { payload: { body } } }, 'at depth 6');
      logger.debug(body, 'at depth 3');
    });
    expectClean(capture.text(), [typed, clientId]);
    expect(capture.lines()[0].body.view.callback_id).toBe('credentials.submit');
  });

  it('stored credentials and a connection record', () => {
    const secret = marker('stored');
    const capture = logged((logger) => {
      logger.info(
        {
          connection: {
            teamId: 'T0ACME',
            systemId: 'personio',
            credentials: { client_id: 'pid', client_secret: secret },
          },
        },
        'saving',
      );
    });
    expectClean(capture.text(), [secret]);
    expect(capture.lines()[0].connection.systemId).toBe('personio');
  });

  it('secrets inside text: the message, interpolations, error messages and causes', () => {
    const bearer = marker('bearer');
    const slack = `xoxb-1234-5678-${marker('xoxb')}`;
    const app = `xapp-1-A0-${marker('xapp')}`;
    const query = marker('query');
    const cause = marker('cause');
    const capture = logged((logger) => {
      logger.info(`calling Greenhouse with Authorization: Bearer ${bearer}`);
      logger.info({ url: `https://example.test/cb?access_token=${query}&state=1` }, 'callback');
      logger.warn('token %s and %s', slack, app);
      logger.error(
        { err: new Error('check failed', { cause: new Error(`upstream said Bearer ${cause} is bad`) }) },
        'with a cause',
      );
    });
    expectClean(capture.text(), [bearer, slack, app, query, cause]);
    expect(capture.text()).toContain('state=1');
    expect(capture.text()).toContain('check failed');
  });

  it('child bindings and Bolt’s own messages', () => {
    const bound = marker('bound');
    const said = `xoxb-99-${marker('bolt')}`;
    const capture = captureStream();
    const logger = createLogger('debug', capture.stream);
    logger.child({ component: 'x', token: bound }).info('from a child');
    boltLogger(logger).error('An API error occurred: token', said, 'was revoked');
    expectClean(capture.text(), [bound, said]);
    expect(capture.lines()[1].component).toBe('bolt');
  });

  it('survives cycles, huge depth and odd values, and keeps ordinary fields', () => {
    const secret = marker('cycle');
    const cyclic: Record<string, unknown> = { name: 'cyclic', token: secret };
    cyclic.self = cyclic;
    const shared = { kind: 'shared' };
    const capture = logged((logger) => {
      logger.info({ cyclic, a: shared, b: shared }, 'cycle');
      logger.info(nest(200, { password: secret }) as object, 'deep');
      logger.info(
        {
          when: new Date(0),
          tags: new Set(['a']),
          map: new Map([['token', secret]]),
          buf: Buffer.from(secret),
        },
        'odd',
      );
      logger.info({ count: 3, ok: true, nothing: null, flowId: 'flow-9', error: 'plain text' }, 'plain');
    });
    expectClean(capture.text(), [secret]);
    const [cycle, , odd, plain] = capture.lines();
    expect(cycle.cyclic.self).toBe('[circular]');
    expect(cycle.b).toEqual({ kind: 'shared' });
    expect(odd.when).toBe('1970-01-01T00:00:00.000Z');
    expect(plain).toMatchObject({ count: 3, ok: true, nothing: null, flowId: 'flow-9', error: 'plain text' });
    expect(plain.msg).toBe('plain');
  });
});
