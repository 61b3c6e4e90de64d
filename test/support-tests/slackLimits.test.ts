import { describe, expect, it } from 'vitest';
import {
  messageViolations,
  responseViolations,
  slackLimitViolations,
  viewViolations,
} from '../support/slackLimits.js';

type Any = any;

const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const x = (n: number) => 'x'.repeat(n);
const button = (over: Record<string, Any> = {}) => ({
  type: 'button',
  action_id: 'go',
  text: pt('Go'),
  value: 'v',
  ...over,
});
const section = (over: Record<string, Any> = {}) => ({ type: 'section', text: md('hello'), ...over });

function goodMessage(): Record<string, Any> {
  return {
    channel: 'C123',
    text: 'Connect your HR system',
    blocks: [
      { type: 'header', block_id: 'h', text: pt('Connect your HR system') },
      section({
        block_id: 's',
        fields: [md('*Provider*'), md('Workday')],
        accessory: button({ action_id: 'acc' }),
      }),
      { type: 'divider' },
      { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'logo' },
      {
        type: 'context',
        elements: [md('step 1 of 3'), { type: 'image', image_url: 'https://e.x/i.png', alt_text: 'i' }],
      },
      {
        type: 'actions',
        block_id: 'a',
        elements: [
          button({ action_id: 'a1', style: 'primary', url: 'https://example.com' }),
          button({ action_id: 'a2' }),
          { type: 'users_select', action_id: 'pick', placeholder: pt('Pick someone') },
        ],
      },
    ],
  };
}

function goodModal(): Record<string, Any> {
  return {
    type: 'modal',
    callback_id: 'link_modal',
    private_metadata: JSON.stringify({ step: 1 }),
    title: pt('Link your system'),
    submit: pt('Next'),
    close: pt('Cancel'),
    blocks: [
      section({ block_id: 'intro' }),
      {
        type: 'input',
        block_id: 'key',
        label: pt('API key'),
        hint: pt('Find it in settings'),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          max_length: 3000,
          placeholder: pt('paste here'),
        },
      },
    ],
  };
}

const msg = (mut: (m: Record<string, Any>) => void) => {
  const m = goodMessage();
  mut(m);
  return m;
};
const modal = (mut: (v: Record<string, Any>) => void) => {
  const v = goodModal();
  mut(v);
  return v;
};

describe('slackLimits: passing examples', () => {
  it('accepts a well-formed message on every message method', () => {
    expect(messageViolations(goodMessage())).toEqual([]);
    expect(slackLimitViolations({ method: 'chat.postMessage', args: goodMessage() })).toEqual([]);
    expect(slackLimitViolations({ method: 'chat.update', args: { ...goodMessage(), ts: '1.2' } })).toEqual(
      [],
    );
    expect(
      slackLimitViolations({ method: 'chat.postEphemeral', args: { ...goodMessage(), user: 'U1' } }),
    ).toEqual([]);
  });

  it('accepts a text-only message and exactly-at-limit values', () => {
    expect(messageViolations({ channel: 'C1', text: 'hi' })).toEqual([]);
    const atLimit = {
      channel: 'C1',
      text: 'fallback',
      blocks: [
        { type: 'header', text: pt(x(150)) },
        section({ text: md(x(3000)), fields: Array.from({ length: 10 }, () => md(x(2000))) }),
        {
          type: 'actions',
          block_id: x(255),
          elements: Array.from({ length: 25 }, (_, i) =>
            button({ action_id: `${i}`.padEnd(255, 'a'), text: pt(x(75)), value: x(2000) }),
          ),
        },
        { type: 'context', elements: Array.from({ length: 10 }, () => md('c')) },
        ...Array.from({ length: 46 }, () => ({ type: 'divider' })),
      ],
    };
    expect(atLimit.blocks).toHaveLength(50);
    expect(messageViolations(atLimit)).toEqual([]);
  });

  it('accepts a well-formed modal and home view', () => {
    expect(viewViolations(goodModal())).toEqual([]);
    expect(
      slackLimitViolations({ method: 'views.open', args: { trigger_id: 't', view: goodModal() } }),
    ).toEqual([]);
    expect(
      slackLimitViolations({ method: 'views.update', args: { view_id: 'V1', view: goodModal() } }),
    ).toEqual([]);
    expect(
      slackLimitViolations({ method: 'views.push', args: { trigger_id: 't', view: goodModal() } }),
    ).toEqual([]);
    const home = { type: 'home', blocks: Array.from({ length: 100 }, () => ({ type: 'divider' })) };
    expect(slackLimitViolations({ method: 'views.publish', args: { user_id: 'U1', view: home } })).toEqual(
      [],
    );
  });

  it('accepts JSON-string encoded blocks/views as they travel on the wire', () => {
    const m = goodMessage();
    expect(messageViolations({ ...m, blocks: JSON.stringify(m.blocks) })).toEqual([]);
    expect(viewViolations(JSON.stringify(goodModal()))).toEqual([]);
  });

  it('ignores methods it does not check', () => {
    expect(slackLimitViolations({ method: 'users.info', args: {} })).toEqual([]);
    expect(slackLimitViolations({ method: 'conversations.open', args: { users: 'U1' } })).toEqual([]);
  });
});

