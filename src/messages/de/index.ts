import type { Catalog } from '../shape.js';
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

/** The German catalog: the same areas and ids as the English one (../en/index.ts), in formal German. */
export const de = {
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
} as const satisfies Catalog;
