import { describe, expect, it } from 'vitest';
import { renderCredentialsModal } from '../../src/blocks/credentialsModal.js';
import { renderFlowMessage, renderVariantChoice } from '../../src/blocks/flowMessage.js';
import {
  renderAnsweredRequest,
  renderDeclinedNotice,
  renderDeclineModal,
  renderGrantedNotice,
  renderHelpModal,
  renderHelpRequest,
  renderStaleRequest,
  renderTakenOverNotice,
} from '../../src/blocks/handover.js';
import { decodeFlowRef, encodeFlowRef } from '../../src/blocks/ids.js';
import { escapeText } from '../../src/blocks/kit.js';
import type { SlackMessage } from '../../src/blocks/message.js';
import { unavailableCheckText } from '../../src/blocks/notices.js';
import { renderExpiryWarning, renderIdleReminder, renderNudgeNote } from '../../src/blocks/reminders.js';
import {
  renderHelp,
  renderLinkedNotification,
  renderPicker,
  renderStatus,
  renderUnknownCommand,
  renderUnknownSystem,
} from '../../src/blocks/replies.js';
import { unavailableForm } from '../../src/blocks/unavailableForm.js';
import { type Handover, PHASES } from '../../src/flows/state.js';
import { translator } from '../../src/messages/index.js';
import { catalogOf, createCatalog } from '../../src/systems/catalog.js';
import { aFlow } from '../support/flowFixture.js';
import { messageViolations, viewViolations } from '../support/slackLimits.js';

const everything = createCatalog();
const english = translator('en');
const greenhouse = everything.system('greenhouse')!;

const state = aFlow({ id: 'flowABCDEF', version: 5 });
const options = { withImages: true };
const all = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('flow message', () => {
  it('draws every phase and step within Slack limits', () => {
    const phases = ['prerequisites', 'credentials', 'verifying', 'linked', 'cancelled'] as const;
    const drawings = [
      ...phases.map((phase) => renderFlowMessage(english, { ...state, phase }, greenhouse, options)),
      ...greenhouse.steps.map((_, stepIndex) =>
        renderFlowMessage(english, { ...state, stepIndex }, greenhouse, options),
      ),
    ];
    for (const message of drawings) expect(messageViolations(message)).toEqual([]);
  });

  it('shows progress, the step screenshot and buttons that carry the flow id and version', () => {
    const message = renderFlowMessage(english, { ...state, stepIndex: 1 }, greenhouse, options);
    expect(all(message)).toContain('Step 2 of 6');
    const imageBlock = message.blocks.find((block) => block.type === 'image');
    expect(imageBlock).toMatchObject({
      image_url: expect.stringContaining('17655164380817'),
      alt_text: expect.any(String),
    });
    const buttons = message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons.map((button) => ('value' in button ? button.value : undefined))).toContain('flowABCDEF.5');
  });

  it('draws the step without images, with a link, when images are off', () => {
    const message = renderFlowMessage(english, { ...state, stepIndex: 1 }, greenhouse, { withImages: false });
    expect(message.blocks.some((block) => block.type === 'image')).toBe(false);
    expect(all(message)).toContain('Screenshot:');
  });

  it('shows no image for a screen that changed with Harvest V3, until Wintro hosts one', () => {
    const v3Step = greenhouse.steps.findIndex((step) => step.title.includes('Harvest V3'));
    const plain = renderFlowMessage(english, { ...state, stepIndex: v3Step }, greenhouse, options);
    expect(plain.blocks.some((block) => block.type === 'image')).toBe(false);
    const hosted = renderFlowMessage(english, { ...state, stepIndex: v3Step }, greenhouse, {
      withImages: true,
      screenshotBaseUrl: 'https://static.example/guides/',
    });
    expect(hosted.blocks.find((block) => block.type === 'image')).toMatchObject({
      image_url: 'https://static.example/guides/greenhouse-v3-create.png',
    });
  });

  it('offers "Enter credentials" on the last step instead of Next', () => {
    const last = renderFlowMessage(
      english,
      { ...state, stepIndex: greenhouse.steps.length - 1 },
      greenhouse,
      options,
    );
    expect(all(last)).toContain('flow.credentials');
    expect(all(last)).not.toContain('flow.next');
  });
});

