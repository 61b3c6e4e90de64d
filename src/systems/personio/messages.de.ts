import type { CatalogShape } from '../../messages/shape.js';
import { personioEmployeesMessagesDe } from './employeesMessages.de.js';
import type { personioMessages } from './messages.js';
import { personioRecruitingMessagesDe } from './recruitingMessages.de.js';

/** German words of Personio: the question which data to link, and both kinds of credentials (see ./messages.ts). */
export const personioMessagesDe = {
  name: 'Personio',
  question: 'Welche Personio-Daten soll Wintro lesen? Dafür sind jeweils andere Zugangsdaten nötig.',
  variants: {
    recruiting: {
      label: 'Recruiting-Daten',
      description:
        'Bewerbungen aus Personio Recruiting. Verwendet den *Recruiting API key* (Recruiting-API-Schlüssel), den Personio schon für Sie erstellt hat: Sie müssen nichts erzeugen.',
    },
    employees: {
      label: 'Personaldaten',
      description:
        'Mitarbeiterdaten aus Personio HR. Sie erzeugen API-Zugangsdaten für Wintro und wählen, welche Mitarbeitendenattribute Wintro lesen darf.',
    },
  },
  recruiting: personioRecruitingMessagesDe,
  employees: personioEmployeesMessagesDe,
} as const satisfies CatalogShape<typeof personioMessages>;
