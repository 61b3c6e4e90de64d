import * as bolt from '@slack/bolt';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleOptions } from '../../build/bundle.js';
import { App, HTTPModuleFunctions, HTTPReceiver, LogLevel } from '../../src/slack/bolt.js';

/** The packages in the files `node dist/main.js` loads before it runs: the entry and its static imports. */
function packagesLoadedAtStart(metafile: Metafile, entryPoint: string): Set<string> {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === entryPoint);
  if (!entry) throw new Error(`no output for ${entryPoint}`);
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of outputs[file]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  const packages = new Set<string>();
  for (const file of loaded)
    for (const input of Object.keys(outputs[file]?.inputs ?? {})) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
      if (name) packages.add(name);
      // zod's classic API gives every schema some 40 methods of its own; the bot uses zod/mini.
      if (input.includes('node_modules/zod/v4/classic/')) packages.add('zod classic');
    }
  return packages;
}

describe('the production bundle', () => {
  it('takes the Bolt classes it runs from their own modules: the same ones Bolt’s index exports', () => {
    expect(App).toBe(bolt.App);
    expect(HTTPReceiver).toBe(bolt.HTTPReceiver);
    expect(LogLevel).toBe(bolt.LogLevel);
    expect(HTTPModuleFunctions.parseAndVerifyHTTPRequest).toBe(
      bolt.HTTPModuleFunctions.parseAndVerifyHTTPRequest,
    );
  });

  it('loads neither Bolt’s unused receivers (Express), zod’s classic API, nor what waits behind a dynamic import at start', async () => {
    const result = await build({
      ...bundleOptions(['src/main.ts'], '/wintro-bundle-test', 'src'),
      write: false,
      metafile: true,
      sourcemap: false,
    });
    const atStart = packagesLoadedAtStart(result.metafile, 'src/main.ts');
    // Present, so the walk itself works.
    expect(atStart).toContain('@slack/bolt');
    expect(atStart).toContain('ioredis');
    for (const notAtStart of [
      'express',
      'body-parser',
      'mime-db',
      'bullmq',
      'ioredis-mock',
      'jose',
      'zod classic',
    ])
      expect(atStart, notAtStart).not.toContain(notAtStart);
  });
});
