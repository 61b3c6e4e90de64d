import type { FlowState } from '../flows/state.js';
import type { GuideStep, LinkableSystem, Screenshot, SystemFamily } from '../systems/types.js';
import { ACTIONS, encodeFlowRef } from './ids.js';
import { actions, type Block, context, divider, escapeText, header, image, section } from './kit.js';

export interface RenderOptions {
  /** With a base URL every screenshot comes from `<base>/<key>.png` (images Wintro hosts). */
  screenshotBaseUrl?: string;
  /** False after Slack could not fetch an image: the step is drawn as text with links instead. */
  withImages: boolean;
}

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export function screenshotUrl(shot: Screenshot | undefined, options: RenderOptions): string | undefined {
  if (!shot) return undefined;
  if (options.screenshotBaseUrl) return `${options.screenshotBaseUrl.replace(/\/+$/, '')}/${shot.key}.png`;
  return shot.url;
}

function stepBlocks(step: GuideStep, options: RenderOptions, prefix = ''): Block[] {
  const url = screenshotUrl(step.screenshot, options);
  const blocks: Block[] = [section(`${prefix}*${step.title}*\n${step.text}`)];
  if (url && step.screenshot && options.withImages) blocks.push(image(url, step.screenshot.alt));
  else if (url && step.screenshot) blocks.push(context(`<${url}|Screenshot: ${step.screenshot.alt}>`));
  return blocks;
}

const cancelButton = (ref: string) => ({
  text: 'Cancel setup',
  actionId: ACTIONS.cancel,
  value: ref,
  style: 'danger' as const,
});

/** Where a request for help stands, under the flow's buttons. */
function handoverBlocks(state: FlowState): Block[] {
  const handover = state.handover;
  if (!handover || handover.status === 'taken') return [];
  const who = `<@${handover.colleagueId}>`;
  switch (handover.status) {
    case 'asked':
      return [
        context(
          `:hourglass_flowing_sand: Waiting for ${who}: I sent them what is missing. You'll hear back here.`,
        ),
      ];
    case 'granted':
      return [context(`:white_check_mark: ${who} says it's granted. Carry on from here.`)];
    case 'declined':
      return [
        section(
          `:no_entry: ${who} can't help${handover.declineReason ? `: “${escapeText(handover.declineReason)}”` : '.'}`,
        ),
        actions('handover', [
          { text: 'Ask someone else', actionId: ACTIONS.help, value: encodeFlowRef(state.id, state.version) },
        ]),
      ];
  }
}

function outcomeBlocks(state: FlowState): Block[] {
  const outcome = state.lastOutcome;
  if (!outcome) return [];
  return [section(`:warning: *${outcome.title}*\n${outcome.detail}`)];
}

/** A flow of a vendor with several kinds of credentials, before the kind is chosen. Pure. */
export function renderVariantChoice(state: FlowState, family: SystemFamily): SlackMessage {
  const ref = encodeFlowRef(state.id, state.version);
  if (state.phase === 'cancelled') {
    return {
      text: `Link ${family.name} to Wintro: cancelled`,
      blocks: [
        header(`Link ${family.name} to Wintro`),
        section(
          `Setup cancelled. Nothing was saved. Start again any time with \`/wintro link ${family.aliases[0] ?? family.id}\`.`,
        ),
      ],
    };
  }
  return {
    text: `Link ${family.name} to Wintro: ${family.question}`,
    blocks: [
      header(`Link ${family.name} to Wintro`),
      section(family.question),
      ...family.variants.map((variant) => section(`*${variant.label}*\n${variant.description}`)),
      actions('variant', [
        ...family.variants.map((variant) => ({
          text: variant.label,
          actionId: `${ACTIONS.variant}:${variant.systemId}`,
          value: ref,
        })),
        cancelButton(ref),
      ]),
    ],
  };
}

