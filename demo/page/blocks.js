// Block Kit → DOM, for messages and modals: section (text, fields, accessory), header, divider,
// context, image, actions (buttons, selects, datepicker), input (plain_text_input, static_select,
// users_select, datepicker) and rich_text. Unknown blocks say so instead of vanishing.

import { escapeHtml, mrkdwnToHtml, plainToHtml } from './mrkdwn.js';

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'html') node.innerHTML = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A text object (mrkdwn or plain_text) as HTML. */
export function textHtml(text, ctx) {
  if (!text) return '';
  return text.type === 'mrkdwn'
    ? mrkdwnToHtml(text.text, ctx.people)
    : plainToHtml(text.text, text.emoji !== false);
}

const plainText = (text) => (text && typeof text.text === 'string' ? text.text : '');

/**
 * An image that shows its alt text in a placeholder until (and unless) the picture loads: the
 * demo works offline, and a screenshot never waits on the network.
 */
function image(url, alt, { small = false, words } = {}) {
  const frame = el('div', { class: small ? 'img small' : 'img' });
  const placeholder = el('div', {
    class: 'img-placeholder',
    role: 'img',
    'aria-label': alt,
    text: small ? '' : words.imageOffline.replace('{alt}', alt),
  });
  frame.append(placeholder);
  const picture = new Image();
  picture.alt = alt;
  picture.referrerPolicy = 'no-referrer';
  picture.addEventListener('load', () => placeholder.replaceWith(picture));
  picture.src = url;
  return frame;
}

function button(element, blockId, ctx) {
  const style = element.style === 'primary' ? ' primary' : element.style === 'danger' ? ' danger' : '';
  return el('button', {
    type: 'button',
    class: `btn${style}`,
    'data-action-id': element.action_id,
    html: plainToHtml(plainText(element.text)),
    onclick: () => {
      if (element.url) window.open(element.url, '_blank', 'noopener');
      ctx.onAction(element, blockId, {});
    },
  });
}

/** A select or date picker; in an input block its value is collected on submit, elsewhere it acts. */
function chooser(element, blockId, ctx, { inInput = false, labelledBy, describedBy } = {}) {
  const key = `${blockId}|${element.action_id}`;
  const saved = ctx.draft.get(key);
  const common = {
    id: inInput ? ctx.inputId(blockId) : undefined,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    'aria-label': inInput ? undefined : plainText(element.placeholder) || element.action_id,
    'data-block-id': blockId,
    'data-action-id': element.action_id,
    'data-type': element.type,
  };
  const changed = (value, selection) => {
    ctx.draft.set(key, value);
    if (!inInput || element.dispatch_action) ctx.onAction(element, blockId, selection);
  };
  if (element.type === 'datepicker') {
    const node = el('input', {
      ...common,
      type: 'date',
      class: 'field',
      value: saved ?? element.initial_date ?? '',
    });
    node.addEventListener('change', () => changed(node.value, { selected_date: node.value || null }));
    return node;
  }
  const node = el('select', { ...common, class: 'field' });
  const placeholder =
    plainText(element.placeholder) ||
    (element.type === 'users_select' ? ctx.words.selectPerson : ctx.words.selectOption);
  node.append(el('option', { value: '', text: placeholder }));
  if (element.type === 'users_select') {
    const chosen = saved ?? element.initial_user ?? '';
    for (const person of ctx.people) {
      node.append(el('option', { value: person.id, text: person.name, selected: person.id === chosen }));
    }
    node.addEventListener('change', () => changed(node.value, { selected_user: node.value || null }));
    return node;
  }
  const options = element.options ?? (element.option_groups ?? []).flatMap((group) => group.options ?? []);
  const chosen = saved ?? element.initial_option?.value ?? '';
  for (const option of options) {
    node.append(
      el('option', { value: option.value, text: plainText(option.text), selected: option.value === chosen }),
    );
  }
  node.addEventListener('change', () => {
    const option = options.find((each) => each.value === node.value);
    changed(node.value, { selected_option: option ? { text: option.text, value: option.value } : null });
  });
  return node;
}

function element(element, blockId, ctx) {
  switch (element.type) {
    case 'button':
      return button(element, blockId, ctx);
    case 'image':
      return image(element.image_url, element.alt_text ?? '', { small: true, words: ctx.words });
    case 'static_select':
    case 'external_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select':
    case 'datepicker':
    case 'overflow':
      return chooser(
        element.type === 'overflow' ? { ...element, type: 'static_select' } : element,
        blockId,
        ctx,
      );
    default:
      return el('span', { class: 'unsupported', text: `[${element.type}]` });
  }
}

function textInput(element, blockId, ctx, labelledBy, describedBy) {
  const key = `${blockId}|${element.action_id}`;
  const attributes = {
    id: ctx.inputId(blockId),
    class: 'field',
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    'aria-invalid': ctx.errors[blockId] ? 'true' : undefined,
    placeholder: plainText(element.placeholder),
    maxlength: element.max_length,
    'data-block-id': blockId,
    'data-action-id': element.action_id,
    'data-type': 'plain_text_input',
  };
  const node = element.multiline
    ? el('textarea', { ...attributes, rows: 4 })
    : el('input', { ...attributes, type: 'text' });
  node.value = ctx.draft.get(key) ?? element.initial_value ?? '';
  node.addEventListener('input', () => ctx.draft.set(key, node.value));
  return node;
}

