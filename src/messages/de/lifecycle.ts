import type { lifecycle as english } from '../en/lifecycle.js';
import type { CatalogShape } from '../shape.js';

/** German messages of a connection's life after linking (see ../en/lifecycle.ts). */
export const lifecycle = {
  lifecycle: {
    linkers: {
      checking:
        ':hourglass_flowing_sand: Einen Moment: Ich prüfe bei Slack, wer hier Systeme verbinden darf…',
      notAllowedAdmins:
        'In diesem Workspace können nur Admins und Inhaber des Slack-Workspace Systeme für Wintro verbinden, ersetzen oder trennen, und Sie gehören nicht dazu. Bitten Sie einen Workspace-Admin darum: *Jemanden fragen, der es darf* schickt Ihre Anfrage weiter.',
      notAllowedGroup:
        'In diesem Workspace können nur Mitglieder von <!subteam^{{group}}> Systeme für Wintro verbinden, ersetzen oder trennen, und Sie gehören nicht dazu. Bitten Sie eines der Mitglieder darum: *Jemanden fragen, der es darf* schickt Ihre Anfrage weiter.',
      ask: 'Jemanden fragen, der es darf',
      checkFailed:
        'Ich konnte bei Slack nicht prüfen, ob Sie hier Systeme verbinden dürfen, daher wurde nichts geändert. Klicken Sie gleich auf *Erneut versuchen*.',
      retry: 'Erneut versuchen',
      formNotAllowedAdmins:
        'In diesem Workspace können nur Admins und Inhaber des Slack-Workspace Systeme für Wintro verbinden, und Sie gehören (nicht mehr) dazu. Es wurde nichts geprüft; ein Admin kann diese Einrichtung übernehmen.',
      formNotAllowedGroup:
        'In diesem Workspace können nur Mitglieder der Slack-Benutzergruppe {{group}} Systeme für Wintro verbinden, und Sie gehören (nicht mehr) dazu. Es wurde nichts geprüft; ein Mitglied kann diese Einrichtung übernehmen.',
      formCheckFailed:
        'Ich konnte bei Slack nicht prüfen, ob Sie hier Systeme verbinden dürfen. Klicken Sie gleich noch einmal auf die Schaltfläche: Ihre Eingaben bleiben erhalten.',
      someAdmins: 'Admins, die Wintro hier schon verwendet haben: {{users}}.',
      whoAdmins: 'Admins und Inhaber des Slack-Workspace',
      whoGroup: 'Mitglieder von <!subteam^{{group}}>',
      requestMissing:
        '<@{{asker}}> darf in diesem Workspace keine Systeme mit Wintro verbinden: Das können nur {{who}}. Übernehmen Sie die Einrichtung, um {{system}} selbst zu verbinden.',
    },
    when: {
      date: '<!date^{{seconds}}^{date_short}|{{iso}}>',
    },
    replace: {
      questionText: '{{system}} ist bereits verbunden, von <@{{user}}>',
      question:
        '*{{system}} ist bereits verbunden*, von <@{{user}}> am {{when}}. Letzte Prüfung: {{check}}.\nEine neue Verbindung ersetzt die bisherige. Diese bleibt bestehen, bis die neuen Zugangsdaten geprüft sind.',
      checkWorking: 'funktioniert ({{when}})',
      checkBroken: 'gestört seit {{when}}: {{title}}',
      checkNever: 'seit dem Verbinden nicht erneut geprüft',
      confirm: 'Verbindung zu {{system}} ersetzen',
      keep: 'Beibehalten',
      kept: 'Nichts geändert: {{system}} bleibt verbunden, wie es ist.',
      changed:
        '{{system}} hat sich seit Ihrer Frage geändert: <@{{user}}> hat es erneut verbunden. Geben Sie `/wintro link {{word}}` ein, um den aktuellen Stand zu sehen.',
      gone: '{{system}} ist nicht mehr verbunden. Geben Sie `/wintro link {{word}}` ein, um es zu verbinden.',
      continuesInDm:
        'Das Ersetzen von {{system}} geht in Ihren Direktnachrichten mit Wintro weiter. Die bisherige Verbindung bleibt bestehen, bis die neuen Zugangsdaten geprüft sind.',
      replacedDmText: '<@{{user}}> hat die von Ihnen eingerichtete Verbindung zu {{system}} ersetzt',
      replacedDm:
        ':arrows_counterclockwise: <@{{user}}> hat die von Ihnen eingerichtete Verbindung zu {{system}} ersetzt. Wintro verwendet ab jetzt deren Zugangsdaten; Ihre werden nicht mehr verwendet. {{hint}}',
      noticeText: '<@{{user}}> hat die Verbindung zu {{system}} ersetzt',
      notice:
        ':arrows_counterclockwise: <@{{user}}> hat die Verbindung zu *{{system}}* ersetzt: Wintro verwendet ab jetzt die neuen Zugangsdaten.',
      linkedMeanwhileTitle: '{{system}} wurde von jemand anderem verbunden',
      linkedMeanwhileDetail:
        '<@{{user}}> hat {{system}} verbunden, bevor Ihre Zugangsdaten gespeichert wurden, daher wurden Ihre nicht übernommen (sie waren in Ordnung). Um diese Verbindung zu ersetzen, geben Sie `/wintro link {{word}}` ein und bestätigen Sie.',
    },
    unlink: {
      nothingLinked: 'Es ist kein System verbunden, es gibt also nichts zu trennen.',
      pickText: 'Welche Verbindung soll getrennt werden?',
      pick: '*Welche Verbindung soll getrennt werden?*',
      pickLine: '*{{system}}*: verbunden von <@{{user}}> am {{when}}',
      button: '{{system}} trennen',
      notLinked:
        '{{system}} ist nicht verbunden, es gibt also nichts zu trennen. Mit `/wintro status` sehen Sie alle Systeme.',
      questionText: 'Verbindung zu {{system}} trennen?',
      question:
        '*Verbindung zu {{system}} trennen?* Sie wurde von <@{{user}}> am {{when}} eingerichtet. Wintro synchronisiert dann nicht mehr aus {{system}}, und die gespeicherten Zugangsdaten werden gelöscht.',
      confirm: '{{system}} trennen',
      keep: 'Beibehalten',
      kept: 'Nichts geändert: {{system}} bleibt verbunden.',
      done: ':white_check_mark: Die Verbindung zu {{system}} ist getrennt: Die Zugangsdaten sind hier gelöscht, und Wintro ist informiert.',
      doneHere:
        ':white_check_mark: Die Verbindung zu {{system}} ist getrennt: Die Zugangsdaten sind hier gelöscht.',
      vendorHint:
        'Noch ein Schritt in {{vendor}}: Löschen Sie die API-Zugangsdaten, die Wintro verwendet hat, unter {{path}}.',
      vendorHintGeneric:
        'Noch ein Schritt in {{vendor}}: Löschen Sie die API-Zugangsdaten, die Wintro verwendet hat, in den Einstellungen.',
      already:
        '{{system}} ist nicht mehr verbunden: Die Verbindung wurde bereits getrennt. Es ist nichts zu tun.',
      changed:
        '{{system}} wurde seit Ihrer Frage von <@{{user}}> erneut verbunden. Geben Sie `/wintro unlink {{word}}` ein, um die aktuelle Verbindung zu trennen.',
      noticeText: '<@{{user}}> hat die Verbindung zu {{system}} getrennt',
      notice:
        ':wave: <@{{user}}> hat die Verbindung zu *{{system}}* getrennt: Wintro synchronisiert nicht mehr daraus.',
      help: '`/wintro unlink <system>`: die Verbindung zu einem System trennen (mit Rückfrage); `/wintro unlink` listet sie auf',
    },
    home: {
      title: 'Wintro',
      intro: 'Ihre mit Wintro verbundenen Recruiting- und HR-Systeme und was auf Sie wartet.',
      systems: 'Systeme',
      notLinked: '*{{system}}*: nicht verbunden',
      inProgress: '*{{system}}*: Einrichtung läuft, durch <@{{user}}>',
      linked: '*{{system}}*: verbunden von <@{{user}}> am {{when}}',
      broken: '*{{system}}*: :warning: gestört seit {{when}} ({{title}}); verbunden von <@{{user}}>',
      expires: 'läuft am {{day}} ab',
      link: 'Verbinden',
      replace: 'Ersetzen',
      fix: 'Beheben',
      unlink: 'Trennen',
      yourSetups: 'Ihre laufenden Einrichtungen',
      setupLine: '*{{system}}*: {{phase}}',
      continue: 'Fortfahren',
      requests: 'Anfragen, die auf Sie warten',
      requestLine: '<@{{asker}}> bittet Sie um Hilfe bei *{{system}}*',
      takeOver: 'Übernehmen',
      more_one: '…und {{count}} weitere. Mit `/wintro status` sehen Sie alles.',
      more_other: '…und {{count}} weitere. Mit `/wintro status` sehen Sie alles.',
      nothingWaiting: 'Nichts wartet auf Sie.',
      sentToDm: 'Ich habe Ihnen eine Direktnachricht zu {{system}} geschickt.',
    },
  },
} as const satisfies CatalogShape<typeof english>;
