import { describe, expect, it } from 'vitest';
import { renderCredentialsModal } from '../../src/blocks/credentialsModal.js';
import { renderFlowMessage } from '../../src/blocks/flowMessage.js';
import { decodeFlowRef, encodeFlowRef } from '../../src/blocks/ids.js';
import { escapeText } from '../../src/blocks/kit.js';
import { renderLinkedNotification, renderStatus } from '../../src/blocks/replies.js';
import type { FlowState } from '../../src/flows/state.js';
import { createCatalog } from '../../src/systems/catalog.js';
import { greenhouse } from '../../src/systems/greenhouse.js';
import { messageViolations, viewViolations } from '../support/slackLimits.js';

const state: FlowState = {
  id: 'flowABCDEF',
  teamId: 'T1',
  systemId: 'greenhouse',
  starterId: 'U1',
  holderId: 'U1',
  phase: 'guide',
  stepIndex: 0,
  attempts: 0,
  version: 5,
  createdAt: 0,
  updatedAt: 0,
};
const options = { withImages: true };
const all = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('flow message', () => {
  it('draws every phase and step within Slack limits', () => {
    const phases = ['prerequisites', 'credentials', 'verifying', 'linked', 'cancelled'] as const;
    const drawings = [
      ...phases.map((phase) => renderFlowMessage({ ...state, phase }, greenhouse, options)),
      ...greenhouse.steps.map((_, stepIndex) =>
        renderFlowMessage({ ...state, stepIndex }, greenhouse, options),
      ),
    ];
    for (const message of drawings) expect(messageViolations(message)).toEqual([]);
  });

  it('shows progress, the step screenshot and buttons that carry the flow id and version', () => {
    const message = renderFlowMessage({ ...state, stepIndex: 1 }, greenhouse, options);
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
    const message = renderFlowMessage({ ...state, stepIndex: 1 }, greenhouse, { withImages: false });
    expect(message.blocks.some((block) => block.type === 'image')).toBe(false);
    expect(all(message)).toContain('Screenshot:');
  });

  it('shows no image for a screen that changed with Harvest V3, until Wintro hosts one', () => {
    const v3Step = greenhouse.steps.findIndex((step) => step.title.includes('Harvest V3'));
    const plain = renderFlowMessage({ ...state, stepIndex: v3Step }, greenhouse, options);
    expect(plain.blocks.some((block) => block.type === 'image')).toBe(false);
    const hosted = renderFlowMessage({ ...state, stepIndex: v3Step }, greenhouse, {
      withImages: true,
      screenshotBaseUrl: 'https://static.example/guides/',
    });
    expect(hosted.blocks.find((block) => block.type === 'image')).toMatchObject({
      image_url: 'https://static.example/guides/greenhouse-v3-create.png',
    });
  });

  it('offers "Enter credentials" on the last step instead of Next', () => {
    const last = renderFlowMessage({ ...state, stepIndex: greenhouse.steps.length - 1 }, greenhouse, options);
    expect(all(last)).toContain('flow.credentials');
    expect(all(last)).not.toContain('flow.next');
  });
});

describe('credentials modal', () => {
  it('keeps the same inputs in every state and only the flow id in private_metadata', () => {
    const views = [
      renderCredentialsModal('flowABCDEF', greenhouse, { kind: 'form' }),
      renderCredentialsModal('flowABCDEF', greenhouse, { kind: 'checking' }),
      renderCredentialsModal('flowABCDEF', greenhouse, {
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
    const view = renderCredentialsModal('flowABCDEF', greenhouse, { kind: 'form' });
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
    const catalog = createCatalog([greenhouse], []);
    const linked = renderStatus(
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
    const pending = renderStatus(catalog, [{ ...state, stepIndex: 2 }], []);
    expect(all(pending)).toContain('step 3 of 6');
  });

  it('names who linked what in the notification', () => {
    const message = renderLinkedNotification('Greenhouse', 'U7', [{ label: 'a', value: 'b' }]);
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
