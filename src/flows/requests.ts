import type { ModalView } from '@slack/types';
import type { SlackMessage } from '../blocks/flowMessage.js';
import type { Language } from '../messages/index.js';
import type { DeferredClaim } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import type { PreparedLink } from './preparedLink.js';

/** A click on a button, as the listener hands it over. */
export interface Click {
  teamId: string;
  userId: string;
  actionId: string;
  value?: string;
  triggerId?: string;
  channelId?: string;
  messageTs?: string;
  /** The replay claim left to the click's compare-and-set (buttons that only move a flow). */
  claim?: DeferredClaim;
}

/** Handles a click; what it returns is told to the person who clicked. */
export type ClickHandler = (deps: FlowDeps, click: Click) => Promise<string | undefined>;

/** A submitted form (modal), as the listener hands it over. */
export interface FormSubmission {
  teamId: string;
  userId: string;
  viewId: string;
  privateMetadata: string;
  /** Typed values by block id. */
  values: Record<string, string>;
  /** The user picked in a users_select, if the form has one. */
  colleagueId?: string;
  /** The view as Slack sent it, to give the form back unchanged when something fails. */
  submittedView: unknown;
}

export type FormAck =
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update'; view: ModalView };

export interface FormResult {
  /** The answer to Slack, inside its 3-second window: errors on the form, a new view, or close. */
  ack?: FormAck;
  /** Slow work that runs once Slack has its answer. */
  afterAck?: () => Promise<void>;
  /** When the slow work fails: show the form again with a notice, or tell the person in their DM. */
  whenAfterAckFails?: 'show_form_again' | 'tell_in_dm';
}

export type FormHandler = (deps: FlowDeps, form: FormSubmission) => Promise<FormResult>;

/** The text after `/wintro`, from whom, and the language they read. */
export interface CommandRequest {
  teamId: string;
  userId: string;
  text: string;
  language: Language;
  /** A link's reading, begun with the request's claim (see `PreparedLink`). */
  preparedLink?: PreparedLink;
}

export interface CommandResult {
  /** What the person sees at once, inside Slack's 3-second window. */
  reply: SlackMessage;
  /** Slow work that runs after the reply; what it returns is sent to the person as a follow-up. */
  followUp?: () => Promise<SlackMessage | undefined>;
}
