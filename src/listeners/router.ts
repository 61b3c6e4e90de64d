import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

/** What a route is handed: Bolt's arguments for the request, as a global middleware gets them. */
export type RouteArgs = AnyMiddlewareArgs & AllMiddlewareArgs;

/** Runs the request's listener when the request is the route's, else says it is not (undefined). */
export type Route = (args: RouteArgs) => Promise<void> | undefined;

/** A command of this name (Bolt's `app.command(name)`). */
export function commandRoute(name: string, listener: Middleware<SlackCommandMiddlewareArgs>): Route {
  return (args) =>
    'command' in args && args.command?.command === name
      ? listener(args as SlackCommandMiddlewareArgs & AllMiddlewareArgs)
      : undefined;
}

/** A block action whose action id matches (Bolt's `app.action(pattern)`). */
export function actionRoute(pattern: RegExp, listener: Middleware<SlackActionMiddlewareArgs>): Route {
  return (args) => {
    if (!('action' in args) || !args.action || args.body.type !== 'block_actions') return undefined;
    const actionId = 'action_id' in args.action ? args.action.action_id : undefined;
    return typeof actionId === 'string' && pattern.test(actionId)
      ? listener(args as SlackActionMiddlewareArgs & AllMiddlewareArgs)
      : undefined;
  };
}

/** A form submitted whose callback id is one of these (Bolt's `app.view(callbackId)`). */
export function formRoute(callbackIds: Set<string>, listener: Middleware<SlackViewMiddlewareArgs>): Route {
  return (args) =>
    'view' in args &&
    args.body.type === 'view_submission' &&
    typeof args.view?.callback_id === 'string' &&
    callbackIds.has(args.view.callback_id)
      ? listener(args as SlackViewMiddlewareArgs & AllMiddlewareArgs)
      : undefined;
}

/** An event of one of these types (Bolt's `app.event(type)`); Bolt has acknowledged it already. */
export function eventRoute(types: Set<string>, listener: Middleware<SlackEventMiddlewareArgs>): Route {
  return (args) =>
    'event' in args && typeof args.event?.type === 'string' && types.has(args.event.type)
      ? listener(args as SlackEventMiddlewareArgs & AllMiddlewareArgs)
      : undefined;
}

/**
 * Hands each request to the first route it is for, as one global middleware. Bolt runs every
 * registered listener's middleware chain on every request (a copy of the chain, its matchers, a
 * copy of the arguments for each): routing here costs a request none of that. A request no route
 * is for goes on to Bolt, which treats it as it treats any request nobody listens to.
 */
export function routeRequests(routes: Route[]): Middleware<AnyMiddlewareArgs> {
  return (args) => {
    for (const route of routes) {
      const handled = route(args);
      if (handled) return handled;
    }
    return args.next();
  };
}
