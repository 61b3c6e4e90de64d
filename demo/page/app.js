// The demo page: conversations, composer, modals and the sandbox switches, kept in step with the
// demo server by long polling. Everything the bot says comes from the server; every word of the
// page itself from /demo/words.

import { el, renderBlocks, stateValues } from './blocks.js';
import { loadSandbox, renderModal } from './modal.js';
import { mrkdwnToHtml } from './mrkdwn.js';
import { api, ctxFor, fill, page, refresh, stripElement } from './state.js';

// ---- people and sidebar -------------------------------------------------------------------------

function renderPeople() {
  const box = document.getElementById('people');
  const key = JSON.stringify([page.as, page.state.people]);
  if (key === page.rendered.people) return;
  page.rendered.people = key;
  box.replaceChildren(
    el('legend', { class: 'acting', text: page.words.actingAs }),
    ...page.state.people
      .filter((person) => person.playable)
      .map((person) =>
        el('button', {
          type: 'button',
          class: `person${person.id === page.as ? ' current' : ''}`,
          'aria-pressed': String(person.id === page.as),
          title: person.id === page.as ? person.title : fill(page.words.switchTo, { name: person.name }),
          onclick: () => switchPerson(person.id),
          text: `${person.name} · ${person.title}`,
        }),
      ),
  );
}

function switchPerson(id) {
  if (id === page.as) return;
  page.as = id;
  page.seen.clear();
  page.rendered = { messages: '', modal: '', people: '' };
  history.replaceState(null, '', `?as=${id}`);
  poll(true);
}

function renderSidebar() {
  const nav = document.getElementById('sidebar');
  const item = (conversation) => {
    const seen = page.seen.get(conversation.id) ?? 0;
    const unread = conversation.id !== page.active && conversation.messages.length > seen;
    const label = conversation.kind === 'channel' ? `# ${conversation.name}` : conversation.name;
    return el('li', {}, [
      el(
        'button',
        {
          type: 'button',
          class: `conversation-link${conversation.id === page.active ? ' active' : ''}${unread ? ' unread' : ''}`,
          'aria-current': conversation.id === page.active ? 'page' : undefined,
          onclick: () => openConversation(conversation.id),
        },
        [
          el('span', { text: label }),
          conversation.kind === 'app' ? el('span', { class: 'badge', text: page.words.app }) : null,
          unread ? el('span', { class: 'dot', 'aria-label': 'new messages', role: 'img' }) : null,
        ],
      ),
    ]);
  };
  const channels = page.state.conversations.filter((each) => each.kind === 'channel');
  const apps = page.state.conversations.filter((each) => each.kind === 'app');
  nav.replaceChildren(
    el('h2', { class: 'sidebar-title', text: page.words.channels }),
    el('ul', {}, channels.map(item)),
    el('h2', { class: 'sidebar-title', text: page.words.directMessages }),
    el('ul', {}, apps.map(item)),
    el('p', { class: `bot-status ${page.state.bot.status}`, text: botStatusText() }),
  );
}

const botStatusText = () =>
  page.state.bot.status === 'up'
    ? ''
    : page.state.bot.status === 'down'
      ? page.words.botDown
      : page.words.botStarting;

function openConversation(id) {
  page.active = id;
  page.rendered.messages = '';
  render();
  document.getElementById('composer-text').focus();
}

// ---- messages -----------------------------------------------------------------------------------

