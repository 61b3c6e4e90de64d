import { describe, expect, it } from 'vitest';
import { renderDeclineModal } from '../../src/blocks/handover.js';
import { parseRequestMessageRef, requestMessageRef } from '../../src/flows/requestRef.js';
import { unmatchable } from '../../src/listeners/middleware.js';
import {
  actionPayload,
  commandPayload,
  fieldValues,
  selectedUser,
  teamOf,
  viewPayload,
} from '../../src/listeners/payloads.js';
import { translator } from '../../src/messages/index.js';
import { SlackSender } from '../support/slackRequests.js';

const en = translator('en');

/** Shapes as Slack documents and sends them (fields the bot ignores included). */

const slashCommand = () => ({
  token: 'gIkuvaNzQIHg97ATvDxqgjtO',
  team_id: 'T0001',
  team_domain: 'example',
  enterprise_id: 'E0001',
  enterprise_name: 'Globular Construct Inc',
  channel_id: 'C2147483705',
  channel_name: 'test',
  user_id: 'U2147483697',
  user_name: 'Steve',
  command: '/wintro',
  text: 'link greenhouse',
  response_url: 'https://hooks.slack.com/commands/1234/5678',
  trigger_id: '13345224609.738474920.8088930838d88f008e0',
  api_app_id: 'A123456',
  is_enterprise_install: 'false',
});

const messageBlockActions = () => ({
  type: 'block_actions',
  user: { id: 'U0CA5', username: 'Amy McGee', name: 'Amy McGee', team_id: 'T3MDE' },
  api_app_id: 'A0CA5',
  token: 'Shh_its_a_seekrit',
  container: { type: 'message', message_ts: '1548261231.000200', channel_id: 'D0CA5', is_ephemeral: false },
  trigger_id: '12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3',
  team: { id: 'T0CAG', domain: 'acme-creamery' },
  enterprise: null,
  is_enterprise_install: false,
  channel: { id: 'D0CA5', name: 'directmessage' },
  message: {
    type: 'message',
    subtype: 'bot_message',
    text: 'Greenhouse setup',
    ts: '1548261231.000200',
    bot_id: 'B0CA5',
    blocks: [{ type: 'actions', block_id: 'nav', elements: [] }],
  },
  state: { values: {} },
  response_url: 'https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209',
  actions: [
    {
      action_id: 'flow.next',
      block_id: 'nav',
      text: { type: 'plain_text', text: 'Next', emoji: true },
      value: 'AbCdEf123456.4',
      type: 'button',
      action_ts: '1548426417.840180',
    },
  ],
});

const viewSubmission = () => ({
  type: 'view_submission',
  team: { id: 'T0ACME', domain: 'acme' },
  user: { id: 'U0ADMIN', username: 'admin', name: 'admin', team_id: 'T0ACME' },
  api_app_id: 'A0APP',
  token: 'verification-token',
  trigger_id: '12466734323.1395872398.59c2b9e4c9d46e4f1d68b8b31ad2c8d6',
  view: {
    id: 'VNHU13V36',
    team_id: 'T0ACME',
    type: 'modal',
    title: { type: 'plain_text', text: 'Link Greenhouse' },
    blocks: [],
    private_metadata: 'AbCdEf123456',
    callback_id: 'credentials.submit',
    state: {
      values: {
        client_id: { value: { type: 'plain_text_input', value: 'a1b2c3d4e5f6-7' } },
        client_secret: { value: { type: 'plain_text_input', value: null } },
        colleague: { user: { type: 'users_select', selected_user: 'U0HELPER' } },
      },
    },
    hash: '156772938.1827394',
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: 'VNHU13V36',
    previous_view_id: null,
    app_id: 'A0APP',
    external_id: '',
    bot_id: 'BA13894H',
  },
  response_urls: [],
  is_enterprise_install: false,
  enterprise: null,
});

const at = <T>(base: T, mutate: (copy: any) => void): T => {
  const copy = structuredClone(base);
  mutate(copy);
  return copy;
};

const RTL_OVERRIDE = '\u202E';
const ZERO_WIDTH = '\u200B';
const LONE_SURROGATE = '\uD800';

