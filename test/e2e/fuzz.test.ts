import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootBot, deleteKeys, type RunningBot, SIGNING_SECRET } from '../support/bot.js';
import { type FakeGreenhouse, startFakeGreenhouse } from '../support/fakeGreenhouse.js';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';
import { expectNoSecretLeaks, expectWithinSlackLimits } from '../support/guards.js';
import { Journey } from '../support/journey.js';
import { responseViolations } from '../support/slackLimits.js';
import { signature } from '../support/slackRequests.js';

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

const CLIENT_ID = 'a1b2c3d4e5f6-7';
const CLIENT_SECRET = 'gh-secret-Fuzz7Zx9Yw8Vu7Ts6Rq5Po4Nm';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

// ---------------------------------------------------------------------------------------------
// A seeded generator

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = mulberry32(seed);
  }
  int(max: number) {
    return Math.floor(this.random() * max);
  }
  chance(p: number) {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

const KB100 = 100 * 1024;

/** Strings that have broken parsers, renderers and Redis keys before. */
const ODD_STRINGS: readonly (() => string)[] = [
  () => '',
  () => ' ',
  () => '\n\r\t',
  () => '\u202Egreenhouse', // RTL override
  () => 'link \u202Ekcab\u202C greenhouse',
  () => 'green\u200Bhouse', // zero-width space
  () => '\u200B\u200C\u200D\u2060\uFEFF',
  () => '\uD800', // lone high surrogate
  () => 'x\uDFFF\uD800y', // reversed pair
  () => 'a\u0000b', // NUL
  () => '\u0000',
  () => '\u0007\u001b[31mred\u001b[0m',
  () => '𝕏𝕐𝕫 😀👩‍👩‍👧‍👦',
  () => 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  () => '<!channel> <!here> <@U0ADMIN>',
  () => '*bold* _it_ ~st~ `code` ```block```',
  () => `$${'{'}jndi:ldap://127.0.0.1:1/a}`, // a log4j-style lookup, built so no linter takes it for a template
  () => "'; DROP TABLE flows; --",
  () => '../../../etc/passwd',
  () => 'wintro:{T0ACME}:flow:*',
  () => '%00%2e%2e%2f',
  () => '{"flowId":"x","seq":1}',
  () => 'null',
  () => '[]',
  () => 'undefined',
  () => 'NaN',
  () => '-1',
  () => '1e999',
  () => 'AbCdEf123456.99999999999',
  () => 'AbCdEf123456.-1',
  () => 'x'.repeat(3001),
];

/** 100 KB values: a small share of every pick, so each run has plenty without drowning the machine. */
const HUGE_STRINGS: readonly (() => string)[] = [
  () => 'A'.repeat(KB100),
  () => '\u202E'.repeat(KB100 / 2),
  () => '𝕏'.repeat(KB100 / 4),
  () => '\u0000'.repeat(KB100),
  () => 'link greenhouse '.repeat(KB100 / 16),
];

/** An odd string; one pick in twenty is 100 KB. */
const oddString = (g: Gen) => (g.chance(0.05) ? g.pick(HUGE_STRINGS) : g.pick(ODD_STRINGS))();

const WRONG_TYPES: readonly (() => unknown)[] = [
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e308,
  () => true,
  () => false,
  () => null,
  () => [],
  () => ['a', 'b'],
  () => [null],
  () => ({}),
  () => ({ id: 'T0ACME' }),
  () => [[[[[]]]]],
  () => deepArray(2000),
];

function deepArray(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const COMMAND_TEXTS = [
  'link greenhouse',
  'link personio',
  'link personio employees',
  'link recruitee',
  'link workable',
  'link',
  'link grenhouse',
  'status',
  'cancel',
  'cancel greenhouse',
  'help',
  'stauts',
  '',
];
const OUR_ACTIONS = [
  'flow.begin',
  'flow.next',
  'flow.back',
  'flow.credentials',
  'flow.cancel',
  'flow.help',
  'flow.resume',
  'flow.variant:personio-recruiting',
  'flow.variant:zzz',
  'flow.unknown',
  'flow.',
  'pick.system:system:greenhouse',
  'pick.system:family:personio',
  'pick.system:zzz',
  'handover.take',
  'handover.granted',
  'handover.decline',
  'handover.unknown',
  `flow.${'n'.repeat(300)}`,
  'flow.next\u0000',
  'flow.\u202Enext',
];
const OUR_CALLBACKS = ['credentials.submit', 'handover.ask', 'handover.decline'];
const TEAMS = ['T0FUZZ', 'T0ACME'];
const USERS = ['U0FUZZ1', 'U0FUZZ2', 'U0ADMIN'];

/** A Slack-looking id most of the time, junk otherwise. */
function maybeId(g: Gen, pool: readonly string[]): unknown {
  if (g.chance(0.6)) return g.pick(pool);
  if (g.chance(0.5)) return oddString(g);
  return g.pick(WRONG_TYPES)();
}

function junk(g: Gen): unknown {
  return g.chance(0.6) ? oddString(g) : g.pick(WRONG_TYPES)();
}

function triggerId(g: Gen, n: number) {
  return g.chance(0.8) ? `${1_700_000_000_000 + n}.4744562912.${n.toString(16).padStart(32, '0')}` : junk(g);
}

// ---------------------------------------------------------------------------------------------
// Cases

interface Case {
  family: 'routed' | 'envelope';
  label: string;
  body: string | Buffer;
  contentType: string;
}

const formOf = (entries: [string, string][]) => new URLSearchParams(entries).toString();
const interactive = (payload: unknown) => formOf([['payload', JSON.stringify(payload)]]);
const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

interface Known {
  /** A real flow at the credentials step, so the junk meets real state too. */
  flowId: string;
  buttonValues: string[];
  responseUrl: (id: string) => string;
}

function routedCommand(g: Gen, n: number, known: Known): Case {
  const fields: [string, string][] = [
    ['token', 'fakeVerificationToken'],
    ['team_id', asText(maybeId(g, TEAMS))],
    ['team_domain', 'fuzz'],
    ['channel_id', asText(maybeId(g, ['C0GENERAL', 'DU0FUZZ1']))],
    ['channel_name', 'general'],
    ['user_id', asText(maybeId(g, USERS))],
    ['user_name', asText(junk(g))],
    ['command', '/wintro'],
    ['text', g.chance(0.5) ? g.pick(COMMAND_TEXTS) : `${g.pick(COMMAND_TEXTS)} ${oddString(g)}`],
    ['api_app_id', 'A0APP'],
    ['is_enterprise_install', g.pick(['false', 'true', 'maybe'])],
    ['response_url', g.chance(0.8) ? known.responseUrl(`fuzz-${n}`) : asText(junk(g))],
    ['trigger_id', asText(triggerId(g, n))],
  ];
  const mutations = 1 + g.int(3);
  for (let i = 0; i < mutations; i++) {
    const index = g.int(fields.length);
    const [name] = fields[index] as [string, string];
    if (name === 'command') continue;
    switch (g.int(4)) {
      case 0:
        fields.splice(index, 1); // a missing field
        break;
      case 1:
        fields.push([name, asText(junk(g))]); // the same field twice: the form parser makes it an array
        break;
      case 2:
        fields[index] = [name, asText(junk(g))];
        break;
      default:
        fields[index] = [name, oddString(g)];
    }
  }
  let body = formOf(fields);
  // Percent-escapes that decode to invalid UTF-8 (a lone surrogate in CESU-8, stray bytes).
  if (g.chance(0.15)) body += `&text=${g.pick(['%ED%A0%80', '%FF%FE%FD', '%C0%AF', '%E2%80%AE%00'])}`;
  return { family: 'routed', label: 'command', body, contentType: FORM };
}

function routedAction(g: Gen, n: number, known: Known): Case {
  const action: Record<string, unknown> = {
    type: 'button',
    action_id: g.pick(OUR_ACTIONS),
    block_id: g.chance(0.8) ? 'actions' : junk(g),
    action_ts: '1700000000.000100',
  };
  if (g.chance(0.85)) {
    action.value = g.pick<() => unknown>([
      () => g.pick(known.buttonValues),
      () => `${known.flowId}.${g.int(20)}`,
      () => 'system:greenhouse',
      () => 'family:personio',
      () => junk(g),
    ])();
  }
  if (g.chance(0.1)) action.selected_user = maybeId(g, USERS);
  const team = maybeId(g, TEAMS);
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: maybeId(g, USERS), username: 'fuzz', team_id: maybeId(g, TEAMS) },
    api_app_id: 'A0APP',
    token: 'fakeVerificationToken',
    trigger_id: triggerId(g, n),
    team: g.chance(0.1) ? null : { id: team, domain: 'fuzz' },
    enterprise: null,
    is_enterprise_install: false,
    actions: g.chance(0.9) ? [action] : [action, ...Array.from({ length: 1 + g.int(6) }, () => action)],
  };
  if (g.chance(0.8)) {
    const channel = maybeId(g, ['DU0FUZZ1', 'DU0ADMIN', 'C0GENERAL']);
    payload.channel = { id: channel, name: 'directmessage' };
    payload.container = g.chance(0.8)
      ? { type: 'message', message_ts: g.chance(0.7) ? '1700000000.000100' : junk(g), channel_id: channel }
      : junk(g);
    payload.message = g.chance(0.8)
      ? { type: 'message', ts: g.chance(0.7) ? '1700000000.000100' : junk(g) }
      : junk(g);
    payload.response_url = known.responseUrl(`fuzz-action-${n}`);
    payload.state = g.chance(0.8) ? { values: {} } : junk(g);
  } else {
    payload.container = { type: 'view', view_id: maybeId(g, ['V0FORM']) };
    payload.view = {
      id: maybeId(g, ['V0FORM']),
      callback_id: g.pick(OUR_CALLBACKS),
      private_metadata: junk(g),
    };
  }
  // Junk where our schema reads, never where Bolt does.
  for (const key of ['trigger_id', 'user', 'team'] as const) {
    if (g.chance(0.15)) {
      if (key === 'user') payload.user = { id: junk(g), team_id: junk(g) };
      else if (key === 'team') payload.team = { id: junk(g) };
      else payload[key] = junk(g);
    }
  }
  return {
    family: 'routed',
    label: `action ${String(action.action_id).slice(0, 30)}`,
    body: interactive(payload),
    contentType: FORM,
  };
}