function inputBlock(block, ctx) {
  const blockId = block.block_id;
  const labelId = nextId('label');
  const hintId = block.hint ? nextId('hint') : undefined;
  const errorId = ctx.errors[blockId] ? nextId('error') : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control =
    block.element.type === 'plain_text_input'
      ? textInput(block.element, blockId, ctx, labelId, describedBy)
      : chooser(block.element, blockId, ctx, { inInput: true, labelledBy: labelId, describedBy });
  return el('div', { class: `block input${errorId ? ' invalid' : ''}` }, [
    el('label', { id: labelId, for: ctx.inputId(blockId), class: 'input-label' }, [
      el('span', { html: plainToHtml(plainText(block.label)) }),
      block.optional ? el('span', { class: 'optional', text: ' (optional)' }) : null,
    ]),
    control,
    errorId
      ? el('div', { id: errorId, class: 'input-error', role: 'alert', text: ctx.errors[blockId] })
      : null,
    hintId ? el('div', { id: hintId, class: 'hint', html: plainToHtml(plainText(block.hint)) }) : null,
  ]);
}

function richText(block, ctx) {
  const pieces = [];
  const walk = (node) => {
    if (!node) return;
    if (node.type === 'text') pieces.push(escapeHtml(node.text));
    else if (node.type === 'link')
      pieces.push(mrkdwnToHtml(`<${node.url}|${node.text ?? node.url}>`, ctx.people));
    else if (node.type === 'user') pieces.push(mrkdwnToHtml(`<@${node.user_id}>`, ctx.people));
    for (const child of node.elements ?? []) walk(child);
  };
  walk(block);
  return el('div', { class: 'block section', html: pieces.join('').replace(/\n/g, '<br>') });
}

function block(block, ctx) {
  const blockId = block.block_id ?? nextId('block');
  switch (block.type) {
    case 'section': {
      const body = el('div', { class: 'section-body' }, [
        block.text ? el('div', { class: 'mrkdwn', html: textHtml(block.text, ctx) }) : null,
        block.fields
          ? el(
              'div',
              { class: 'fields' },
              block.fields.map((field) => el('div', { class: 'mrkdwn', html: textHtml(field, ctx) })),
            )
          : null,
      ]);
      const accessory = block.accessory ? element(block.accessory, blockId, ctx) : null;
      return el('div', { class: 'block section' }, [
        body,
        accessory ? el('div', { class: 'accessory' }, [accessory]) : null,
      ]);
    }
    case 'header':
      return el('h3', { class: 'block header', html: plainToHtml(plainText(block.text)) });
    case 'divider':
      return el('hr', { class: 'block divider' });
    case 'context':
      return el(
        'div',
        { class: 'block context' },
        (block.elements ?? []).map((item) =>
          item.type === 'image'
            ? image(item.image_url, item.alt_text ?? '', { small: true, words: ctx.words })
            : el('span', { html: textHtml(item, ctx) }),
        ),
      );
    case 'image':
      return el('figure', { class: 'block image' }, [
        block.title ? el('figcaption', { html: plainToHtml(plainText(block.title)) }) : null,
        image(block.image_url, block.alt_text ?? '', { words: ctx.words }),
      ]);
    case 'actions':
      return el(
        'div',
        { class: 'block actions', role: 'group' },
        (block.elements ?? []).map((item) => element(item, blockId, ctx)),
      );
    case 'input':
      return inputBlock(block, ctx);
    case 'rich_text':
      return richText(block, ctx);
    default:
      return el('div', { class: 'block unsupported', text: `[${block.type} block]` });
  }
}

/**
 * Renders blocks. `ctx`: people (for mentions and user pickers), words, draft (a Map of what was
 * typed, by block|action id), errors (by block id), inputId(blockId), onAction(element, blockId,
 * selection).
 */
export function renderBlocks(blocks, ctx) {
  return el(
    'div',
    { class: 'blocks' },
    (blocks ?? []).map((each) => block(each, ctx)),
  );
}

/** The state.values Slack would send for the inputs (and choosers) under `root`. */
export function stateValues(root) {
  const values = {};
  for (const node of root.querySelectorAll('[data-type]')) {
    const blockId = node.getAttribute('data-block-id');
    const actionId = node.getAttribute('data-action-id');
    const type = node.getAttribute('data-type');
    const value = node.value === '' ? null : node.value;
    let entry;
    if (type === 'plain_text_input') entry = { type, value };
    else if (type === 'users_select') entry = { type, selected_user: value };
    else if (type === 'datepicker') entry = { type, selected_date: value };
    else {
      const option =
        value === null
          ? null
          : { text: { type: 'plain_text', text: node.selectedOptions[0]?.textContent ?? '' }, value };
      entry = { type, selected_option: option };
    }
    values[blockId] = { ...(values[blockId] ?? {}), [actionId]: entry };
  }
  return values;
}

export { el };
