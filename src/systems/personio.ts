import { personioEmployees } from './personioEmployees.js';
import { personioRecruiting } from './personioRecruiting.js';
import type { SystemFamily } from './types.js';

export { personioEmployees } from './personioEmployees.js';
export { personioRecruiting } from './personioRecruiting.js';

/**
 * Personio hands out two unrelated kinds of credentials: the system-generated Recruiting API key
 * (applications) and generated API credentials for the Personnel Data API (employees). The admin
 * picks one first; `/wintro link personio recruiting|employees` skips the question.
 */
export const personioFamily: SystemFamily = {
  id: 'personio',
  name: 'Personio',
  aliases: ['personio'],
  question: 'Which Personio data should Wintro read? Each needs different credentials.',
  variants: [
    {
      systemId: personioRecruiting.id,
      label: 'Recruiting data',
      description:
        'Applications from Personio Recruiting. Uses the *Recruiting API key* Personio already made for you: nothing to generate.',
    },
    {
      systemId: personioEmployees.id,
      label: 'Employee data',
      description:
        'Employee records from Personio HR. You generate an API credential for Wintro and choose which employee attributes it may read.',
    },
  ],
};
