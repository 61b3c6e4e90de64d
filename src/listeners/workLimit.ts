/**
 * Runs at most `limit` pieces of work at once; the others wait their turn, in order. A click is
 * acknowledged at once and handled after, so nothing else bounds how many are handled at once:
 * under a burst, thousands would each hold their request and a Redis command in flight, memory
 * would run out and the event loop would read Redis's answers too late for their 1-second timeout.
 * Taken before the acknowledgement, a place makes a burst wait its turn before it is acknowledged.
 */
export function workLimit(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // A slot freed goes straight to the next in line.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
