// What every part of the page shares: the page's state, the calls to the demo server, and the
// context the Block Kit renderer needs.

export const fill = (words, values) => words.replace(/\{(\w+)\}/g, (slot, name) => values[name] ?? slot);

export const page = {
  words: null,
  as: new URLSearchParams(location.search).get('as') || 'U0ALEXADM',
  active: 'C0GENERAL',
  tab: 'messages',
  state: null,
  seen: new Map(),
  rendered: { messages: '', modal: '', people: '' },
  drafts: new Map(),
  sandbox: [],
  notice: '',
};

export async function api(path, body) {
  const response = await fetch(path, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify({ as: page.as, ...body }) : undefined,
  });
  return response.json();
}

export const draftFor = (viewId) => {
  if (!page.drafts.has(viewId)) page.drafts.set(viewId, new Map());
  return page.drafts.get(viewId);
};

export function ctxFor(surface, extra = {}) {
  return {
    people: page.state.people,
    words: page.words,
    draft: extra.draft ?? new Map(),
    errors: extra.errors ?? {},
    inputId: (blockId) => `${surface}-input-${blockId}`,
    onAction: extra.onAction ?? (() => undefined),
  };
}

/** The parts of an element Slack sends back in an action. */
export const stripElement = ({ type, text, value, style, url }) => ({ type, text, value, style, url });

/** Set by app.js: asks the server for the latest state now. */
export const refresh = { now: () => undefined };