interface Case {
  rule: string;
  method: string;
  args: Record<string, Any>;
  expect: RegExp;
}

/** A case that posts the good message with one change. */
const posting = (rule: string, expect: RegExp, change: (m: Record<string, Any>) => void): Case => ({
  rule,
  method: 'chat.postMessage',
  args: msg(change),
  expect,
});
/** A case that opens the good modal with one change. */
const opening = (rule: string, expect: RegExp, change: (v: Record<string, Any>) => void): Case => ({
  rule,
  method: 'views.open',
  args: { trigger_id: 't', view: modal(change) },
  expect,
});

const messageCases: Case[] = [
  {
    rule: 'message ≤ 50 blocks',
    method: 'chat.postMessage',
    args: { channel: 'C1', text: 't', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) },
    expect: /51 blocks exceeds 50/,
  },
  posting('section text ≤ 3000', /blocks\[1\]\.text\.text: 3001 chars exceeds 3000/, (m) => {
    m.blocks[1].text = md(x(3001));
  }),
  posting('section fields ≤ 10', /11 fields exceeds 10/, (m) => {
    m.blocks[1].fields = Array.from({ length: 11 }, () => md('f'));
  }),
  posting('section field text ≤ 2000', /fields\[0\]\.text: 2001 chars exceeds 2000/, (m) => {
    m.blocks[1].fields = [md(x(2001))];
  }),
  posting('header text ≤ 150', /blocks\[0\]\.text\.text: 151 chars exceeds 150/, (m) => {
    m.blocks[0].text = pt(x(151));
  }),
  posting('header text must be plain_text', /blocks\[0\]\.text\.type: must be 'plain_text'/, (m) => {
    m.blocks[0].text = md('*bold*');
  }),
  posting('context ≤ 10 elements', /11 elements exceeds 10/, (m) => {
    m.blocks[4].elements = Array.from({ length: 11 }, () => md('c'));
  }),
  posting('actions ≤ 25 elements', /26 elements exceeds 25/, (m) => {
    m.blocks[5].elements = Array.from({ length: 26 }, (_, i) => button({ action_id: `b${i}` }));
  }),
  posting('button text ≤ 75', /elements\[0\]\.text\.text: 76 chars exceeds 75/, (m) => {
    m.blocks[5].elements[0].text = pt(x(76));
  }),
  posting('button value ≤ 2000', /elements\[0\]\.value: 2001 chars exceeds 2000/, (m) => {
    m.blocks[5].elements[0].value = x(2001);
  }),
  posting('button url ≤ 3000', /elements\[0\]\.url: \d+ chars exceeds 3000/, (m) => {
    m.blocks[5].elements[0].url = `https://e.com/${x(3000)}`;
  }),
  posting('block_id ≤ 255', /blocks\[1\]\.block_id: 256 chars exceeds 255/, (m) => {
    m.blocks[1].block_id = x(256);
  }),
  posting('action_id ≤ 255', /elements\[1\]\.action_id: 256 chars exceeds 255/, (m) => {
    m.blocks[5].elements[1].action_id = x(256);
  }),
  posting('action_id unique within a block', /duplicate action_id 'a1'/, (m) => {
    m.blocks[5].elements[1].action_id = 'a1';
  }),
  posting('block_id unique within a message', /duplicate block_id 's'/, (m) => {
    m.blocks[5].block_id = 's';
  }),
  posting('image block needs image_url', /blocks\[3\]\.image_url: is required/, (m) => {
    delete m.blocks[3].image_url;
  }),
  posting('image_url must be http(s)', /image_url: must be an http\(s\) URL/, (m) => {
    m.blocks[3].image_url = 'ftp://example.com/a.png';
  }),
  posting('image alt_text required non-empty', /blocks\[3\]\.alt_text: is required/, (m) => {
    m.blocks[3].alt_text = '';
  }),
  posting('image alt_text ≤ 2000', /alt_text: 2001 chars exceeds 2000/, (m) => {
    m.blocks[3].alt_text = x(2001);
  }),
  posting('text object type must be plain_text/mrkdwn', /must be 'plain_text' or 'mrkdwn'/, (m) => {
    m.blocks[1].text = { type: 'markdown', text: 'hi' };
  }),
  posting('text object text non-empty', /blocks\[1\]\.text\.text: must be a non-empty string/, (m) => {
    m.blocks[1].text = md('');
  }),
  {
    rule: 'message needs text or blocks',
    method: 'chat.postMessage',
    args: { channel: 'C1' },
    expect: /needs `text` or `blocks`/,
  },
  posting('blocks need a top-level text fallback', /without a top-level `text` fallback/, (m) => {
    delete m.text;
  }),
  {
    rule: 'chat.update is checked too',
    method: 'chat.update',
    args: msg((m) => {
      m.ts = '1.2';
      m.blocks[0].text = pt(x(151));
    }),
    expect: /151 chars exceeds 150/,
  },
  {
    rule: 'chat.postEphemeral is checked too',
    method: 'chat.postEphemeral',
    args: msg((m) => {
      m.user = 'U1';
      delete m.text;
    }),
    expect: /fallback/,
  },
];

