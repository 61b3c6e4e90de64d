/**
 * Pure checks of what the bot sends to Slack against Slack's documented Block Kit / surface limits.
 * Every function returns a list of human-readable violations; [] means fine.
 *
 * Sources: Block Kit reference (blocks, block elements, composition objects), the modal / App Home
 * "view object" reference, and the chat.postMessage docs (text fallback recommended when using blocks).
 */

type Any = any;

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  blockId: 255,
  actionId: 255,
  imageUrl: 3000,
  altText: 2000,
  imageTitle: 2000,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  plainTextInputMaxLength: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  viewJsonBytes: 250_000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  overflowOptions: 5,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  genericText: 3000,
} as const;

const KNOWN_BLOCK_TYPES = new Set([
  'section',
  'divider',
  'image',
  'actions',
  'context',
  'input',
  'header',
  'rich_text',
  'video',
  'file',
  'markdown',
  'table',
  'call',
  'context_actions',
]);

const CHECKED_MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);
const CHECKED_VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

type Surface = 'message' | 'modal' | 'home';

function isObj(x: unknown): x is Record<string, Any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Arguments may arrive JSON-encoded (that is how they travel over the wire); accept both. */
function maybeJson(x: unknown): unknown {
  if (typeof x !== 'string') return x;
  try {
    return JSON.parse(x);
  } catch {
    return x;
  }
}

function len(s: string): number {
  // Slack counts characters; count code points so emoji are not double-counted.
  return [...s].length;
}

/**
 * Checks a text composition object. `plainOnly` requires type plain_text.
 */
function textObject(
  t: unknown,
  path: string,
  max: number,
  out: string[],
  opts: { plainOnly?: boolean; required?: boolean } = {},
): void {
  if (t === undefined || t === null) {
    if (opts.required) out.push(`${path}: text object is required`);
    return;
  }
  if (!isObj(t)) {
    out.push(`${path}: must be a text object, got ${typeof t}`);
    return;
  }
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') {
    out.push(`${path}.type: must be 'plain_text' or 'mrkdwn', got ${JSON.stringify(t.type)}`);
  } else if (opts.plainOnly && t.type !== 'plain_text') {
    out.push(`${path}.type: must be 'plain_text', got '${t.type}'`);
  }
  if (typeof t.text !== 'string' || t.text.length === 0) {
    out.push(`${path}.text: must be a non-empty string`);
  } else if (len(t.text) > max) {
    out.push(`${path}.text: ${len(t.text)} chars exceeds ${max}`);
  }
}

function strMax(v: unknown, path: string, max: number, out: string[]): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'string') {
    out.push(`${path}: must be a string`);
    return;
  }
  if (len(v) > max) out.push(`${path}: ${len(v)} chars exceeds ${max}`);
}

function httpUrl(v: unknown, path: string, max: number, out: string[], required: boolean): void {
  if (v === undefined || v === null || v === '') {
    if (required) out.push(`${path}: is required`);
    return;
  }
  if (typeof v !== 'string' || !/^https?:\/\/\S+$/i.test(v)) {
    out.push(`${path}: must be an http(s) URL, got ${JSON.stringify(v)}`);
    return;
  }
  if (len(v) > max) out.push(`${path}: ${len(v)} chars exceeds ${max}`);
}

function confirmObject(c: unknown, path: string, out: string[]): void {
  if (c === undefined) return;
  if (!isObj(c)) {
    out.push(`${path}: must be a confirmation object`);
    return;
  }
  textObject(c.title, `${path}.title`, LIMITS.confirmTitle, out, { plainOnly: true, required: true });
  textObject(c.text, `${path}.text`, LIMITS.confirmText, out, { required: true });
  textObject(c.confirm, `${path}.confirm`, LIMITS.confirmButton, out, { plainOnly: true, required: true });
  textObject(c.deny, `${path}.deny`, LIMITS.confirmButton, out, { plainOnly: true, required: true });
}

function optionObject(o: unknown, path: string, out: string[]): void {
  if (!isObj(o)) {
    out.push(`${path}: must be an option object`);
    return;
  }
  textObject(o.text, `${path}.text`, LIMITS.optionText, out, { required: true });
  if (typeof o.value !== 'string' || o.value.length === 0)
    out.push(`${path}.value: must be a non-empty string`);
  else strMax(o.value, `${path}.value`, LIMITS.optionValue, out);
  textObject(o.description, `${path}.description`, LIMITS.optionDescription, out, { plainOnly: true });
  httpUrl(o.url, `${path}.url`, LIMITS.buttonUrl, out, false);
}

