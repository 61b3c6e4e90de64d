import { renderHelpModal } from '../blocks/handover.js';
import { renderLinkerRefusal } from '../blocks/lifecycle.js';
import type { SlackMessage } from '../blocks/message.js';
import { type LinkerDecision, mayLink } from '../connections/linkers.js';
import { type Language, type Translate, translator } from '../messages/index.js';
import type { Catalog } from '../systems/catalog.js';
import type { FlowDeps } from './deps.js';
import type { LinkTarget } from './parseCommand.js';
import type { ClickHandler, CommandResult } from './requests.js';
import { createSetup } from './start.js';
import { notice } from './tell.js';

/** The reader's words, and the systems named in them. */
export async function readerOf(
  deps: FlowDeps,
  teamId: string,
  userId: string,
): Promise<{ tr: Translate; catalog: Catalog; language: Language }> {
  const language = await deps.languages.of(teamId, userId);
  return { tr: translator(language), catalog: deps.catalogs.in(language), language };
}

/** The reader's words. */
export const wordsOf = async (deps: FlowDeps, teamId: string, userId: string): Promise<Translate> =>
  (await readerOf(deps, teamId, userId)).tr;

/** A link target as a button value: `system:<id>` or `family:<id>`. */
export const targetValue = (target: LinkTarget) => `${target.type}:${target.id}`;

/** What a person not allowed to act (or whose check failed) is told instead. */
export function linkerRefusal(
  tr: Translate,
  decision: Exclude<LinkerDecision, { ok: true }>,
  retryCommand: string,
  askFor?: LinkTarget,
): SlackMessage {
  // Asking a colleague goes through a setup of one system, so a vendor with a choice has no button.
  const askValue = askFor?.type === 'system' ? targetValue(askFor) : undefined;
  // The command is read back from the button (at most 200 characters count, as when typed).
  return renderLinkerRefusal(tr, decision, {
    retryCommand: retryCommand.slice(0, 200),
    ...(askValue ? { askValue } : {}),
  });
}

/**
 * A command that links, replaces or unlinks: with WINTRO_LINKERS set, Slack is asked who may after
 * the acknowledgement, and the answer comes as a follow-up; with `anyone`, it runs at once.
 */
export async function gatedCommand(
  deps: FlowDeps,
  request: { teamId: string; userId: string; text: string },
  askFor: LinkTarget | undefined,
  run: () => Promise<CommandResult>,
): Promise<CommandResult> {
  if (!deps.linkers.gated) return run();
  const tr = await wordsOf(deps, request.teamId, request.userId);
  return {
    reply: notice(tr('lifecycle.linkers.checking')),
    followUp: async () => {
      const decision = await mayLink(deps, request.teamId, request.userId);
      if (!decision.ok) return linkerRefusal(tr, decision, request.text, askFor);
      const result = await run();
      const later = await result.followUp?.();
      return later ?? result.reply;
    },
  };
}

/** For a click that links, replaces or unlinks: what to tell a person who may not, or nothing. */
export async function refusedClick(
  deps: FlowDeps,
  click: { teamId: string; userId: string },
  retryCommand: string,
  askFor?: LinkTarget,
): Promise<SlackMessage | undefined> {
  const decision = await mayLink(deps, click.teamId, click.userId);
  if (decision.ok) return undefined;
  const tr = await wordsOf(deps, click.teamId, click.userId);
  return linkerRefusal(tr, decision, retryCommand, askFor);
}

/** Posts a message to the person's DM with the bot (a click's answer that has buttons). */
export async function toDm(deps: FlowDeps, userId: string, message: SlackMessage): Promise<void> {
  await deps.slack.post(userId, message);
}

/**
 * "Ask someone who can": the hand-over's form, to pick a colleague allowed to link; the setup it
 * is about is created with it, held by the person who asks, and moves to the colleague who takes over.
 */
export const askLinker: ClickHandler = async (deps, click) => {
  const [type, id] = (click.value ?? '').split(':');
  const { tr, catalog, language } = await readerOf(deps, click.teamId, click.userId);
  const system = type === 'system' && id ? catalog.system(id) : undefined;
  if (!system || !id) return tr('command.pick.gone');
  if (!click.triggerId) return tr('flow.button.noTrigger');
  // The setup first (Redis only: the language is known), so the form never names a setup not yet
  // stored; the trigger lives 3 seconds, which that leaves for the form.
  const flow = await createSetup(deps, click.teamId, click.userId, { type: 'system', id }, undefined, {
    withoutDm: true,
    language,
  });
  // An admin seen here before is offered first (a person not allowed was told who they are).
  const decision = await mayLink(deps, click.teamId, click.userId);
  const suggested = !decision.ok && decision.reason === 'not_allowed' ? decision.examples?.[0] : undefined;
  await deps.slack.openModal(click.triggerId, renderHelpModal(tr, flow.id, system, suggested));
  return undefined;
};

/** "Try again" after Slack could not say who may link: the same command once more, answered in the DM. */
export const retryLinker: ClickHandler = async (deps, click) => {
  const { wintroCommand } = await import('./wintroCommand.js');
  const language = await deps.languages.of(click.teamId, click.userId);
  const request = { teamId: click.teamId, userId: click.userId, text: click.value ?? '', language };
  const result = await wintroCommand(deps, request);
  const message = (await result.followUp?.()) ?? result.reply;
  await toDm(deps, click.userId, message);
  return undefined;
};

/** How long a form waits for Slack to say who may link: its answer must reach Slack within 3 seconds. */
const FORM_CHECK_MS = 1500;

/**
 * For a form that would link (credentials submitted): the inline error for someone not allowed any
 * more, or whose check Slack could not answer in time; undefined when they may go ahead.
 */
export async function linkerFormError(
  deps: FlowDeps,
  teamId: string,
  userId: string,
): Promise<string | undefined> {
  if (!deps.linkers.gated) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<LinkerDecision>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'unknown' }), FORM_CHECK_MS);
  });
  const decision = await Promise.race([mayLink(deps, teamId, userId), late]).finally(() =>
    clearTimeout(timer),
  );
  if (decision.ok) return undefined;
  const tr = await wordsOf(deps, teamId, userId);
  if (decision.reason === 'unknown') return tr('lifecycle.linkers.formCheckFailed');
  return decision.linkers.kind === 'admins'
    ? tr('lifecycle.linkers.formNotAllowedAdmins')
    : tr('lifecycle.linkers.formNotAllowedGroup', { group: decision.linkers.groupId });
}

/** Whom a request for help must reach when the person asking may not link: `admins` or the group id. */
export async function linkersToAsk(
  deps: FlowDeps,
  teamId: string,
  userId: string,
): Promise<string | undefined> {
  if (!deps.linkers.gated) return undefined;
  const decision = await mayLink(deps, teamId, userId);
  if (decision.ok || decision.reason !== 'not_allowed') return undefined;
  return decision.linkers.kind === 'admins' ? 'admins' : decision.linkers.groupId;
}
