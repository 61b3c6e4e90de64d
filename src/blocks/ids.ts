/** Action and callback ids shared by renderers and listeners. */
export const ACTIONS = {
  begin: 'flow.begin',
  next: 'flow.next',
  back: 'flow.back',
  credentials: 'flow.credentials',
  /** A link button to the vendor's approval page: Slack reports the click, the browser does the rest. */
  authorize: 'flow.authorize',
  cancel: 'flow.cancel',
  variant: 'flow.variant',
  pick: 'pick.system',
  help: 'flow.help',
  resume: 'flow.resume',
  takeOver: 'handover.take',
  granted: 'handover.granted',
  decline: 'handover.decline',
  /** Not allowed to link (WINTRO_LINKERS): ask someone who is; the value is the link target. */
  askLinker: 'linkers.ask',
  /** The check of who may link failed: ask Slack again; the value says what was asked. */
  retryLinker: 'linkers.retry',
  /** Replace a linked system: the value is `<system id>.<flow id of the connection asked about>`. */
  confirmReplace: 'connection.replace',
  /** Unlink a linked system: the value as for `confirmReplace`. */
  confirmUnlink: 'connection.unlink',
  /** Leave the connection as it is (the value names the system). */
  keepConnection: 'connection.keep',
  /** Home tab: link (or replace) a system, fix a broken one, unlink one; the value is the system id. */
  homeLink: 'home.link',
  homeFix: 'home.fix',
  homeUnlink: 'home.unlink',
  /** Fix it, in the DM that a re-check found a connection broken: the value as for `confirmReplace`. */
  fixConnection: 'connection.fix',
  /** Renew now, in the warning that credentials expire soon: the value as for `confirmReplace`. */
  renewConnection: 'connection.renew',
} as const;

/** A question about one connection as it was when asked: a system id and that connection's flow id. */
export const encodeConnectionRef = (systemId: string, flowId: string) => `${systemId}.${flowId}`;

export function decodeConnectionRef(
  value: string | undefined,
): { systemId: string; flowId: string } | undefined {
  const match = /^([a-z0-9_-]{2,40})\.([A-Za-z0-9_-]{6,64})$/.exec(value ?? '');
  if (!match) return undefined;
  return { systemId: match[1] as string, flowId: match[2] as string };
}

export const HELP_CALLBACK = 'handover.ask';
export const DECLINE_CALLBACK = 'handover.decline';

export const CREDENTIALS_CALLBACK = 'credentials.submit';
export const FIELD_ACTION = 'value';

/** Buttons carry the flow id and the version they were drawn for: a click on an older drawing is stale. */
export const encodeFlowRef = (flowId: string, version: number) => `${flowId}.${version}`;

export function decodeFlowRef(value: string | undefined): { flowId: string; version: number } | undefined {
  const match = /^([A-Za-z0-9_-]{6,64})\.(\d{1,9})$/.exec(value ?? '');
  if (!match) return undefined;
  return { flowId: match[1] as string, version: Number(match[2]) };
}
