// The open modal (a role="dialog" form) and, beside it, the page's own "Use demo credentials"
// helper; and the sandbox switches.

import { el, renderBlocks, stateValues } from './blocks.js';
import { plainToHtml } from './mrkdwn.js';
import { api, ctxFor, draftFor, fill, page, refresh, stripElement } from './state.js';

// ---- modal --------------------------------------------------------------------------------------

export function renderModal() {
  const overlay = document.getElementById('overlay');
  const modal = page.state.modal;
  const key = JSON.stringify([modal, page.notice]);
  if (key === page.rendered.modal) return;
  const wasOpen = page.rendered.modal && JSON.parse(page.rendered.modal)[0]?.id === modal?.id;
  page.rendered.modal = key;
  if (!modal) {
    page.closeModal = null;
    overlay.hidden = true;
    overlay.replaceChildren();
    document.getElementById('composer-text').focus();
    return;
  }
  const { view } = modal;
  const draft = draftFor(modal.id);
  const ctx = ctxFor('modal', {
    draft,
    errors: modal.errors,
    onAction: (element, blockId, selection) =>
      api('/demo/click', {
        viewId: modal.id,
        element: stripElement(element),
        blockId,
        actionId: element.action_id,
        selection,
        values: stateValues(document.getElementById('modal-body')),
      }).then(() => refresh.now()),
  });
  const titleId = 'modal-title';
  const close = () =>
    api('/demo/close', { viewId: modal.id, values: stateValues(document.getElementById('modal-body')) }).then(
      () => refresh.now(),
    );
  const submit = (event) => {
    event.preventDefault();
    page.notice = '';
    api('/demo/submit', {
      viewId: modal.id,
      values: stateValues(document.getElementById('modal-body')),
    }).then(() => refresh.now());
  };
  const general = modal.errors[''];
  const form = el(
    'form',
    { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, onsubmit: submit },
    [
      el('header', { class: 'modal-header' }, [
        el('h2', { id: titleId, html: plainToHtml(view.title?.text ?? '') }),
        el('button', {
          type: 'button',
          class: 'icon',
          'aria-label': page.words.close,
          onclick: close,
          text: '×',
        }),
      ]),
      el('div', { class: 'modal-body', id: 'modal-body' }, [
        general ? el('div', { class: 'modal-error', role: 'alert', text: general }) : null,
        renderBlocks(view.blocks, ctx),
      ]),
      el('footer', { class: 'modal-footer' }, [
        el('button', {
          type: 'button',
          class: 'btn',
          onclick: close,
          html: plainToHtml(view.close?.text ?? page.words.close),
        }),
        view.submit
          ? el('button', { type: 'submit', class: 'btn primary', html: plainToHtml(view.submit.text) })
          : null,
      ]),
    ],
  );
  page.closeModal = close;
  overlay.replaceChildren(form, demoHelper(modal));
  overlay.hidden = false;
  if (!wasOpen) (form.querySelector('input, select, textarea') ?? form.querySelector('button')).focus();
}

/** The page's own helper beside a credentials form: fills in the sandbox account's credentials. */
function demoHelper(modal) {
  if (!modal.demoCredentials) return el('span');
  const fillIn = async () => {
    const answer = await api('/demo/fill', { viewId: modal.id });
    if (!answer.ok) return;
    const draft = draftFor(modal.id);
    for (const [blockId, value] of Object.entries(answer.values)) {
      const input = document
        .getElementById('modal-body')
        .querySelector(`[data-block-id="${CSS.escape(blockId)}"]`);
      if (!input) continue;
      input.value = value;
      draft.set(`${blockId}|${input.getAttribute('data-action-id')}`, value);
    }
    page.notice = fill(page.words.filled, { name: answer.name });
    document.getElementById('demo-helper-notice').textContent = page.notice;
  };
  return el('aside', { class: 'demo-helper', 'aria-label': page.words.demoCredentials }, [
    el('button', { type: 'button', class: 'btn demo', onclick: fillIn, text: page.words.demoCredentials }),
    el('p', { class: 'hint', text: fill(page.words.demoCredentialsFor, { name: modal.demoCredentials }) }),
    el('p', { class: 'hint', id: 'demo-helper-notice', role: 'status', text: page.notice }),
  ]);
}

// ---- sandbox switches ---------------------------------------------------------------------------

export async function loadSandbox() {
  page.sandbox = (await api('/demo/sandbox')).kinds;
  const box = document.getElementById('sandbox-switches');
  box.replaceChildren(
    ...page.sandbox.map((kind) => {
      const id = `switch-${kind.id}`;
      const select = el(
        'select',
        {
          id,
          class: 'field',
          onchange: async (event) => {
            await fetch('/demo/sandbox', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ kind: kind.id, failure: event.target.value }),
            });
          },
        },
        Object.entries(page.words.failures).map(([value, text]) =>
          el('option', { value, text, selected: value === kind.failure }),
        ),
      );
      return el('div', { class: 'switch' }, [el('label', { for: id, text: kind.name }), select]);
    }),
  );
}
