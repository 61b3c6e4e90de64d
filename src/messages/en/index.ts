import { blocks } from './blocks.js';
import { flows } from './flows.js';
import { systems } from './systems.js';

/** The English catalog: one file per area of the bot, merged under their own namespaces. */
export const en = { ...flows, ...blocks, ...systems } as const;
