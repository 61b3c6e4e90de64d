import { existsSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { connectRedis, redisTargetOf } from '../store/redis.js';

interface ToolRun<Need> {
  config: Config;
  /** What the tool needs besides Redis, as `needs` found it in the configuration. */
  need: Need;
  redis: Redis;
  logger: Logger;
}

/**
 * Runs an operator's command on the bot's Redis, with the bot's own environment (and .env). Without
 * Redis or what `needs` looks for it stops with `missing`; a refused configuration prints its
 * problems, any other failure "<doing> failed: <why>", and both exit 1.
 */
export function runRedisTool<Need>(
  doing: string,
  needs: (config: Config) => Need | undefined,
  missing: string,
  work: (run: ToolRun<Need>) => Promise<void>,
): void {
  const main = async () => {
    if (existsSync('.env')) process.loadEnvFile('.env');
    const config = loadConfig();
    const target = redisTargetOf(config);
    const need = needs(config);
    if (!target || need === undefined) throw new Error(missing);
    const logger = createLogger(config.logLevel);
    const redis = await connectRedis(target, logger);
    try {
      await work({ config, need, redis, logger });
    } finally {
      await redis.quit();
    }
  };
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `${doing} failed: ${(error as Error).message}`}\n`,
    );
    process.exit(1);
  });
}
