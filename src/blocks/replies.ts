import type { LinkTarget } from '../flows/commands.js';
import type { FlowState } from '../flows/state.js';
import type { ConnectionSummary } from '../store/connectionStore.js';
import type { Catalog } from '../systems/catalog.js';
import type { SlackMessage } from './flowMessage.js';
import { ACTIONS } from './ids.js';
import { actions, context, escapeText, header, section } from './kit.js';

const linkWord = (catalog: Catalog, target: LinkTarget) =>
  target.type === 'family'
    ? (catalog.family(target.id)?.aliases[0] ?? target.id)
    : (catalog.system(target.id)?.aliases[0] ?? target.id);

const targetName = (catalog: Catalog, target: LinkTarget) =>
  target.type === 'family'
    ? (catalog.family(target.id)?.name ?? target.id)
    : (catalog.system(target.id)?.name ?? target.id);

/** The systems a person can link, one word each, as used after `/wintro link`. */
function linkableWords(catalog: Catalog): string[] {
  const familySystems = new Set(
    catalog.families.flatMap((family) => family.variants.map((variant) => variant.systemId)),
  );
  return [
    ...catalog.families.map((family) => family.aliases[0] ?? family.id),
    ...catalog.systems
      .filter((system) => !familySystems.has(system.id))
      .map((system) => system.aliases[0] ?? system.id),
  ];
}

export function renderHelp(catalog: Catalog, intro?: string): SlackMessage {
  const words = linkableWords(catalog);
  const lines = [
    `\`/wintro link <system>\`: start linking (${words.map((word) => `\`${word}\``).join(', ')})`,
    '`/wintro link`: choose the system from a list',
    '`/wintro status`: your setup in progress and the systems your team has linked',
    '`/wintro cancel`: stop your setup in progress',
    '`/wintro help`: this message',
  ];
  return {
    text: `${intro ? `${intro} ` : ''}Wintro links your HR or recruiting system in a few guided steps.`,
    blocks: [
      ...(intro ? [section(intro)] : []),
      section('*Wintro links your HR or recruiting system in a few guided steps.*'),
      section(lines.join('\n')),
    ],
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
  return {
    text: 'Which system do you want to link to Wintro?',
    blocks: [
      section('*Which system do you want to link to Wintro?*'),
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

export function renderUnknownSystem(catalog: Catalog, input: string, suggestion?: LinkTarget): SlackMessage {
  const shown = escapeText(input.slice(0, 60));
  if (suggestion) {
    const word = linkWord(catalog, suggestion);
    return {
      text: `I don't know "${shown}". Did you mean ${targetName(catalog, suggestion)}? Try /wintro link ${word}`,
      blocks: [
        section(
          `I don't know “${shown}”. Did you mean *${targetName(catalog, suggestion)}*? Try \`/wintro link ${word}\`.`,
        ),
      ],
    };
  }
  return renderHelp(catalog, `I don't know “${shown}” yet.`);
}

export function renderUnknownCommand(catalog: Catalog, input: string, suggestion?: string): SlackMessage {
  const shown = escapeText(input.slice(0, 60));
  return renderHelp(
    catalog,
    suggestion
      ? `I didn't understand “${shown}”. Did you mean \`/wintro ${escapeText(suggestion)}\`?`
      : `I didn't understand “${shown}”.`,
  );
}

export const describePhase = (flow: FlowState, stepCount: number) => {
  switch (flow.phase) {
    case 'choose_variant':
      return 'choosing which data to link';
    case 'prerequisites':
      return 'checking the prerequisites';
    case 'guide':
      return `step ${flow.stepIndex + 1} of ${stepCount}`;
    case 'credentials':
      return flow.lastOutcome
        ? `entering credentials (last check: ${flow.lastOutcome.title})`
        : 'entering credentials';
    case 'verifying':
      return 'checking the credentials';
    default:
      return flow.phase;
  }
};

export function renderStatus(
  catalog: Catalog,
  active: FlowState[],
  connections: ConnectionSummary[],
): SlackMessage {
  const connected = new Map(connections.map((connection) => [connection.systemId, connection]));
  const activeBySystem = new Map(active.map((flow) => [flow.systemId, flow]));
  const systemLines = catalog.systems.map((system) => {
    const connection = connected.get(system.id);
    if (connection) {
      const when = `<!date^${Math.floor(connection.linkedAt / 1000)}^{date_short}|${new Date(connection.linkedAt).toISOString().slice(0, 10)}>`;
      const expiry = connection.expiresAt ? `, token expires ${connection.expiresAt.slice(0, 10)}` : '';
      return `:white_check_mark: *${system.name}*: linked by <@${connection.linkedBy}> on ${when}${expiry}`;
    }
    const flow = activeBySystem.get(system.id);
    if (flow)
      return `:hourglass_flowing_sand: *${system.name}*: your setup is at ${describePhase(flow, system.steps.length)}`;
    return `:white_circle: *${system.name}*: not linked`;
  });
  const pendingFamilies = active.filter((flow) => catalog.family(flow.systemId));
  const familyLines = pendingFamilies.map(
    (flow) =>
      `:hourglass_flowing_sand: *${catalog.family(flow.systemId)?.name}*: your setup is at choosing which data to link`,
  );
  return {
    text: `Wintro status: ${connections.length} linked, ${active.length} in progress`,
    blocks: [
      header('Wintro status'),
      section([...systemLines, ...familyLines].join('\n')),
      context(
        active.length
          ? 'Your setup continues in your DM with Wintro. `/wintro cancel` stops it.'
          : 'Start a setup with `/wintro link <system>`.',
      ),
    ],
  };
}

export function renderLinkedNotification(
  systemName: string,
  userId: string,
  details: { label: string; value: string }[],
) {
  return {
    text: `${systemName} is now linked to Wintro, set up by <@${userId}>.`,
    blocks: [
      section(`:white_check_mark: *${systemName}* is now linked to Wintro, set up by <@${userId}>.`),
      ...(details.length
        ? [context(details.map((detail) => `${detail.label}: ${detail.value}`).join(' · '))]
        : []),
    ],
  };
}
