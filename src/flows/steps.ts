import { ACTIONS } from '../blocks/ids.js';
import { applyAndRun } from './applyEvent.js';
import { clickedFlow } from './clickedFlow.js';
import type { FlowDeps } from './deps.js';
import { toDm } from './linkerGate.js';
import { personWords, wordsOf } from './readers.js';
import { refusalText } from './refusals.js';
import { replacementQuestion } from './replace.js';
import type { Click, ClickHandler } from './requests.js';
import type { FlowEvent } from './transitions.js';

/** A button that moves the holder's flow by one event and redraws its message. */
async function moveFlow(deps: FlowDeps, click: Click, event: FlowEvent): Promise<string | undefined> {
  const clicked = await clickedFlow(deps, click, event);
  if (!clicked.ok) return clicked.told;
  const { flow, drawnVersion } = clicked;
  const result = await applyAndRun(deps, flow, event, {
    actorId: click.userId,
    drawnVersion,
    claim: click.claim,
  });
  if (!result.ok && result.refusal === 'replayed') return undefined;
  if (!result.ok) {
    const words = await personWords(deps, click.teamId, click.userId, flow);
    return refusalText(deps, words, 'button', result.refusal, flow);
  }
  if (result.notShown) {
    const word = deps.catalogs.any.linkWord(flow.systemId);
    const { tr } = await personWords(deps, click.teamId, click.userId, flow);
    return tr('flow.step.notShown', { reason: result.notShown, word });
  }
  return undefined;
}

export const beginGuide: ClickHandler = (deps, click) => moveFlow(deps, click, { type: 'begin_guide' });
export const nextStep: ClickHandler = (deps, click) => moveFlow(deps, click, { type: 'next' });
export const previousStep: ClickHandler = (deps, click) => moveFlow(deps, click, { type: 'back' });
export const cancelSetup: ClickHandler = (deps, click) => moveFlow(deps, click, { type: 'cancel' });

/** Picks one kind of credentials of a vendor that has several (the action id names the system). */
export const chooseVariant: ClickHandler = async (deps, click) => {
  const systemId = click.actionId.slice(ACTIONS.variant.length + 1);
  if (!deps.catalogs.any.system(systemId)) {
    return (await wordsOf(deps, click.teamId, click.userId)).tr('flow.button.unknown');
  }
  // A kind that is linked already asks first, as `/wintro link <it>` does; confirmed, it is set up anew.
  const question = await replacementQuestion(deps, click.teamId, click.userId, {
    type: 'system',
    id: systemId,
  });
  if (question) {
    await toDm(deps, click.userId, question);
    return undefined;
  }
  return moveFlow(deps, click, { type: 'choose_variant', systemId });
};

/** "Continue" on a reminder: the setup again at the bottom of the DM, where the person is looking. */
export const resumeSetup: ClickHandler = async (deps, click) => {
  const event: FlowEvent = { type: 'repost', to: click.channelId ?? click.userId };
  const clicked = await clickedFlow(deps, click, event);
  if (!clicked.ok) return clicked.told;
  await applyAndRun(deps, clicked.flow, event, { actorId: click.userId });
  return undefined;
};
