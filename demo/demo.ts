import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { type BotProcess, startBot, storeEnv } from './bot.js';
import { Sandbox } from './sandbox/index.js';
import { demoHandler, listenOnLoopback } from './server.js';
import { Interactions } from './slack/interactions.js';
import { BotLink } from './slack/toBot.js';
import { WebApi } from './slack/webApi.js';
import { NOTIFY_CHANNEL, Workspace } from './slack/workspace.js';
import { type WintroReceiver, wintroReceiver } from './wintro/receiver.js';

/**
 * The whole demo: the Slack stand-in and sandbox vendors on one port, and the real bot process
 * pointed at them.
 */
export interface DemoOptions {
  /** The page's port (0 picks a free one). */
  port: number;
  /** The environment the store settings are read from (REDIS_URL, WINTRO_ENCRYPTION_KEY, LOG_LEVEL). */
  env?: NodeJS.ProcessEnv;
  onLog?: (line: string) => void;
}

export interface Demo {
  url: string;
  workspace: Workspace;
  webApi: WebApi;
  sandbox: Sandbox;
  bot: BotProcess;
  /** The app's acknowledgements and response URL posts. */
  interactions: Interactions;
  /** Wintro's side of the hand-over: what arrived. */
  wintro: WintroReceiver;
  /** Secrets of this run that must never show on the page or in the bot's logs. */
  secrets: string[];
  stop(): Promise<void>;
}

export async function startDemo({ port, env = process.env, onLog }: DemoOptions): Promise<Demo> {
  const botToken = `xoxb-demo-${randomBytes(12).toString('hex')}`;
  const signingSecret = randomBytes(24).toString('hex');
  const workspace = new Workspace();
  const webApi = new WebApi(workspace, botToken);
  const sandbox = new Sandbox();
  const wintro = await wintroReceiver();
  const link = new BotLink('', signingSecret);
  let base = '';
  const interactions = new Interactions(workspace, link, (id) => `${base}/response/${id}`);
  let bot: BotProcess | undefined;
  const handler = demoHandler({
    workspace,
    webApi,
    interactions,
    sandbox,
    wintro,
    botStatus: () => bot?.status() ?? 'starting',
  });
  const listening = await listenOnLoopback(handler, port);
  base = `http://127.0.0.1:${listening.port}`;
  bot = await startBot({
    env: {
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: `${base}/api/`,
      WINTRO_NOTIFY_CHANNEL: NOTIFY_CHANNEL,
      // Quiet by default so the terminal shows the demo's address; LOG_LEVEL=info shows every step.
      LOG_LEVEL: env.LOG_LEVEL || 'warn',
      ...sandbox.botEnv(base),
      ...wintro.botEnv(`${base}/wintro/webhook`),
      ...storeEnv(env),
    },
    ...(onLog ? { onLog } : {}),
  });
  const running = bot;
  const stopServers = () => Promise.all(listening.servers.map(closeServer));
  try {
    link.eventsUrl = await running.ready;
  } catch (error) {
    await stopServers();
    throw error;
  }
  workspace.changed();
  return {
    url: `http://localhost:${listening.port}`,
    workspace,
    webApi,
    sandbox,
    bot: running,
    interactions,
    wintro,
    secrets: [botToken, signingSecret, wintro.secret],
    async stop() {
      await running.stop();
      await stopServers();
    },
  };
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