describe('commandPayload', () => {
  it('accepts a slash command as Slack sends it', () => {
    const parsed = commandPayload.parse(slashCommand());
    expect(parsed).toEqual({
      team_id: 'T0001',
      user_id: 'U2147483697',
      channel_id: 'C2147483705',
      text: 'link greenhouse',
      trigger_id: '13345224609.738474920.8088930838d88f008e0',
    });
  });

  it('defaults a missing text to empty and keeps odd characters in the text for the parser', () => {
    const { text: _dropped, ...noText } = slashCommand();
    expect(commandPayload.parse(noText).text).toBe('');
    const odd = `link ${RTL_OVERRIDE}greenhouse${ZERO_WIDTH}`;
    expect(commandPayload.parse({ ...slashCommand(), text: odd }).text).toBe(odd);
  });

  it.each([
    ['a numeric team id', { team_id: 12345 }],
    ['a duplicated field (the form parser makes it an array)', { team_id: ['T0001', 'T0002'] }],
    ['a lower-case team id', { team_id: 't0001' }],
    ['a user id with an RTL override', { user_id: `U2147${RTL_OVERRIDE}483697` }],
    ['a user id with a zero-width space', { user_id: `U2147${ZERO_WIDTH}483697` }],
    ['a 41-character id', { user_id: `U${'1'.repeat(40)}` }],
    ['a missing user id', { user_id: undefined }],
    ['an empty team id', { team_id: '' }],
    ['a channel id with a NUL', { channel_id: 'C21474\u000083705' }],
    ['a text over 4000 characters', { text: 'x'.repeat(4001) }],
    ['a 100 KB text', { text: 'y'.repeat(100_000) }],
    ['a numeric text', { text: 42 }],
    ['a trigger id with a space', { trigger_id: '1.2 .3' }],
    ['a trigger id with a lone surrogate', { trigger_id: `1.2.${LONE_SURROGATE}` }],
    ['a trigger id with a NUL', { trigger_id: '1.2.\u0000' }],
    ['a trigger id with a Redis glob', { trigger_id: '1.2.*' }],
    ['a 256-character trigger id', { trigger_id: '1'.repeat(256) }],
  ])('rejects %s', (_name, change) => {
    const payload = { ...slashCommand(), ...change };
    expect(commandPayload.safeParse(payload).success).toBe(false);
  });

  it.each([null, undefined, 'team_id=T0001', 42, [], [slashCommand()]])(
    'rejects a non-object %j',
    (value) => {
      expect(commandPayload.safeParse(value).success).toBe(false);
    },
  );
});

describe('actionPayload', () => {
  it('accepts a button click in a message, as Slack documents it', () => {
    const parsed = actionPayload.parse(messageBlockActions());
    expect(parsed.actions[0]).toEqual({ action_id: 'flow.next', value: 'AbCdEf123456.4' });
    expect(parsed.container?.message_ts).toBe('1548261231.000200');
    expect(parsed.channel?.id).toBe('D0CA5');
    expect(teamOf(parsed)).toBe('T0CAG');
  });

  it('accepts what the test Slack sender produces, in a message and in a modal', () => {
    const sender = new SlackSender({ baseUrl: 'http://127.0.0.1:1', signingSecret: 's' });
    const inMessage = sender.blockActionPayload({
      teamId: 'T0ACME',
      userId: 'U0ADMIN',
      actionId: 'pick.system:system:greenhouse',
      value: 'system:greenhouse',
    }).payload;
    const inModal = sender.blockActionPayload({
      teamId: 'T0ACME',
      userId: 'U0ADMIN',
      actionId: 'handover.take',
      value: 'AbCdEf123456.3',
      view: { id: 'V0FORM', callback_id: 'handover.ask', private_metadata: 'AbCdEf123456' },
    }).payload;
    expect(actionPayload.safeParse(inMessage).success).toBe(true);
    const modal = actionPayload.parse(inModal);
    expect(modal.channel).toBeUndefined();
    expect(modal.message).toBeUndefined();
  });

  it('accepts a payload without team (org-wide apps) and reads the team from the user', () => {
    const parsed = actionPayload.parse(at(messageBlockActions(), (p) => (p.team = null)));
    expect(teamOf(parsed)).toBe('T3MDE');
  });

  it.each([
    ['no actions', (p: any) => delete p.actions],
    ['an empty actions list', (p: any) => (p.actions = [])],
    ['six actions', (p: any) => (p.actions = Array(6).fill(p.actions[0]))],
    ['actions as an object', (p: any) => (p.actions = { 0: p.actions[0] })],
    ['actions as a string', (p: any) => (p.actions = 'flow.next')],
    ['a null action', (p: any) => (p.actions = [null])],
    ['a numeric action id', (p: any) => (p.actions[0].action_id = 7)],
    ['an empty action id', (p: any) => (p.actions[0].action_id = '')],
    ['a 256-character action id', (p: any) => (p.actions[0].action_id = `flow.${'n'.repeat(251)}`)],
    ['a numeric value', (p: any) => (p.actions[0].value = 4)],
    ['an object value', (p: any) => (p.actions[0].value = { flowId: 'x' })],
    ['a value over 2000 characters', (p: any) => (p.actions[0].value = 'v'.repeat(2001))],
    ['no user', (p: any) => delete p.user],
    ['a user that is a string', (p: any) => (p.user = 'U0CA5')],
    ['a user id that is not a Slack id', (p: any) => (p.user.id = 'admin')],
    ['a team that is an array', (p: any) => (p.team = ['T0CAG'])],
    ['a channel id that is a number', (p: any) => (p.channel.id = 5)],
    ['a message ts that is not a timestamp', (p: any) => (p.container.message_ts = 'yesterday')],
    ['a message ts of 100 KB', (p: any) => (p.message.ts = '1'.repeat(100_000))],
    ['a trigger id with a newline', (p: any) => (p.trigger_id = '1.2.3\nSET x')],
  ])('rejects %s', (_name, mutate) => {
    expect(actionPayload.safeParse(at(messageBlockActions(), mutate)).success).toBe(false);
  });
});

