import type { FlowState } from '../flows/state.js';
import { t } from '../messages/index.js';
import type { ConnectionSummary } from '../store/connectionStore.js';
import type { Catalog } from '../systems/catalog.js';
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

export function renderHelp(catalog: Catalog, intro?: string): SlackMessage {
  const words = linkableWords(catalog)
    .map((word) => `\`${word}\``)
    .join(', ');
  const lines = [
    t('ui.help.link', { words }),
    t('ui.help.pick'),
    t('lifecycle.unlink.help'),
    t('ui.help.status'),
    t('ui.help.cancel'),
    t('ui.help.notify'),
    t('ui.help.help'),
  ];
  const summary = t('ui.help.summary');
  return {
    text: intro ? `${intro} ${summary}` : summary,
    blocks: [...(intro ? [section(intro)] : []), section(`*${summary}*`), section(lines.join('\n'))],
  };
}

export function renderPicker(catalog: Catalog): SlackMessage {
  const familySystems = new Set(
    catalog.families.flatMap((family) => family.variants.map((variant) => variant.systemId)),
  );
  const choices = [
    ...catalog.families.map((family) => ({ id: `family:${family.id}`, name: family.name })),
    ...catalog.systems
      .filter((system) => !familySystems.has(system.id))
      .map((system) => ({ id: `system:${system.id}`, name: system.name })),
  ];
  const question = t('ui.picker.question');
  return {
    text: question,
    blocks: [
      section(`*${question}*`),
      actions(
        'picker',
        choices.map((choice) => ({
          text: choice.name,
          actionId: `${ACTIONS.pick}:${choice.id}`,
          value: choice.id,
        })),
      ),
    ],
  };
}

/** `suggestion` is the system or family (a link target) whose name looked like the input. */
export function renderUnknownSystem(
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
    return { text: t('ui.unknown.systemText', hint), blocks: [section(t('ui.unknown.system', hint))] };
  }
  return renderHelp(catalog, t('ui.unknown.systemNoSuggestion', { input: shown }));
}

export function renderUnknownCommand(catalog: Catalog, input: string, suggestion?: string): SlackMessage {
  const shown = escapeText(input.slice(0, 60));
  return renderHelp(
    catalog,
    suggestion
      ? t('ui.unknown.command', { input: shown, suggestion: escapeText(suggestion) })
      : t('ui.unknown.commandNoSuggestion', { input: shown }),
  );
}

export const describePhase = (flow: FlowState, stepCount: number): string => {
  switch (flow.phase) {
    case 'choose_variant':
      return t('ui.phase.chooseVariant');
    case 'prerequisites':
      return t('ui.phase.prerequisites');
    case 'guide':
      return t('ui.phase.guide', { step: flow.stepIndex + 1, total: stepCount });
    case 'credentials':
      return flow.lastOutcome
        ? t('ui.phase.credentialsAfterCheck', { title: flow.lastOutcome.title })
        : t('ui.phase.credentials');
    case 'verifying':
      return t('ui.phase.verifying');
    default:
      return flow.phase;
  }
};

function linkedLine(name: string, connection: ConnectionSummary, handover?: HandoverView): string {
  const iso = new Date(connection.linkedAt).toISOString().slice(0, 10);
  const line = {
    system: name,
    user: connection.linkedBy,
    when: `<!date^${Math.floor(connection.linkedAt / 1000)}^{date_short}|${iso}>`,
  };
  const text = connection.expiresAt
    ? t('ui.status.linkedLineExpiring', { ...line, day: connection.expiresAt.slice(0, 10) })
    : t('ui.status.linkedLine', line);
  const handedOver = handoverStatus(handover);
  return handedOver ? `${text} · ${handedOver}` : text;
}

export function renderStatus(
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
    if (connection) return linkedLine(system.name, connection, handovers.get(system.id));
    const flow = activeBySystem.get(system.id);
    if (flow)
      return t('ui.status.activeLine', {
        system: system.name,
        phase: describePhase(flow, system.steps.length),
      });
    return t('ui.status.notLinkedLine', { system: system.name });
  });
  const familyLines = active.flatMap((flow) => {
    const family = catalog.family(flow.systemId);
    return family
      ? [t('ui.status.activeLine', { system: family.name, phase: t('ui.phase.chooseVariant') })]
      : [];
  });
  return {
    text: t('ui.status.text', { linked: connections.length, active: active.length }),
    blocks: [
      header(t('ui.status.title')),
      section([...systemLines, ...familyLines].join('\n')),
      context(active.length ? t('ui.status.continuesInDm') : t('ui.status.startHint')),
    ],
  };
}

export function renderLinkedNotification(
  systemName: string,
  userId: string,
  details: { label: string; value: string }[],
  /** The link replaced the system's previous connection. */
  replaced = false,
): SlackMessage {
  const who = { system: systemName, user: userId };
  return {
    text: replaced ? t('lifecycle.replace.noticeText', who) : t('ui.linkedNotification.text', who),
    blocks: [
      section(replaced ? t('lifecycle.replace.notice', who) : t('ui.linkedNotification.section', who)),
      ...(details.length
        ? [context(details.map((detail) => `${detail.label}: ${detail.value}`).join(' · '))]
        : []),
    ],
  };
}
