import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { FORM, generateCases, JSON_TYPE, type Known } from '../support/fuzzCases.js';
import { KB100 } from '../support/fuzzGen.js';
import { type Outcome, runAll, sendSigned } from '../support/fuzzSend.js';
import { responseViolations } from '../support/slackLimits.js';

/**
 * Fuzz: well over a thousand malformed but correctly signed requests, so every one passes the
 * signature check and reaches parsing. Reproducible: FUZZ_SEED picks the run (default below).
 *
 * Two families:
 * - routed: the envelope Bolt itself reads (type, command, action_id, callback_id, user, view) is
 *   intact, so the request reaches one of our listeners, and everything our listeners read is junk.
 *   Our listeners must answer 200 inside Slack's 3 seconds and never fail.
 * - envelope: anything goes, including what Bolt cannot route. Bolt answers those itself (400, 404
 *   after its 3-second no-ack timer, or an empty 500); none may carry a stack trace or hang.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026);
const ROUTED_CASES = 800;
const ENVELOPE_CASES = 400;
const CONCURRENCY = 32;
/** Slack's window for an acknowledgement; routed requests must be well inside it. */
const ROUTED_MAX_MS = 2500;
/** Bolt answers what nothing acknowledged after 3001 ms; nothing may take much longer. */
const ANY_MAX_MS = 4500;

const ACCOUNT = {
  ...greenhouseAccount('gh-secret-Fuzz7Zx9Yw8Vu7Ts6Rq5Po4Nm'),
  scopes: ['harvest:users:list'],
};

/** "at <fn> (/path/file.js:1:2)", "Error: …", internals: what a leaked stack trace looks like. */
const STACK_LIKE =
  /\bat\s+\S*\s*\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s)]*(?::\d+)?|\b[A-Z]\w*Error:\s|node_modules|\.[cm]?[jt]s:\d+:\d+|\bnode:internal\b/;

/** Bolt's action matcher on `actions: ['flow.next']` or `action_id: 5`, before our listener. */
const BOLT_MATCHER_ERRORS =
  /^(?:payload\.action_id\.match is not a function|Cannot use 'in' operator to search for 'action_id' in .*)$/;

/** What a listener logs when it caught a failure: none of these may appear for junk input. */
const LISTENER_FAILURES = [
  'Button failed',
  'Command failed',
  'Command follow-up failed',
  'Credentials submission failed',
  'Could not finish a credentials check',
  'Hand-over form failed',
  'Hand-over form failed after it closed',
  'Unhandled error in a listener',
];

// ---------------------------------------------------------------------------------------------

const e2e = useE2e(greenhouseSetup(ACCOUNT));
const { acks } = e2e;
const crashes: string[] = [];
const onRejection = (reason: unknown) => crashes.push(`unhandledRejection: ${String(reason)}`);
const onException = (error: Error) => crashes.push(`uncaughtException: ${error.message}`);

beforeAll(() => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
});

afterAll(() => {
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
});

beforeEach(() => {
  crashes.length = 0;
});

async function health(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
  return { status: response.status, body: await response.json() };
}

/** A real setup at the credentials step: its flow id and button values seed the junk. */
async function knownState(): Promise<Known> {
  const journey = e2e.journey('U0FUZZ1', 'T0FUZZ', e2e.running);
  await journey.command('link greenhouse');
  await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
  const begin = journey.button('flow.begin');
  await journey.click('flow.begin');
  await journey.waitForMessage((text) => text.includes('Step 1 of 6'));
  const next = journey.button('flow.next');
  return {
    flowId: (begin.value as string).split('.')[0] as string,
    buttonValues: [begin.value as string, next.value as string],
    responseUrl: (id) => e2e.slack.responseUrl(id),
  };
}

function summarize(outcomes: Outcome[]) {
  const table = new Map<string, Map<string, number>>();
  for (const { testCase, status } of outcomes) {
    const key = `${testCase.family}: ${testCase.label.split(' ')[0]}`;
    const row = table.get(key) ?? new Map<string, number>();
    row.set(String(status), (row.get(String(status)) ?? 0) + 1);
    table.set(key, row);
  }
  return [...table.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, row]) => `${key.padEnd(28)} ${[...row.entries()].map(([s, c]) => `${s}×${c}`).join(' ')}`)
    .join('\n');
}

