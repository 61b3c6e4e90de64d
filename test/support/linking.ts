/**
 * Linking a system the way a person does it in Slack, for any system and any tier: the command,
 * the prerequisites, every guide step (as many as the catalog says the system has), the
 * credentials form, and what the check answers.
 */
import { expect } from 'vitest';
import { createCatalog } from '../../src/systems/catalog.js';
import type { RecordedCall } from './fakeSlackCore.js';
import { eventually, type Journey, textOf } from './journey.js';

const catalog = createCatalog();

/** How many guide steps the system's guide has, from the catalog. */
export function stepCount(systemId: string): number {
  const system = catalog.system(systemId);
  if (!system) throw new Error(`no system ${systemId} in the catalog`);
  return system.steps.length;
}

export interface CredentialsForm {
  /** The id the form is submitted under (any id: the bot reads the flow from private_metadata). */
  viewId: string;
  flowId: string;
  view: Record<string, any>;
}

export interface WalkOptions {
  /** Text the prerequisites message must show before Begin is clicked. */
  prerequisite: string;
  /** Collects every ack on the way, for the Slack-limit guard. */
  acks?: unknown[];
  /** The command text; default `link <the system's word>`. */
  command?: string;
}

/** `/wintro link …` as this person: the ephemeral answer that the setup continues in a DM. */
export async function startLinking(journey: Journey, systemId: string, options: WalkOptions) {
  const reply = await journey.command(options.command ?? `link ${catalog.linkWord(systemId, 'exact')}`);
  options.acks?.push(reply.body);
  expect(reply.status).toBe(200);
  expect(reply.body.response_type).toBe('ephemeral');
  expect(reply.body.text).toMatch(/direct message/);
  return reply;
}

/** From the prerequisites message through every guide step, Next by Next, to the open form. */
export async function walkGuide(
  journey: Journey,
  systemId: string,
  prerequisite: string,
): Promise<CredentialsForm> {
  const steps = stepCount(systemId);
  await journey.waitForMessage((text) => text.includes(prerequisite));
  await journey.click('flow.begin');
  await journey.waitForMessage((text) => text.includes(`Step 1 of ${steps}`));
  await nextTo(journey, systemId, 1, steps);
  const before = journey.slack.callsTo('views.open').length;
  await journey.click('flow.credentials');
  const opened = await eventually(() => {
    const call = journey.slack.callsTo('views.open')[before];
    if (!call) throw new Error('no credentials form yet');
    return call;
  });
  return { viewId: 'V0FORM', flowId: opened.args.view.private_metadata as string, view: opened.args.view };
}

/** `/wintro link …` and the guide up to `step` (0: the prerequisites), Next by Next, as this person. */
export async function walkToStep(journey: Journey, systemId: string, prerequisite: string, step: number) {
  const steps = stepCount(systemId);
  await journey.command(`link ${catalog.linkWord(systemId, 'exact')}`);
  await journey.waitForMessage((text) => text.includes(prerequisite));
  if (step === 0) return;
  await journey.click('flow.begin');
  await journey.waitForMessage((text) => text.includes(`Step 1 of ${steps}`));
  await nextTo(journey, systemId, 1, step);
}

/** Next, Next, … from guide step `from` until the person sees step `to`. */
export async function nextTo(journey: Journey, systemId: string, from: number, to: number) {
  const steps = stepCount(systemId);
  for (let step = from + 1; step <= to; step++) {
    await journey.click('flow.next');
    await journey.waitForMessage((text) => text.includes(`Step ${step} of ${steps}`));
  }
}

/** The command, the prerequisites and the whole guide, to the open credentials form. */
export async function walkToCredentials(
  journey: Journey,
  systemId: string,
  options: WalkOptions,
): Promise<CredentialsForm> {
  await startLinking(journey, systemId, options);
  return walkGuide(journey, systemId, options.prerequisite);
}

/** The ids of the form's input blocks, in order. */
export const fieldsOf = (view: Record<string, any>): string[] =>
  (view.blocks as { block_id?: string }[]).map((block) => block.block_id).filter((id): id is string => !!id);

export interface CheckResult {
  /** The ack of the submission: the form turned into "Checking with …". */
  submitted: Record<string, any>;
  /** The views.update the check ended with. */
  result: RecordedCall;
  resultText: string;
  resultView: Record<string, any>;
}

/** Submits the form, expects the "checking" update, and waits for the modal the check ends with. */
export async function checkCredentials(
  journey: Journey,
  form: CredentialsForm,
  values: Record<string, string>,
  acks?: unknown[],
): Promise<CheckResult> {
  const before = journey.slack.callsTo('views.update').length;
  const submitted = await journey.submit(form.viewId, form.flowId, values);
  acks?.push(submitted.body);
  expect(submitted.body.response_action).toBe('update');
  const result = await eventually(() => {
    const update = journey.slack.callsTo('views.update')[before];
    if (!update) throw new Error('no result yet');
    return update;
  }, 8000);
  return {
    submitted: submitted.body,
    result,
    resultText: textOf(result.args.view.blocks),
    resultView: result.args.view,
  };
}

/** The whole way to a check that did not link: walk, submit, and the result modal offers "Check again". */
export async function failedCheck(
  journey: Journey,
  systemId: string,
  options: WalkOptions,
  values: Record<string, string>,
) {
  const form = await walkToCredentials(journey, systemId, options);
  const check = await checkCredentials(journey, form, values, options.acks);
  return { ...form, ...check };
}

/** Posts to the notification channel. */
export const notifications = (journey: Journey, channel = 'C0NOTIFY') =>
  journey.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

/**
 * Submits good credentials and follows them to the end: the form says it is checking, the channel
 * is told who linked which system, the form and the DM say it is linked. Gives the DM message.
 */
export async function submitAndExpectLinked(
  journey: Journey,
  form: CredentialsForm,
  values: Record<string, string>,
  options: { system: string; acks?: unknown[] },
): Promise<RecordedCall> {
  const submitted = await journey.submit(form.viewId, form.flowId, values);
  options.acks?.push(submitted.body);
  expect(submitted.body.response_action).toBe('update');
  expect(textOf(submitted.body.view.blocks)).toContain(`Checking with ${options.system}`);
  const notification = await journey.slack.waitFor(
    (call) => call.method === 'chat.postMessage' && call.args.channel === 'C0NOTIFY',
  );
  expect(notification.args.text).toContain(`<@${journey.userId}>`);
  expect(notification.args.text).toContain(options.system);
  const done = await journey.slack.waitFor(
    (call) => call.method === 'views.update' && call.args.view_id === form.viewId,
  );
  expect(textOf(done.args.view.blocks)).toContain('is linked');
  return journey.waitForMessage((text) => text.includes(`${options.system} is linked`));
}
