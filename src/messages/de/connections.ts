import type { connections as english } from '../en/connections.js';
import type { CatalogShape } from '../shape.js';

/** German messages of the hand-over of linked connections to Wintro (see ../en/connections.ts). */
export const connections = {
  connections: {
    handover: {
      pending: ':hourglass_flowing_sand: Die Verbindung wird an Wintro übergeben…',
      delivered:
        ':white_check_mark: Wintro hat die Verbindung übernommen: Die Synchronisierung aus {{system}} kann beginnen.',
      failed:
        ':warning: Die Verbindung ist geprüft, aber noch nicht bei Wintro: Wintro konnte sie nicht übernehmen. Das Wintro-Team ist informiert und meldet sich, falls {{system}} erneut verbunden werden muss.',
    },
    status: {
      pending: 'wird an Wintro übergeben…',
      delivered: 'bei Wintro angekommen',
      failed: 'geprüft, aber noch nicht bei Wintro (das Wintro-Team ist informiert)',
    },
    failedDm: {
      text: '{{system}} ist geprüft, aber noch nicht bei Wintro',
      body: ':warning: *{{system}} ist geprüft, aber noch nicht bei Wintro.* Wintro konnte die Verbindung nicht übernehmen. Das Wintro-Team ist informiert und meldet sich, falls {{system}} erneut verbunden werden muss.',
    },
    failedChannel: {
      text: '{{system}}, verbunden von <@{{user}}>, ist noch nicht bei Wintro',
      body: ':warning: *{{system}}*, verbunden von <@{{user}}>, ist geprüft, aber noch nicht bei Wintro: Wintro konnte die Verbindung nicht übernehmen. Das Wintro-Team ist informiert.',
    },
  },
} as const satisfies CatalogShape<typeof english>;
