import type { App } from '@slack/bolt';
import { ACTIONS } from '../../blocks/ids.js';
import { followAuthorizationLink } from '../../flows/authorization.js';
import { openCredentialsForm } from '../../flows/credentialsForm.js';
import type { FlowDeps } from '../../flows/deps.js';
import { fixConnection, renewConnection } from '../../flows/fixConnection.js';
import { confirmGranted, declineHelp, takeOver } from '../../flows/helpAnswers.js';
import { askForHelp } from '../../flows/helpRequests.js';
import { homeFix, homeLink } from '../../flows/homeTab.js';
import { askLinker, retryLinker } from '../../flows/linkerGate.js';
import { confirmReplace, keepConnection } from '../../flows/replace.js';
import type { ClickHandler } from '../../flows/requests.js';
import { pickSystem } from '../../flows/start.js';
import {
  beginGuide,
  cancelSetup,
  chooseVariant,
  nextStep,
  previousStep,
  resumeSetup,
} from '../../flows/steps.js';
import { unknownButton } from '../../flows/unknownButton.js';
import { askUnlink, confirmUnlink } from '../../flows/unlink.js';
import { buttonListener } from '../answer.js';

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Action ids that carry a choice after a colon, e.g. `flow.variant:personio-recruiting`. */
const withChoice = (prefix: string) => new RegExp(`^${literal(prefix)}:`);

/** Every button, by action id, and what handles it. */
const BUTTONS: [string | RegExp, ClickHandler][] = [
  [ACTIONS.begin, beginGuide],
  [ACTIONS.next, nextStep],
  [ACTIONS.back, previousStep],
  [ACTIONS.cancel, cancelSetup],
  [withChoice(ACTIONS.variant), chooseVariant],
  [ACTIONS.credentials, openCredentialsForm],
  [ACTIONS.authorize, followAuthorizationLink],
  [ACTIONS.help, askForHelp],
  [ACTIONS.resume, resumeSetup],
  [ACTIONS.takeOver, takeOver],
  [ACTIONS.granted, confirmGranted],
  [ACTIONS.decline, declineHelp],
  [ACTIONS.fixConnection, fixConnection],
  [ACTIONS.renewConnection, renewConnection],
  [ACTIONS.askLinker, askLinker],
  [ACTIONS.retryLinker, retryLinker],
  [ACTIONS.homeLink, homeLink],
  [ACTIONS.homeFix, homeFix],
  [ACTIONS.homeUnlink, askUnlink],
];

/** Answers to a question about a connection: the answer replaces the question. */
const ANSWERS: [string, ClickHandler][] = [
  [ACTIONS.confirmReplace, confirmReplace],
  [ACTIONS.confirmUnlink, confirmUnlink],
  [ACTIONS.keepConnection, keepConnection],
];

/**
 * The buttons that only move a flow by one event (`moveFlow`): the request's replay claim is taken
 * in that compare-and-set, so a click costs one Redis round trip less.
 */
const MOVES_A_FLOW = new Set<string>([ACTIONS.begin, ACTIONS.next, ACTIONS.back, ACTIONS.cancel]);
export const claimedInTheirStep = (actionId: string) =>
  MOVES_A_FLOW.has(actionId) || withChoice(ACTIONS.variant).test(actionId);

/**
 * Any other action id in the bot's own namespaces (an old or mistyped button) gets an answer too.
 * Bolt runs every listener that matches, so this one excludes the ids above.
 */
const OTHER_BUTTONS = new RegExp(
  `^(?!${BUTTONS.map(([id]) => (typeof id === 'string' ? `${literal(id)}$` : id.source.slice(1))).join('|')}|${literal(ACTIONS.pick)}:)(?:flow|pick|handover)\\.`,
);

export function registerActions(app: App, deps: FlowDeps) {
  for (const [actionId, handler] of BUTTONS) app.action(actionId, buttonListener(deps, handler));
  // The picker's answer replaces the picker, so the list does not stay behind.
  app.action(withChoice(ACTIONS.pick), buttonListener(deps, pickSystem, 'replace'));
  for (const [actionId, handler] of ANSWERS) app.action(actionId, buttonListener(deps, handler, 'replace'));
  app.action(OTHER_BUTTONS, buttonListener(deps, unknownButton));
}
