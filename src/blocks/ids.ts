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
} as const;

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