function optionsList(opts: unknown, path: string, max: number, out: string[]): void {
  if (opts === undefined) return;
  if (!Array.isArray(opts)) {
    out.push(`${path}: must be an array`);
    return;
  }
  if (opts.length > max) out.push(`${path}: ${opts.length} options exceeds ${max}`);
  opts.forEach((o, i) => {
    optionObject(o, `${path}[${i}]`, out);
  });
}

function imageFields(el: Record<string, Any>, path: string, out: string[]): void {
  if (el.slack_file === undefined) httpUrl(el.image_url, `${path}.image_url`, LIMITS.imageUrl, out, true);
  if (typeof el.alt_text !== 'string' || el.alt_text.length === 0) {
    out.push(`${path}.alt_text: is required and must be non-empty`);
  } else {
    strMax(el.alt_text, `${path}.alt_text`, LIMITS.altText, out);
  }
}

/** Checks an interactive (or image) element; returns its action_id if any. */
function element(el: unknown, path: string, out: string[]): string | undefined {
  if (!isObj(el)) {
    out.push(`${path}: must be an element object`);
    return undefined;
  }
  if (typeof el.type !== 'string') {
    out.push(`${path}.type: is required`);
    return undefined;
  }
  strMax(el.action_id, `${path}.action_id`, LIMITS.actionId, out);
  const ph = () =>
    textObject(el.placeholder, `${path}.placeholder`, LIMITS.placeholder, out, { plainOnly: true });
  switch (el.type) {
    case 'button':
      textObject(el.text, `${path}.text`, LIMITS.buttonText, out, { plainOnly: true, required: true });
      strMax(el.value, `${path}.value`, LIMITS.buttonValue, out);
      httpUrl(el.url, `${path}.url`, LIMITS.buttonUrl, out, false);
      strMax(el.accessibility_label, `${path}.accessibility_label`, LIMITS.buttonText, out);
      if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
        out.push(`${path}.style: must be 'primary' or 'danger'`);
      }
      break;
    case 'plain_text_input':
      ph();
      for (const k of ['max_length', 'min_length'] as const) {
        const v = el[k];
        if (v === undefined) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
          out.push(`${path}.${k}: must be an integer ≥ 0`);
        else if (v > LIMITS.plainTextInputMaxLength) {
          out.push(`${path}.${k}: ${v} exceeds ${LIMITS.plainTextInputMaxLength}`);
        }
      }
      if (
        typeof el.min_length === 'number' &&
        typeof el.max_length === 'number' &&
        el.min_length > el.max_length
      ) {
        out.push(`${path}: min_length > max_length`);
      }
      break;
    case 'static_select':
    case 'multi_static_select':
      ph();
      if (el.options === undefined && el.option_groups === undefined) {
        out.push(`${path}: options or option_groups is required`);
      }
      optionsList(el.options, `${path}.options`, LIMITS.selectOptions, out);
      break;
    case 'overflow':
      optionsList(el.options, `${path}.options`, LIMITS.overflowOptions, out);
      break;
    case 'radio_buttons':
    case 'checkboxes':
      optionsList(el.options, `${path}.options`, 10, out);
      break;
    case 'image':
      imageFields(el, path, out);
      break;
    case 'users_select':
    case 'multi_users_select':
    case 'conversations_select':
    case 'multi_conversations_select':
    case 'channels_select':
    case 'multi_channels_select':
    case 'external_select':
    case 'multi_external_select':
    case 'datepicker':
    case 'timepicker':
    case 'datetimepicker':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      ph();
      break;
    default:
      break;
  }
  confirmObject(el.confirm, `${path}.confirm`, out);
  return typeof el.action_id === 'string' ? el.action_id : undefined;
}

function uniqueActionIds(ids: (string | undefined)[], path: string, out: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (id === undefined) continue;
    if (seen.has(id)) out.push(`${path}: duplicate action_id '${id}' within block`);
    seen.add(id);
  }
}

/** A block's `elements`: a non-empty array, at most `max` long; undefined when there is no such array. */
function elementList(
  b: Record<string, Any>,
  path: string,
  max: number,
  out: string[],
): unknown[] | undefined {
  if (!Array.isArray(b.elements) || b.elements.length === 0) {
    out.push(`${path}.elements: must be a non-empty array`);
    return undefined;
  }
  if (b.elements.length > max) out.push(`${path}.elements: ${b.elements.length} elements exceeds ${max}`);
  return b.elements;
}

