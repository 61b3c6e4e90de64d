import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | undefined;

/**
 * The default process metrics (CPU, memory, event loop lag, GC, handles), collected once per
 * process in a registry of their own: they describe the process, however many bot instances it
 * runs, and collecting them per instance would add an event-loop monitor and a GC observer each.
 */
export function processRegistry(): Registry {
  if (!shared) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