describe('credentials modal', () => {
  it('keeps the same inputs in every state and only the flow id in private_metadata', () => {
    const views = [
      renderCredentialsModal(english, 'flowABCDEF', greenhouse, { kind: 'form' }),
      renderCredentialsModal(english, 'flowABCDEF', greenhouse, { kind: 'checking' }),
      renderCredentialsModal(english, 'flowABCDEF', greenhouse, {
        kind: 'failed',
        outcome: { ok: false, code: 'x', title: 'T', detail: 'D', fieldErrors: { user_id: 'bad' } },
      }),
    ];
    for (const view of views) {
      expect(viewViolations(view)).toEqual([]);
      expect(view.private_metadata).toBe('flowABCDEF');
      expect(view.blocks.filter((block) => block.type === 'input').map((block) => block.block_id)).toEqual([
        'client_id',
        'client_secret',
        'user_id',
      ]);
    }
    expect(JSON.stringify(views[2])).toContain('Greenhouse user id:* bad');
  });

  it('never prefills a value', () => {
    const view = renderCredentialsModal(english, 'flowABCDEF', greenhouse, { kind: 'form' });
    expect(JSON.stringify(view)).not.toContain('initial_value');
  });
});

describe('replies', () => {
  it('escapes text a person typed so it cannot ping or link', () => {
    expect(escapeText('<!channel> <@U1> <https://evil|click> & co')).toBe(
      '&lt;!channel&gt; &lt;@U1&gt; &lt;https://evil|click&gt; &amp; co',
    );
  });

  it('shows each system with its state', () => {
    const catalog = catalogOf([greenhouse], []);
    const linked = renderStatus(
      english,
      'en',
      catalog,
      [],
      [
        {
          systemId: 'greenhouse',
          linkedBy: 'U9',
          linkedAt: 0,
          flowId: 'f',
          details: [],
          expiresAt: '2027-01-01T00:00:00Z',
        },
      ],
    );
    expect(all(linked)).toContain('linked by <@U9>');
    expect(all(linked)).toContain('expires 2027-01-01');
    const pending = renderStatus(english, 'en', catalog, [{ ...state, stepIndex: 2 }], []);
    expect(all(pending)).toContain('step 3 of 6');
  });

  it('names who linked what in the notification', () => {
    const message = renderLinkedNotification(english, 'Greenhouse', 'U7', [{ label: 'a', value: 'b' }]);
    expect(message.text).toBe('Greenhouse is now linked to Wintro, set up by <@U7>.');
    expect(messageViolations(message)).toEqual([]);
  });

  it('round-trips a flow reference and rejects anything else', () => {
    expect(decodeFlowRef(encodeFlowRef('abcDEF123_-', 12))).toEqual({ flowId: 'abcDEF123_-', version: 12 });
    for (const bad of ['', 'x.1', 'abcdefg', 'abcdefg.x', '../../etc.1', `${'a'.repeat(100)}.1`]) {
      expect(decodeFlowRef(bad)).toBeUndefined();
    }
  });
});

