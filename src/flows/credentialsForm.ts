import { randomBytes } from 'node:crypto';
import { renderCredentialsModal } from '../blocks/credentialsModal.js';
import type { Credentials, LinkableSystem } from '../systems/types.js';
import { applyEvent, stepCountOf } from './applyEvent.js';
import { clickedFlow } from './clickedFlow.js';
import { credentialCheckRefusal } from './limits.js';
import { linkerFormError } from './linkerGate.js';
import { holderWords, personWords, wordsOf } from './readers.js';
import { refusalText } from './refusals.js';
import type { ClickHandler, FormHandler, FormResult } from './requests.js';
import { recoverStaleCheck } from './staleChecks.js';
import { can, type Refusal } from './transitions.js';

/** Refused before anything is checked: whoever is not the holder, or a setup that has ended. */
const FINAL: ReadonlySet<Refusal> = new Set(['not_holder', 'linked', 'cancelled']);

/** "Enter credentials": opens the private form. */
export const openCredentialsForm: ClickHandler = async (deps, click) => {
  const clicked = await clickedFlow(deps, click, { type: 'open_credentials' }, 'open_credentials');
  if (!clicked.ok) return clicked.told;
  // Only the holder gets this far: the form is in their words, like the checks.
  const holder = holderWords(deps, clicked.flow);
  const system = holder.catalog.system(clicked.flow.systemId);
  if (!system) return refusalText(deps, holder, 'open_credentials', 'not_now', clicked.flow);
  if (!click.triggerId) return holder.tr('flow.button.noTrigger');
  await deps.slack.openModal(
    click.triggerId,
    renderCredentialsModal(holder.tr, clicked.flow.id, system, { kind: 'form' }),
  );
  return undefined;
};

const onFirstField = (system: LinkableSystem | undefined, message: string): FormResult => ({
  ack: { response_action: 'errors', errors: { [system?.credentialFields[0]?.id ?? 'value']: message } },
});

/** Checks the form's values, and once they look right, starts the vendor check after the acknowledgement. */
function readCredentials(
  system: LinkableSystem,
  values: Record<string, string>,
): { credentials: Credentials } | { errors: Record<string, string> } {
  const legacy = system.recognizeLegacy?.(values);
  if (legacy) return { errors: legacy };
  const credentials: Credentials = {};
  const errors: Record<string, string> = {};
  for (const field of system.credentialFields) {
    const raw = values[field.id] ?? '';
    const problem = field.validate(raw, values);
    if (problem) errors[field.id] = problem;
    else if (!field.formOnly)
      credentials[field.id] = field.normalize ? field.normalize(raw, values) : raw.trim();
  }
  return Object.keys(errors).length > 0 ? { errors } : { credentials };
}

/** The credentials form was submitted: inline errors, or "checking" and the vendor check after the ack. */
export const submitCredentials: FormHandler = async (deps, form) => {
  const stored = await deps.flows.get(form.teamId, form.privateMetadata);
  const flow = stored ? await recoverStaleCheck(deps, stored) : undefined;
  if (!flow) {
    const submitter = await wordsOf(deps, form.teamId, form.userId);
    return onFirstField(undefined, refusalText(deps, submitter, 'credentials_form', 'expired'));
  }
  // The form is the holder's; someone else is refused in their own words (looked up only then).
  const holder = holderWords(deps, flow);
  const system = holder.catalog.system(flow.systemId);
  if (!system) return onFirstField(system, refusalText(deps, holder, 'credentials_form', 'expired'));
  const now = deps.now();
  const context = { now, stepCount: stepCountOf(deps, flow), actorId: form.userId };
  const checkId = randomBytes(6).toString('base64url');
  const permission = can(flow, { type: 'submit_credentials', checkId }, context);
  if (!permission.ok && FINAL.has(permission.refusal)) {
    const submitter = await personWords(deps, form.teamId, form.userId, flow);
    return onFirstField(system, refusalText(deps, submitter, 'credentials_form', permission.refusal, flow));
  }
  const { tr } = holder;
  if (!deps.checks.accepting) return onFirstField(system, tr('flow.refused.form.restarting'));
  // Someone removed from the admins or the user group since the setup began may not link now.
  const notLinker = await linkerFormError(deps, form.teamId, form.userId);
  if (notLinker) return onFirstField(system, notLinker);

  const read = readCredentials(system, form.values);
  if ('errors' in read) return { ack: { response_action: 'errors', errors: read.errors } };

  const retryAt = flow.lastOutcome?.retryAt;
  if (retryAt && retryAt > now) {
    const seconds = Math.ceil((retryAt - now) / 1000);
    return onFirstField(
      system,
      tr('flow.refused.form.vendorAskedToWait', { vendor: system.vendor, seconds }),
    );
  }
  const overLimit = await credentialCheckRefusal(tr, deps, flow);
  if (overLimit) return onFirstField(system, overLimit);

  // Noted before the check starts: should this instance stop mid-check, another one ends it once
  // its deadline passed (an entry for a check that never started is dropped then).
  await deps.checkDeadlines.add(
    { teamId: flow.teamId, flowId: flow.id, checkId },
    now + deps.settings.checkDeadlineMs,
  );
  const applied = await applyEvent(
    deps,
    flow,
    { type: 'submit_credentials', checkId },
    { actorId: form.userId, credentials: read.credentials, viewId: form.viewId },
  );
  if (!applied.ok)
    return onFirstField(system, refusalText(deps, holder, 'credentials_form', applied.refusal, flow));
  return {
    ack: {
      response_action: 'update',
      view: renderCredentialsModal(tr, flow.id, system, { kind: 'checking' }),
    },
    afterAck: async () => {
      await applied.run();
    },
    whenAfterAckFails: 'show_form_again',
  };
};
