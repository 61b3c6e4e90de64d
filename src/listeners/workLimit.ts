/**
 * Runs at most `limit` pieces of work at once; the others wait their turn, in order. A click or a
 * command is acknowledged early and handled after, so nothing else bounds how many are handled at
 * once: under a burst, thousands would each hold their request, their Slack calls and a Redis
 * command in flight, memory would run out, the garbage collector would spend its time on work that
 * is merely waiting, and the event loop would read Redis's answers too late for their timeout.
 * Taken before the acknowledgement, a place makes a burst wait its turn before it is acknowledged.
 * No one waits longer than `maxWaitMs` (Slack's window for the acknowledgement is 3 seconds): after
 * that the work starts anyway, over the limit, and the next freed place goes to whoever waits.
 */
export function workLimit(limit: number, maxWaitMs = Number.POSITIVE_INFINITY) {
  let running = 0;
  const waiting: { start: () => void; timer?: ReturnType<typeof setTimeout> }[] = [];

  const startWaiting = () => {
    while (running < limit && waiting.length > 0) {
      const next = waiting.shift() as (typeof waiting)[number];
      clearTimeout(next.timer);
      running += 1;
      next.start();
    }
  };

  const turn = () =>
    new Promise<void>((resolve) => {
      const entry: (typeof waiting)[number] = { start: resolve };
      if (Number.isFinite(maxWaitMs)) {
        entry.timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          running += 1;
          resolve();
        }, maxWaitMs);
      }
      waiting.push(entry);
    });

  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < limit && waiting.length === 0) running += 1;
    else await turn();
    try {
      return await work();
    } finally {
      running -= 1;
      startWaiting();
    }
  };
}
