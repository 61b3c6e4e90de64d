import type { CatalogShape } from '../messages/shape.js';
import type { commonMessages } from './messages.js';

/** German words every vendor shares (see ./messages.ts). */
export const commonMessagesDe = {
  outcome: {
    timeout: {
      title: '{{vendor}} hat nicht rechtzeitig geantwortet',
      detail:
        '{{vendor}} hat zu lange für die Antwort gebraucht, daher wurde nichts geprüft. Das ist meist nur kurz so: Versuchen Sie es in einer Minute erneut. Ihre Eingaben bleiben erhalten.',
    },
    unreachable: {
      title: 'Wintro konnte {{vendor}} nicht erreichen',
      detail:
        'Die Verbindung zu {{vendor}} ist fehlgeschlagen, daher wurde nichts geprüft. Versuchen Sie es in einer Minute erneut. Wenn es weiter fehlschlägt, sehen Sie auf der Statusseite von {{vendor}} nach.',
    },
    vendorError: {
      title: '{{vendor}} hatte ein Problem',
      detail:
        'Wir konnten die Prüfung nicht abschließen, weil {{what}}. Soweit wir sehen, ist mit Ihren Eingaben alles in Ordnung: Versuchen Sie es in einer Minute erneut.',
    },
    rateLimited: {
      title: '{{vendor}} hat uns gebeten, langsamer zu machen',
      why: '{{vendor}} begrenzt, wie oft es aufgerufen werden kann.',
      detail: '{{why}} Versuchen Sie es in {{seconds}} Sekunden erneut; Ihre Eingaben bleiben erhalten.',
    },
  },
  /** What went wrong, completing "Wir konnten die Prüfung nicht abschließen, weil …". */
  because: {
    tooLarge: 'die Antwort viel größer war als erwartet',
    serverError: 'die Antwort ein Fehler war ({{status}})',
    noAccessToken: 'die Antwort kein Zugriffstoken enthielt',
    refusedOwnToken: 'ein gerade ausgestelltes Token gleich danach abgelehnt wurde',
    unexpectedSignIn: 'die Anmeldung mit einem unerwarteten Status beantwortet wurde ({{status}})',
  },
  /** Linking in one click through the vendor's approval page: the DM and the page the browser lands on. */
  authorization: {
    linkUsed: {
      title: 'Dieser Freigabelink wurde bereits verwendet oder ist abgelaufen',
      detail:
        'Jede Verbinden-Schaltfläche funktioniert einmal und eine Stunde lang, daher wurde nichts verbunden. Klicken Sie unten auf die neue Schaltfläche *{{button}}*.',
    },
    page: {
      title: 'Wintro',
      linked:
        '{{system}} ist mit Wintro verbunden. Sie können diesen Tab schließen und zu Slack zurückkehren.',
      alreadyLinked: '{{system}} ist bereits mit Wintro verbunden. Sie können diesen Tab schließen.',
      ended:
        'Diese Einrichtung ist bereits beendet, daher wurde nichts verbunden. Sie können diesen Tab schließen; in Slack steht, wie Sie neu beginnen.',
      denied:
        'Sie haben Wintro nicht freigegeben, daher wurde nichts verbunden. Sie können diesen Tab schließen; für einen neuen Versuch verwenden Sie die neue Schaltfläche in Ihrer Slack-Direktnachricht mit Wintro.',
      linkUsed:
        'Dieser Freigabelink wurde bereits verwendet oder ist abgelaufen, daher wurde nichts verbunden. Sie können diesen Tab schließen und die neue Schaltfläche in Ihrer Slack-Direktnachricht mit Wintro verwenden.',
      invalid:
        'Dieser Freigabelink ist ungültig, daher wurde nichts verbunden. Sie können diesen Tab schließen und in Slack mit /wintro link {{word}} neu beginnen.',
      failed:
        'Es wurde nichts verbunden: {{title}}. Sie können diesen Tab schließen; in Ihrer Slack-Direktnachricht mit Wintro steht, was als Nächstes zu tun ist.',
      unavailable:
        'Wintro ist kurz nicht erreichbar, daher wurde nichts verbunden. Bitte versuchen Sie es in einer Minute erneut aus Ihrer Slack-Direktnachricht mit Wintro.',
    },
  },
  /** `looksLike` is a noun phrase: what the field should hold. */
  field: {
    empty: 'Fügen Sie hier „{{label}}“ ein. Erwartet wird {{looksLike}}.',
    spaces: '„{{label}}“ enthält keine Leerzeichen oder Zeilenumbrüche. Erwartet wird {{looksLike}}.',
    tooLong: 'Das ist zu lang für „{{label}}“. Erwartet wird {{looksLike}}.',
    mismatch: 'Das sieht nicht nach „{{label}}“ aus. Erwartet wird {{looksLike}}.',
  },
} as const satisfies CatalogShape<typeof commonMessages>;
