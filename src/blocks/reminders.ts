import type { FlowState } from '../flows/state.js';
import { t } from '../messages/index.js';
import type { LinkableSystem } from '../systems/types.js';
import { handoverOf } from './helpRequest.js';
import { ACTIONS, encodeFlowRef } from './ids.js';
import { actions, section } from './kit.js';
import type { SlackMessage } from './message.js';

/** To the person who asked for help, when the colleague stays silent even after a reminder. Pure. */
export function renderNudgeNote(state: FlowState, system: LinkableSystem): SlackMessage {
  const handover = handoverOf(state);
  const text = t('ui.reminder.nudgeText', { colleague: handover.colleagueId, system: system.name });
  return {
    text,
    blocks: [
      section(t('ui.reminder.nudge', { notice: text })),
      actions('nudge', [
        {
          text: t('ui.button.askSomeoneElse'),
          actionId: ACTIONS.help,
          value: encodeFlowRef(state.id, state.version),
        },
      ]),
    ],
  };
}

/** The reminder for a setup nobody touched for a while. Pure. */
export function renderIdleReminder(state: FlowState, system: { name: string }, where: string): SlackMessage {
  const ref = encodeFlowRef(state.id, state.version);
  const text = t('ui.reminder.idleText', { system: system.name, where });
  const since = {
    since: Math.floor(state.updatedAt / 1000),
    fallback: new Date(state.updatedAt).toISOString(),
  };
  return {
    text,
    blocks: [
      section(t('ui.reminder.idle', { notice: text, ...since })),
      actions('reminder', [
        { text: t('ui.button.continue'), actionId: ACTIONS.resume, value: ref, style: 'primary' },
        { text: t('ui.button.cancelSetup'), actionId: ACTIONS.cancel, value: ref, style: 'danger' },
      ]),
    ],
  };
}

/** Credentials that run out soon, with what to do about it. Pure. */
export function renderExpiryWarning(systemName: string, expiresAt: string, linkWord: string): SlackMessage {
  const text = t('ui.reminder.expiryText', { system: systemName, day: expiresAt.slice(0, 10) });
  return {
    text,
    blocks: [section(t('ui.reminder.expiry', { notice: text, system: systemName, word: linkWord }))],
  };
}
