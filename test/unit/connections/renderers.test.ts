import { describe, expect, it } from 'vitest';
import { renderFlowMessage } from '../../../src/blocks/flowMessage.js';
import { renderStatus } from '../../../src/blocks/replies.js';
import {
  type HandoverView,
  renderHandoverFailedDm,
  renderHandoverFailedNotice,
} from '../../../src/blocks/wintroHandover.js';
import { translator } from '../../../src/messages/index.js';
import { catalogOf, createCatalog } from '../../../src/systems/catalog.js';
import type { LinkableSystem } from '../../../src/systems/types.js';
import { aFlow } from '../../support/flowFixture.js';
import { messageViolations } from '../../support/slackLimits.js';

const en = translator('en');

const greenhouse = createCatalog().system('greenhouse') as LinkableSystem;
const linked = aFlow({
  id: 'F1',
  phase: 'linked',
  stepIndex: 5,
  attempts: 1,
  linkedDetails: [{ label: 'User id', value: '12345' }],
  dm: { channelId: 'D1', ts: '1.1' },
  version: 9,
  createdAt: 1,
  updatedAt: 1,
});
const text = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);
const VIEWS: HandoverView[] = ['pending', 'delivered', 'failed'];

describe('where the hand-over to Wintro stands, as a person sees it', () => {
  it('the linked DM says it in one line per state, and nothing when nothing is handed over', () => {
    const drawn = (handover?: HandoverView) =>
      renderFlowMessage(en, linked, greenhouse, { withImages: false, handover });
    expect(text(drawn('pending'))).toContain('Handing the connection over to Wintro…');
    expect(text(drawn('delivered'))).toContain('Wintro has it');
    expect(text(drawn('failed'))).toContain('verified, but it is not with Wintro yet');
    expect(text(drawn('failed'))).toContain('The Wintro team has been told');
    expect(text(drawn())).not.toContain('Wintro has it');
    expect(text(drawn())).not.toContain('Handing');
    for (const view of VIEWS) expect(messageViolations(drawn(view))).toEqual([]);
  });

  it('/wintro status adds the state to each linked system', () => {
    const catalog = catalogOf([greenhouse], []);
    const connection = { systemId: 'greenhouse', linkedBy: 'U1', linkedAt: 0, flowId: 'F1', details: [] };
    const line = (view?: HandoverView) =>
      text(
        renderStatus(
          translator('en'),
          'en',
          catalog,
          [],
          [connection],
          view ? new Map([['greenhouse', view]]) : new Map(),
        ),
      );
    expect(line('delivered')).toContain('linked by <@U1> on');
    expect(line('delivered')).toContain('· Wintro has it');
    expect(line('pending')).toContain('· handing over to Wintro…');
    expect(line('failed')).toContain('· verified, but not yet with Wintro (the Wintro team has been told)');
    expect(line()).not.toContain('·');
  });

  it('the person and the channel are told in words that name the system and who linked it', () => {
    const dm = renderHandoverFailedDm(en, 'Greenhouse');
    expect(dm.text).toBe('Greenhouse is verified, but it is not with Wintro yet');
    expect(text(dm)).toContain('will let you know if Greenhouse needs linking again');
    const notice = renderHandoverFailedNotice(en, 'Greenhouse', 'U1');
    expect(notice.text).toBe('Greenhouse, linked by <@U1>, is not with Wintro yet');
    expect(messageViolations(dm)).toEqual([]);
    expect(messageViolations(notice)).toEqual([]);
  });
});
