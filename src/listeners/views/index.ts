import type { App } from '@slack/bolt';
import { CREDENTIALS_CALLBACK, DECLINE_CALLBACK, HELP_CALLBACK } from '../../blocks/ids.js';
import { submitCredentials } from '../../flows/credentialsForm.js';
import type { FlowDeps } from '../../flows/deps.js';
import { submitDecline } from '../../flows/helpAnswers.js';
import { submitHelpRequest } from '../../flows/helpRequests.js';
import { formListener } from '../answer.js';

/** Every form (modal), by callback id. */
export function registerViews(app: App, deps: FlowDeps) {
  app.view(CREDENTIALS_CALLBACK, formListener(deps, submitCredentials));
  app.view(HELP_CALLBACK, formListener(deps, submitHelpRequest));
  app.view(DECLINE_CALLBACK, formListener(deps, submitDecline));
}
