// Slack mrkdwn → safe HTML: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes, links,
// <@U…> mentions, <#C…> channels, <!here>, and a few :emoji:. Everything else is escaped text.

const EMOJI = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  warning: '⚠️',
  no_entry: '⛔',
  x: '❌',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  wave: '👋',
  bell: '🔔',
  lock: '🔒',
  key: '🔑',
  tada: '🎉',
  white_circle: '⚪',
  large_green_circle: '🟢',
  red_circle: '🔴',
  information_source: 'ℹ️',
  bulb: '💡',
  point_right: '👉',
  link: '🔗',
  calendar: '📅',
  raising_hand: '🙋',
  thumbsup: '👍',
  '+1': '👍',
  eyes: '👀',
  gear: '⚙️',
  busts_in_silhouette: '👥',
  memo: '📝',
};

export const escapeHtml = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Slack's own escapes back to characters (the text is then escaped for HTML). */
const unescapeSlack = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const safeHref = (url) => (/^(https?:|mailto:)/i.test(url) ? url : null);

function token(inner, people) {
  const [target, label] = splitOnce(inner, '|');
  if (target.startsWith('@')) {
    const person = people.find((each) => each.id === target.slice(1));
    const name = label || person?.name || target.slice(1);
    return `<span class="mention">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('#')) return `<span class="mention">#${escapeHtml(label || target.slice(1))}</span>`;
  if (target.startsWith('!')) {
    const special = target.slice(1).split('^')[0];
    if (special === 'date') return escapeHtml(label || '');
    if (special === 'subteam') return `<span class="mention">${escapeHtml(label || '@group')}</span>`;
    return `<span class="mention">@${escapeHtml(special)}</span>`;
  }
  const url = unescapeSlack(target);
  const text = escapeHtml(unescapeSlack(label || target));
  const href = safeHref(url);
  return href
    ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text}</a>`
    : `<span class="link">${text}</span>`;
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function inline(text, people) {
  const held = [];
  const hold = (html) => {
    held.push(html);
    return `\uE000${held.length - 1}\uE000`;
  };
  let out = text.replace(/<([^<>\n]+)>/g, (_, inner) => hold(token(inner, people)));
  out = escapeHtml(unescapeSlack(out));
  out = out.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${code}</code>`));
  out = out.replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1<strong>$2</strong>');
  out = out.replace(/(^|[^\w])_(?!\s)([^_\n]+?)_(?!\w)/g, '$1<em>$2</em>');
  out = out.replace(/(^|[^\w~])~(?!\s)([^~\n]+?)~(?!\w)/g, '$1<del>$2</del>');
  out = out.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
  return out.replace(/\uE000(\d+)\uE000/g, (_, index) => held[Number(index)]);
}

function lines(text, people) {
  const html = [];
  let quote = [];
  const flush = () => {
    if (quote.length) html.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    const quoted = /^(&gt;|>)\s?(.*)$/.exec(line);
    if (quoted) {
      quote.push(inline(quoted[2], people));
      continue;
    }
    flush();
    html.push(inline(line, people));
  }
  flush();
  return html
    .join('<br>')
    .replace(/<br><blockquote>/g, '<blockquote>')
    .replace(/<\/blockquote><br>/g, '</blockquote>');
}

/** Slack mrkdwn as HTML; `people` names the users that <@U…> mentions. */
export function mrkdwnToHtml(text, people = []) {
  return String(text ?? '')
    .split('```')
    .map((part, index) =>
      index % 2 === 1
        ? `<pre>${escapeHtml(unescapeSlack(part.replace(/^\n/, '')))}</pre>`
        : lines(part, people),
    )
    .join('');
}

/** A plain_text object: escaped, with :emoji: when it asks for them. */
export function plainToHtml(text, emoji = true) {
  const html = escapeHtml(text ?? '');
  return emoji ? html.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole) : html;
}
