import { personioEmployeesMessages } from './employeesMessages.js';
import { personioRecruitingMessages } from './recruitingMessages.js';

/** English words of Personio: the question which data to link, and both kinds of credentials. */
export const personioMessages = {
  name: 'Personio',
  question: 'Which Personio data should Wintro read? Each needs different credentials.',
  variants: {
    recruiting: {
      label: 'Recruiting data',
      description:
        'Applications from Personio Recruiting. Uses the *Recruiting API key* Personio already made for you: nothing to generate.',
    },
    employees: {
      label: 'Employee data',
      description:
        'Employee records from Personio HR. You generate an API credential for Wintro and choose which employee attributes it may read.',
    },
  },
  recruiting: personioRecruitingMessages,
  employees: personioEmployeesMessages,
} as const;
