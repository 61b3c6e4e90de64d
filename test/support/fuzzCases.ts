/**
 * The requests of the fuzz test, all drawn from one seed. Two families:
 * - routed: the envelope Bolt itself reads (type, command, action_id, callback_id, user, view) is
 *   intact, so the request reaches one of our listeners, and everything our listeners read is junk;
 * - envelope: anything goes, including what Bolt cannot route.
 */
import {
  COMMAND_TEXTS,
  deepArray,
  Gen,
  junk,
  KB100,
  maybeId,
  OUR_ACTIONS,
  OUR_CALLBACKS,
  oddString,
  TEAMS,
  triggerId,
  USERS,
} from './fuzzGen.js';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export interface Case {
  family: 'routed' | 'envelope';
  label: string;
  body: string | Buffer;
  contentType: string;
}

const formOf = (entries: [string, string][]) => new URLSearchParams(entries).toString();
const interactive = (payload: unknown) => formOf([['payload', JSON.stringify(payload)]]);
const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

export interface Known {
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

export function generateCases(
  seed: number,
  known: Known,
  { routed = 800, envelope = 400 }: { routed?: number; envelope?: number } = {},
): Case[] {
  const g = new Gen(seed);
  const cases: Case[] = [];
  for (let n = 0; n < routed; n++) {
    const kind = g.int(3);
    cases.push(
      kind === 0
        ? routedCommand(g, n, known)
        : kind === 1
          ? routedAction(g, n, known)
          : routedView(g, n, known),
    );
  }
  for (let n = 0; n < envelope; n++) cases.push(envelopeCase(g, routed + n));
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