const timeOf = (ts) =>
  new Date(Number(ts.split('.')[0]) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function renderMessage(message, conversation) {
  const initials = message.author
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .slice(0, 2);
  const ctx = ctxFor('message', {
    onAction: (element, blockId, selection) =>
      act({
        channel: conversation.id,
        messageTs: message.ts,
        element,
        blockId,
        actionId: element.action_id,
        selection,
      }),
  });
  const body = message.blocks?.length
    ? renderBlocks(message.blocks, ctx)
    : el('div', { class: 'mrkdwn', html: mrkdwnToHtml(message.text, page.state.people) });
  return el('article', { class: `message${message.ephemeral ? ' ephemeral' : ''}`, 'data-ts': message.ts }, [
    el('div', { class: `avatar${message.isApp ? ' app' : ''}`, 'aria-hidden': 'true', text: initials }),
    el('div', { class: 'message-main' }, [
      el('div', { class: 'message-meta' }, [
        el('strong', { class: 'author', text: message.author }),
        message.isApp ? el('span', { class: 'badge', text: page.words.app }) : null,
        el('time', { text: timeOf(message.ts) }),
        message.edited ? el('span', { class: 'edited', text: page.words.edited }) : null,
      ]),
      message.ephemeral ? el('div', { class: 'only-you', text: `👁 ${page.words.onlyYou}` }) : null,
      body,
    ]),
  ]);
}

function renderMessages() {
  const conversation = page.state.conversations.find((each) => each.id === page.active);
  if (!conversation) return;
  page.seen.set(conversation.id, conversation.messages.length);
  const where = conversation.kind === 'channel' ? `#${conversation.name}` : conversation.name;
  document.getElementById('conversation-title').textContent = where;
  document.getElementById('composer-label').textContent = fill(page.words.composer, { where });
  document.getElementById('composer-text').placeholder = fill(page.words.composer, { where });
  const onHome = conversation.kind === 'app' && page.tab === 'home';
  renderTabs(conversation);
  document.getElementById('composer').hidden = onHome;
  const key = JSON.stringify([
    page.active,
    page.tab,
    onHome ? page.state.home : conversation.messages,
    page.state.people,
  ]);
  if (key === page.rendered.messages) return;
  page.rendered.messages = key;
  const list = document.getElementById('messages');
  if (onHome) {
    list.replaceChildren(renderHome());
    return;
  }
  list.replaceChildren(
    ...(conversation.messages.length
      ? conversation.messages.map((message) => renderMessage(message, conversation))
      : [el('p', { class: 'empty', text: page.words.emptyConversation })]),
  );
  list.scrollTop = list.scrollHeight;
}

/** The app's conversation has a Home tab and a Messages tab, as in Slack. */
function renderTabs(conversation) {
  const tabs = document.getElementById('tabs');
  if (conversation.kind !== 'app') {
    tabs.hidden = true;
    return;
  }
  tabs.hidden = false;
  const tab = (id, label) =>
    el('button', {
      type: 'button',
      role: 'tab',
      class: `tab${page.tab === id ? ' current' : ''}`,
      'aria-selected': String(page.tab === id),
      text: label,
      onclick: () => openTab(id),
    });
  tabs.replaceChildren(tab('home', page.words.home), tab('messages', page.words.messages));
}

function openTab(id) {
  if (page.tab === id) return;
  page.tab = id;
  page.rendered.messages = '';
  render();
  if (id === 'home') api('/demo/home', {}).then(() => poll(true));
}

function renderHome() {
  const home = page.state.home;
  if (!home) return el('p', { class: 'empty', text: page.words.noHome });
  const ctx = ctxFor('home', {
    onAction: (element, blockId, selection) =>
      api('/demo/click', {
        viewId: home.id,
        element: stripElement(element),
        blockId,
        actionId: element.action_id,
        selection,
        values: stateValues(document.getElementById('messages')),
      }).then(() => poll(true)),
  });
  return el('div', { class: 'home' }, [renderBlocks(home.view.blocks, ctx)]);
}

async function act(click) {
  await api('/demo/click', { ...click, element: stripElement(click.element) });
  poll(true);
}

// ---- composer and polling -----------------------------------------------------------------------

// Escape closes the open modal, wherever the focus is, as in Slack.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && page.state?.modal && page.closeModal) page.closeModal();
});

function setUpComposer() {
  const form = document.getElementById('composer');
  const text = document.getElementById('composer-text');
  const send = async () => {
    const typed = text.value;
    if (!typed.trim()) return;
    text.value = '';
    await api('/demo/send', { channel: page.active, text: typed });
    poll(true);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  });
}

/** What reached Wintro's backend: the event, the system, the signature, the fields that opened. */
function renderWintro() {
  const arrivals = page.state.wintro ?? [];
  const key = JSON.stringify(arrivals);
  if (key === page.rendered.wintro) return;
  page.rendered.wintro = key;
  const list = document.getElementById('wintro-arrivals');
  if (!arrivals.length) {
    list.replaceChildren(el('li', { class: 'hint', text: page.words.wintroNothing }));
    return;
  }
  list.replaceChildren(
    ...arrivals
      .slice()
      .reverse()
      .map((arrival) =>
        el('li', { class: 'arrival' }, [
          el('strong', { text: `${arrival.type} · ${arrival.system}` }),
          el('span', {
            class: arrival.verified ? 'ok' : 'bad',
            text: arrival.verified ? page.words.verified : page.words.notVerified,
          }),
          arrival.openedFields
            ? el('span', { text: fill(page.words.opened, { fields: arrival.openedFields.join(', ') }) })
            : null,
        ]),
      ),
  );
}

/** Switches changed elsewhere (another page, a test) show here too, unless this one is in use. */
function syncSwitches() {
  for (const [kind, failure] of Object.entries(page.state.switches ?? {})) {
    const select = document.getElementById(`switch-${kind}`);
    if (select && select !== document.activeElement && select.value !== failure) select.value = failure;
  }
}

function render() {
  syncSwitches();
  renderWintro();
  renderPeople();
  renderSidebar();
  renderMessages();
  renderModal();
}

let polling = 0;
async function poll(now = false) {
  const mine = ++polling;
  const since = now || !page.state ? -1 : page.state.version;
  try {
    const state = await api(`/demo/state?as=${encodeURIComponent(page.as)}&since=${since}`);
    if (mine !== polling) return;
    if (state.me === page.as) {
      page.state = state;
      render();
    }
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (mine === polling) setTimeout(() => poll(), 0);
}

async function start() {
  refresh.now = () => poll(true);
  page.words = await api('/demo/words');
  document.title = page.words.title;
  document.getElementById('workspace-name').textContent = page.words.workspace;
  document.getElementById('composer-send').textContent = page.words.send;
  document.getElementById('composer-hint').textContent = page.words.composerHint;
  document.getElementById('sandbox-title').textContent = page.words.sandbox;
  document.getElementById('sandbox-hint').textContent = page.words.sandboxHint;
  document.getElementById('wintro-title').textContent = page.words.wintro;
  document.getElementById('wintro-hint').textContent = page.words.wintroHint;
  setUpComposer();
  await loadSandbox();
  poll(true);
}

start();
