import { greenhouseMessagesDe } from '../../systems/greenhouse/messages.de.js';
import { commonMessagesDe } from '../../systems/messages.de.js';
import { personioMessagesDe } from '../../systems/personio/messages.de.js';
import { recruiteeMessagesDe } from '../../systems/recruitee/messages.de.js';
import { workableMessagesDe } from '../../systems/workable/messages.de.js';
import type { systems as english } from '../en/systems.js';
import type { CatalogShape } from '../shape.js';

/** German messages of the systems area (see ../en/systems.ts): each vendor's words live in its own folder. */
export const systems = {
  systems: {
    common: commonMessagesDe,
    greenhouse: greenhouseMessagesDe,
    personio: personioMessagesDe,
    recruitee: recruiteeMessagesDe,
    workable: workableMessagesDe,
  },
} as const satisfies CatalogShape<typeof english>;
