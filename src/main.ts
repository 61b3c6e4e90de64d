import { existsSync } from 'node:fs';
import { createWintroApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main() {
  // Variables already set in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md and .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  const bot = await createWintroApp(config);
  await bot.start();
  const shutdown = (signal: string) => {
    bot.logger.info({ signal }, 'Received shutdown signal');
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Wintro bot could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
