/**
 * Asking a colleague for help and the colleague's answers, as they travel through Slack: the
 * "who can help" modal, its submission, the DM the colleague gets and the buttons on it.
 */
import { expect } from 'vitest';
import type { RecordedCall } from './fakeSlackCore.js';
import { buttonsOf, eventually, type Journey } from './journey.js';

/** Chat posts in a person's DM with the bot, in order. */
export const dmsTo = (journey: Journey, userId: string) =>
  journey.slack.callsTo('chat.postMessage').filter((call) => call.channel === `D${userId}`);

/**
 * The person clicks "I don't have this" (or "Ask a colleague to fix this"), picks `helper` in the
 * modal with a note, and submits; resolves with the modal and the request DM the helper got.
 */
export async function askForHelp(
  admin: Journey,
  helper: string,
  note = 'Could you do this? <!channel>',
): Promise<{ view: Record<string, any>; request: RecordedCall }> {
  const slack = admin.slack;
  const before = slack.callsTo('views.open').length;
  await admin.click('flow.help');
  const opened = await eventually(() => {
    const call = slack.callsTo('views.open')[before];
    if (!call) throw new Error('no modal yet');
    return call;
  });
  const view = opened.args.view;
  expect(view.callback_id).toBe('handover.ask');
  const submitted = await admin.sender.viewSubmission({
    teamId: admin.teamId,
    userId: admin.userId,
    callbackId: 'handover.ask',
    privateMetadata: view.private_metadata,
    values: {
      colleague: { user: { type: 'users_select', selected_user: helper } },
      note: { value: { type: 'plain_text_input', value: note } },
    },
  });
  expect(submitted.status).toBe(200);
  const request = await slack.waitFor(
    (call) =>
      call.method === 'chat.postMessage' &&
      call.channel === `D${helper}` &&
      !call.args.text.includes('Reminder'),
  );
  return { view, request };
}

export function requestButton(request: { args: Record<string, any> }, actionId: string) {
  const button = buttonsOf(request.args.blocks).find((candidate) => candidate.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} on the request`);
  return button;
}

/** Clicks a button on the request DM, as the helper (or, with `as`, as someone else). */
export function answerRequest(
  journey: Journey,
  request: { args: Record<string, any> },
  actionId: string,
  options: { helper: string; as?: string },
) {
  const button = requestButton(request, actionId);
  return journey.sender.blockAction({
    teamId: journey.teamId,
    userId: options.as ?? options.helper,
    actionId,
    value: button.value,
    channelId: `D${options.helper}`,
    messageTs: request.args.ts ?? '1700000000.000100',
  });
}

/** Submits the decline modal with a reason. */
export function declineWith(journey: Journey, helper: string, privateMetadata: string, reason: string) {
  return journey.sender.viewSubmission({
    teamId: journey.teamId,
    userId: helper,
    callbackId: 'handover.decline',
    privateMetadata,
    values: { reason: { value: { type: 'plain_text_input', value: reason } } },
  });
}
