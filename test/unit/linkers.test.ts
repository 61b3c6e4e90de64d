import type { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';
import { describe, expect, it } from 'vitest';
import type { Linkers } from '../../src/config.js';
import { LinkerPolicy } from '../../src/connections/linkers.js';
import type { SlackGateway } from '../../src/slack/gateway.js';
import { keyScheme } from '../../src/store/keys.js';

let run = 0;

/** Slack as the policy asks it: who is an admin, who is in which group, and how often it was asked. */
function slackAnswering(answers: {
  admins?: string[];
  groups?: Record<string, string[]>;
  failing?: boolean;
}) {
  const asked = { admin: 0, group: 0 };
  const slack = {
    async isWorkspaceAdmin(userId: string) {
      asked.admin += 1;
      if (answers.failing) throw new Error('slack_webapi_platform_error');
      return (answers.admins ?? []).includes(userId);
    },
    async usergroupMembers(groupId: string) {
      asked.group += 1;
      if (answers.failing) throw new Error('slack_webapi_platform_error');
      return answers.groups?.[groupId] ?? [];
    },
  } as unknown as SlackGateway;
  return { slack, asked };
}

const policy = (linkers: Linkers, redis = new RedisMock() as unknown as Redis) =>
  new LinkerPolicy(redis, keyScheme(`linkers${++run}`), linkers);

describe('who may link (WINTRO_LINKERS)', () => {
  it('anyone: everyone, without asking Slack', async () => {
    const { slack, asked } = slackAnswering({ failing: true });
    expect(await policy({ kind: 'anyone' }).decide(slack, 'T1', 'U1')).toEqual({ ok: true });
    expect(asked).toEqual({ admin: 0, group: 0 });
  });

  it('admins: admins and owners may, members may not; each answer is asked once and kept', async () => {
    const { slack, asked } = slackAnswering({ admins: ['U0ADMIN'] });
    const admins = policy({ kind: 'admins' });
    expect(await admins.decide(slack, 'T1', 'U0ADMIN')).toEqual({ ok: true });
    expect(await admins.decide(slack, 'T1', 'U0ADMIN')).toEqual({ ok: true });
    expect(await admins.decide(slack, 'T1', 'U0MEMBER')).toEqual({
      ok: false,
      reason: 'not_allowed',
      linkers: { kind: 'admins' },
      examples: ['U0ADMIN'],
    });
    expect(await admins.decide(slack, 'T1', 'U0MEMBER')).toMatchObject({ ok: false });
    expect(asked.admin).toBe(2);
    // Once Slack named an admin, a refusal names them as someone to ask; never across workspaces.
    expect(await admins.decide(slack, 'T1', 'U0NEW')).toMatchObject({ examples: ['U0ADMIN'] });
    expect(await admins.decide(slack, 'T2', 'U0NEW')).not.toHaveProperty('examples');
  });

  it('a user group: its members only; the member list is asked once per workspace and kept', async () => {
    const { slack, asked } = slackAnswering({ groups: { S0HR: ['U1', 'U2'] } });
    const group = policy({ kind: 'group', groupId: 'S0HR' });
    expect(await group.decide(slack, 'T1', 'U1')).toEqual({ ok: true });
    expect(await group.decide(slack, 'T1', 'U2')).toEqual({ ok: true });
    expect(await group.decide(slack, 'T1', 'U3')).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(asked.group).toBe(1);
    // Another workspace has its own members.
    await group.decide(slack, 'T2', 'U1');
    expect(asked.group).toBe(2);
  });

  it('Slack failing: neither allowed nor refused, and nothing kept, so the next try asks again', async () => {
    const failing = slackAnswering({ failing: true });
    const redis = new RedisMock() as unknown as Redis;
    const admins = policy({ kind: 'admins' }, redis);
    expect(await admins.decide(failing.slack, 'T1', 'U0ADMIN')).toEqual({ ok: false, reason: 'unknown' });
    const working = slackAnswering({ admins: ['U0ADMIN'] });
    expect(await admins.decide(working.slack, 'T1', 'U0ADMIN')).toEqual({ ok: true });
  });
});
