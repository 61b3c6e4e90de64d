/**
 * Every system links in the demo with its demo credentials, and every sandbox switch makes the
 * check fail the way the vendor documents it, each with its own message. Driven through the
 * page's own API (what the page sends when a person clicks), against the real bot process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from '../../demo/demo.js';
import type { Failure } from '../../demo/sandbox/index.js';
import { translator } from '../../src/messages/index.js';

/** The demo's people read English (their Slack locale is not German). */
const t = translator('en');

const ADMIN = 'U0ALEXADM';
let demo: Demo;

beforeAll(async () => {
  demo = await startDemo({ port: 0 });
}, 60_000);
afterAll(() => demo?.stop());

const post = async (path: string, body: Record<string, unknown>) => {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: ADMIN, ...body }),
  });
  expect(response.status, path).toBe(200);
  return response.json();
};

async function until<T>(find: () => T | undefined, what: string, ms = 8000): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Block = Record<string, any>;
const modal = () => demo.workspace.stackOf(ADMIN).at(-1);
const modalText = () => JSON.stringify(modal()?.view.blocks ?? []);

/** state.values for the modal's inputs, in Slack's shape for each element type. */
function stateFor(blocks: Block[], values: Record<string, string>) {
  return Object.fromEntries(
    blocks
      .filter((block) => block.type === 'input')
      .map((block) => {
        const { type, action_id: actionId, options } = block.element;
        const value = values[block.block_id] ?? null;
        const entry =
          type === 'static_select'
            ? {
                type,
                selected_option: value && {
                  value,
                  text: options.find((option: Block) => option.value === value)?.text,
                },
              }
            : type === 'datepicker'
              ? { type, selected_date: value }
              : { type, value };
        return [block.block_id, { [actionId]: entry }];
      }),
  );
}

/** `/wintro link …`, then "I already have credentials" in the DM: the credentials form. */
async function openForm(command: string) {
  const before = demo.workspace.messages.length;
  const previous = modal()?.id;
  await post('/demo/send', { channel: 'C0GENERAL', text: `/wintro ${command}` });
  const message = await until(
    () =>
      demo.workspace.messages
        .slice(before)
        .find(
          (each) =>
            each.channel === `D${ADMIN}` && JSON.stringify(each.blocks ?? []).includes('flow.credentials'),
        ),
    'the setup message',
  );
  const actions = (message.blocks as Block[]).find((block) =>
    block.elements?.some((element: Block) => element.action_id === 'flow.credentials'),
  ) as Block;
  const element = actions.elements.find((each: Block) => each.action_id === 'flow.credentials');
  await post('/demo/click', {
    channel: message.channel,
    messageTs: message.ts,
    element,
    blockId: actions.block_id,
    actionId: element.action_id,
  });
  return until(() => (modal()?.id !== previous ? modal() : undefined), 'the credentials form');
}

async function check(failure: Failure, kindId: string, values: Record<string, string>, expected: string) {
  expect(demo.sandbox.setFailure(kindId, failure)).toBe(true);
  const form = modal();
  if (!form) throw new Error('no form open');
  const hash = form.hash;
  await post('/demo/submit', { viewId: form.id, values: stateFor(form.view.blocks as Block[], values) });
  await until(
    () => (modal()?.hash !== hash && modalText().includes(expected) ? true : undefined),
    `"${expected}" after ${failure}; the form says ${modalText().slice(0, 400)} ${JSON.stringify(modal()?.errors)}`,
  );
}

const vendorDown = (vendor: string) => t('systems.common.outcome.vendorError.title', { vendor });

const KINDS = [
  {
    kind: 'greenhouse',
    command: 'link greenhouse',
    wrongSecret: t('systems.greenhouse.invalidClient.title'),
    missingScope: 'harvest:candidates:list',
    down: vendorDown('Greenhouse'),
  },
  {
    kind: 'personio-recruiting',
    command: 'link personio recruiting',
    wrongSecret: t('systems.personio.recruiting.invalidCredentials.title'),
    missingScope: t('systems.personio.recruiting.feature.recruitingDisabled.title'),
    down: vendorDown('Personio'),
  },
  {
    kind: 'personio-employees',
    command: 'link personio employees',
    wrongSecret: t('systems.personio.employees.invalidClient.title'),
    missingScope: '(supervisor)',
    down: vendorDown('Personio'),
  },
  {
    kind: 'recruitee',
    command: 'link recruitee',
    wrongSecret: t('systems.recruitee.invalidToken.title'),
    missingScope: t('systems.recruitee.insufficientRights.detail'),
    down: vendorDown('Recruitee'),
  },
  {
    kind: 'workable',
    command: 'link workable',
    wrongSecret: t('systems.workable.invalidToken.title'),
    missingScope: 'r_candidates',
    down: vendorDown('Workable'),
  },
];

describe('the sandbox vendors', () => {
  for (const { kind, command, wrongSecret, missingScope, down } of KINDS) {
    it(`${kind}: each switch fails its own way, then the demo credentials link it`, async () => {
      const form = await openForm(command);
      const filled = (await post('/demo/fill', { viewId: form.id })) as {
        ok: boolean;
        values: Record<string, string>;
      };
      expect(filled.ok).toBe(true);
      await check('wrong_secret', kind, filled.values, wrongSecret);
      await check('missing_scope', kind, filled.values, missingScope);
      await check('down', kind, filled.values, down);
      await check('none', kind, filled.values, 'is linked to Wintro');
      await post('/demo/close', { viewId: modal()?.id });
      expect(modal()).toBeUndefined();
    });
  }

  it('keeps the Home tab the app publishes, and tells the app when it is opened', async () => {
    const home = {
      type: 'home',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Wintro* home' } }],
    };
    const published = await fetch(`${demo.url}/api/views.publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.secrets[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: ADMIN, view: home }),
    }).then((response) => response.json() as Promise<Record<string, any>>);
    expect(published.ok).toBe(true);
    const state = (await fetch(`${demo.url}/demo/state?as=${ADMIN}`).then((response) =>
      response.json(),
    )) as Record<string, any>;
    expect(state.home.view.blocks).toEqual(home.blocks);
    await post('/demo/home', {});
  });

  it('refuses a Web API call without the bot token, as Slack does', async () => {
    const answer = (await fetch(`${demo.url}/api/chat.postMessage`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-not-the-bot', 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0GENERAL', text: 'hi' }),
    }).then((response) => response.json())) as Record<string, unknown>;
    expect(answer).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('announced each system in the channel', async () => {
    // The notice follows the check's result: the last one may still be on its way.
    const notices = () => demo.workspace.messages.filter((message) => message.channel === 'C0WLINKED');
    await until(() => (notices().length >= KINDS.length ? true : undefined), 'every notice');
    expect(notices()).toHaveLength(KINDS.length);
    // Each one was handed over to Wintro, signed, with credentials that open with Wintro's key.
    await until(() => (demo.wintro.arrivals.length >= KINDS.length ? true : undefined), 'every hand-over');
    for (const arrival of demo.wintro.arrivals) {
      expect(arrival).toMatchObject({ type: 'connection.linked', verified: true });
      expect(arrival.openedFields?.length).toBeGreaterThan(0);
    }
  });
});
