import type { Redis } from 'ioredis';

type Commands = Record<string, (...args: string[]) => Promise<unknown>>;

/**
 * Runs a Lua script as a command of the client, registered under `name` at its first use: ioredis
 * then sends it by its SHA, and a `MULTI` would cost the client more for the same single step.
 * `args` are the keys (the first `keyCount`), then the script's arguments.
 */
export function runScript(
  redis: Redis,
  name: string,
  keyCount: number,
  lua: string,
  args: string[],
): Promise<unknown> {
  if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: keyCount, lua });
  const command = (redis as unknown as Commands)[name] as Commands[string];
  return command.call(redis, ...args);
}
