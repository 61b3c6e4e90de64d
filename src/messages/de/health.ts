import type { health as english } from '../en/health.js';
import type { CatalogShape } from '../shape.js';

/** German messages of a linked connection's health (see ../en/health.ts). */
export const health = {
  health: {
    broken: {
      dmText: '{{system}} funktioniert für Wintro nicht mehr',
      dm: ':warning: *{{system}} funktioniert für Wintro nicht mehr.* Als ich die Verbindung erneut geprüft habe, hat {{vendor}} geantwortet:\n*{{title}}*\n{{detail}}',
      dmOutro:
        'Bis das behoben ist, kann Wintro nicht aus {{system}} synchronisieren. *Beheben* führt Sie durch die erneute Verbindung, direkt zu dem Schritt, der das behebt; die bisherige Verbindung bleibt bestehen, bis die neuen Zugangsdaten geprüft sind.',
      fixButton: 'Beheben',
      channelText: '{{system}}, verbunden von <@{{user}}>, funktioniert für Wintro nicht mehr',
      channel:
        ':warning: *{{system}}*, verbunden von <@{{user}}>, funktioniert für Wintro nicht mehr: {{title}}. <@{{user}}> weiß Bescheid, wie es sich beheben lässt.',
    },
    restored: {
      dmText: '{{system}} funktioniert wieder',
      dm: ':white_check_mark: *{{system}} funktioniert wieder* für Wintro: Die letzte Prüfung war erfolgreich.',
      relinkedDm:
        ':white_check_mark: *{{system}} funktioniert wieder* für Wintro: <@{{user}}> hat es erneut verbunden.',
      channelText: '{{system}} funktioniert wieder für Wintro',
      channel: ':white_check_mark: *{{system}}* funktioniert wieder für Wintro.',
    },
    expired: {
      title: 'Die {{system}}-Zugangsdaten sind abgelaufen',
      detail:
        'Sie waren bis zum {{day}} gültig. Erstellen Sie neue Zugangsdaten in {{vendor}} und verbinden Sie {{system}} damit erneut.',
    },
    renew: {
      button: 'Jetzt erneuern',
      continuesInDm:
        'Erneuern wir die {{system}}-Zugangsdaten: Die Einrichtung geht in Ihrer Direktnachricht mit mir weiter.',
    },
    status: {
      broken: ':warning: gestört seit {{when}}: {{title}}',
    },
    fix: {
      continuesInDm: 'Beheben wir {{system}}: Die Einrichtung geht in Ihrer Direktnachricht mit mir weiter.',
      noLongerWorks:
        'Diese Schaltfläche funktioniert nicht mehr. Um ein System erneut zu verbinden: `/wintro link`.',
      unlinked:
        '{{system}} ist nicht mehr verbunden, es gibt also nichts zu beheben. Zum Verbinden: `/wintro link {{word}}`.',
      replaced:
        '{{system}} wurde inzwischen von <@{{user}}> erneut verbunden: Die Verbindung, um die es bei dieser Schaltfläche ging, wird nicht mehr verwendet, die neue ist aktiv.',
      working: '{{system}} funktioniert wieder: Es gibt nichts zu beheben.',
    },
  },
} as const satisfies CatalogShape<typeof english>;