function stateValues(g: Gen): unknown {
  switch (g.int(9)) {
    case 0:
      return junk(g);
    case 1:
      return Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`b${i}`, { value: { value: 'x' } }]));
    case 2:
      return { client_id: junk(g), client_secret: { value: junk(g) } };
    case 3:
      return {
        colleague: { user: { type: 'users_select', selected_user: maybeId(g, ['U0HELPER', 'U0FUZZ1']) } },
      };
    case 4:
      return { reason: { value: { type: 'plain_text_input', value: oddString(g) } } };
    case 5:
      return { [oddString(g)]: { [oddString(g)]: { value: oddString(g) } } };
    case 6:
      return JSON.parse('{"__proto__":{"value":{"value":"polluted"}},"constructor":{"value":{"value":"c"}}}');
    default: {
      // Plausible credentials, typed oddly: what the form's own validation must sort out.
      const value = () => ({
        type: 'plain_text_input',
        value: g.chance(0.5) ? oddString(g) : junk(g),
      });
      return {
        client_id: { value: value() },
        client_secret: { value: value() },
        user_id: { value: value() },
      };
    }
  }
}

function routedView(g: Gen, n: number, known: Known): Case {
  const callbackId = g.pick(OUR_CALLBACKS);
  const metadata = g.pick<() => unknown>([
    () => known.flowId,
    () =>
      JSON.stringify({
        flowId: known.flowId,
        seq: g.int(5),
        channelId: 'DU0HELPER',
        ts: '1700000000.000100',
      }),
    () => JSON.stringify({ flowId: junk(g), seq: junk(g), ts: junk(g) }),
    () => 'null',
    () => '[]',
    () => '{',
    () => junk(g),
  ])();
  const view: Record<string, unknown> = {
    id: maybeId(g, ['V0FORM', 'V0HELP']),
    team_id: maybeId(g, TEAMS),
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadata,
    state: g.chance(0.9) ? { values: stateValues(g) } : junk(g),
    hash: '1700000000.abcd',
    blocks: g.chance(0.9) ? [] : junk(g),
  };
  if (g.chance(0.1)) delete view.state;
  if (g.chance(0.1)) delete view.private_metadata;
  const payload: Record<string, unknown> = {
    type: 'view_submission',
    team: g.chance(0.1) ? null : { id: maybeId(g, TEAMS) },
    user: { id: maybeId(g, USERS), team_id: maybeId(g, TEAMS) },
    api_app_id: 'A0APP',
    trigger_id: triggerId(g, n),
    view,
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return { family: 'routed', label: `view ${callbackId}`, body: interactive(payload), contentType: FORM };
}

/** Anything at all: what Bolt reads is broken too. */
function envelopeCase(g: Gen, n: number): Case {
  const kind = g.int(12);
  switch (kind) {
    case 0: // interactivity payloads that are not JSON
      return {
        family: 'envelope',
        label: 'payload not JSON',
        body: `payload=${encodeURIComponent(g.pick(['{', '{"type":"block_actions"', "{'a':1}", 'undefined', '', 'NaN', '{"a":1}}']))}`,
        contentType: FORM,
      };
    case 1: // JSON bodies that are not JSON
      return {
        family: 'envelope',
        label: 'JSON not JSON',
        body: g.pick(['{', '', '{"type":', '\u0000', 'nul']),
        contentType: JSON_TYPE,
      };
    case 2: // well-formed JSON that is not an object (null is a known Bolt crash, tested on its own below)
      return {
        family: 'envelope',
        label: 'JSON not an object',
        body: JSON.stringify(g.pick<unknown>([[], [1, 2], 'x', 5, true, deepArray(500)])),
        contentType: g.chance(0.5) ? JSON_TYPE : FORM,
      };
    case 3: // block_actions whose envelope is broken
      return {
        family: 'envelope',
        label: 'action envelope',
        body: interactive({
          type: g.pick(['block_actions', 'interactive_message', 5, null]),
          actions: g.pick<unknown>([
            5,
            {},
            'flow.next',
            [null],
            [{ action_id: 5 }],
            [{ action_id: 'zzz' }],
            [{}],
            [[]],
          ]),
          user: g.chance(0.5) ? { id: 'U0FUZZ1' } : junk(g),
          team: g.chance(0.5) ? { id: 'T0FUZZ' } : junk(g),
          channel: g.chance(0.7) ? { id: 'C0GENERAL' } : junk(g),
        }),
        contentType: FORM,
      };
    case 4: // unknown action ids and callback ids: nobody listens
      return {
        family: 'envelope',
        label: 'unknown ids',
        body: interactive(
          g.chance(0.5)
            ? {
                type: 'block_actions',
                user: { id: 'U0FUZZ1', team_id: 'T0FUZZ' },
                team: { id: 'T0FUZZ' },
                actions: [
                  { action_id: g.pick(['zzz', 'Flow.next', ' flow.next', 'wintro.next', '']), value: 'x' },
                ],
              }
            : {
                type: g.pick(['view_submission', 'view_closed']),
                user: { id: 'U0FUZZ1', team_id: 'T0FUZZ' },
                team: { id: 'T0FUZZ' },
                view: {
                  id: 'V0X',
                  callback_id: g.pick(['zzz', 'credentials', 'credentials.submit ', 5]),
                  state: { values: {} },
                },
              },
        ),
        contentType: FORM,
      };
    case 5: // view submissions whose envelope is broken
      return {
        family: 'envelope',
        label: 'view envelope',
        body: interactive({
          type: 'view_submission',
          user: g.chance(0.5) ? { id: 'U0FUZZ1' } : junk(g),
          team: junk(g),
          view: g.pick<unknown>([null, 5, 'view', [], { callback_id: null }]),
          response_urls: g.pick<unknown>([[], null, 5, undefined]),
        }),
        contentType: FORM,
      };
    case 6: // Events API with junk (the bot subscribes to no events)
      return {
        family: 'envelope',
        label: 'event junk',
        body: JSON.stringify({
          type: 'event_callback',
          team_id: maybeId(g, TEAMS),
          api_app_id: 'A0APP',
          event_id: `Ev${n}`,
          event_time: 1_700_000_000,
          authorizations: g.chance(0.5) ? [{ team_id: 'T0FUZZ', user_id: 'UBOT', is_bot: true }] : junk(g),
          event: g.pick<() => unknown>([
            () => null,
            () => 'message',
            () => 5,
            () => [],
            () => ({ type: 5 }),
            () => ({ type: 'message', channel: {}, text: oddString(g) }),
            () => ({
              type: 'app_mention',
              channel: 'C0GENERAL',
              user: 'U0FUZZ1',
              text: 'A'.repeat(KB100),
              ts: '1.2',
            }),
            () => ({ type: 'app_uninstalled' }),
            () => ({ type: 'tokens_revoked', tokens: junk(g) }),
          ])(),
        }),
        contentType: JSON_TYPE,
      };
    case 7: // url_verification and ssl_check with junk
      return g.chance(0.5)
        ? {
            family: 'envelope',
            label: 'url_verification',
            body: JSON.stringify({ type: 'url_verification', challenge: junk(g) }),
            contentType: JSON_TYPE,
          }
        : {
            family: 'envelope',
            label: 'ssl_check',
            body: `ssl_check=1&payload=${encodeURIComponent('{"type":"block_actions"}')}`,
            contentType: FORM,
          };
    case 8: // other commands, or the command field broken
      return {
        family: 'envelope',
        label: 'other command',
        body: formOf([
          ['team_id', 'T0FUZZ'],
          ['user_id', 'U0FUZZ1'],
          ...g.pick<[string, string][]>([
            [['command', '/other']],
            [['command', '']],
            [['command', '/WINTRO']],
            [['command', '/wintro\u0000']],
            [
              ['command', '/wintro'],
              ['command', '/wintro'],
            ],
          ]),
          ['text', 'help'],
        ]),
        contentType: FORM,
      };
    case 9: // content types Bolt does not expect
      return {
        family: 'envelope',
        label: 'content type',
        body: formOf([
          ['command', '/wintro'],
          ['team_id', 'T0FUZZ'],
          ['user_id', 'U0FUZZ1'],
          ['text', 'help'],
        ]),
        contentType: g.pick([
          'application/x-www-form-urlencoded; charset=utf-8',
          'text/plain',
          'multipart/form-data',
          '',
        ]),
      };
    case 10: // binary junk
      return {
        family: 'envelope',
        label: 'binary',
        body: Buffer.from(Array.from({ length: 1 + g.int(4096) }, () => g.int(256))),
        contentType: g.pick([FORM, JSON_TYPE]),
      };
    default: // shortcuts and options nobody handles
      return {
        family: 'envelope',
        label: 'shortcut/options',
        body: interactive(
          g.chance(0.5)
            ? {
                type: 'shortcut',
                callback_id: 'x',
                user: { id: 'U0FUZZ1', team_id: 'T0FUZZ' },
                team: { id: 'T0FUZZ' },
                trigger_id: '1.2.3',
              }
            : {
                type: 'block_suggestion',
                name: 'x',
                action_id: 'x',
                value: junk(g),
                user: { id: 'U0FUZZ1', team_id: 'T0FUZZ' },
                team: { id: 'T0FUZZ' },
              },
        ),
        contentType: FORM,
      };
  }
}

function generateCases(seed: number, known: Known): Case[] {
  const g = new Gen(seed);
  const cases: Case[] = [];
  for (let n = 0; n < ROUTED_CASES; n++) {
    const kind = g.int(3);
    cases.push(
      kind === 0
        ? routedCommand(g, n, known)
        : kind === 1
          ? routedAction(g, n, known)
          : routedView(g, n, known),
    );
  }
  for (let n = 0; n < ENVELOPE_CASES; n++) cases.push(envelopeCase(g, ROUTED_CASES + n));
  // Two bodies around Bolt's 4 MB limit.
  cases.push({
    family: 'envelope',
    label: 'body just under 4 MB',
    body: interactive({ type: 'block_actions', x: 'A'.repeat(3_900_000) }),
    contentType: FORM,
  });
  cases.push({
    family: 'envelope',
    label: 'body over 4 MB',
    body: interactive({ type: 'block_actions', x: 'A'.repeat(4_300_000) }),
    contentType: FORM,
  });
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Sending

interface Outcome {
  testCase: Case;
  status: number | 'no answer';
  text: string;
  ms: number;
}

/** Sends one signed request with node:http (light: the bot runs in this same process). */
function sendSigned(port: number, body: string | Buffer, contentType: string, timeoutMs = 10_000) {
  const timestamp = Math.floor(Date.now() / 1000);
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  // Bolt checks the signature over the body as it decodes it: UTF-8 text.
  const headers: Record<string, string | number> = {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(SIGNING_SECRET, timestamp, bytes.toString('utf8')),
    'content-length': bytes.length,
  };
  if (contentType) headers['content-type'] = contentType;
  const started = performance.now();
  return new Promise<{ status: number | 'no answer'; text: string; ms: number }>((resolve) => {
    const done = (status: number | 'no answer', text: string) =>
      resolve({ status, text, ms: performance.now() - started });
    const request = httpRequest(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
        response.on('error', () => done('no answer', ''));
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy());
    request.on('error', () => done('no answer', ''));
    request.end(bytes);
  });
}

async function runAll(port: number, cases: Case[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const testCase = cases[index] as Case;
      outcomes[index] = { testCase, ...(await sendSigned(port, testCase.body, testCase.contentType)) };
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

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

let slack: FakeSlack;
let greenhouse: FakeGreenhouse;
let running: RunningBot;
const acks: unknown[] = [];
const crashes: string[] = [];
const onRejection = (reason: unknown) => crashes.push(`unhandledRejection: ${String(reason)}`);
const onException = (error: Error) => crashes.push(`uncaughtException: ${error.message}`);

beforeAll(async () => {
  slack = await startFakeSlack();
  greenhouse = await startFakeGreenhouse();
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
});

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
  await slack.close();
  await greenhouse.close();
});

beforeEach(async () => {
  slack.reset();
  greenhouse.requests.length = 0;
  greenhouse.clients.clear();
  greenhouse.clients.set(CLIENT_ID, { secret: CLIENT_SECRET, scopes: ['harvest:users:list'] });
  acks.length = 0;
  crashes.length = 0;
  running = await bootBot({
    slack,
    env: { GREENHOUSE_AUTH_URL: greenhouse.url, GREENHOUSE_API_URL: greenhouse.url },
  });
});

afterEach(async () => {
  // Nothing the bot sent may break Slack's limits, and no secret may leak anywhere.
  expectWithinSlackLimits(slack, acks);
  await running.stop();
  await expectNoSecretLeaks({
    bots: [running],
    slack,
    acks,
    secrets: [CLIENT_SECRET, ...greenhouse.issuedTokens],
  });
  await deleteKeys(running.keyPrefix);
});

async function health(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
  return { status: response.status, body: await response.json() };
}

/** A real setup at the credentials step: its flow id and button values seed the junk. */
async function knownState(): Promise<Known> {
  const journey = new Journey(slack, running.sender, 'T0FUZZ', 'U0FUZZ1');
  await journey.command('link greenhouse');
  await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
  const begin = journey.button('flow.begin');
  await journey.click('flow.begin');
  await journey.waitForMessage((text) => text.includes('Step 1 of 6'));
  const next = journey.button('flow.next');
  return {
    flowId: (begin.value as string).split('.')[0] as string,
    buttonValues: [begin.value as string, next.value as string],
    responseUrl: (id) => slack.responseUrl(id),
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
    const cases = generateCases(SEED, known);
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    // 100 KB values reach every kind of routed request.
    for (const label of ['command', 'action', 'view']) {
      const huge = cases.filter(
        (c) => c.family === 'routed' && c.label.startsWith(label) && c.body.length > KB100,
      );
      expect(huge.length, `${label} cases with a 100 KB value`).toBeGreaterThanOrEqual(5);
    }

    const outcomes = await runAll(running.port, cases);
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
    const failures = running.logs
      .lines()
      .filter((line) => typeof line === 'object' && LISTENER_FAILURES.includes(line.msg))
      .map((line) => JSON.stringify(line));
    // Bolt's own action matcher throws on an action that is not an object with a string action_id,
    // before any listener runs (envelope cases only); app.error logs it. Everything else would be ours.
    const ours = failures.filter((line) => !BOLT_MATCHER_ERRORS.test(JSON.parse(line).error ?? ''));
    expect(ours).toEqual([]);
    expect(crashes).toEqual([]);

    // Still up, still working.
    expect(await health(running.port)).toEqual({ status: 200, body: { ok: true, redis: 'up' } });
    const after = new Journey(slack, running.sender, 'T0AFTER', 'U0AFTER');
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
      for (const testCase of generateCases(seed, known))
        hash.update(testCase.body).update(testCase.contentType);
      return hash.digest('hex');
    };
    expect(digest(SEED)).toBe(digest(SEED));
    expect(digest(SEED)).not.toBe(digest(SEED + 1));
  });

  // The decline form's private_metadata round-trips through Slack, so it is parsed as untrusted input.
  it('ignores a decline form whose private_metadata is not what Wintro put there', async () => {
    for (const metadata of ['null', '5', '"AbCdEf123456"', '[]', '{', '{"flowId":null,"seq":1}']) {
      const reply = await running.sender.viewSubmission({
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
    const failures = running.logs
      .lines()
      .filter((line) => typeof line === 'object' && LISTENER_FAILURES.includes(line.msg));
    expect(failures).toEqual([]);
  });

  // Bolt 5.1's HTTPReceiver reads `body.ssl_check` before checking that the signed body is an
  // object; src/slack/httpReceiver.ts answers such bodies before Bolt sees them.
  it('answers a signed body that parses to null, and nothing crashes', {
    timeout: 30_000,
  }, async () => {
    const json = await sendSigned(running.port, 'null', JSON_TYPE, 4000);
    const form = await sendSigned(running.port, 'payload=null', FORM, 4000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(crashes).toEqual([]);
    expect(json.status).toBe(400);
    expect(form.status).toBe(400);
    expect(await health(running.port)).toEqual({ status: 200, body: { ok: true, redis: 'up' } });
  });
});