function block(b: unknown, path: string, surface: Surface, out: string[]): void {
  if (!isObj(b)) {
    out.push(`${path}: must be a block object`);
    return;
  }
  if (typeof b.type !== 'string' || !KNOWN_BLOCK_TYPES.has(b.type)) {
    out.push(`${path}.type: unknown block type ${JSON.stringify(b.type)}`);
    return;
  }
  if (b.block_id !== undefined) {
    if (typeof b.block_id !== 'string' || b.block_id.length === 0)
      out.push(`${path}.block_id: must be non-empty`);
    else strMax(b.block_id, `${path}.block_id`, LIMITS.blockId, out);
  }
  switch (b.type) {
    case 'section': {
      if (b.text === undefined && b.fields === undefined) out.push(`${path}: section needs text or fields`);
      textObject(b.text, `${path}.text`, LIMITS.sectionText, out);
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields)) out.push(`${path}.fields: must be an array`);
        else {
          if (b.fields.length > LIMITS.sectionFields) {
            out.push(`${path}.fields: ${b.fields.length} fields exceeds ${LIMITS.sectionFields}`);
          }
          b.fields.forEach((f: unknown, i: number) => {
            textObject(f, `${path}.fields[${i}]`, LIMITS.sectionFieldText, out, { required: true });
          });
        }
      }
      if (b.accessory !== undefined) element(b.accessory, `${path}.accessory`, out);
      break;
    }
    case 'header':
      textObject(b.text, `${path}.text`, LIMITS.headerText, out, { plainOnly: true, required: true });
      break;
    case 'context': {
      const elements = elementList(b, path, LIMITS.contextElements, out);
      elements?.forEach((e: unknown, i: number) => {
        const p = `${path}.elements[${i}]`;
        if (isObj(e) && e.type === 'image') imageFields(e, p, out);
        else textObject(e, p, LIMITS.genericText, out, { required: true });
      });
      break;
    }
    case 'actions': {
      const elements = elementList(b, path, LIMITS.actionsElements, out);
      if (!elements) break;
      const ids = elements.map((e: unknown, i: number) => element(e, `${path}.elements[${i}]`, out));
      uniqueActionIds(ids, path, out);
      break;
    }
    case 'image':
      imageFields(b, path, out);
      textObject(b.title, `${path}.title`, LIMITS.imageTitle, out, { plainOnly: true });
      break;
    case 'input':
      textObject(b.label, `${path}.label`, LIMITS.inputLabel, out, { plainOnly: true, required: true });
      textObject(b.hint, `${path}.hint`, LIMITS.inputHint, out, { plainOnly: true });
      if (b.element === undefined) out.push(`${path}.element: is required`);
      else element(b.element, `${path}.element`, out);
      if (surface === 'message') out.push(`${path}: input blocks are not allowed in messages`);
      break;
    default:
      break;
  }
}

function blocksList(blocks: unknown, path: string, surface: Surface, max: number, out: string[]): void {
  if (!Array.isArray(blocks)) {
    out.push(`${path}: must be an array`);
    return;
  }
  if (blocks.length > max) out.push(`${path}: ${blocks.length} blocks exceeds ${max}`);
  const seen = new Set<string>();
  blocks.forEach((b, i) => {
    block(b, `${path}[${i}]`, surface, out);
    if (isObj(b) && typeof b.block_id === 'string') {
      if (seen.has(b.block_id)) out.push(`${path}[${i}].block_id: duplicate block_id '${b.block_id}'`);
      seen.add(b.block_id);
    }
  });
}

export function messageViolations(args: Any): string[] {
  const out: string[] = [];
  if (!isObj(args)) return ['message arguments must be an object'];
  const blocks = maybeJson(args.blocks);
  const attachments = maybeJson(args.attachments);
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasText = typeof args.text === 'string' && args.text.trim().length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (!hasText && !hasBlocks && !hasAttachments) out.push('message: needs `text` or `blocks`');
  if (hasBlocks && !hasText) {
    out.push('message: `blocks` without a top-level `text` fallback (used for notifications/accessibility)');
  }
  if (args.text !== undefined && typeof args.text !== 'string') out.push('text: must be a string');
  else strMax(args.text, 'text', LIMITS.messageText, out);
  if (blocks !== undefined) blocksList(blocks, 'blocks', 'message', LIMITS.messageBlocks, out);
  if (Array.isArray(attachments)) {
    attachments.forEach((a: unknown, i: number) => {
      if (isObj(a) && a.blocks !== undefined) {
        blocksList(a.blocks, `attachments[${i}].blocks`, 'message', LIMITS.messageBlocks, out);
      }
    });
  }
  return out;
}

