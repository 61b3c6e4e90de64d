import { t } from '../messages/index.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A small page for the browser during an install: a heading and one or two sentences. Pure. */
export function renderPage(title: string, lines: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
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
export function renderInstallFailure(failure: InstallFailure): string {
  return renderPage(t(`install.failed.${failure}.title`), [
    t(`install.failed.${failure}.detail`),
    t('install.startFromWintro'),
  ]);
}

export function renderInstallSuccess(teamName: string | undefined): string {
  return renderPage(t('install.success.title'), [
    t('install.success.detail', { workspace: teamName ?? t('install.success.yourWorkspace') }),
  ]);
}