describe(`fuzz (seed ${SEED})`, () => {
  it('survives over a thousand malformed signed requests and still works afterwards', {
    timeout: 180_000,
  }, async () => {
    const known = await knownState();
    const cases = generateCases(SEED, known, { routed: ROUTED_CASES, envelope: ENVELOPE_CASES });
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    // 100 KB values reach every kind of routed request.
    for (const label of ['command', 'action', 'view']) {
      const huge = cases.filter(
        (c) => c.family === 'routed' && c.label.startsWith(label) && c.body.length > KB100,
      );
      expect(huge.length, `${label} cases with a 100 KB value`).toBeGreaterThanOrEqual(5);
    }

    const outcomes = await runAll(e2e.running.port, cases, CONCURRENCY);
    const describeCase = (o: Outcome) =>
      `[seed ${SEED}] ${o.testCase.family} ${o.testCase.label}: ${o.status} in ${Math.round(o.ms)} ms, body ${String(o.testCase.body).slice(0, 300)}`;
    console.log(`fuzz seed ${SEED}: ${outcomes.length} requests\n${summarize(outcomes)}`);

    // The process is up, nothing crashed, and every request got an answer.
    expect(crashes).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'no answer').map(describeCase)).toEqual([]);
    // No stack traces, no internals, whatever the status.
    expect(outcomes.filter((o) => STACK_LIKE.test(o.text)).map(describeCase)).toEqual([]);
    expect(outcomes.filter((o) => Number(o.status) >= 500 && o.text !== '').map(describeCase)).toEqual([]);
    // Bounded: nothing waits much past Bolt's own 3-second no-ack answer.
    expect(outcomes.filter((o) => o.ms > ANY_MAX_MS).map(describeCase)).toEqual([]);
    expect(
      outcomes.filter((o) => ![200, 400, 404, 413, 500].includes(o.status as number)).map(describeCase),
    ).toEqual([]);

    // What reaches our listeners is answered 200, inside Slack's window, with a valid reply.
    const routed = outcomes.filter((o) => o.testCase.family === 'routed');
    expect(routed.filter((o) => o.status !== 200).map(describeCase)).toEqual([]);
    expect(routed.filter((o) => o.ms > ROUTED_MAX_MS).map(describeCase)).toEqual([]);
    for (const o of routed) {
      if (!o.text) continue;
      const reply = JSON.parse(o.text);
      acks.push(reply);
      expect(responseViolations(reply), describeCase(o)).toEqual([]);
    }

    // The work that runs after the acknowledgements settles, and no listener failed on junk.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const failures = e2e.running.logs
      .lines()
      .filter((line) => typeof line === 'object' && LISTENER_FAILURES.includes(line.msg))
      .map((line) => JSON.stringify(line));
    // Bolt's own action matcher throws on an action that is not an object with a string action_id,
    // before any listener runs (envelope cases only); app.error logs it. Everything else would be ours.
    const ours = failures.filter((line) => !BOLT_MATCHER_ERRORS.test(JSON.parse(line).error ?? ''));
    expect(ours).toEqual([]);
    expect(crashes).toEqual([]);

    // Still up, still working.
    expect(await health(e2e.running.port)).toEqual({ status: 200, body: { ok: true, redis: 'up' } });
    const after = e2e.journey('U0AFTER', 'T0AFTER', e2e.running);
    const reply = await after.command('link greenhouse');
    acks.push(reply.body);
    expect(reply.status).toBe(200);
    expect(reply.body.text).toMatch(/direct message/);
    await after.waitForMessage((text) => text.includes('Can manage ALL organization'));
    await after.click('flow.begin');
    await after.waitForMessage((text) => text.includes('Step 1 of 6'));
  });

  it('is reproducible: a seed always makes the same requests, another seed other ones', () => {
    const known: Known = {
      flowId: 'AbCdEf123456',
      buttonValues: ['AbCdEf123456.1', 'AbCdEf123456.2'],
      responseUrl: (id) => `http://127.0.0.1:1/response/${id}`,
    };
    const digest = (seed: number) => {
      const hash = createHash('sha256');
      for (const testCase of generateCases(seed, known, { routed: ROUTED_CASES, envelope: ENVELOPE_CASES }))
        hash.update(testCase.body).update(testCase.contentType);
      return hash.digest('hex');
    };
    expect(digest(SEED)).toBe(digest(SEED));
    expect(digest(SEED)).not.toBe(digest(SEED + 1));
  });

  // The decline form's private_metadata round-trips through Slack, so it is parsed as untrusted input.
  it('ignores a decline form whose private_metadata is not what Wintro put there', async () => {
    for (const metadata of ['null', '5', '"AbCdEf123456"', '[]', '{', '{"flowId":null,"seq":1}']) {
      const reply = await e2e.running.sender.viewSubmission({
        teamId: 'T0FUZZ',
        userId: 'U0FUZZ1',
        callbackId: 'handover.decline',
        privateMetadata: metadata,
        values: { reason: { value: { type: 'plain_text_input', value: 'I cannot grant it' } } },
      });
      expect(reply.status, metadata).toBe(200);
      // Not a form Wintro drew: acknowledged and dropped, like every other unreadable metadata.
      expect(reply.text, metadata).toBe('');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const failures = e2e.running.logs
      .lines()
      .filter((line) => typeof line === 'object' && LISTENER_FAILURES.includes(line.msg));
    expect(failures).toEqual([]);
  });

  // Bolt 5.1's HTTPReceiver reads `body.ssl_check` before checking that the signed body is an
  // object; src/slack/httpReceiver.ts answers such bodies before Bolt sees them.
  it('answers a signed body that parses to null, and nothing crashes', {
    timeout: 30_000,
  }, async () => {
    const json = await sendSigned(e2e.running.port, 'null', JSON_TYPE, 4000);
    const form = await sendSigned(e2e.running.port, 'payload=null', FORM, 4000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(crashes).toEqual([]);
    expect(json.status).toBe(400);
    expect(form.status).toBe(400);
    expect(await health(e2e.running.port)).toEqual({ status: 200, body: { ok: true, redis: 'up' } });
  });
});