describe('every renderer', () => {
  const outcome = { code: 'missing', title: 'Missing scopes', detail: 'Add them.', missing: ['jobs'], at: 1 };
  const handovers: Handover[] = (['asked', 'granted', 'declined', 'taken'] as const).map((status) => ({
    seq: 1,
    colleagueId: 'U2',
    requestedBy: 'U1',
    reason: 'missing',
    missing: ['jobs', 'candidates'],
    note: 'x'.repeat(1000),
    status,
    declineReason: 'y'.repeat(1000),
    askedAt: 0,
  }));
  const long = 'z'.repeat(500);

  function messages(): SlackMessage[] {
    const drawn: SlackMessage[] = [];
    for (const system of everything.systems) {
      for (const handover of [undefined, ...handovers]) {
        const flow = { ...state, systemId: system.id, handover, lastOutcome: outcome };
        for (const phase of PHASES) {
          const steps = phase === 'guide' ? system.steps.map((_, index) => index) : [0];
          for (const stepIndex of steps)
            for (const withImages of [true, false])
              drawn.push(renderFlowMessage(english, { ...flow, phase, stepIndex }, system, { withImages }));
        }
        if (!handover) continue;
        drawn.push(
          renderHelpRequest(english, flow, system),
          renderHelpRequest(english, flow, system, true),
          renderAnsweredRequest(english, flow, system),
          renderTakenOverNotice(english, flow, system, 'U1'),
          renderGrantedNotice(english, flow, system),
          renderDeclinedNotice(english, flow, system),
          renderNudgeNote(english, flow, system),
        );
      }
      drawn.push(
        renderIdleReminder(english, state, system, 'step 2 of 6'),
        renderExpiryWarning(english, system.name, '2027-01-01T00:00:00Z', 'personio employees'),
        renderLinkedNotification(english, system.name, 'U7', [{ label: 'Company', value: long }]),
      );
    }
    for (const family of everything.families)
      for (const phase of ['choose_variant', 'cancelled'] as const)
        drawn.push(renderVariantChoice(english, { ...state, systemId: family.id, phase }, family));
    const active = [
      { ...state, systemId: 'personio', phase: 'choose_variant' as const },
      { ...state, stepIndex: 2 },
    ];
    const linked = { systemId: 'recruitee', linkedBy: 'U9', linkedAt: 0, flowId: 'f', details: [] };
    drawn.push(
      ...(['en', 'de'] as const).flatMap((language) => {
        const tr = translator(language);
        return [
          renderHelp(tr, everything),
          renderPicker(tr, everything, language),
          renderUnknownSystem(tr, everything, long),
          renderUnknownSystem(tr, everything, 'grenhouse', { type: 'system', id: 'greenhouse' }),
          renderUnknownCommand(tr, everything, long, 'status'),
          renderStatus(tr, language, everything, active, [linked]),
          renderStatus(tr, language, everything, [], []),
        ];
      }),
      renderStaleRequest('This request was already answered or replaced.'),
    );
    return drawn;
  }

  it('draws messages within Slack limits', () => {
    const drawn = messages();
    expect(drawn.length).toBeGreaterThan(100);
    for (const message of drawn) expect(messageViolations(message)).toEqual([]);
  });

  it('draws modals within Slack limits', () => {
    const views = everything.systems.flatMap((system) => [
      renderCredentialsModal(english, 'flowABCDEF', system, { kind: 'form' }),
      renderCredentialsModal(english, 'flowABCDEF', system, { kind: 'checking' }),
      renderCredentialsModal(english, 'flowABCDEF', system, {
        kind: 'failed',
        outcome: { ok: false, code: 'x', title: 'T', detail: long, fieldErrors: { unknown: long } },
      }),
      renderCredentialsModal(english, 'flowABCDEF', system, {
        kind: 'linked',
        details: [{ label: 'a', value: long }],
      }),
      renderHelpModal(english, 'flowABCDEF', system),
      renderHelpModal(english, 'flowABCDEF', system, 'U9'),
    ]);
    views.push(renderDeclineModal(english, { flowId: 'flowABCDEF', seq: 3, channelId: 'D1', ts: '1.2' }));
    views.push(unavailableForm(english, views[0], 'flowABCDEF'));
    for (const view of views) expect(viewViolations(view)).toEqual([]);
  });
});

describe('credentials form when a check could not be stored', () => {
  const submitted = renderCredentialsModal(english, 'flowABCDEF', greenhouse, { kind: 'checking' });

  it('puts the notice on top of the form as it was submitted, once', () => {
    const again = unavailableForm(english, unavailableForm(english, submitted, 'flowABCDEF'), 'flowABCDEF');
    expect(again.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: `:warning: ${unavailableCheckText(english)}` },
      block_id: 'wintro_unavailable',
    });
    expect(again.blocks.slice(1)).toEqual(submitted.blocks);
    expect(again).toMatchObject({
      callback_id: submitted.callback_id,
      private_metadata: 'flowABCDEF',
      title: submitted.title,
      submit: submitted.submit,
      close: submitted.close,
    });
  });

  it('still gives a form to close when the submitted view is unreadable', () => {
    const view = unavailableForm(english, 'not a view', 'flowABCDEF', 'Try later.');
    expect(view).toEqual({
      type: 'modal',
      callback_id: 'credentials.submit',
      private_metadata: 'flowABCDEF',
      title: { type: 'plain_text', text: 'Wintro', emoji: true },
      close: { type: 'plain_text', text: 'Close', emoji: true },
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: ':warning: Try later.' },
          block_id: 'wintro_unavailable',
        },
      ],
    });
  });
});
