import type { flows as english } from '../en/flows.js';
import type { CatalogShape } from '../shape.js';

/** German messages of the linking flow (see ../en/flows.ts). */
export const flows = {
  flow: {
    dm: {
      unavailable: 'Diese Einrichtung ist nicht mehr verfügbar.',
      continuesBelow: 'Diese Einrichtung wird in einer neueren Nachricht weiter unten fortgesetzt.',
    },
    button: {
      noLongerWorks:
        'Diese Schaltfläche funktioniert nicht mehr. Mit `/wintro status` sehen Sie, wo Ihre Einrichtung steht.',
      noTrigger: 'Slack hat das Formular nicht öffnen lassen. Klicken Sie die Schaltfläche erneut an.',
      unknown: 'Diese Schaltfläche kenne ich nicht. Geben Sie `/wintro help` ein.',
    },
    step: {
      notShown:
        'Ihr Schritt ist gespeichert, ich konnte ihn aber nicht anzeigen: {{reason}} Geben Sie `/wintro link {{word}}` ein, um ihn wieder zu sehen.',
    },
    kept: {
      days_one: '{{count}} Tag',
      days_other: '{{count}} Tage',
      seconds_one: '{{count}} Sekunden',
      seconds_other: '{{count}} Sekunden',
    },
    refused: {
      expired:
        'Diese Einrichtung ist abgelaufen: Nicht abgeschlossene Einrichtungen werden {{kept}} aufbewahrt. Beginnen Sie neu mit `/wintro link`.',
      linked: '{{name}} ist bereits verbunden. Mit `/wintro status` sehen Sie alle verbundenen Systeme.',
      cancelled: 'Diese Einrichtung wurde abgebrochen. Beginnen Sie neu mit `/wintro link {{word}}`.',
      notHolder:
        'Nur <@{{holder}}> kann diese Einrichtung von {{name}} fortsetzen. Um selbst zu verbinden, geben Sie `/wintro link {{word}}` ein.',
      movedOn:
        'Dieser Schritt ist bereits erledigt: Verwenden Sie die neueste Nachricht von Wintro in dieser Unterhaltung.',
      formNotNow: 'Das Formular für die Zugangsdaten ist in diesem Schritt nicht verfügbar.',
      helpNotNow:
        'Sie können um Hilfe bitten, sobald die Einrichtung bei einem Schritt steht, nicht während einer Prüfung.',
      form: {
        expired:
          'Diese Einrichtung ist abgelaufen. Schließen Sie dieses Formular und beginnen Sie neu mit /wintro link.',
        notHolder: 'Nur die Person, die diese Einrichtung durchführt, kann das Formular absenden.',
        linked: 'Diese Einrichtung ist bereits verbunden. Schließen Sie dieses Formular.',
        cancelled: 'Diese Einrichtung ist abgebrochen. Schließen Sie dieses Formular.',
        stillChecking:
          'Ihre letzte Eingabe wird noch bei {{vendor}} geprüft. Warten Sie einen Moment auf die Antwort.',
        restarting:
          'Wintro startet gerade neu. Warten Sie ein paar Sekunden und klicken Sie dann erneut: Ihre Eingaben bleiben erhalten.',
        vendorAskedToWait:
          '{{vendor}} hat uns gebeten zu warten. Versuchen Sie es in {{seconds}} Sekunden erneut; Ihre Eingaben bleiben erhalten.',
      },
      helpForm: {
        ended: 'Diese Einrichtung ist beendet oder abgelaufen. Schließen Sie dieses Formular.',
        notHolder: 'Nur die Person, die diese Einrichtung durchführt, kann dafür um Hilfe bitten.',
        movedOn:
          'Ihre Einrichtung ist weitergegangen, während Sie gewählt haben; öffnen Sie die neueste Nachricht und fragen Sie erneut.',
      },
      answer: {
        ended: 'Diese Einrichtung ist beendet oder abgelaufen; es ist nichts zu tun.',
        replaced: 'Diese Anfrage wurde durch eine neuere ersetzt; hier ist nichts zu tun.',
        notColleague: 'Nur <@{{colleague}}> kann diese Anfrage beantworten.',
        linked: 'Diese Einrichtung von {{name}} ist bereits verbunden.',
        cancelled: 'Diese Einrichtung von {{name}} wurde bereits abgebrochen.',
        youAnswered: 'Sie haben diese Anfrage bereits beantwortet.',
        answeredMeanwhile: 'Diese Anfrage wurde bereits beantwortet.',
      },
    },
    check: {
      changedMeanwhile:
        'Diese Einrichtung hat sich während der Prüfung geändert (sie wurde abgebrochen oder an anderer Stelle abgeschlossen). Es wurde nichts gespeichert.',
      crashedTitle: 'Bei uns ist etwas schiefgegangen',
      crashedDetail:
        'Die Prüfung wurde unerwartet abgebrochen. Versuchen Sie es erneut; wenn das immer wieder passiert, wenden Sie sich an den Wintro-Support.',
      interruptedTitle: 'Die Prüfung wurde unterbrochen',
      interruptedByCrash:
        'Wintro wurde während der Prüfung bei {{vendor}} beendet, daher wurde nichts gespeichert. Geben Sie die Zugangsdaten erneut ein und prüfen Sie: Das dauert ein paar Sekunden.',
      interruptedByRestart:
        'Wintro wurde während der Prüfung bei {{vendor}} neu gestartet, daher wurde nichts gespeichert. Klicken Sie gleich auf „Erneut prüfen“: Ihre Eingaben bleiben in diesem Formular erhalten.',
    },
  },
  command: {
    malformed: 'Diese Anfrage sah nicht wie ein Slack-Befehl aus. Versuchen Sie `/wintro help`.',
    link: {
      continuesInDm:
        ':wave: Ich habe Ihnen eine Direktnachricht geschickt: Die Einrichtung von {{name}} geht dort weiter.',
      dmFailed:
        'Ich konnte Ihnen keine Direktnachricht senden, daher hat die Einrichtung von {{name}} nicht begonnen: {{reason}} Führen Sie den Befehl in einer Minute erneut aus; wenn es weiter fehlschlägt, prüfen Sie, ob Direktnachrichten von Wintro erlaubt sind.',
    },
    pick: {
      gone: 'Diese Auswahl ist nicht mehr verfügbar. Geben Sie `/wintro link` ein, um die Liste erneut zu sehen.',
      continuesInDm: 'Die Einrichtung von {{name}} geht in Ihren Direktnachrichten mit Wintro weiter.',
    },
    cancel: {
      nothing: 'Sie haben keine laufende Einrichtung, daher gibt es nichts abzubrechen.',
      changed: 'Diese Einrichtung hat sich gerade geändert; mit `/wintro status` sehen Sie, wo sie steht.',
      done: 'Ihre Einrichtung von {{systems}} wurde abgebrochen. Es wurde nichts gespeichert.',
    },
  },
  handover: {
    form: {
      chooseColleague: 'Wählen Sie die Person, die Ihnen den Zugriff geben kann.',
      notYourself:
        'Wählen Sie jemand anderen: Diese Anfrage geht an die Person, die den Zugriff erteilen kann.',
      sayWhy: 'Sagen Sie in wenigen Worten, warum, damit klar ist, wen man als Nächstes fragen kann.',
    },
    requestNotSent:
      'Ich konnte Ihre Anfrage nicht an <@{{colleague}}> senden (Slack hat die Direktnachricht abgelehnt). Fragen Sie jemand anderen oder senden Sie der Person die Details dieser Einrichtung selbst.',
    alreadyAnswered: 'Diese Anfrage wurde bereits beantwortet oder ersetzt.',
  },
} as const satisfies CatalogShape<typeof english>;