describe('viewPayload', () => {
  it('accepts a view submission as Slack sends it, nulls included', () => {
    const parsed = viewPayload.parse(viewSubmission());
    expect(parsed.view.id).toBe('VNHU13V36');
    expect(parsed.trigger_id).toBe('12466734323.1395872398.59c2b9e4c9d46e4f1d68b8b31ad2c8d6');
    expect(teamOf(parsed, parsed.view.team_id)).toBe('T0ACME');
    expect(fieldValues(parsed.view.state.values, 'value')).toEqual({
      client_id: 'a1b2c3d4e5f6-7',
      client_secret: '',
      colleague: '',
    });
    expect(selectedUser(parsed.view.state.values, 'colleague', 'user')).toBe('U0HELPER');
    expect(selectedUser(parsed.view.state.values, 'missing', 'user')).toBeUndefined();
  });

  it('accepts a form of 100 blocks and a value of 3000 characters', () => {
    const big = at(viewSubmission(), (p) => {
      p.view.state.values = Object.fromEntries(
        Array.from({ length: 100 }, (_, i) => [
          `block${i}`,
          { value: { type: 'plain_text_input', value: 'v' } },
        ]),
      );
      p.view.state.values.block0.value.value = 'x'.repeat(3000);
    });
    expect(viewPayload.safeParse(big).success).toBe(true);
  });

  it.each([
    ['no view', (p: any) => delete p.view],
    ['a null view', (p: any) => (p.view = null)],
    ['a view that is an array', (p: any) => (p.view = [p.view])],
    ['a view id that is not a Slack id', (p: any) => (p.view.id = 'view-1')],
    ['a view id of 100 KB', (p: any) => (p.view.id = 'V'.repeat(100_000))],
    ['a numeric private_metadata', (p: any) => (p.view.private_metadata = 12)],
    ['no private_metadata', (p: any) => delete p.view.private_metadata],
    ['a private_metadata over 3000 characters', (p: any) => (p.view.private_metadata = 'm'.repeat(3001))],
    ['no state', (p: any) => delete p.view.state],
    ['a state that is an array', (p: any) => (p.view.state = [])],
    ['values that are an array', (p: any) => (p.view.state.values = [])],
    ['values that are a string', (p: any) => (p.view.state.values = 'client_id=x')],
    ['a block that is a string', (p: any) => (p.view.state.values.client_id = 'x')],
    ['an input that is a number', (p: any) => (p.view.state.values.client_id.value = 5)],
    ['an input value that is a number', (p: any) => (p.view.state.values.client_id.value.value = 5)],
    ['an input value that is an array', (p: any) => (p.view.state.values.client_id.value.value = ['a'])],
    [
      'an input value over 3000 characters',
      (p: any) => (p.view.state.values.client_id.value.value = 'x'.repeat(3001)),
    ],
    ['a 100 KB input value', (p: any) => (p.view.state.values.client_id.value.value = 'x'.repeat(100_000))],
    [
      'a selected user that is not a Slack id',
      (p: any) => (p.view.state.values.colleague.user.selected_user = '@steve'),
    ],
    ['a block id over 255 characters', (p: any) => (p.view.state.values['b'.repeat(256)] = {})],
    [
      '101 blocks',
      (p: any) => {
        for (let i = 0; i < 101; i++) p.view.state.values[`b${i}`] = {};
      },
    ],
    [
      '26 elements in one block',
      (p: any) => {
        for (let i = 0; i < 26; i++)
          p.view.state.values.client_id[`a${i}`] = { type: 'plain_text_input', value: 'x' };
      },
    ],
    ['a user id in lower case', (p: any) => (p.user.id = 'u0admin')],
    ['a team id with a zero-width space', (p: any) => (p.team.id = `T0${ZERO_WIDTH}ACME`)],
    ['a trigger id with a lone surrogate', (p: any) => (p.trigger_id = `1.2.${LONE_SURROGATE}`)],
  ])('rejects %s', (_name, mutate) => {
    expect(viewPayload.safeParse(at(viewSubmission(), mutate)).success).toBe(false);
  });

  it('ignores a __proto__ block instead of letting it shape the values', () => {
    const payload = JSON.parse(
      JSON.stringify(viewSubmission()).replace(
        '"values":{',
        '"values":{"__proto__":{"value":{"type":"plain_text_input","value":"from-proto"}},',
      ),
    );
    const parsed = viewPayload.parse(payload);
    expect(Object.getPrototypeOf(parsed.view.state.values)).toBe(Object.prototype);
    expect(fieldValues(parsed.view.state.values, 'value')).not.toHaveProperty('__proto__', 'from-proto');
    expect(JSON.stringify(fieldValues(parsed.view.state.values, 'value'))).not.toContain('from-proto');
  });
});

