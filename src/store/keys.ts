/**
 * Redis key scheme. The team id sits in a Cluster hash tag so all of one team's keys share a slot
 * and a multi-key script over them stays legal.
 */
export interface KeyScheme {
  prefix: string;
  flow(teamId: string, flowId: string): string;
  activeFlows(teamId: string, userId: string): string;
  connections(teamId: string): string;
  once(teamId: string, name: string): string;
  helpers(teamId: string): string;
  /** A workspace's (or, for an org-wide install, an enterprise's) installation. */
  installation(teamOrEnterpriseId: string): string;
  /** The enterprise whose org-wide installation serves this workspace. */
  enterpriseOf(teamId: string): string;
  /** A workspace's own settings (the success channel). */
  teamSettings(teamId: string): string;
  /** A person's language: their own choice and the one their Slack locale gave. */
  language(teamId: string, userId: string): string;
  /** Every setup in progress of a workspace, by user (the active indexes), for a scan. */
  activeFlowsPattern(teamId: string): string;
  /** Connection events waiting to be handed to Wintro, by event id. */
  outbox(teamId: string): string;
  /** Where each system's hand-over to Wintro stands, by system id. */
  handovers(teamId: string): string;
  /** Channel notices of new links not yet confirmed posted, by flow id. */
  pendingNotices(teamId: string): string;
  /** The ids of a workspace's setups, unfinished or recently so (pruned as they are read). */
  teamSetups(teamId: string): string;
  /** A short-lived answer of Slack about who may link (an admin flag, a user group's members). */
  linkerCache(teamId: string, name: string): string;
  /** When each running credential check must have finished, across workspaces (one key, its own slot). */
  checkDeadlines(): string;
  /** When each linked connection is next re-checked (or warned of its expiry), across workspaces. */
  recheckDue(): string;
  /** Held by the one instance sweeping the re-checks, so the per-vendor cap holds across instances. */
  recheckSweepLock(): string;
}

export function keyScheme(prefix = 'wintro'): KeyScheme {
  const team = (teamId: string) => `${prefix}:{${teamId}}`;
  return {
    prefix,
    flow: (teamId, flowId) => `${team(teamId)}:flow:${flowId}`,
    activeFlows: (teamId, userId) => `${team(teamId)}:active:${userId}`,
    connections: (teamId) => `${team(teamId)}:conns`,
    once: (teamId, name) => `${team(teamId)}:once:${name}`,
    helpers: (teamId) => `${team(teamId)}:helpers`,
    outbox: (teamId) => `${team(teamId)}:outbox`,
    handovers: (teamId) => `${team(teamId)}:handovers`,
    pendingNotices: (teamId) => `${team(teamId)}:notices`,
    installation: (id) => `${team(id)}:installation`,
    enterpriseOf: (teamId) => `${team(teamId)}:enterprise`,
    teamSettings: (teamId) => `${team(teamId)}:settings`,
    language: (teamId, userId) => `${team(teamId)}:lang:${userId}`,
    activeFlowsPattern: (teamId) => `${team(teamId)}:active:*`,
    teamSetups: (teamId) => `${team(teamId)}:setups`,
    linkerCache: (teamId, name) => `${team(teamId)}:linkers:${name}`,
    checkDeadlines: () => `${prefix}:{checks}:deadlines`,
    recheckDue: () => `${prefix}:{rechecks}:due`,
    recheckSweepLock: () => `${prefix}:{rechecks}:lock`,
  };
}
