import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/installations/scopes.js';

/** The items of a YAML list under `key:` (as the manifests write them: `- item  # comment`). */
function listUnder(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s*-\s+([^\s#]+)/.exec(line);
    if (!item) break;
    items.push(item[1] as string);
  }
  return items;
}

describe.each(['manifest.yml', 'manifest.socket.yml'])('%s', (file) => {
  const yaml = readFileSync(file, 'utf8');

  it('asks for exactly the scopes an install asks for', () => {
    expect(listUnder(yaml, 'bot')).toEqual(BOT_SCOPES);
  });

  it('subscribes to the Home tab being opened and to the events that end a workspace', () => {
    expect(listUnder(yaml, 'bot_events')).toEqual(['app_home_opened', 'app_uninstalled', 'tokens_revoked']);
  });

  it("has the Home tab on (each system's state, drawn per person) and the Messages tab for the DMs", () => {
    expect(yaml).toMatch(/home_tab_enabled: true/);
    expect(yaml).toMatch(/messages_tab_enabled: true/);
  });

  it('escapes channels in the slash command, so /wintro notify #channel gets the id', () => {
    expect(yaml).toMatch(/should_escape: true/);
  });
});
