import { blocks } from './blocks.js';
import { connections } from './connections.js';
import { flows } from './flows.js';
import { health } from './health.js';
import { installations } from './installations.js';
import { languages } from './languages.js';
import { lifecycle } from './lifecycle.js';
import { limits } from './limits.js';
import { metrics } from './metrics.js';
import { systems } from './systems.js';

/** The English catalog: one file per area of the bot, merged under their own namespaces. */
export const en = {
  ...flows,
  ...installations,
  ...blocks,
  ...systems,
  ...connections,
  ...lifecycle,
  ...health,
  ...limits,
  ...metrics,
  ...languages,
} as const;
