import { type Language, translator } from '../messages/index.js';
import { applyAndRun } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { gatedCommand } from './linkerGate.js';
import type { LanguageChoice } from './parseCommand.js';
import type { CommandRequest, CommandResult } from './requests.js';
import { holderLanguage } from './state.js';
import { notice } from './tell.js';

/** `/wintro language [de|en|auto|channel de|en]`: shows or changes who reads which language. */
export async function languageCommand(
  deps: FlowDeps,
  request: CommandRequest,
  set?: LanguageChoice,
): Promise<CommandResult> {
  const { teamId, userId } = request;
  if (!set) return { reply: await describeLanguages(deps, request) };
  if (set.scope === 'channel') {
    const { language } = set;
    // The channel notices' language is the workspace's, so it is the linkers' choice (WINTRO_LINKERS).
    return gatedCommand(deps, request, undefined, async () => {
      await deps.languages.chooseForWorkspace(teamId, language);
      const tr = translator(request.language);
      return { reply: notice(tr('language.set.channel', { language: tr(`language.name.${language}`) })) };
    });
  }
  if (set.language !== 'auto') {
    await deps.languages.choose(teamId, userId, set.language);
    return changedTo(deps, request, set.language, 'language.set.choice');
  }
  await deps.languages.choose(teamId, userId, undefined);
  const known = await deps.languages.known(teamId, userId);
  if (known) return changedTo(deps, request, known, 'language.set.auto');
  // Slack must be asked for the person's language: after the answer, which says so in the old one.
  return {
    reply: notice(translator(request.language)('language.set.autoAsking')),
    followUp: async () => {
      await redrawSetups(deps, request, await deps.languages.of(teamId, userId));
      return undefined;
    },
  };
}

/** The answer in the new language; the person's setups are drawn again in it after the answer. */
function changedTo(
  deps: FlowDeps,
  request: CommandRequest,
  language: Language,
  id: 'language.set.choice' | 'language.set.auto',
): CommandResult {
  const tr = translator(language);
  return {
    reply: notice(tr(id, { language: tr(`language.name.${language}`) })),
    followUp: async () => {
      await redrawSetups(deps, request, language);
      return undefined;
    },
  };
}

/** Every setup the person holds, in their new language (each an event through the flow's rules). */
async function redrawSetups(deps: FlowDeps, { teamId, userId }: CommandRequest, language: Language) {
  const held = (await deps.flows.activeFor(teamId, userId)).filter(
    (flow) => flow.holderId === userId && holderLanguage(flow) !== language,
  );
  for (const flow of held) {
    await applyAndRun(deps, flow, { type: 'language_changed', language }, { actorId: userId });
  }
}

/** Which language the person reads and why, the channels' language, and how to change both. */
async function describeLanguages(deps: FlowDeps, { teamId, userId }: CommandRequest) {
  const [person, channel] = await Promise.all([
    deps.languages.explain(teamId, userId),
    deps.languages.ofWorkspace(teamId),
  ]);
  const tr = translator(person.language);
  return notice(
    [
      tr(`language.show.${person.source}`, { language: tr(`language.name.${person.language}`) }),
      tr('language.show.channel', { language: tr(`language.name.${channel}`) }),
      tr('language.show.howTo'),
    ].join('\n'),
  );
}
