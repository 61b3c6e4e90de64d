import { ConfigError, loadConfig } from '../../src/config.js';

/** The two settings the bot cannot start without. */
export const MINIMAL_ENV = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

/** What loadConfig refuses in these settings, each problem as it words it; none when it accepts them. */
export function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