describe('teamOf', () => {
  it('prefers the payload team, then the user’s team, then the fallback', () => {
    expect(teamOf({ team: { id: 'T1' }, user: { team_id: 'T2' } }, 'T3')).toBe('T1');
    expect(teamOf({ team: null, user: { team_id: 'T2' } }, 'T3')).toBe('T2');
    expect(teamOf({ user: {} }, 'T3')).toBe('T3');
    expect(teamOf({ user: {} })).toBeUndefined();
  });
});

describe('the decline form’s private_metadata', () => {
  it('reads back exactly what renderDeclineModal writes', () => {
    const ref = { flowId: 'AbCdEf123456', seq: 7, channelId: 'D0HELPER', ts: '1700000000.000100' };
    const view = renderDeclineModal(en, ref) as { private_metadata: string };
    expect(parseRequestMessageRef(view.private_metadata)).toEqual(ref);
    expect(parseRequestMessageRef(JSON.stringify({ flowId: 'AbCdEf123456', seq: 0 }))).toEqual({
      flowId: 'AbCdEf123456',
      seq: 0,
    });
  });

  it.each([
    'null',
    '[]',
    '5',
    '"AbCdEf123456"',
    '{',
    '',
    '{"flowId":1,"seq":1}',
    '{"flowId":"AbCdEf123456"}',
    '{"flowId":"AbCdEf123456","seq":"1"}',
    '{"flowId":"AbCdEf123456","seq":-1}',
    '{"flowId":"AbCdEf123456","seq":1.5}',
    '{"flowId":"../../etc","seq":1}',
    '{"flowId":"AbCdEf123456","seq":1,"channelId":"general"}',
    '{"flowId":"AbCdEf123456","seq":1,"ts":{"$gt":""}}',
  ])('rejects %s', (metadata) => {
    expect(parseRequestMessageRef(metadata)).toBeUndefined();
  });

  it('is a schema other code can reuse', () => {
    expect(requestMessageRef.safeParse({ flowId: 'AbCdEf123456', seq: 1 }).success).toBe(true);
  });
});

describe('unmatchable', () => {
  it('is an event or a form whose type or callback id is not text, which the listeners’ matchers cannot read', () => {
    for (const type of [undefined, 5, null, ['app_home_opened'], { type: 'x' }]) {
      expect(unmatchable({ type: 'event_callback', event: { type } })).toBe(true);
    }
    expect(unmatchable({ type: 'event_callback' })).toBe(true);
    expect(unmatchable({ type: 'view_submission', view: { callback_id: 7 } })).toBe(true);
    expect(unmatchable({ type: 'view_closed', view: null })).toBe(true);
  });

  it('is not what Slack sends, nor anything the matchers never look at', () => {
    expect(unmatchable({ type: 'event_callback', event: { type: 'app_home_opened' } })).toBe(false);
    expect(unmatchable({ type: 'view_submission', view: { callback_id: 'credentials.submit' } })).toBe(false);
    expect(unmatchable({ type: 'block_actions', actions: 5 })).toBe(false);
    expect(unmatchable({ command: '/wintro' })).toBe(false);
    expect(unmatchable(null)).toBe(false);
  });
});
