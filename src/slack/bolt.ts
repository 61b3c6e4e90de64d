import appExports, { LogLevel } from '@slack/bolt/dist/App.js';
import * as HTTPModuleFunctions from '@slack/bolt/dist/receivers/HTTPModuleFunctions.js';
import receiverExports from '@slack/bolt/dist/receivers/HTTPReceiver.js';

/**
 * The parts of Bolt the bot runs, each from its own module. Bolt's package index also loads every
 * receiver it ships, Express and its body parsers among them, which the bot never uses: in a
 * bundle that cost 1.8 MB of heap and 6 MB of resident memory at rest (bench/README.md). Types still
 * come from `@slack/bolt`.
 */

/**
 * The `exports.default` of a CommonJS module: Node (and a bundle) give the module's `exports` as the
 * default import; Vitest's interop gives `exports.default` itself.
 */
const defaultOf = <T>(imported: { default: T }): T =>
  (Object.hasOwn(imported, 'default') ? imported.default : imported) as T;

export const App = defaultOf(appExports);
export type App = InstanceType<typeof App>;
export const HTTPReceiver = defaultOf(receiverExports);
export type HTTPReceiver = InstanceType<typeof HTTPReceiver>;
export { HTTPModuleFunctions, LogLevel };
