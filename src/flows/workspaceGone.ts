import { applyEvent } from './applyEvent.js';
import type { FlowDeps } from './deps.js';

export interface WorkspaceGone {
  teamId: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
}

/**
 * The app was uninstalled from a workspace (or its bot token revoked): the installation goes,
 * setups in progress end (with no message: there is no token left to send one), and with them
 * their reminders. Linked connections stay: they belong to the Wintro account.
 */
export async function workspaceGone(deps: FlowDeps, gone: WorkspaceGone): Promise<void> {
  await deps.workspaces.forget(gone);
  const flows = await deps.flows.activeInTeam(gone.teamId);
  for (const flow of flows) await applyEvent(deps, flow, { type: 'cancel' });
  deps.logger.info({ teamId: gone.teamId, ended: flows.length }, 'The app was removed from a workspace');
}
