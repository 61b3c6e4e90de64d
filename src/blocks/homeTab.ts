import type { HomeView, KnownBlock } from '@slack/types';
import type { FlowState } from '../flows/state.js';
import { formatDay } from '../messages/dates.js';
import type { Translate } from '../messages/index.js';
import type { ConnectionSummary } from '../store/connectionStore.js';
import { ACTIONS, encodeFlowRef } from './ids.js';
import { type ButtonSpec, button, context, divider, header, section } from './kit.js';

/** One system as the Home tab lists it. */
export interface HomeSystem {
  id: string;
  name: string;
}

/** Everything one person's Home tab shows, read just before it is drawn. */
export interface HomeInput {
  viewerId: string;
  systems: HomeSystem[];
  connections: ConnectionSummary[];
  /** Every setup in progress in the workspace. */
  setups: FlowState[];
  /** How a setup's phase reads, e.g. "at step 2 of 5". */
  describe(flow: FlowState): string;
}

/** Slack shows at most 100 blocks in a Home tab; these caps keep every part readable under it. */
export const HOME_LIMITS = { systems: 30, setups: 8, requests: 8, blocks: 100 } as const;

/** A Slack date token that every reader sees in their own time zone, with a plain fallback. */
export const slackDate = (tr: Translate, ms: number) =>
  tr('lifecycle.when.date', {
    seconds: Math.floor(ms / 1000),
    iso: formatDay(tr.language, ms),
  });

/** The line and buttons of one system: not linked, in progress, linked, broken, expiring. */
function systemBlocks(
  tr: Translate,
  system: HomeSystem,
  connection: ConnectionSummary | undefined,
  setup: FlowState | undefined,
): KnownBlock[] {
  const who = { system: system.name };
  const buttons: ButtonSpec[] = [];
  let line: string;
  if (connection) {
    const broken = connection.health?.state === 'broken';
    line = broken
      ? tr('lifecycle.home.broken', {
          ...who,
          user: connection.linkedBy,
          when: slackDate(tr, connection.health?.brokenSince ?? connection.health?.checkedAt ?? 0),
          title: connection.health?.failure?.title ?? '',
        })
      : tr('lifecycle.home.linked', {
          ...who,
          user: connection.linkedBy,
          when: slackDate(tr, connection.linkedAt),
        });
    if (connection.expiresAt)
      line += ` · ${tr('lifecycle.home.expires', { day: formatDay(tr.language, connection.expiresAt) })}`;
    buttons.push(
      broken
        ? { text: tr('lifecycle.home.fix'), actionId: ACTIONS.homeFix, value: system.id, style: 'primary' }
        : { text: tr('lifecycle.home.replace'), actionId: ACTIONS.homeLink, value: system.id },
      { text: tr('lifecycle.home.unlink'), actionId: ACTIONS.homeUnlink, value: system.id, style: 'danger' },
    );
  } else if (setup) {
    line = tr('lifecycle.home.inProgress', { ...who, user: setup.holderId });
  } else {
    line = tr('lifecycle.home.notLinked', who);
    buttons.push({ text: tr('lifecycle.home.link'), actionId: ACTIONS.homeLink, value: system.id });
  }
  return [
    section(line),
    ...(buttons.length
      ? [{ type: 'actions' as const, block_id: `home.${system.id}`, elements: buttons.map(button) }]
      : []),
  ];
}

const more = (tr: Translate, hidden: number): KnownBlock[] =>
  hidden > 0 ? [context(tr('lifecycle.home.more', { count: hidden }))] : [];

/** A line with one button beside it. */
const withButton = (text: string, spec: ButtonSpec): KnownBlock => ({
  ...section(text),
  accessory: button(spec),
});

/** A person's App Home tab: every system's state, their own setups, the requests waiting for them. Pure. */
export function renderHomeTab(tr: Translate, input: HomeInput): HomeView {
  const connected = new Map(input.connections.map((connection) => [connection.systemId, connection]));
  const setupOf = new Map<string, FlowState>();
  for (const flow of input.setups) if (!setupOf.has(flow.systemId)) setupOf.set(flow.systemId, flow);
  const nameOf = new Map(input.systems.map((system) => [system.id, system.name]));

  const shownSystems = input.systems.slice(0, HOME_LIMITS.systems);
  const systemPart = shownSystems.flatMap((system) =>
    systemBlocks(tr, system, connected.get(system.id), setupOf.get(system.id)),
  );

  const own = input.setups.filter((flow) => flow.holderId === input.viewerId);
  const ownPart = own.slice(0, HOME_LIMITS.setups).map((flow) =>
    withButton(
      tr('lifecycle.home.setupLine', {
        system: nameOf.get(flow.systemId) ?? flow.systemId,
        phase: input.describe(flow),
      }),
      {
        text: tr('lifecycle.home.continue'),
        actionId: ACTIONS.resume,
        value: encodeFlowRef(flow.id, flow.version),
      },
    ),
  );

  const waiting = input.setups.filter(
    (flow) => flow.handover?.status === 'asked' && flow.handover.colleagueId === input.viewerId,
  );
  const requestPart = waiting.slice(0, HOME_LIMITS.requests).map((flow) => {
    const handover = flow.handover as NonNullable<FlowState['handover']>;
    return withButton(
      tr('lifecycle.home.requestLine', {
        asker: handover.requestedBy,
        system: nameOf.get(flow.systemId) ?? flow.systemId,
      }),
      {
        text: tr('lifecycle.home.takeOver'),
        actionId: ACTIONS.takeOver,
        value: encodeFlowRef(flow.id, handover.seq),
      },
    );
  });

  const blocks: KnownBlock[] = [
    header(tr('lifecycle.home.title')),
    context(tr('lifecycle.home.intro')),
    header(tr('lifecycle.home.systems')),
    ...systemPart,
    ...more(tr, input.systems.length - shownSystems.length),
    divider(),
    ...(own.length
      ? [header(tr('lifecycle.home.yourSetups')), ...ownPart, ...more(tr, own.length - ownPart.length)]
      : []),
    header(tr('lifecycle.home.requests')),
    ...(waiting.length
      ? [...requestPart, ...more(tr, waiting.length - requestPart.length)]
      : [context(tr('lifecycle.home.nothingWaiting'))]),
  ];
  return { type: 'home', blocks: blocks.slice(0, HOME_LIMITS.blocks) };
}
