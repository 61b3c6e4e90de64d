import { describe, expect, it } from 'vitest';
import { HOME_LIMITS, renderHomeTab } from '../../src/blocks/homeTab.js';
import { decodeConnectionRef, encodeConnectionRef } from '../../src/blocks/ids.js';
import {
  renderLinkerRefusal,
  renderReplaceQuestion,
  renderUnlinkPicker,
  renderUnlinkQuestion,
  unlinkedText,
} from '../../src/blocks/lifecycle.js';
import { loadConfig } from '../../src/config.js';
import { LANGUAGES, translator } from '../../src/messages/index.js';
import type { ConnectionSummary } from '../../src/store/connectionStore.js';
import { configProblems, MINIMAL_ENV } from '../support/config.js';
import { aFlow } from '../support/flowFixture.js';
import { buttonsOf, textOf } from '../support/journey.js';
import { slackLimitViolations } from '../support/slackLimits.js';

const connection = (changes: Partial<ConnectionSummary> = {}): ConnectionSummary => ({
  systemId: 'greenhouse',
  linkedBy: 'U0ADMIN',
  linkedAt: Date.UTC(2026, 10, 2),
  flowId: 'flowAbc123',
  details: [],
  ...changes,
});

const asMessage = (message: { text: string; blocks: unknown[] }) =>
  slackLimitViolations({ method: 'chat.postMessage', args: { channel: 'D1', ...message } });

