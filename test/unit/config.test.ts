import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { SYSTEM_SETTINGS } from '../../src/systems/catalog.js';

const minimal = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('config', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(minimal);
    expect(config.port).toBe(3000);
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.systems).toEqual(
      Object.fromEntries(SYSTEM_SETTINGS.map((setting) => [setting.name, setting.default])),
    );
    expect(config.redisUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('names every missing or invalid variable at once', () => {
    const problems = problemsOf({ PORT: 'abc', REDIS_URL: 'redis://x', WINTRO_NOTIFY_CHANNEL: '#general' });
    const names = problems.map((problem) => problem.split(' ')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
        'PORT',
        'WINTRO_ENCRYPTION_KEY',
        'WINTRO_NOTIFY_CHANNEL',
      ]),
    );
  });

  it('takes Socket Mode instead of a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-abc' }).slack.appToken).toBe(
      'xapp-1-abc',
    );
  });

  it('checks the encryption key is 32 bytes of base64', () => {
    expect(problemsOf({ ...minimal, WINTRO_ENCRYPTION_KEY: 'short' })[0]).toMatch(
      /^WINTRO_ENCRYPTION_KEY must be 32 bytes/,
    );
    const key = randomBytes(32).toString('base64');
    expect(loadConfig({ ...minimal, WINTRO_ENCRYPTION_KEY: key }).encryptionKey?.length).toBe(32);
  });

  it('does not echo a secret value in its messages', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'not-a-token-s3cr3t', SLACK_SIGNING_SECRET: 'x' });
    expect(problems.join(' ')).not.toContain('s3cr3t');
  });

  describe('settings the systems declare', () => {
    it('are named once each', () => {
      const names = SYSTEM_SETTINGS.map((setting) => setting.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.length).toBeGreaterThan(0);
    });

    it('take what the operator set, tidied by the setting itself', () => {
      for (const setting of SYSTEM_SETTINGS) {
        const value = `  ${setting.default}  `;
        expect(loadConfig({ ...minimal, [setting.name]: value }).systems[setting.name]).toBe(
          setting.schema.parse(value),
        );
      }
    });

    it('are reported by name with every other problem, in their own words', () => {
      for (const setting of SYSTEM_SETTINGS) {
        const checked = setting.schema.safeParse('');
        if (checked.success) continue;
        const problems = problemsOf({ PORT: 'abc', [setting.name]: '' });
        expect(problems).toContain(`${setting.name} ${checked.error.issues[0]?.message}`);
        expect(problems.map((problem) => problem.split(' ')[0])).toEqual(
          expect.arrayContaining(['SLACK_BOT_TOKEN', 'PORT']),
        );
      }
    });
  });
});
