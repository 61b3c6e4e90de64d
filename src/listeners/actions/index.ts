import type { Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
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
import { actionRoute, type Route } from '../router.js';

/** Every button, by action id, and what handles it. */
const BUTTONS: [string, ClickHandler][] = [
  [ACTIONS.begin, beginGuide],
  [ACTIONS.next, nextStep],
  [ACTIONS.back, previousStep],
  [ACTIONS.cancel, cancelSetup],
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

/** The namespaces of the bot's own action ids; an id in one that no handler knows is answered too. */
const OWN_ACTION = /^(?:flow|pick|handover|linkers|connection|home)\./;

/** Which handler a click goes to, and whether its answer replaces the message that had the button. */
type ButtonRoute = { handler: ClickHandler; answer: 'ephemeral' | 'replace' };

const EXACT_ROUTES = new Map<string, ButtonRoute>([
  ...BUTTONS.map(([id, handler]): [string, ButtonRoute] => [id, { handler, answer: 'ephemeral' }]),
  ...ANSWERS.map(([id, handler]): [string, ButtonRoute] => [id, { handler, answer: 'replace' }]),
]);
/** Action ids that carry a choice after a colon, e.g. `flow.variant:personio-recruiting`. */
const CHOICE_ROUTES = new Map<string, ButtonRoute>([
  [ACTIONS.variant, { handler: chooseVariant, answer: 'ephemeral' }],
  // The picker's answer replaces the picker, so the list does not stay behind.
  [ACTIONS.pick, { handler: pickSystem, answer: 'replace' }],
]);
const UNKNOWN_ROUTE: ButtonRoute = { handler: unknownButton, answer: 'ephemeral' };

const choiceOf = (actionId: string) => {
  const colon = actionId.indexOf(':');
  return colon > 0 ? actionId.slice(0, colon) : undefined;
};

/** The handler of an action id of ours: an exact id, then one with a choice, else "unknown". */
function routeOf(actionId: string): ButtonRoute {
  const choice = choiceOf(actionId);
  return EXACT_ROUTES.get(actionId) ?? (choice ? CHOICE_ROUTES.get(choice) : undefined) ?? UNKNOWN_ROUTE;
}

/**
 * The buttons that only move a flow by one event (`moveFlow`): the request's replay claim is taken
 * in that compare-and-set, so a click costs one Redis round trip less.
 */
const MOVES_A_FLOW = new Set<string>([ACTIONS.begin, ACTIONS.next, ACTIONS.back, ACTIONS.cancel]);
export const claimedInTheirStep = (actionId: string) =>
  MOVES_A_FLOW.has(actionId) || choiceOf(actionId) === ACTIONS.variant;

/** Every button of ours, in one route that looks the click's handler up by its action id. */
export function actionRoutes(deps: FlowDeps): Route[] {
  const routes = [...EXACT_ROUTES.values(), ...CHOICE_ROUTES.values(), UNKNOWN_ROUTE];
  const listeners = new Map(
    routes.map((route) => [route, buttonListener(deps, route.handler, route.answer)]),
  );
  return [
    actionRoute(OWN_ACTION, (args) => {
      const actionId = 'action_id' in args.action ? args.action.action_id : '';
      // Every route has its listener: routeOf only answers with one of them.
      const listener = listeners.get(routeOf(actionId)) as Middleware<SlackActionMiddlewareArgs>;
      return listener(args);
    }),
  ];
}
