import type { FlowState } from '../flows/state.js';
import { formatDay } from '../messages/dates.js';
import type { Language, Translate } from '../messages/index.js';
import type { ConnectionSummary } from '../store/connectionStore.js';
import type { Catalog } from '../systems/catalog.js';
import { slackDate } from './homeTab.js';
import { ACTIONS } from './ids.js';
import { actions, context, escapeText, header, section } from './kit.js';
import type { SlackMessage } from './message.js';
import { type HandoverView, handoverStatus } from './wintroHandover.js';

/** The systems a person can link, one word each, as used after `/wintro link`. */
function linkableWords(catalog: Catalog): string[] {
  const familySystems = new Set(
    catalog.families.flatMap((family) => family.variants.map((variant) => variant.systemId)),
  );
  return [
    ...catalog.families.map((family) => catalog.linkWord(family.id)),
    ...catalog.systems
      .filter((system) => !familySystems.has(system.id))
      .map((system) => catalog.linkWord(system.id)),
  ];
}

export function renderHelp(tr: Translate, catalog: Catalog, intro?: string): SlackMessage {
  const words = linkableWords(catalog)
    .map((word) => `\`${word}\``)
    .join(', ');
  const lines = [
    tr('ui.help.link', { words }),
    tr('ui.help.pick'),
    tr('lifecycle.unlink.help'),
    tr('ui.help.status'),
    tr('ui.help.cancel'),
    tr('ui.help.notify'),
    tr('language.help.line'),
    tr('ui.help.help'),
  ];
  const summary = tr('ui.help.summary');
  return {
    text: intro ? `${intro} ${summary}` : summary,
    blocks: [
      ...(intro ? [section(intro)] : []),
      section(`*${summary}*`),
      section(lines.join('\n')),
      context(tr('language.help.aliases')),
    ],
  };
}

/** `drawnIn`: the reader's language, carried by each button so the click knows it without a look-up. */
export function renderPicker(tr: Translate, catalog: Catalog, drawnIn?: Language): SlackMessage {
  const familySystems = new Set(
    catalog.families.flatMap((family) => family.variants.map((variant) => variant.systemId)),
  );
  const choices = [
    ...catalog.families.map((family) => ({ id: `family:${family.id}`, name: family.name })),
    ...catalog.systems
      .filter((system) => !familySystems.has(system.id))
      .map((system) => ({ id: `system:${system.id}`, name: system.name })),
  ];
  const question = tr('ui.picker.question');
  return {
    text: question,
    blocks: [
      section(`*${question}*`),
      actions(
        'picker',
        choices.map((choice) => ({
          text: choice.name,
          actionId: `${ACTIONS.pick}:${choice.id}`,
          value: drawnIn ? `${choice.id}:${drawnIn}` : choice.id,
        })),
      ),
    ],
  };
}

/** `suggestion` is the system or family (a link target) whose name looked like the input. */
export function renderUnknownSystem(
  tr: Translate,
  catalog: Catalog,
  input: string,
  suggestion?: { type: 'system' | 'family'; id: string },
): SlackMessage {
  const shown = escapeText(input.slice(0, 60));
  if (suggestion) {
    // The word names that very system, e.g. `personio employees` rather than the family's question.
    const hint = {
      input: shown,
      name: catalog.name(suggestion.id),
      word: catalog.linkWord(suggestion.id, 'exact'),
    };
    return { text: tr('ui.unknown.systemText', hint), blocks: [section(tr('ui.unknown.system', hint))] };
  }
  return renderHelp(tr, catalog, tr('ui.unknown.systemNoSuggestion', { input: shown }));
}

export function renderUnknownCommand(
  tr: Translate,
  catalog: Catalog,
  input: string,
  suggestion?: string,
): SlackMessage {
  const shown = escapeText(input.slice(0, 60));
  return renderHelp(
    tr,
    catalog,
    suggestion
      ? tr('ui.unknown.command', { input: shown, suggestion: escapeText(suggestion) })
      : tr('ui.unknown.commandNoSuggestion', { input: shown }),
  );
}

