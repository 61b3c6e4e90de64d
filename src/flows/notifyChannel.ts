import type { FlowDeps } from './deps.js';

/** The channel new links are announced in: the workspace's own choice, else the operator's default. */
export async function notifyChannelOf(deps: FlowDeps, teamId: string): Promise<string | undefined> {
  return (await deps.teamSettings.notifyChannel(teamId)) ?? deps.settings.notifyChannel;
}

/**
 * Where a team hears news about its connections: its announcement channel, or — in a workspace
 * that has not chosen one — the DM of the person concerned. Single-workspace mode without
 * WINTRO_NOTIFY_CHANNEL announces nothing.
 */
export async function announcementTarget(
  deps: FlowDeps,
  teamId: string,
  personId: string,
): Promise<string | undefined> {
  return (await notifyChannelOf(deps, teamId)) ?? (deps.workspaces.multiWorkspace ? personId : undefined);
}
