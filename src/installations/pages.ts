import { type Language, translator } from '../messages/index.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A small page for the browser during an install, in its language: a heading and one or two sentences. Pure. */
export function renderPage(language: Language, title: string, lines: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d1c1d}h1{font-size:1.4rem}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    '</body></html>',
  ].join('\n');
}

export type InstallFailure =
  | 'link_missing'
  | 'link_expired'
  | 'link_invalid'
  | 'cancelled'
  | 'state'
  | 'code'
  | 'unknown';

/** The page for an install that cannot go on, saying what happened and where to start again. */
export function renderInstallFailure(language: Language, failure: InstallFailure): string {
  const tr = translator(language);
  return renderPage(language, tr(`install.failed.${failure}.title`), [
    tr(`install.failed.${failure}.detail`),
    tr('install.startFromWintro'),
  ]);
}

export function renderInstallSuccess(language: Language, teamName: string | undefined): string {
  const tr = translator(language);
  return renderPage(language, tr('install.success.title'), [
    tr('install.success.detail', { workspace: teamName ?? tr('install.success.yourWorkspace') }),
  ]);
}