export function viewViolations(viewIn: Any): string[] {
  const out: string[] = [];
  const view = maybeJson(viewIn);
  if (!isObj(view)) return ['view: must be an object'];
  if (view.type !== 'modal' && view.type !== 'home') {
    out.push(`view.type: must be 'modal' or 'home', got ${JSON.stringify(view.type)}`);
  }
  const surface: Surface = view.type === 'home' ? 'home' : 'modal';
  if (view.type === 'modal') {
    textObject(view.title, 'view.title', LIMITS.modalTitle, out, { plainOnly: true, required: true });
    textObject(view.submit, 'view.submit', LIMITS.modalSubmit, out, { plainOnly: true });
    textObject(view.close, 'view.close', LIMITS.modalClose, out, { plainOnly: true });
    if (
      view.submit === undefined &&
      Array.isArray(view.blocks) &&
      view.blocks.some((b: unknown) => isObj(b) && b.type === 'input')
    ) {
      out.push('view.submit: is required when the view contains input blocks');
    }
  }
  strMax(view.private_metadata, 'view.private_metadata', LIMITS.privateMetadata, out);
  strMax(view.callback_id, 'view.callback_id', LIMITS.callbackId, out);
  strMax(view.external_id, 'view.external_id', LIMITS.externalId, out);
  blocksList(view.blocks, 'view.blocks', surface, LIMITS.viewBlocks, out);
  const bytes = Buffer.byteLength(JSON.stringify(view), 'utf8');
  if (bytes > LIMITS.viewJsonBytes) out.push(`view: JSON is ${bytes} bytes, exceeds ${LIMITS.viewJsonBytes}`);
  return out;
}

export function slackLimitViolations(call: { method: string; args: Record<string, Any> }): string[] {
  const { method } = call;
  const args = call.args ?? {};
  if (CHECKED_MESSAGE_METHODS.has(method)) {
    const out = messageViolations(args);
    if (typeof args.channel !== 'string' || args.channel.length === 0)
      out.unshift(`${method}: channel is required`);
    if (method === 'chat.update' && (typeof args.ts !== 'string' || args.ts.length === 0)) {
      out.unshift('chat.update: ts is required');
    }
    if (method === 'chat.postEphemeral' && (typeof args.user !== 'string' || args.user.length === 0)) {
      out.unshift('chat.postEphemeral: user is required');
    }
    return out;
  }
  if (CHECKED_VIEW_METHODS.has(method)) {
    const out = viewViolations(args.view);
    if (
      (method === 'views.open' || method === 'views.push') &&
      !args.trigger_id &&
      !args.interactivity_pointer
    ) {
      out.unshift(`${method}: trigger_id is required`);
    }
    if (method === 'views.update' && !args.view_id && !args.external_id) {
      out.unshift('views.update: view_id or external_id is required');
    }
    if (method === 'views.publish' && !args.user_id) out.unshift('views.publish: user_id is required');
    const view = maybeJson(args.view);
    if (method === 'views.publish' && isObj(view) && view.type !== 'home') {
      out.push("views.publish: view.type must be 'home'");
    }
    return out;
  }
  return [];
}

/**
 * Checks a body sent as an ack() response (HTTP response to Slack) or POSTed to a response_url.
 * - `{response_action:'errors', errors}`: errors must be a non-empty {block_id: message} map of strings.
 * - `{response_action:'update'|'push', view}`: the view is checked with viewViolations.
 * - `{response_action:'clear'}`: fine.
 * - anything else with message-ish fields is checked as a message (unless delete_original).
 */
export function responseViolations(bodyIn: unknown): string[] {
  const body = maybeJson(bodyIn);
  if (body === undefined || body === null || body === '') return [];
  if (typeof body === 'string') return strMaxList(body, 'text', LIMITS.messageText);
  if (!isObj(body)) return ['response: must be an object or string'];
  if (body.response_action !== undefined) {
    switch (body.response_action) {
      case 'errors': {
        const errors = body.errors;
        if (!isObj(errors) || Object.keys(errors).length === 0) {
          return ['response.errors: must be a non-empty object of block_id -> message'];
        }
        const out: string[] = [];
        for (const [k, v] of Object.entries(errors)) {
          if (typeof v !== 'string' || v.length === 0)
            out.push(`response.errors.${k}: must be a non-empty string`);
        }
        return out;
      }
      case 'update':
      case 'push':
        return viewViolations(body.view);
      case 'clear':
        return [];
      default:
        return [`response.response_action: unknown value ${JSON.stringify(body.response_action)}`];
    }
  }
  if (body.delete_original === true || body.delete_original === 'true') return [];
  const out: string[] = [];
  if (
    body.response_type !== undefined &&
    body.response_type !== 'ephemeral' &&
    body.response_type !== 'in_channel'
  ) {
    out.push(`response.response_type: must be 'ephemeral' or 'in_channel'`);
  }
  // An empty object is a bare ack; anything else is a message and must stand on its own.
  if (Object.keys(body).length > 0) out.push(...messageViolations(body));
  return out;
}

function strMaxList(v: string, path: string, max: number): string[] {
  const out: string[] = [];
  strMax(v, path, max, out);
  return out;
}
