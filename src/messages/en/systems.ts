import { greenhouseMessages } from '../../systems/greenhouse/messages.js';
import { commonMessages } from '../../systems/messages.js';
import { personioMessages } from '../../systems/personio/messages.js';
import { recruiteeMessages } from '../../systems/recruitee/messages.js';
import { workableMessages } from '../../systems/workable/messages.js';

/** English messages of the systems area, by id: each vendor's words live in its own folder. */
export const systems = {
  systems: {
    common: commonMessages,
    greenhouse: greenhouseMessages,
    personio: personioMessages,
    recruitee: recruiteeMessages,
    workable: workableMessages,
  },
} as const;