describe.each(LANGUAGES)('the Home tab (%s)', (language) => {
  const tr = translator(language);
  const describe = () => 'at step 2 of 5';

  it('shows each state: not linked, in progress by whom, linked by whom and when, broken since, expires on', () => {
    const view = renderHomeTab(tr, {
      viewerId: 'U0ME',
      systems: [
        { id: 'greenhouse', name: 'Greenhouse' },
        { id: 'workable', name: 'Workable' },
        { id: 'recruitee', name: 'Recruitee' },
        { id: 'personio_recruiting', name: 'Personio (recruiting)' },
      ],
      connections: [
        connection({
          health: {
            state: 'broken',
            checkedAt: 2,
            brokenSince: Date.UTC(2026, 11, 1),
            failure: { code: 'x', title: 'Rejected', detail: '' },
          },
        }),
        connection({ systemId: 'workable', flowId: 'flowWork42', expiresAt: '2027-03-01' }),
      ],
      setups: [aFlow({ systemId: 'recruitee', holderId: 'U0ME', id: 'flowRecr99', version: 3 })],
      describe,
    });
    const text = textOf(view.blocks);
    expect(text).toContain('Greenhouse');
    expect(text).toContain('Rejected');
    const day = { en: ['2026-12-01', '2027-03-01'], de: ['01.12.2026', '01.03.2027'] }[language];
    expect(text).toContain(`<!date^${Math.floor(Date.UTC(2026, 11, 1) / 1000)}^{date_short}|${day[0]}>`);
    expect(text).toContain(day[1]);
    expect(text).toContain('<@U0ME>');
    const ids = buttonsOf(view.blocks as never[]).map((button) => `${button.action_id}=${button.value}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        'home.fix=greenhouse',
        'home.unlink=workable',
        'home.link=personio_recruiting',
      ]),
    );
    const accessories = (view.blocks as any[]).flatMap((block) => (block.accessory ? [block.accessory] : []));
    expect(accessories.map((button) => `${button.action_id}=${button.value}`)).toEqual([
      'flow.resume=flowRecr99.3',
    ]);
    expect(slackLimitViolations({ method: 'views.publish', args: { user_id: 'U0ME', view } })).toEqual([]);
  });

  it('stays within 100 blocks and Slack’s text limits with many systems, setups and requests', () => {
    const long = 'N'.repeat(400);
    const systems = Array.from({ length: 80 }, (_, index) => ({
      id: `system_${index}`,
      name: `${long}${index}`,
    }));
    const setups = Array.from({ length: 60 }, (_, index) =>
      aFlow({
        id: `flow${String(index).padStart(6, '0')}`,
        systemId: `system_${index}`,
        holderId: index % 2 ? 'U0ME' : 'U0OTHER',
        ...(index % 2
          ? {}
          : {
              handover: {
                seq: 1,
                colleagueId: 'U0ME',
                requestedBy: 'U0OTHER',
                reason: 'permission' as const,
                status: 'asked' as const,
                askedAt: 0,
              },
            }),
      }),
    );
    const view = renderHomeTab(tr, {
      viewerId: 'U0ME',
      systems,
      connections: systems.slice(0, 20).map((system) => connection({ systemId: system.id })),
      setups,
      describe: () => long,
    });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_LIMITS.blocks);
    expect(slackLimitViolations({ method: 'views.publish', args: { user_id: 'U0ME', view } })).toEqual([]);
    // What did not fit is counted, not dropped silently.
    expect(textOf(view.blocks).match(/…/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(LANGUAGES)('questions and answers about a connection (%s)', (language) => {
  const tr = translator(language);

  it('asks before replacing: who linked it, when, its last check; the button names that very connection', () => {
    const question = renderReplaceQuestion(
      tr,
      'Greenhouse',
      connection({ health: { state: 'working', checkedAt: 5 } }),
    );
    expect(textOf(question.blocks)).toContain('<@U0ADMIN>');
    const [confirm, keep] = buttonsOf(question.blocks as never[]);
    expect(confirm?.action_id).toBe('connection.replace');
    expect(decodeConnectionRef(confirm?.value)).toEqual({ systemId: 'greenhouse', flowId: 'flowAbc123' });
    expect(keep?.action_id).toBe('connection.keep');
    expect(asMessage(question)).toEqual([]);
  });

  it('asks before unlinking, lists what can be unlinked, and says where to delete the credential at the vendor', () => {
    const question = renderUnlinkQuestion(tr, 'Greenhouse', connection());
    expect(buttonsOf(question.blocks as never[])[0]?.action_id).toBe('connection.unlink');
    expect(asMessage(question)).toEqual([]);
    const picker = renderUnlinkPicker(tr, [{ name: 'Greenhouse', connection: connection() }]);
    expect(buttonsOf(picker.blocks as never[]).map((button) => button.value)).toEqual(['greenhouse']);
    expect(asMessage(renderUnlinkPicker(tr, []))).toEqual([]);
    const done = unlinkedText(
      tr,
      { name: 'Greenhouse', vendor: 'Greenhouse', revokePath: 'Configure → Dev Center' },
      true,
    );
    expect(done).toContain('Configure → Dev Center');
  });

  it('refuses a person WINTRO_LINKERS does not allow with who can, and a failed check with Try again', () => {
    const admins = renderLinkerRefusal(
      tr,
      { ok: false, reason: 'not_allowed', linkers: { kind: 'admins' } },
      {
        askValue: 'system:greenhouse',
        retryCommand: 'link greenhouse',
      },
    );
    expect(buttonsOf(admins.blocks as never[]).map((button) => button.action_id)).toEqual(['linkers.ask']);
    const named = renderLinkerRefusal(
      tr,
      { ok: false, reason: 'not_allowed', linkers: { kind: 'admins' }, examples: ['U0A', 'U0B'] },
      { retryCommand: 'link greenhouse' },
    );
    expect(textOf(named.blocks)).toContain('<@U0A>, <@U0B>');
    const group = renderLinkerRefusal(
      tr,
      { ok: false, reason: 'not_allowed', linkers: { kind: 'group', groupId: 'S0HR' } },
      {
        retryCommand: 'link greenhouse',
      },
    );
    expect(textOf(group.blocks)).toContain('<!subteam^S0HR>');
    expect(buttonsOf(group.blocks as never[])).toEqual([]);
    const failed = renderLinkerRefusal(
      tr,
      { ok: false, reason: 'unknown' },
      { retryCommand: 'unlink greenhouse' },
    );
    expect(buttonsOf(failed.blocks as never[])).toMatchObject([
      { action_id: 'linkers.retry', value: 'unlink greenhouse' },
    ]);
    for (const message of [admins, group, failed]) expect(asMessage(message)).toEqual([]);
  });
});

describe('connection references and WINTRO_LINKERS', () => {
  it('round-trips a system and flow id, and refuses anything else', () => {
    expect(decodeConnectionRef(encodeConnectionRef('personio_recruiting', 'Ab_-123456'))).toEqual({
      systemId: 'personio_recruiting',
      flowId: 'Ab_-123456',
    });
    for (const bad of [undefined, '', 'greenhouse', 'Greenhouse.flow123456', 'greenhouse.<@U1>']) {
      expect(decodeConnectionRef(bad)).toBeUndefined();
    }
  });

  it('reads anyone (default), admins or a user group id, and explains anything else', () => {
    expect(loadConfig(MINIMAL_ENV).linkers).toEqual({ kind: 'anyone' });
    expect(loadConfig({ ...MINIMAL_ENV, WINTRO_LINKERS: ' admins ' }).linkers).toEqual({ kind: 'admins' });
    expect(loadConfig({ ...MINIMAL_ENV, WINTRO_LINKERS: 'S0123ABCD' }).linkers).toEqual({
      kind: 'group',
      groupId: 'S0123ABCD',
    });
    for (const bad of ['@hr-admins', 'owners', 's0123abcd', 'U0123ABCD']) {
      expect(configProblems({ ...MINIMAL_ENV, WINTRO_LINKERS: bad })).toEqual([
        expect.stringMatching(/^WINTRO_LINKERS must be anyone, admins .* or a Slack user group id/),
      ]);
    }
  });
});