/** Where a setup stands, in a few words of its reader's. */
export const describePhase = (flow: FlowState, stepCount: number, tr: Translate): string => {
  switch (flow.phase) {
    case 'choose_variant':
      return tr('ui.phase.chooseVariant');
    case 'prerequisites':
      return tr('ui.phase.prerequisites');
    case 'guide':
      return tr('ui.phase.guide', { step: flow.stepIndex + 1, total: stepCount });
    case 'credentials':
      return flow.lastOutcome
        ? tr('ui.phase.credentialsAfterCheck', { title: flow.lastOutcome.title })
        : tr('ui.phase.credentials');
    case 'verifying':
      return tr('ui.phase.verifying');
    default:
      return flow.phase;
  }
};

function linkedLine(
  tr: Translate,
  language: Language,
  name: string,
  connection: ConnectionSummary,
  handover?: HandoverView,
): string {
  // Slack writes the date in the reader's own format; the fallback is as the reader writes dates.
  const day = formatDay(language, connection.linkedAt);
  const line = {
    system: name,
    user: connection.linkedBy,
    when: `<!date^${Math.floor(connection.linkedAt / 1000)}^{date_short}|${day}>`,
  };
  const text = connection.expiresAt
    ? tr('ui.status.linkedLineExpiring', { ...line, day: formatDay(language, connection.expiresAt) })
    : tr('ui.status.linkedLine', line);
  const { health } = connection;
  // What the last re-check found, when it found the connection broken.
  const broken =
    health?.state === 'broken'
      ? tr('health.status.broken', {
          when: slackDate(tr, health.brokenSince ?? health.checkedAt),
          title: escapeText(health.failure?.title ?? ''),
        })
      : undefined;
  const handedOver = handoverStatus(tr, handover);
  return [text, broken, handedOver].filter(Boolean).join(' · ');
}

/** `/wintro status` in the reader's words: `catalog` and dates in their `language`. Pure. */
export function renderStatus(
  tr: Translate,
  language: Language,
  catalog: Catalog,
  active: FlowState[],
  connections: ConnectionSummary[],
  /** Where each linked system's hand-over to Wintro stands, by system id. */
  handovers: ReadonlyMap<string, HandoverView> = new Map(),
): SlackMessage {
  const connected = new Map(connections.map((connection) => [connection.systemId, connection]));
  const activeBySystem = new Map(active.map((flow) => [flow.systemId, flow]));
  const systemLines = catalog.systems.map((system) => {
    const connection = connected.get(system.id);
    if (connection) return linkedLine(tr, language, system.name, connection, handovers.get(system.id));
    const flow = activeBySystem.get(system.id);
    if (flow)
      return tr('ui.status.activeLine', {
        system: system.name,
        phase: describePhase(flow, system.steps.length, tr),
      });
    return tr('ui.status.notLinkedLine', { system: system.name });
  });
  const familyLines = active.flatMap((flow) => {
    const family = catalog.family(flow.systemId);
    return family
      ? [tr('ui.status.activeLine', { system: family.name, phase: tr('ui.phase.chooseVariant') })]
      : [];
  });
  return {
    text: tr('ui.status.text', { linked: connections.length, active: active.length }),
    blocks: [
      header(tr('ui.status.title')),
      section([...systemLines, ...familyLines].join('\n')),
      context(active.length ? tr('ui.status.continuesInDm') : tr('ui.status.startHint')),
    ],
  };
}

/** The notice of a new link, in its readers' words (a channel's: the workspace's). Pure. */
export function renderLinkedNotification(
  tr: Translate,
  systemName: string,
  userId: string,
  details: { label: string; value: string }[],
  /** The link replaced the system's previous connection. */
  replaced = false,
): SlackMessage {
  const who = { system: systemName, user: userId };
  return {
    text: replaced ? tr('lifecycle.replace.noticeText', who) : tr('ui.linkedNotification.text', who),
    blocks: [
      section(replaced ? tr('lifecycle.replace.notice', who) : tr('ui.linkedNotification.section', who)),
      ...(details.length
        ? [context(details.map((detail) => `${detail.label}: ${detail.value}`).join(' · '))]
        : []),
    ],
  };
}
