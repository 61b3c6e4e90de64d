import { type Language, type Translate, translator } from '../messages/index.js';
import type { Catalog } from '../systems/catalog.js';
import type { FlowDeps } from './deps.js';
import { type FlowState, holderLanguage } from './state.js';

/** Everything one reader's words come from: their language, its messages and its catalog. */
export interface Words {
  language: Language;
  tr: Translate;
  catalog: Catalog;
}

/** The words of a language. */
export const wordsIn = (deps: Pick<FlowDeps, 'catalogs'>, language: Language): Words => ({
  language,
  tr: translator(language),
  catalog: deps.catalogs.in(language),
});

/** The words of a person of a workspace (their choice, their Slack locale, or the workspace's). */
export async function wordsOf(deps: FlowDeps, teamId: string, userId: string): Promise<Words> {
  return wordsIn(deps, await deps.languages.of(teamId, userId));
}

/**
 * The words of whoever holds the setup now (kept with the flow): every message of the flow's DM and
 * form is in them, and so is what its checks say.
 */
export const holderWords = (deps: Pick<FlowDeps, 'catalogs'>, state: FlowState): Words =>
  wordsIn(deps, holderLanguage(state));

/** The words of the colleague asked for help (found when they were asked). */
export async function colleagueWords(deps: FlowDeps, state: FlowState, colleagueId: string): Promise<Words> {
  const known = state.handover?.colleagueId === colleagueId ? state.handover.colleagueLanguage : undefined;
  return known ? wordsIn(deps, known) : wordsOf(deps, state.teamId, colleagueId);
}

/** The words of a workspace's channels. */
export async function workspaceWords(deps: FlowDeps, teamId: string): Promise<Words> {
  return wordsIn(deps, await deps.languages.ofWorkspace(teamId));
}

/**
 * The words of a person acting on a flow, without a look-up when the flow says their language: its
 * holder (the flow's), or the colleague asked for help (found when asked). Anyone else (a refused
 * click) is looked up.
 */
export async function personWords(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  flow?: FlowState,
): Promise<Words> {
  if (flow?.holderId === userId && flow.language) return holderWords(deps, flow);
  const colleague = flow?.handover?.colleagueId === userId ? flow.handover.colleagueLanguage : undefined;
  return colleague ? wordsIn(deps, colleague) : wordsOf(deps, teamId, userId);
}
