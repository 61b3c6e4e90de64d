/**
 * Builds the app-under-test process (bench/sut.ts and, through its imports, src/) as production
 * runs: bundled by esbuild with the options `npm run build` uses (build/bundle.ts), on plain `node`.
 * Both apps come out of the same bundle; each mode's own code sits behind a dynamic import, so the
 * baseline loads none of the bot's modules (the packages they share come from shared chunks).
 *
 * Under tsx, Node 20 would run the TypeScript loader on a thread of its own with its own V8 heap
 * and keep the transformed sources, which added 37 MB to the bot's idle RSS and 12 MB to the
 * baseline's.
 *
 * BENCH_BUILD=tsc compiles file by file with the project's TypeScript instead, as before the
 * bundle: profiles (BENCH_CPU_PROF) then name the package of every function, which a bundle's
 * chunks cannot. Its memory figures are not production's.
 *
 * The output goes to a temporary directory outside the repository (nothing in the working tree
 * changes); a `node_modules` link there resolves the packages of a tsc build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../build/bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export type AppBuild = 'bundle' | 'tsc';

export const appBuild = (): AppBuild => (process.env.BENCH_BUILD === 'tsc' ? 'tsc' : 'bundle');

export async function buildApps(kind = appBuild()): Promise<{ script: URL; seconds: number }> {
  const started = performance.now();
  const dir = path.join(os.tmpdir(), `wintro-bench-apps-${process.pid}`);
  const out = path.join(dir, 'out');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const script = kind === 'bundle' ? await bundle(out) : compile(dir, out);
  return { script: pathToFileURL(script), seconds: (performance.now() - started) / 1000 };
}

async function bundle(out: string): Promise<string> {
  await build({ ...bundleOptions(['bench/sut.ts'], path.join(out, 'bench'), 'bench'), sourcemap: false });
  return path.join(out, 'bench', 'sut.js');
}

function compile(dir: string, out: string): string {
  const tsconfig = path.join(dir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.json'),
      compilerOptions: {
        noEmit: false,
        // Type errors are tsc's and CI's business; here only the JavaScript is wanted.
        noCheck: true,
        noEmitOnError: false,
        rootDir: root,
        outDir: out,
        declaration: false,
        sourceMap: false,
        typeRoots: [path.join(root, 'node_modules', '@types')],
      },
      files: [path.join(root, 'bench', 'sut.ts')],
      include: [],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', tsconfig], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`Compiling the apps failed:\n${result.stdout}${result.stderr}`);
  }
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(path.join(root, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  return path.join(out, 'bench', 'sut.js');
}

export function removeBuild(script: URL): void {
  const dir = path.resolve(fileURLToPath(script), '..', '..', '..');
  if (path.basename(dir).startsWith('wintro-bench-apps-')) rmSync(dir, { recursive: true, force: true });
}
