import type { installations as english } from '../en/installations.js';
import type { CatalogShape } from '../shape.js';

/** German messages of installing the app and of a workspace's own settings (see ../en/installations.ts). */
export const installations = {
  install: {
    startFromWintro:
      'Um Slack zu verbinden, beginnen Sie erneut auf der Seite mit den Slack-Einstellungen in Wintro: Dort erhalten Sie einen neuen Installationslink.',
    success: {
      title: 'Wintro ist installiert',
      detail:
        'Wintro ist jetzt in {{workspace}} installiert. Sie können diesen Tab schließen: Ich habe Ihnen in Slack eine Direktnachricht geschickt, was Sie als Nächstes eingeben.',
      yourWorkspace: 'Ihrem Workspace',
    },
    failed: {
      link_missing: {
        title: 'Dieser Installationslink ist unvollständig',
        detail:
          'Der Link nannte kein Wintro-Konto, das verbunden werden soll, daher wurde nichts installiert.',
      },
      link_expired: {
        title: 'Dieser Installationslink ist abgelaufen',
        detail: 'Installationslinks von Wintro gelten nur kurze Zeit, daher wurde nichts installiert.',
      },
      link_invalid: {
        title: 'Dieser Installationslink ist ungültig',
        detail:
          'Der Link stammt nicht von Wintro oder wurde unterwegs verändert, daher wurde nichts installiert.',
      },
      cancelled: {
        title: 'Installation abgebrochen',
        detail:
          'Sie haben auf der Seite von Slack „Abbrechen“ gewählt, daher wurde Wintro nicht installiert. Es hat sich nichts geändert.',
      },
      state: {
        title: 'Diese Installation konnte nicht bestätigt werden',
        detail:
          'Die Antwort von Slack gehörte zu keiner Installation, die in diesem Browser begonnen wurde (oder sie kam zu spät), daher wurde nichts installiert.',
      },
      code: {
        title: 'Slack hat die Installation nicht bestätigt',
        detail:
          'Slack hat den Bestätigungscode abgelehnt (vielleicht wurde er bereits verwendet), daher wurde nichts installiert.',
      },
      unknown: {
        title: 'Die Installation wurde nicht abgeschlossen',
        detail: 'Beim Abschließen der Installation ist etwas schiefgegangen, daher wurde nichts installiert.',
      },
    },
  },
  workspace: {
    welcome: {
      text: 'Wintro ist in diesem Workspace installiert.',
      next: 'Geben Sie in einem beliebigen Channel `/wintro link` ein, um Ihr Recruiting- oder HR-System mit Wintro zu verbinden, oder `/wintro help`, um alles zu sehen, was ich kann. Mit `/wintro notify #channel` wählen Sie, wo ich neue Verbindungen ankündige.',
    },
    notInstalled:
      'Wintro ist in diesem Workspace nicht (mehr) installiert, daher kann ich hier nicht helfen. Jemand mit Administratorrechten kann Wintro über die Seite mit den Slack-Einstellungen in Wintro erneut installieren.',
    notify: {
      set: 'Erledigt: Ich kündige neue Verbindungen in <#{{channel}}> an.',
      needChannel:
        'Nennen Sie den Channel nach `/wintro notify` und wählen Sie ihn aus der Liste, die Slack bei der Eingabe von `#` anbietet, z. B. `/wintro notify #hr-systems`.',
      current: 'Neue Verbindungen werden in <#{{channel}}> angekündigt.',
      none: 'Für Ankündigungen ist noch kein Channel gewählt: Wer ein System verbindet, erfährt es in der eigenen Direktnachricht. Wählen Sie einen mit `/wintro notify #channel`.',
    },
  },
} as const satisfies CatalogShape<typeof english>;
