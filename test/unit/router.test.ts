import { describe, expect, it, vi } from 'vitest';
import {
  actionRoute,
  commandRoute,
  eventRoute,
  formRoute,
  type RouteArgs,
  routeRequests,
} from '../../src/listeners/router.js';

/** Bolt's arguments for a request, as its `processEvent` builds them for the global middleware. */
const argsOf = (fields: Record<string, unknown>) => {
  const next = vi.fn(async () => undefined);
  return { args: { context: {}, next, ...fields } as unknown as RouteArgs, next };
};

const command = (name: string) => argsOf({ body: { command: name }, command: { command: name } });
const click = (actionId: string, type = 'block_actions') =>
  argsOf({ body: { type, actions: [{ action_id: actionId }] }, action: { action_id: actionId } });
const form = (callbackId: string, type = 'view_submission') =>
  argsOf({ body: { type, view: { callback_id: callbackId } }, view: { callback_id: callbackId } });
const event = (type: string) =>
  argsOf({ body: { type: 'event_callback', event: { type } }, event: { type } });

function router() {
  const heard: string[] = [];
  const listener = (name: string) => async () => {
    heard.push(name);
  };
  const route = routeRequests([
    commandRoute('/wintro', listener('command')),
    actionRoute(/^flow\./, listener('action')),
    formRoute(new Set(['wintro.credentials']), listener('form')),
    eventRoute(new Set(['app_home_opened']), listener('event')),
  ]);
  return { route, heard };
}

describe('the request router', () => {
  it.each([
    ['the command', command('/wintro'), 'command'],
    ['a button of ours', click('flow.next'), 'action'],
    ['a form of ours, submitted', form('wintro.credentials'), 'form'],
    ['an event it listens to', event('app_home_opened'), 'event'],
  ])('hands %s to its listener and no further', async (_name, { args, next }, listener) => {
    const { route, heard } = router();
    await route(args);
    expect(heard).toEqual([listener]);
    expect(next).not.toHaveBeenCalled();
  });

  it.each([
    ['another command', command('/other')],
    ['a button of another namespace', click('other.next')],
    ['a legacy attachment button with a matching name', click('flow.next', 'interactive_message')],
    ['a form of ours closed, not submitted', form('wintro.credentials', 'view_closed')],
    ['a form it does not know', form('someone.else')],
    ['an event it does not listen to', event('message')],
    ['an event without a type', argsOf({ body: { type: 'event_callback', event: {} }, event: {} })],
    ['a shortcut', argsOf({ body: { type: 'shortcut', callback_id: 'x' }, shortcut: {} })],
  ])('passes %s on to Bolt, untouched', async (_name, { args, next }) => {
    const { route, heard } = router();
    await route(args);
    expect(heard).toEqual([]);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('lets a listener error reach Bolt, which reports it', async () => {
    const failing = routeRequests([
      commandRoute('/wintro', async () => {
        throw new Error('listener failed');
      }),
    ]);
    await expect(failing(command('/wintro').args)).rejects.toThrow('listener failed');
  });
});