/** The DM message for a flow, drawn again in place after every step. Pure. */
export function renderFlowMessage(
  state: FlowState,
  system: LinkableSystem,
  options: RenderOptions,
): SlackMessage {
  const ref = encodeFlowRef(state.id, state.version);
  const total = system.steps.length;
  const title = `Link ${system.name} to Wintro`;

  switch (state.phase) {
    case 'choose_variant':
    case 'prerequisites':
      return {
        text: `${title}: first, check you have the access you need`,
        blocks: [
          header(title),
          context(`Before you start · ${total} steps, about 5 minutes`),
          section(system.prerequisites.text),
          ...system.prerequisites.selfCheck.flatMap((step, index) =>
            stepBlocks(step, options, `${index + 1}. `),
          ),
          section(`*Don't have it?* ${system.prerequisites.whoCanHelp}`),
          actions('prerequisites', [
            { text: 'I have it, start the guide', actionId: ACTIONS.begin, value: ref, style: 'primary' },
            { text: 'I already have credentials', actionId: ACTIONS.credentials, value: ref },
            { text: "I don't have this", actionId: ACTIONS.help, value: ref },
            cancelButton(ref),
          ]),
          ...handoverBlocks(state),
        ],
      };
    case 'guide': {
      const step = system.steps[state.stepIndex] ?? system.steps[0];
      const isLast = state.stepIndex >= total - 1;
      const progress = `Step ${state.stepIndex + 1} of ${total}`;
      return {
        text: `${title}: ${progress}${step ? `, ${step.title}` : ''}`,
        blocks: [
          header(title),
          context(
            `*${progress}* ${'●'.repeat(state.stepIndex + 1)}${'○'.repeat(Math.max(0, total - state.stepIndex - 1))}`,
          ),
          ...(step ? stepBlocks(step, options) : []),
          actions('guide', [
            { text: 'Back', actionId: ACTIONS.back, value: ref },
            isLast
              ? { text: 'Enter credentials', actionId: ACTIONS.credentials, value: ref, style: 'primary' }
              : { text: 'Next', actionId: ACTIONS.next, value: ref, style: 'primary' },
            cancelButton(ref),
          ]),
          ...handoverBlocks(state),
        ],
      };
    }
    case 'credentials':
      return {
        text: `${title}: enter your credentials`,
        blocks: [
          header(title),
          context(`Step ${total} of ${total} done · credentials`),
          section(
            state.lastOutcome
              ? 'Fix what is below, then enter the credentials again. Nothing you typed was stored.'
              : 'Ready: enter the credentials in a private form. Only you see it, and Wintro checks them right away.',
          ),
          ...outcomeBlocks(state),
          actions('credentials', [
            { text: 'Back to the guide', actionId: ACTIONS.back, value: ref },
            { text: 'Enter credentials', actionId: ACTIONS.credentials, value: ref, style: 'primary' },
            ...(state.lastOutcome?.missing?.length
              ? [{ text: 'Ask a colleague to fix this', actionId: ACTIONS.help, value: ref }]
              : []),
            cancelButton(ref),
          ]),
          ...handoverBlocks(state),
        ],
      };
    case 'verifying':
      return {
        text: `${title}: checking with ${system.vendor}…`,
        blocks: [
          header(title),
          section(`:hourglass_flowing_sand: Checking the credentials with ${system.vendor}…`),
        ],
      };
    case 'linked':
      return {
        text: `${system.name} is linked to Wintro`,
        blocks: [
          header(`${system.name} is linked`),
          section(`:white_check_mark: Wintro can now read ${system.name}. Nothing else to do.`),
          ...(state.linkedDetails?.length
            ? [section(state.linkedDetails.map((detail) => `*${detail.label}:* ${detail.value}`).join('\n'))]
            : []),
          divider(),
          context(`Linked by <@${state.holderId}>. Type \`/wintro status\` to see every linked system.`),
        ],
      };
    case 'cancelled':
      return {
        text: `${title}: cancelled`,
        blocks: [
          header(title),
          section(
            `Setup cancelled. Nothing was saved. Start again any time with \`/wintro link ${system.aliases[0] ?? system.id}\`.`,
          ),
        ],
      };
  }
}
