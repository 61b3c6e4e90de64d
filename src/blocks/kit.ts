/** Small Block Kit builders. Slack's limits are applied here so no renderer can exceed them. */

export type Block = Record<string, unknown>;

export const LIMITS = {
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  contextText: 2000,
  modalTitle: 24,
} as const;

/** Escapes text typed by a person so it cannot ping (<!channel>, <@U…>) or render a disguised link. */
export const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const plain = (text: string, max = 3000) => ({
  type: 'plain_text',
  text: clip(text, max),
  emoji: true,
});
export const mrkdwn = (text: string, max = 3000) => ({ type: 'mrkdwn', text: clip(text, max) });

export const header = (text: string): Block => ({ type: 'header', text: plain(text, LIMITS.headerText) });
export const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text, LIMITS.sectionText) });
export const context = (text: string): Block => ({
  type: 'context',
  elements: [mrkdwn(text, LIMITS.contextText)],
});
export const divider = (): Block => ({ type: 'divider' });

export const image = (url: string, alt: string, title?: string): Block => ({
  type: 'image',
  image_url: url,
  alt_text: clip(alt, 2000),
  ...(title ? { title: plain(title, 2000) } : {}),
});

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  style?: 'primary' | 'danger';
  url?: string;
}

export const button = ({ text, actionId, value, style, url }: ButtonSpec) => ({
  type: 'button',
  text: plain(text, LIMITS.buttonText),
  action_id: actionId,
  ...(value !== undefined ? { value } : {}),
  ...(style ? { style } : {}),
  ...(url ? { url } : {}),
});

export const actions = (blockId: string, buttons: ButtonSpec[]): Block => ({
  type: 'actions',
  block_id: blockId,
  elements: buttons.slice(0, 25).map(button),
});
