import { decodeFlowRef } from '../blocks/ids.js';
import { stepCountOf } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { personWords, wordsOf } from './readers.js';
import { refusalText, type Surface } from './refusals.js';
import type { Click } from './requests.js';
import { recoverStaleCheck } from './staleChecks.js';
import type { FlowState } from './state.js';
import { can, type FlowEvent, type FlowQuery } from './transitions.js';

export type ClickedFlow = { ok: true; flow: FlowState; drawnVersion: number } | { ok: false; told: string };

/** The flow a button belongs to, if the person who clicked may do `action` now; else what to tell them. */
export async function clickedFlow(
  deps: FlowDeps,
  click: Click,
  action: FlowEvent | FlowQuery,
  surface: Surface = 'button',
): Promise<ClickedFlow> {
  const ref = decodeFlowRef(click.value);
  if (!ref)
    return {
      ok: false,
      told: (await wordsOf(deps, click.teamId, click.userId)).tr('flow.button.noLongerWorks'),
    };
  const stored = await deps.flows.get(click.teamId, ref.flowId);
  if (!stored) {
    const words = await wordsOf(deps, click.teamId, click.userId);
    return { ok: false, told: refusalText(deps, words, surface, 'expired') };
  }
  const flow = await recoverStaleCheck(deps, stored);
  const permission = can(flow, action, {
    now: deps.now(),
    stepCount: stepCountOf(deps, flow),
    actorId: click.userId,
    drawnVersion: ref.version,
  });
  if (!permission.ok) {
    const words = await personWords(deps, click.teamId, click.userId, flow);
    return { ok: false, told: refusalText(deps, words, surface, permission.refusal, flow) };
  }
  return { ok: true, flow, drawnVersion: ref.version };
}
