import {
  REASON_BLOCK,
  type RequestMessageRef,
  renderDeclineModal,
  renderStaleRequest,
} from '../blocks/handover.js';
import { decodeFlowRef } from '../blocks/ids.js';
import { applyAndRun, type EventContext, stepCountOf } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { cleanNote } from './helpRequests.js';
import { refusedClick, toDm } from './linkerGate.js';
import { personWords, wordsOf } from './readers.js';
import { refusalText } from './refusals.js';
import { parseRequestMessageRef } from './requestRef.js';
import type { Click, ClickHandler, FormHandler } from './requests.js';
import type { FlowState } from './state.js';
import { updateQuietly } from './tell.js';
import { can, type FlowEvent } from './transitions.js';

type AnswerEvent = Extract<FlowEvent, { type: 'take_over' | 'help_granted' | 'help_declined' }>;

/** The request a colleague's button answers, if they may answer it; else what to tell them. */
async function answeredRequest(
  deps: FlowDeps,
  click: Click,
  answer: (seq: number) => AnswerEvent,
): Promise<{ ok: true; flow: FlowState; event: AnswerEvent } | { ok: false; told: string }> {
  const ref = decodeFlowRef(click.value);
  if (!ref) {
    const { tr } = await wordsOf(deps, click.teamId, click.userId);
    return { ok: false, told: tr('flow.button.noLongerWorks') };
  }
  const flow = await deps.flows.get(click.teamId, ref.flowId);
  if (!flow || !deps.catalogs.any.system(flow.systemId)) {
    const words = await wordsOf(deps, click.teamId, click.userId);
    return { ok: false, told: refusalText(deps, words, 'answer', 'expired') };
  }
  const event = answer(ref.version);
  const permission = can(flow, event, { now: deps.now(), stepCount: stepCountOf(deps, flow) });
  if (!permission.ok) {
    // The colleague's language came with the request; anyone else is looked up.
    const words = await personWords(deps, click.teamId, click.userId, flow);
    return { ok: false, told: refusalText(deps, words, 'answer', permission.refusal, flow) };
  }
  return { ok: true, flow, event };
}

/** Applies a colleague's answer; the effects update their copy of the request and tell the holder. */
async function answer(deps: FlowDeps, click: Click, make: (seq: number) => AnswerEvent) {
  const answered = await answeredRequest(deps, click, make);
  if (!answered.ok) return answered.told;
  if (answered.event.type === 'take_over') {
    // Taking a setup over is starting to link: WINTRO_LINKERS holds for the colleague too.
    const word = deps.catalogs.any.linkWord(answered.flow.systemId, 'exact');
    const refused = await refusedClick(deps, click, `link ${word}`);
    if (refused) {
      await toDm(deps, click.userId, refused);
      return refused.text;
    }
  }
  const context: EventContext = { requestMessage: { channelId: click.channelId, ts: click.messageTs } };
  const result = await applyAndRun(deps, answered.flow, answered.event, context);
  if (result.ok) return undefined;
  const words = await personWords(deps, click.teamId, click.userId, answered.flow);
  return refusalText(deps, words, 'answer', result.refusal, answered.flow);
}

/** "Take over the setup": the flow moves to the colleague, at the step where it was. */
export const takeOver: ClickHandler = (deps, click) =>
  answer(deps, click, (seq) => ({
    type: 'take_over',
    by: click.userId,
    seq,
    to: click.channelId ?? click.userId,
  }));

/** "I've granted it": the holder gets the setup back at the bottom of their DM. */
export const confirmGranted: ClickHandler = (deps, click) =>
  answer(deps, click, (seq) => ({ type: 'help_granted', by: click.userId, seq }));

/** "I can't help": opens the form that asks why. */
export const declineHelp: ClickHandler = async (deps, click) => {
  const answered = await answeredRequest(deps, click, (seq) => ({
    type: 'help_declined',
    by: click.userId,
    seq,
    reason: '',
  }));
  if (!answered.ok) return answered.told;
  const { tr } = await personWords(deps, click.teamId, click.userId, answered.flow);
  if (!click.triggerId) return tr('flow.button.noTrigger');
  const { flow, event } = answered;
  const ref: RequestMessageRef = {
    flowId: flow.id,
    seq: event.seq,
    ...(click.channelId ? { channelId: click.channelId } : {}),
    ...(click.messageTs ? { ts: click.messageTs } : {}),
  };
  await deps.slack.openModal(click.triggerId, renderDeclineModal(tr, ref));
  return undefined;
};

/** The reason was given: it goes back to the holder after the acknowledgement. */
export const submitDecline: FormHandler = async (deps, form) => {
  const ref = parseRequestMessageRef(form.privateMetadata);
  if (!ref) return {};
  const reason = cleanNote(form.values[REASON_BLOCK]);
  if (!reason) {
    const { tr } = await wordsOf(deps, form.teamId, form.userId);
    return { ack: { response_action: 'errors', errors: { [REASON_BLOCK]: tr('handover.form.sayWhy') } } };
  }
  const requestMessage = { channelId: ref.channelId, ts: ref.ts };
  return {
    afterAck: async () => {
      const flow = await deps.flows.get(form.teamId, ref.flowId);
      if (!flow || !deps.catalogs.any.system(flow.systemId)) return;
      const event: FlowEvent = { type: 'help_declined', by: form.userId, seq: ref.seq, reason };
      const result = await applyAndRun(deps, flow, event, { requestMessage });
      if (!result.ok) {
        const { tr } = await personWords(deps, form.teamId, form.userId, flow);
        await updateQuietly(deps, requestMessage, renderStaleRequest(tr('handover.alreadyAnswered')));
      }
    },
    whenAfterAckFails: 'tell_in_dm',
  };
};
