import {
  COLLEAGUE_BLOCK,
  NOTE_BLOCK,
  NOTE_MAX,
  renderHelpModal,
  renderHelpRequest,
} from '../blocks/handover.js';
import { applyEvent, stepCountOf } from './applyEvent.js';
import { clickedFlow } from './clickedFlow.js';
import type { FlowDeps } from './deps.js';
import { helpRequestRefusal } from './limits.js';
import { linkersToAsk } from './linkerGate.js';
import { colleagueWords, holderWords, personWords, wordsOf } from './readers.js';
import { refusalText } from './refusals.js';
import type { ClickHandler, FormHandler, FormResult } from './requests.js';
import type { FlowState } from './state.js';
import { tellUser } from './tell.js';
import { can, type Refusal } from './transitions.js';

// Control characters and bidirectional overrides can disguise what a note says.
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** A note typed by a person: visible characters only, line breaks kept, bounded. */
export const cleanNote = (text: string | undefined) =>
  (text ?? '')
    .normalize('NFKC')
    .split('\n')
    .map((line) => line.replace(INVISIBLE, ''))
    .join('\n')
    .trim()
    .slice(0, NOTE_MAX);

/** "I don't have this" / "Ask a colleague": opens the form that asks who can help. */
export const askForHelp: ClickHandler = async (deps, click) => {
  const clicked = await clickedFlow(deps, click, { type: 'open_help_form' }, 'open_help_form');
  if (!clicked.ok) return clicked.told;
  const { flow } = clicked;
  // Only the holder gets this far.
  const words = holderWords(deps, flow);
  const system = words.catalog.system(flow.systemId);
  if (!system) return refusalText(deps, words, 'open_help_form', 'not_now', flow);
  if (!click.triggerId) return words.tr('flow.button.noTrigger');
  const suggestion = await deps.suggestions.suggest(flow.teamId, flow.systemId);
  await deps.slack.openModal(
    click.triggerId,
    renderHelpModal(
      words.tr,
      flow.id,
      system,
      suggestion && suggestion !== flow.holderId ? suggestion : undefined,
    ),
  );
  return undefined;
};

/** Refused on the form itself; anything else is found out after it closes. */
const ON_THE_FORM: ReadonlySet<Refusal> = new Set(['not_holder', 'linked', 'cancelled']);

/** The form that asks a colleague was submitted: the request goes out after the acknowledgement. */
export const submitHelpRequest: FormHandler = async (deps, form) => {
  const flow = await deps.flows.get(form.teamId, form.privateMetadata);
  const words = flow
    ? await personWords(deps, form.teamId, form.userId, flow)
    : await wordsOf(deps, form.teamId, form.userId);
  const system = flow ? words.catalog.system(flow.systemId) : undefined;
  const error = (message: string): FormResult => ({
    ack: { response_action: 'errors', errors: { [COLLEAGUE_BLOCK]: message } },
  });
  if (!flow || !system) return error(refusalText(deps, words, 'help_form', 'expired'));
  const colleagueId = form.colleagueId;
  const ask = { type: 'request_help' as const, colleagueId: colleagueId ?? '' };
  const context = { now: deps.now(), stepCount: stepCountOf(deps, flow), actorId: form.userId };
  const permission = can(flow, ask, context);
  if (!permission.ok && ON_THE_FORM.has(permission.refusal)) {
    return error(refusalText(deps, words, 'help_form', permission.refusal, flow));
  }
  if (!colleagueId) return error(words.tr('handover.form.chooseColleague'));
  if (colleagueId === form.userId) return error(words.tr('handover.form.notYourself'));
  const overLimit = await helpRequestRefusal(words.tr, deps, {
    teamId: flow.teamId,
    flowId: flow.id,
    userId: form.userId,
    colleagueId,
  });
  if (overLimit) return error(overLimit);
  const note = cleanNote(form.values[NOTE_BLOCK]);
  return {
    afterAck: async () => {
      // Found now, after the acknowledgement (it may ask Slack): the request is written in it, and
      // the setup is in it once the colleague takes it over.
      const colleagueLanguage = await deps.languages.of(flow.teamId, colleagueId);
      const linkers = await linkersToAsk(deps, flow.teamId, form.userId);
      const applied = await applyEvent(
        deps,
        flow,
        {
          type: 'request_help',
          colleagueId,
          colleagueLanguage,
          ...(note ? { note } : {}),
          ...(linkers ? { linkers } : {}),
        },
        { actorId: form.userId },
      );
      if (!applied.ok) {
        await tellUser(deps, flow.holderId, holderWords(deps, flow).tr('flow.refused.helpForm.movedOn'));
        return;
      }
      await applied.run();
    },
    whenAfterAckFails: 'tell_in_dm',
  };
};

/** DMs the colleague the request (or its reminder), once per request and kind. */
export async function sendHelpRequest(deps: FlowDeps, state: FlowState, reminder: boolean): Promise<boolean> {
  const handover = state.handover;
  if (!handover) return false;
  const holder = holderWords(deps, state);
  // The request is in the colleague's words: the vendor's own terms come from their catalog.
  const colleague = await colleagueWords(deps, state, handover.colleagueId);
  const system = colleague.catalog.system(state.systemId);
  if (!system) return false;
  const onceKey = `help:${state.id}:${handover.seq}:${reminder ? 'reminder' : 'request'}`;
  if (!(await deps.once.claim(state.teamId, onceKey))) return false;
  const full = await deps.limits.requestDm(state.teamId, state.id, handover.colleagueId);
  if (full) {
    deps.logger.info(
      { flowId: state.id },
      'Not sending a request DM: the colleague has had enough from this setup',
    );
    if (!reminder) {
      await tellUser(
        deps,
        state.holderId,
        holder.tr('limits.requestDmsPerColleagueSent', { colleague: handover.colleagueId }),
      );
    }
    return false;
  }
  try {
    const request = renderHelpRequest(
      colleague.tr,
      state,
      system,
      reminder,
      colleague.language === holder.language,
    );
    await deps.slack.post(handover.colleagueId, request);
    return true;
  } catch (error) {
    await deps.once.release(state.teamId, onceKey);
    deps.logger.warn({ flowId: state.id, error: (error as Error).message }, 'Could not DM the colleague');
    if (!reminder) {
      const notSent = holder.tr('handover.requestNotSent', { colleague: handover.colleagueId });
      await tellUser(deps, state.holderId, notSent);
    }
    return false;
  }
}
