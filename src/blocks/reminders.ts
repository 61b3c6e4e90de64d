import type { FlowState } from '../flows/state.js';
import type { Translate } from '../messages/index.js';
import type { LinkableSystem } from '../systems/types.js';
import { handoverOf } from './helpRequest.js';
import { ACTIONS, encodeConnectionRef, encodeFlowRef } from './ids.js';
import { actions, section } from './kit.js';
import type { SlackMessage } from './message.js';

/** To the person who asked for help, when the colleague stays silent even after a reminder. Pure. */
export function renderNudgeNote(tr: Translate, state: FlowState, system: LinkableSystem): SlackMessage {
  const handover = handoverOf(state);
  const text = tr('ui.reminder.nudgeText', { colleague: handover.colleagueId, system: system.name });
  return {
    text,
    blocks: [
      section(tr('ui.reminder.nudge', { notice: text })),
      actions('nudge', [
        {
          text: tr('ui.button.askSomeoneElse'),
          actionId: ACTIONS.help,
          value: encodeFlowRef(state.id, state.version),
        },
      ]),
    ],
  };
}

/** The reminder for a setup nobody touched for a while. Pure. */
export function renderIdleReminder(
  tr: Translate,
  state: FlowState,
  system: { name: string },
  where: string,
): SlackMessage {
  const ref = encodeFlowRef(state.id, state.version);
  const text = tr('ui.reminder.idleText', { system: system.name, where });
  const since = {
    since: Math.floor(state.updatedAt / 1000),
    fallback: new Date(state.updatedAt).toISOString(),
  };
  return {
    text,
    blocks: [
      section(tr('ui.reminder.idle', { notice: text, ...since })),
      actions('reminder', [
        { text: tr('ui.button.continue'), actionId: ACTIONS.resume, value: ref, style: 'primary' },
        { text: tr('ui.button.cancelSetup'), actionId: ACTIONS.cancel, value: ref, style: 'danger' },
      ]),
    ],
  };
}

/** Credentials that run out soon, with what to do about it. Pure. */
/** Credentials that run out soon; `day` is the day they do, as the reader writes dates. Pure. */
export function renderExpiryWarning(
  tr: Translate,
  systemName: string,
  day: string,
  linkWord: string,
  /** The connection that expires: with it, **Renew now** starts linking it again at the credentials. */
  renew?: { systemId: string; flowId: string },
): SlackMessage {
  const text = tr('ui.reminder.expiryText', { system: systemName, day });
  return {
    text,
    blocks: [
      section(tr('ui.reminder.expiry', { notice: text, system: systemName, word: linkWord })),
      ...(renew
        ? [
            actions('expiry', [
              {
                text: tr('health.renew.button'),
                actionId: ACTIONS.renewConnection,
                value: encodeConnectionRef(renew.systemId, renew.flowId),
                style: 'primary',
              },
            ]),
          ]
        : []),
    ],
  };
}
