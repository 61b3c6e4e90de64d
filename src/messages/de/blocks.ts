import type { blocks as english } from '../en/blocks.js';
import type { CatalogShape } from '../shape.js';

/**
 * German messages of the blocks area, by id (see ../en/blocks.ts). Formal "Sie"; the same
 * `{{…}}` placeholders, Slack mrkdwn and Slack's own `<…|…>` / `{date_short}` formatting.
 */
export const blocks = {
  ui: {
    button: {
      back: 'Zurück',
      next: 'Weiter',
      enterCredentials: 'Zugangsdaten eingeben',
      cancelSetup: 'Einrichtung abbrechen',
      askSomeoneElse: 'Jemand anderen fragen',
      continue: 'Fortfahren',
    },
    flow: {
      title: '{{system}} mit Wintro verbinden',
      screenshotLink: '<{{url}}|Screenshot: {{alt}}>',
      cancelledText: '{{system}} mit Wintro verbinden: abgebrochen',
      cancelled:
        'Einrichtung abgebrochen. Es wurde nichts gespeichert. Sie können jederzeit mit `/wintro link {{word}}` neu beginnen.',
      variantText: '{{system}} mit Wintro verbinden: {{question}}',
      prerequisitesText:
        '{{system}} mit Wintro verbinden: Prüfen Sie zuerst, ob Sie die nötigen Zugriffe haben',
      prerequisitesIntro: 'Bevor Sie beginnen · {{total}} Schritte, etwa 5 Minuten',
      prerequisitesMissing: '*Fehlt Ihnen das?* {{whoCanHelp}}',
      startGuide: 'Vorhanden, Anleitung starten',
      haveCredentials: 'Ich habe schon Zugangsdaten',
      lackAccess: 'Das fehlt mir',
      progress: 'Schritt {{step}} von {{total}}',
      guideText: '{{system}} mit Wintro verbinden: Schritt {{step}} von {{total}}, {{title}}',
      guideTextWithoutStep: '{{system}} mit Wintro verbinden: Schritt {{step}} von {{total}}',
      credentialsText: '{{system}} mit Wintro verbinden: Zugangsdaten eingeben',
      credentialsProgress: 'Schritt {{total}} von {{total}} erledigt · Zugangsdaten',
      credentialsRetry:
        'Korrigieren Sie, was unten steht, und geben Sie die Zugangsdaten dann erneut ein. Nichts von Ihren Eingaben wurde gespeichert.',
      credentialsReady:
        'Bereit: Geben Sie die Zugangsdaten in einem privaten Formular ein. Nur Sie sehen es, und Wintro prüft sie sofort.',
      backToGuide: 'Zurück zur Anleitung',
      askColleague: 'Jemanden bitten, das zu beheben',
      verifyingText: '{{system}} mit Wintro verbinden: Prüfung bei {{vendor}}…',
      verifying: ':hourglass_flowing_sand: Die Zugangsdaten werden bei {{vendor}} geprüft…',
      linkedText: '{{system}} ist mit Wintro verbunden',
      linkedTitle: '{{system}} ist verbunden',
      linked: ':white_check_mark: Wintro kann jetzt {{system}} lesen. Sie müssen nichts weiter tun.',
      linkedBy: 'Verbunden von <@{{user}}>. Mit `/wintro status` sehen Sie alle verbundenen Systeme.',
      helpAsked:
        ':hourglass_flowing_sand: Warten auf <@{{colleague}}>: Ich habe geschickt, was fehlt. Sie erhalten hier Bescheid.',
      helpGranted:
        ':white_check_mark: Laut <@{{colleague}}> ist der Zugriff erteilt. Machen Sie hier weiter.',
      helpDeclined: ':no_entry: <@{{colleague}}> kann nicht helfen.',
      helpDeclinedBecause: ':no_entry: <@{{colleague}}> kann nicht helfen: „{{reason}}“',
    },
    credentials: {
      title: '{{vendor}} verbinden',
      done: 'Fertig',
      cancel: 'Abbrechen',
      submit: 'Prüfen und verbinden',
      submitAgain: 'Erneut prüfen',
      checking: ':hourglass_flowing_sand: *Prüfung bei {{vendor}}…* Das dauert ein paar Sekunden.',
      privacy:
        'Nur Sie sehen dieses Formular. Wintro prüft die Zugangsdaten sofort bei {{vendor}} und speichert sie verschlüsselt.',
      linked: ':white_check_mark: *{{system}} ist mit Wintro verbunden.*',
      stored: 'Die Zugangsdaten sind verschlüsselt gespeichert. Sie können dieses Fenster schließen.',
    },
    handover: {
      missingInCredential: '*Das fehlt in den {{vendor}}-Zugangsdaten, die Wintro verwendet:*',
      missingPermission: '*Es fehlt:* {{permission}}\n{{whoCanHelp}}',
      askTitle: 'Um Hilfe bitten',
      askSubmit: 'Anfrage senden',
      askCancel: 'Abbrechen',
      askIntro:
        'Wählen Sie, wer Ihnen den Zugriff in {{vendor}} geben kann. Ich schicke der Person genau, was fehlt; sie kann die Einrichtung übernehmen oder Ihnen Bescheid geben, sobald es erledigt ist.',
      colleagueLabel: 'Wer kann helfen?',
      colleaguePlaceholder: 'Person auswählen',
      colleagueSuggested: 'Vorschlag: die Person, die Ihr Team zuletzt gefragt hat.',
      noteLabel: 'Notiz für die Person',
      notePlaceholder: 'Was sollte die Person wissen?',
      declineTitle: 'Kann nicht helfen',
      declineSubmit: 'Senden',
      declineBack: 'Zurück',
      declineLabel: 'Warum nicht? Die anfragende Person sieht diesen Text.',
      declinePlaceholder: 'z. B. Ich bin auch kein Admin; fragen Sie Sam',
      requestText: '<@{{asker}}> braucht Ihre Hilfe, um {{system}} mit Wintro zu verbinden.',
      requestReminderText:
        'Erinnerung: <@{{asker}}> wartet auf Ihre Hilfe, um {{system}} mit Wintro zu verbinden.',
      request:
        '<@{{asker}}> verbindet *{{system}}* mit Wintro und braucht dafür einen Zugriff, der noch fehlt.',
      requestReminder:
        ':bell: Erinnerung: <@{{asker}}> wartet noch auf Ihre Hilfe, um *{{system}}* mit Wintro zu verbinden.',
      requestTitle: 'Können Sie bei {{vendor}} helfen?',
      requestNote: '*Notiz von <@{{asker}}>:*\n>{{note}}',
      takeOver: 'Einrichtung übernehmen',
      granted: 'Ich habe den Zugriff erteilt',
      decline: 'Ich kann nicht helfen',
      requestExplained:
        '*Einrichtung übernehmen*: Die Einrichtung geht an Sie über, bei dem Schritt, an dem <@{{asker}}> aufgehört hat. *Ich habe den Zugriff erteilt*: <@{{asker}}> erhält eine Nachricht und kann weitermachen.',
      answeredTaken:
        ':white_check_mark: Sie haben die Einrichtung von {{system}} übernommen: Sie geht in der Nachricht unten weiter.',
      answeredGranted:
        ':white_check_mark: Danke! Ich habe <@{{asker}}> Bescheid gegeben, mit der Einrichtung von {{system}} weiterzumachen.',
      answeredDeclined: ':no_entry: Sie haben <@{{asker}}> mitgeteilt, dass Sie nicht helfen können.',
      answeredDeclinedBecause:
        ':no_entry: Sie haben <@{{asker}}> mitgeteilt, dass Sie nicht helfen können: „{{reason}}“',
      takenOver:
        '<@{{holder}}> hat die Einrichtung von {{system}} von <@{{previous}}> übernommen. Sobald die Verbindung steht, sehen Sie es im Channel.',
      grantedNotice:
        'Laut <@{{colleague}}> ist der Zugriff für {{vendor}} erteilt. Machen Sie dort weiter, wo Sie aufgehört haben:',
      declinedNotice:
        '<@{{colleague}}> kann bei der Einrichtung von {{system}} nicht helfen. Über Ihre Einrichtungsnachricht können Sie jemand anderen fragen.',
      declinedNoticeBecause:
        '<@{{colleague}}> kann bei der Einrichtung von {{system}} nicht helfen: „{{reason}}“ Über Ihre Einrichtungsnachricht können Sie jemand anderen fragen.',
    },
    reminder: {
      nudgeText:
        '<@{{colleague}}> hat auf Ihre Bitte um Hilfe bei {{system}} noch nicht geantwortet, auch nicht nach einer Erinnerung.',
      nudge: ':hourglass: {{notice}} Sie können jemand anderen fragen.',
      idleText: 'Ihre Einrichtung von {{system}} wartet. Stand: {{where}}.',
      idle: ':wave: {{notice}} Seit <!date^{{since}}^{date_short_pretty} um {time}|{{fallback}}> ist nichts passiert.',
      expiryText: 'Die {{system}}-Zugangsdaten, die Wintro verwendet, laufen am {{day}} ab.',
      expiry:
        ':hourglass: {{notice}} Danach kann Wintro {{system}} nicht mehr lesen. Erstellen Sie neue Zugangsdaten in {{system}} und geben Sie `/wintro link {{word}}` ein, um sie zu ersetzen: Das dauert ein paar Minuten, und die Verbindung funktioniert weiter, bis die alten ablaufen.',
    },
    help: {
      summary: 'Wintro verbindet Ihr HR- oder Recruiting-System in wenigen geführten Schritten.',
      link: '`/wintro link <system>`: Verbindung starten ({{words}})',
      pick: '`/wintro link`: das System aus einer Liste wählen',
      status: '`/wintro status`: Ihre laufende Einrichtung und die Systeme, die Ihr Team verbunden hat',
      cancel: '`/wintro cancel`: Ihre laufende Einrichtung abbrechen',
      notify: '`/wintro notify #channel`: wo neue Verbindungen angekündigt werden',
      help: '`/wintro help`: diese Nachricht',
    },
    picker: {
      question: 'Welches System möchten Sie mit Wintro verbinden?',
    },
    unknown: {
      systemText: '„{{input}}“ kenne ich nicht. Meinten Sie {{name}}? Versuchen Sie /wintro link {{word}}',
      system: '„{{input}}“ kenne ich nicht. Meinten Sie *{{name}}*? Versuchen Sie `/wintro link {{word}}`.',
      systemNoSuggestion: '„{{input}}“ kenne ich noch nicht.',
      command: '„{{input}}“ habe ich nicht verstanden. Meinten Sie `/wintro {{suggestion}}`?',
      commandNoSuggestion: '„{{input}}“ habe ich nicht verstanden.',
    },
    /** Where a setup stands, completing "Stand: …". */
    phase: {
      chooseVariant: 'Auswahl der Daten',
      prerequisites: 'Prüfung der Voraussetzungen',
      guide: 'Schritt {{step}} von {{total}}',
      credentials: 'Eingabe der Zugangsdaten',
      credentialsAfterCheck: 'Eingabe der Zugangsdaten (letzte Prüfung: {{title}})',
      verifying: 'Prüfung der Zugangsdaten',
    },
    status: {
      title: 'Wintro-Status',
      text: 'Wintro-Status: {{linked}} verbunden, {{active}} in Arbeit',
      linkedLine: ':white_check_mark: *{{system}}*: verbunden von <@{{user}}> am {{when}}',
      linkedLineExpiring:
        ':white_check_mark: *{{system}}*: verbunden von <@{{user}}> am {{when}}, Token läuft am {{day}} ab',
      activeLine: ':hourglass_flowing_sand: *{{system}}*: Ihre Einrichtung läuft. Stand: {{phase}}',
      notLinkedLine: ':white_circle: *{{system}}*: nicht verbunden',
      continuesInDm:
        'Ihre Einrichtung geht in Ihrer Direktnachricht mit Wintro weiter. `/wintro cancel` bricht sie ab.',
      startHint: 'Starten Sie eine Einrichtung mit `/wintro link <system>`.',
    },
    linkedNotification: {
      text: '{{system}} ist jetzt mit Wintro verbunden, eingerichtet von <@{{user}}>.',
      section:
        ':white_check_mark: *{{system}}* ist jetzt mit Wintro verbunden, eingerichtet von <@{{user}}>.',
    },
    unavailable: {
      text: 'Wintro ist kurz nicht erreichbar. Ihr Fortschritt ist gespeichert: Versuchen Sie es in einer Minute erneut, dann geht es beim selben Schritt weiter.',
      check:
        'Wintro ist kurz nicht erreichbar, daher konnte diese Prüfung nicht abgeschlossen werden, und es wurde nichts gespeichert. Ihr Fortschritt bleibt erhalten: Senden Sie dieses Formular in ein paar Minuten erneut (geben Sie das Client Secret oder den Schlüssel noch einmal ein, falls das Feld leer ist).',
      formTitle: 'Wintro',
      close: 'Schließen',
    },
    slackFailure: {
      rateLimited: 'Slack ist gerade ausgelastet und hat uns gebeten, {{seconds}} Sekunden zu warten.',
      refused: 'Slack hat die Nachricht abgelehnt ({{code}}).',
      noAnswer: 'Slack hat nicht rechtzeitig geantwortet.',
    },
  },
} as const satisfies CatalogShape<typeof english>;
