import type { Translate } from '../messages/index.js';
import { ACTIONS, encodeConnectionRef } from './ids.js';
import { actions, escapeText, section } from './kit.js';
import type { SlackMessage } from './message.js';

/** What broke, in the vendor's words (as the check put them: never secret). */
export interface BrokenConnection {
  system: string;
  vendor: string;
  systemId: string;
  /** The broken connection's flow: a Fix button on a connection replaced since says so. */
  flowId: string;
  failure: { title: string; detail: string };
}

/** To whoever linked it: the re-check found it broken, what the vendor said, and **Fix it**. Pure. */
export function renderBrokenDm(tr: Translate, broken: BrokenConnection): SlackMessage {
  const { system, vendor, failure } = broken;
  return {
    text: tr('health.broken.dmText', { system }),
    blocks: [
      section(
        tr('health.broken.dm', {
          system,
          vendor,
          title: escapeText(failure.title),
          detail: escapeText(failure.detail),
        }),
      ),
      section(tr('health.broken.dmOutro', { system })),
      actions('health.broken', [
        {
          text: tr('health.broken.fixButton'),
          actionId: ACTIONS.fixConnection,
          value: encodeConnectionRef(broken.systemId, broken.flowId),
          style: 'primary',
        },
      ]),
    ],
  };
}

/** The team's channel, once per breakage: which system, who linked it, what broke. Pure. */
export function renderBrokenNotice(
  tr: Translate,
  broken: Pick<BrokenConnection, 'system' | 'failure'>,
  linkedBy: string,
): SlackMessage {
  const params = { system: broken.system, user: linkedBy };
  return {
    text: tr('health.broken.channelText', params),
    blocks: [section(tr('health.broken.channel', { ...params, title: escapeText(broken.failure.title) }))],
  };
}

/** To whoever linked it (and the channel, if it was told): working again; `relinkedBy` when fixed by a new link. Pure. */
export function renderRestored(
  tr: Translate,
  system: string,
  where: 'dm' | 'channel',
  relinkedBy?: string,
): SlackMessage {
  const text = tr(where === 'dm' ? 'health.restored.dmText' : 'health.restored.channelText', { system });
  const body =
    where === 'channel'
      ? tr('health.restored.channel', { system })
      : relinkedBy
        ? tr('health.restored.relinkedDm', { system, user: relinkedBy })
        : tr('health.restored.dm', { system });
  return { text, blocks: [section(body)] };
}
