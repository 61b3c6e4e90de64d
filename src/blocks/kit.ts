/**
 * Small Block Kit builders returning @slack/types shapes, so the compiler checks what goes to Slack.
 * Slack's limits are applied here so no renderer can exceed them.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  Datepicker,
  DividerBlock,
  HeaderBlock,
  ImageBlock,
  InputBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextInput,
  SectionBlock,
  StaticSelect,
  UsersSelect,
} from '@slack/types';

export const LIMITS = {
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  contextText: 2000,
  modalTitle: 24,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInput: 3000,
} as const;

/** Escapes text typed by a person so it cannot ping (<!channel>, <@U…>) or render a disguised link. */
export const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const plain = (text: string, max = 3000): PlainTextElement => ({
  type: 'plain_text',
  text: clip(text, max),
  emoji: true,
});
export const mrkdwn = (text: string, max = 3000): MrkdwnElement => ({
  type: 'mrkdwn',
  text: clip(text, max),
});

export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: plain(text, LIMITS.headerText),
});
export const section = (text: string): SectionBlock => ({
  type: 'section',
  text: mrkdwn(text, LIMITS.sectionText),
});
export const context = (text: string): ContextBlock => ({
  type: 'context',
  elements: [mrkdwn(text, LIMITS.contextText)],
});
export const divider = (): DividerBlock => ({ type: 'divider' });

export const image = (url: string, alt: string, title?: string): ImageBlock => ({
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

export const button = ({ text, actionId, value, style, url }: ButtonSpec): Button => ({
  type: 'button',
  text: plain(text, LIMITS.buttonText),
  action_id: actionId,
  ...(value !== undefined ? { value } : {}),
  ...(style ? { style } : {}),
  ...(url ? { url } : {}),
});

export const actions = (blockId: string, buttons: ButtonSpec[]): ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: buttons.slice(0, 25).map(button),
});

export interface TextInputSpec {
  actionId: string;
  maxLength: number;
  placeholder: string;
  multiline?: boolean;
}

/** A plain text field; never prefilled, so nothing a person typed earlier is sent back to Slack. */
export const textInput = ({
  actionId,
  maxLength,
  placeholder,
  multiline,
}: TextInputSpec): PlainTextInput => ({
  type: 'plain_text_input',
  action_id: actionId,
  ...(multiline ? { multiline } : {}),
  max_length: Math.min(maxLength, LIMITS.plainTextInput),
  placeholder: plain(placeholder, LIMITS.placeholder),
});

export const usersSelect = (actionId: string, placeholder: string, initialUser?: string): UsersSelect => ({
  type: 'users_select',
  action_id: actionId,
  placeholder: plain(placeholder, LIMITS.placeholder),
  ...(initialUser ? { initial_user: initialUser } : {}),
});

/** A drop-down of fixed choices; never preselected, so a choice is always the person's own. */
export const staticSelect = (
  actionId: string,
  placeholder: string,
  options: { value: string; label: string }[],
): StaticSelect => ({
  type: 'static_select',
  action_id: actionId,
  placeholder: plain(placeholder, LIMITS.placeholder),
  // Slack allows 100 options, each label 75 characters and value 150.
  options: options
    .slice(0, 100)
    .map(({ value, label }) => ({ text: plain(label, 75), value: value.slice(0, 150) })),
});

/** A calendar to pick a date (YYYY-MM-DD). */
export const datepicker = (actionId: string, placeholder: string): Datepicker => ({
  type: 'datepicker',
  action_id: actionId,
  placeholder: plain(placeholder, LIMITS.placeholder),
});

export interface InputSpec {
  /** Unset: Slack names the block, and the element is read by its action id. */
  blockId?: string;
  label: string;
  element: InputBlock['element'];
  hint?: string;
  optional?: boolean;
}

export const input = ({ blockId, label, element, hint, optional }: InputSpec): InputBlock => ({
  type: 'input',
  ...(blockId !== undefined ? { block_id: blockId } : {}),
  ...(optional !== undefined ? { optional } : {}),
  label: plain(label, LIMITS.inputLabel),
  ...(hint !== undefined ? { hint: plain(hint, LIMITS.inputHint) } : {}),
  element,
});
