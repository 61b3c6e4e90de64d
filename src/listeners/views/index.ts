import { CREDENTIALS_CALLBACK, DECLINE_CALLBACK, HELP_CALLBACK } from '../../blocks/ids.js';
import { submitCredentials } from '../../flows/credentialsForm.js';
import type { FlowDeps } from '../../flows/deps.js';
import { submitDecline } from '../../flows/helpAnswers.js';
import { submitHelpRequest } from '../../flows/helpRequests.js';
import type { FormHandler } from '../../flows/requests.js';
import { formListener } from '../answer.js';
import { formRoute, type Route } from '../router.js';

/** Every form (modal), by callback id. */
const FORMS: Record<string, FormHandler> = {
  [CREDENTIALS_CALLBACK]: submitCredentials,
  [HELP_CALLBACK]: submitHelpRequest,
  [DECLINE_CALLBACK]: submitDecline,
};

/** Every form of ours, in one route that looks the form's handler up by its callback id. */
export function formRoutes(deps: FlowDeps): Route[] {
  const listeners = new Map(Object.entries(FORMS).map(([id, handler]) => [id, formListener(deps, handler)]));
  return [
    formRoute(new Set(listeners.keys()), (args) => {
      const listener = listeners.get(args.view.callback_id);
      return listener ? listener(args) : args.next();
    }),
  ];
}
