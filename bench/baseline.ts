/**
 * The baseline: a bare Bolt app on the same HTTP receiver, signing secret and Web API client
 * settings as the bot (but Bolt's own HTTP transport), doing the least a slash command and a button
 * can do. Whatever the bot costs
 * beyond this is the bot's own work (payload checks, Redis, rendering, bigger Slack calls).
 */
import type { Server } from 'node:http';
import { App, type BlockAction, type Logger, LogLevel } from '@slack/bolt';
import { createSlackFetch } from '../src/slack/slackFetch.js';
import { type LogCounts, remember } from './logCounts.js';

/** A Bolt logger that prints nothing and counts warnings and errors. */
function countingLogger(counts: LogCounts): Logger {
  let level = LogLevel.WARN;
  let name = 'baseline';
  const note = (kind: 'warn' | 'error', messages: unknown[]) => {
    counts[kind] += 1;
    remember(counts, `${name} ${kind}: ${messages.map(String).join(' ')}`);
  };
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...messages: unknown[]) => note('warn', messages),
    error: (...messages: unknown[]) => note('error', messages),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

export interface BaselineOptions {
  botToken: string;
  signingSecret: string;
  slackApiUrl: string;
  logs: LogCounts;
}

export interface RunningBaseline {
  port: number;
  stop(): Promise<void>;
}

export async function startBaseline(options: BaselineOptions): Promise<RunningBaseline> {
  const app = new App({
    token: options.botToken,
    signingSecret: options.signingSecret,
    logger: countingLogger(options.logs),
    logLevel: LogLevel.WARN,
    clientOptions: {
      slackApiUrl: options.slackApiUrl,
      // The same retry settings as the bot's client.
      retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
      // Bolt's own transport (Node's fetch) unless BENCH_BASELINE_TRANSPORT=bot: then the bot's
      // (src/slack/slackFetch.ts), to compare the rest of the work like for like.
      ...(process.env.BENCH_BASELINE_TRANSPORT === 'bot' ? { fetch: createSlackFetch() } : {}),
    },
  });

  app.command('/wintro', async ({ command, ack, client }) => {
    await ack({ response_type: 'ephemeral', text: 'Baseline: the setup continues in a direct message.' });
    await client.chat.postMessage({ channel: command.user_id, text: 'Baseline: step 1.' });
  });

  app.action(/^(flow|pick)\./, async ({ ack, body, client }) => {
    await ack();
    const action = body as BlockAction;
    await client.chat.update({
      channel: action.channel?.id ?? action.container?.channel_id ?? '',
      ts: action.message?.ts ?? action.container?.message_ts ?? '',
      text: 'Baseline: next step.',
    });
  });

  app.error(async (error) => {
    options.logs.error += 1;
    remember(options.logs, `baseline listener error: ${error.message}`);
  });

  const server = (await app.start(0)) as Server;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, stop: () => app.stop().then(() => undefined) };
}
