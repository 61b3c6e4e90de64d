import type { limits as english } from '../en/limits.js';
import type { CatalogShape } from '../shape.js';

/** German messages of the abuse limits (see ../en/limits.ts). */
export const limits = {
  limits: {
    helpPerSetup:
      'Sie haben in der letzten Stunde 3-mal um Hilfe bei dieser Einrichtung gebeten. Sie können {{when}} wieder fragen; bis dahin können Sie die Einrichtung selbst fortsetzen.',
    helpPerPerson:
      'Sie haben am letzten Tag 10 Bitten um Hilfe gesendet. Sie können {{when}} wieder fragen; bis dahin können Sie die Einrichtung selbst fortsetzen.',
    requestDmsPerColleague:
      '<@{{colleague}}> hat bereits 3 Nachrichten zu dieser Einrichtung erhalten, daher sende ich keine weitere. Fragen Sie jemand anderen oder sprechen Sie die Person direkt an.',
    requestDmsPerColleagueSent:
      'Ich habe Ihre Anfrage nicht an <@{{colleague}}> gesendet: Die Person hat bereits 3 Nachrichten zu dieser Einrichtung erhalten. Fragen Sie jemand anderen oder sprechen Sie die Person direkt an.',
    checksPerSetup:
      'Diese Zugangsdaten wurden in der letzten Stunde 10-mal geprüft, so oft wie bei einer Einrichtung höchstens möglich. Sie können {{when}} erneut prüfen. Ihre Eingaben bleiben erhalten.',
    checksPerWorkspace:
      'In diesem Workspace wurden in der letzten Stunde 30-mal Zugangsdaten geprüft, so oft wie Wintro höchstens zulässt, damit niemand damit Zugangsdaten durchprobieren kann. Sie können {{when}} erneut prüfen. Ihre Eingaben bleiben erhalten.',
    setupsPerPerson:
      'Sie haben am letzten Tag 20 Einrichtungen begonnen, so viele wie eine Person höchstens kann. Sie können {{when}} eine weitere beginnen. Ihre laufenden Einrichtungen gehen weiter: `/wintro status` zeigt sie.',
    when: {
      minutes_one: 'in einer Minute',
      minutes_other: 'in {{count}} Minuten',
      hours_one: 'in etwa einer Stunde',
      hours_other: 'in etwa {{count}} Stunden',
    },
  },
} as const satisfies CatalogShape<typeof english>;
