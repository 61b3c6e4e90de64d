import { type Language, translator } from '../messages/index.js';

/** The small page a browser lands on after a vendor's approval page: one sentence, nothing else. */
export interface CallbackPage {
  html: string;
  headers: Record<string, string>;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Headers for a page that must not be cached, framed, sniffed or leak its address onwards. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

/** The page in the reader's language, with the sentence (already in it) escaped. Pure. */
export function renderCallbackPage(language: Language, sentence: string): CallbackPage {
  const title = escapeHtml(translator(language)('systems.common.authorization.page.title'));
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1d1c1d}</style>',
    `</head><body><main><p>${escapeHtml(sentence)}</p></main></body></html>`,
  ].join('');
  return { html, headers: PAGE_HEADERS };
}