const viewCases: Case[] = [
  opening('modal ≤ 100 blocks', /101 blocks exceeds 100/, (v) => {
    v.blocks = Array.from({ length: 101 }, () => ({ type: 'divider' }));
  }),
  {
    rule: 'home ≤ 100 blocks',
    method: 'views.publish',
    args: {
      user_id: 'U1',
      view: { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) },
    },
    expect: /101 blocks exceeds 100/,
  },
  // Each of a modal's three buttons and title has Slack's 24-character limit, on every views method.
  ...(
    [
      ['title', 'views.open'],
      ['submit', 'views.update'],
      ['close', 'views.push'],
    ] as const
  ).map(([field, method]) => ({
    rule: `modal ${field} ≤ 24`,
    method,
    args: {
      ...(method === 'views.update' ? { view_id: 'V1' } : { trigger_id: 't' }),
      view: modal((v) => {
        v[field] = pt(x(25));
      }),
    },
    expect: new RegExp(`view\\.${field}\\.text: 25 chars exceeds 24`),
  })),
  opening('modal title must be plain_text', /view\.title\.type: must be 'plain_text'/, (v) => {
    v.title = md('Link');
  }),
  opening('private_metadata ≤ 3000', /private_metadata: 3001 chars exceeds 3000/, (v) => {
    v.private_metadata = x(3001);
  }),
  opening('callback_id ≤ 255', /callback_id: 256 chars exceeds 255/, (v) => {
    v.callback_id = x(256);
  }),
  opening('plain_text_input max_length ≤ 3000', /max_length: 3001 exceeds 3000/, (v) => {
    v.blocks[1].element.max_length = 3001;
  }),
  opening('input label ≤ 2000', /label\.text: 2001 chars exceeds 2000/, (v) => {
    v.blocks[1].label = pt(x(2001));
  }),
  opening('input hint ≤ 2000', /hint\.text: 2001 chars exceeds 2000/, (v) => {
    v.blocks[1].hint = pt(x(2001));
  }),
  opening('placeholder ≤ 150', /placeholder\.text: 151 chars exceeds 150/, (v) => {
    v.blocks[1].element.placeholder = pt(x(151));
  }),
  opening('view JSON ≤ 250 KB', /view: JSON is \d+ bytes, exceeds 250000/, (v) => {
    v.blocks = Array.from({ length: 90 }, (_, i) => section({ block_id: `b${i}`, text: md(x(2900)) }));
  }),
  opening('block_id unique within a view', /duplicate block_id 'intro'/, (v) => {
    v.blocks[1].block_id = 'intro';
  }),
];

describe('slackLimits: one failing example per rule', () => {
  it.each([...messageCases, ...viewCases])('$rule', (c) => {
    const violations = slackLimitViolations({ method: c.method, args: c.args });
    expect(violations.join('\n')).toMatch(c.expect);
  });
});

describe('responseViolations', () => {
  it('accepts bare acks, valid errors and clear', () => {
    expect(responseViolations(undefined)).toEqual([]);
    expect(responseViolations('')).toEqual([]);
    expect(responseViolations({})).toEqual([]);
    expect(responseViolations({ response_action: 'errors', errors: { key: 'Invalid API key' } })).toEqual([]);
    expect(responseViolations({ response_action: 'clear' })).toEqual([]);
    expect(responseViolations({ response_action: 'update', view: goodModal() })).toEqual([]);
    expect(responseViolations({ response_type: 'ephemeral', text: 'ok' })).toEqual([]);
    expect(responseViolations({ delete_original: true })).toEqual([]);
  });

  it('checks the view of update/push and the shape of errors', () => {
    const bad = modal((v) => {
      v.title = pt(x(30));
    });
    expect(responseViolations({ response_action: 'push', view: bad }).join()).toMatch(/exceeds 24/);
    expect(responseViolations({ response_action: 'update', view: bad }).join()).toMatch(/exceeds 24/);
    expect(responseViolations({ response_action: 'errors', errors: {} }).join()).toMatch(/non-empty object/);
    expect(responseViolations({ response_action: 'bogus' }).join()).toMatch(/unknown value/);
  });

  it('checks response_url messages like messages', () => {
    expect(responseViolations({ replace_original: true, blocks: [section()] }).join()).toMatch(/fallback/);
    expect(responseViolations({ response_type: 'everyone', text: 'hi' }).join()).toMatch(/response_type/);
  });
});
