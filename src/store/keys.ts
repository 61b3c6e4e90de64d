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
  };
}
