import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { SYSTEM_SETTINGS } from '../../src/systems/catalog.js';
import { configProblems, MINIMAL_ENV } from '../support/config.js';

describe('config', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(MINIMAL_ENV);
    expect(config.port).toBe(3000);
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.systems).toEqual(
      Object.fromEntries(SYSTEM_SETTINGS.map((setting) => [setting.name, setting.default])),
    );
    expect(config.redisUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('names every missing or invalid variable at once', () => {
    const problems = configProblems({
      PORT: 'abc',
      REDIS_URL: 'redis://x',
      WINTRO_NOTIFY_CHANNEL: '#general',
    });
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
    expect(configProblems({ ...MINIMAL_ENV, WINTRO_ENCRYPTION_KEY: 'short' })[0]).toMatch(
      /^WINTRO_ENCRYPTION_KEY must be 32 bytes/,
    );
    const key = randomBytes(32).toString('base64');
    expect(loadConfig({ ...MINIMAL_ENV, WINTRO_ENCRYPTION_KEY: key }).encryptionKey?.length).toBe(32);
  });

  it('does not echo a secret value in its messages', () => {
    const problems = configProblems({ SLACK_BOT_TOKEN: 'not-a-token-s3cr3t', SLACK_SIGNING_SECRET: 'x' });
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
        expect(loadConfig({ ...MINIMAL_ENV, [setting.name]: value }).systems[setting.name]).toBe(
          setting.schema.parse(value),
        );
      }
    });

    it('are reported by name with every other problem, in their own words', () => {
      for (const setting of SYSTEM_SETTINGS) {
        const checked = setting.schema.safeParse('');
        if (checked.success) continue;
        const problems = configProblems({ PORT: 'abc', [setting.name]: '' });
        expect(problems).toContain(`${setting.name} ${checked.error.issues[0]?.message}`);
        expect(problems.map((problem) => problem.split(' ')[0])).toEqual(
          expect.arrayContaining(['SLACK_BOT_TOKEN', 'PORT']),
        );
      }
    });
  });
});
