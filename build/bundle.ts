/**
 * The bot as it runs in production: its entry points and every package they import, bundled by
 * esbuild into a few ES modules with the whitespace taken out (`npm run build`, then `npm start`).
 *
 * Why a bundle: V8 keeps the source text of every module it loads, and each module costs a record,
 * a scope and a namespace of its own. Loaded file by file, the bot and its packages came to about
 * 1,000 modules; bundled, they hold about 4 MB less heap at rest, and a process under load holds a
 * multiple of its resting heap (see bench/README.md).
 *
 * Code behind a dynamic `import()` (the in-process store, BullMQ, jose) stays in chunks of its own
 * and is loaded only when it is used.
 *
 *   npx tsx build/bundle.ts [outdir]      # default dist/
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What production runs: the bot and the operator tools `npm run reseal` and `npm run redeliver` use. */
export const PRODUCTION_ENTRIES = [
  'src/main.ts',
  'src/tools/resealConnections.ts',
  'src/tools/redeliverConnections.ts',
];

/**
 * esbuild's options for any of the bot's bundles (production's, the benchmark's apps). Packages
 * written as CommonJS call `require` for Node's own modules; an ES module has none, so each output
 * file is given one.
 */
export function bundleOptions(entryPoints: string[], outdir: string, outbase: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    outbase,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    banner: {
      js: "import { createRequire as __wintroCreateRequire } from 'node:module'; const require = __wintroCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  };
}

/** Bundles production's entry points into `outdir` (emptied first): `<outdir>/main.js` is the bot. */
export async function bundleProduction(outdir = path.join(root, 'dist')): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build(bundleOptions(PRODUCTION_ENTRIES, outdir, 'src'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleProduction(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
