import type { App } from '@slack/bolt';
import { CREDENTIALS_CALLBACK, DECLINE_CALLBACK, HELP_CALLBACK } from '../../blocks/ids.js';
import { submitCredentials } from '../../flows/credentialsForm.js';
import type { FlowDeps } from '../../flows/deps.js';
import { submitDecline } from '../../flows/helpAnswers.js';
import { submitHelpRequest } from '../../flows/helpRequests.js';
import type { FormHandler } from '../../flows/requests.js';
import { formListener } from '../answer.js';

/** Every form (modal), by callback id. */
const FORMS: Record<string, FormHandler> = {
  [CREDENTIALS_CALLBACK]: submitCredentials,
  [HELP_CALLBACK]: submitHelpRequest,
  [DECLINE_CALLBACK]: submitDecline,
};

const escaped = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One Bolt listener for every form: Bolt runs each registered listener's middleware on every
 * request, so the forms share one and it looks the form's handler up by callback id.
 */
export function registerViews(app: App, deps: FlowDeps) {
  const listeners = new Map(Object.entries(FORMS).map(([id, handler]) => [id, formListener(deps, handler)]));
  const ownForm = new RegExp(`^(${[...listeners.keys()].map(escaped).join('|')})$`);
  app.view(ownForm, (args) => {
    const listener = listeners.get(args.view.callback_id);
    return listener ? listener(args) : args.next();
  });
}
