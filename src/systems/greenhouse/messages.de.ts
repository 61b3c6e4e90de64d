import type { CatalogShape } from '../../messages/shape.js';
import type { greenhouseMessages } from './messages.js';

/**
 * German words of the Greenhouse guide and check (see ./messages.ts). Greenhouse documents no
 * German interface, so its English labels stay as they are, with their meaning in German.
 */
const SCOPES_MENU =
  '„Configure“ (Zahnrad) → „Dev Center“ → „API Credential Management“ → Ihre Wintro-Zugangsdaten → „Manage scopes“';

export const greenhouseMessagesDe = {
  name: 'Greenhouse',
  revokePath:
    '„Configure“ (Zahnrad) → „Dev Center“ → „API Credential Management“ → die für Wintro angelegten Zugangsdaten',
  summary: 'Recruiting: Client-Zugangsdaten für Harvest V3 (OAuth)',
  prerequisites: {
    text: [
      'Um API-Zugangsdaten in Greenhouse zu erstellen, brauchen Sie die Entwicklerberechtigung *Can manage ALL organization’s API Credentials* (alle API-Zugangsdaten der Organisation verwalten).',
      'Wenn für Wintro das Schreiben von Kandidatenquellen aktiviert ist, brauchen Sie außerdem die Benutzerberechtigung *Manage CRM*.',
      'Prüfen Sie es in einer Minute: Wenn Sie im *Dev Center* (Entwicklerbereich) den Eintrag *API Credential Management* sehen, ist alles bereit.',
    ].join('\n'),
    missingPermission:
      'Entwicklerberechtigung „Can manage ALL organization’s API Credentials“ („Configure“ → „Users“ → die Person → „Permissions“ → „Developer Permissions“)',
    whoCanHelp:
      'Ihr Greenhouse-Admin kann Ihnen die Berechtigung erteilen oder die Einrichtung übernehmen. So finden Sie den Admin: Klicken Sie im Greenhouse-Dashboard unter *Helpful Links* auf *Email Your In-House Contacts*.',
  },
  selfCheck: {
    settings: {
      title: 'Einstellungen öffnen',
      text: 'Melden Sie sich bei Greenhouse an und klicken Sie oben rechts auf das *Zahnrad* („Configure“, Konfigurieren).',
      alt: 'Greenhouse-Kopfzeile mit dem Zahnrad „Configure“',
    },
    devCenter: {
      title: 'Das Dev Center öffnen',
      text: 'Wählen Sie im Menü links *Dev Center* (Entwicklerbereich).',
      alt: 'Dev Center im Menü links',
    },
    credentialManagement: {
      title: 'API Credential Management suchen',
      text: 'Sie sollten *API Credential Management* (Verwaltung der API-Zugangsdaten) sehen. Fehlt der Eintrag, haben Sie die Berechtigung noch nicht.',
      alt: 'API Credential Management im Dev Center',
    },
  },
  steps: {
    devCenter: {
      title: 'Das Dev Center öffnen',
      text: 'Klicken Sie in Greenhouse oben rechts auf das *Zahnrad* („Configure“), dann im Menü links auf *Dev Center* (Entwicklerbereich).',
      alt: 'Dev Center im Menü links',
    },
    create: {
      title: 'Neue API-Zugangsdaten erstellen',
      text: 'Klicken Sie auf *API Credential Management*, dann auf *Create new API credentials* (neue API-Zugangsdaten erstellen).',
      alt: 'Die Seite API Credential Management',
    },
    harvestV3: {
      title: 'Harvest V3 (OAuth) wählen',
      text: [
        'Stellen Sie *API type* auf *Harvest V3 (OAuth)* und geben Sie eine Beschreibung ein, etwa `Wintro`.',
        'Klicken Sie dann auf *View and store credentials* (Zugangsdaten anzeigen und speichern).',
        '_Ältere Anleitungen nennen „Harvest“ mit einem einzelnen API-Schlüssel: Greenhouse hat diese Schlüssel am 31. August 2026 abgeschaltet._',
      ].join('\n'),
      alt: 'Neue API-Zugangsdaten mit dem API type Harvest V3 (OAuth)',
    },
    copyCredentials: {
      title: 'Client ID und Client Secret kopieren',
      text: [
        'Greenhouse zeigt eine *Client ID* und ein *Client Secret*. Kopieren Sie beides jetzt an einen sicheren Ort: Das Secret wird nur einmal angezeigt.',
        'Klicken Sie dann auf *I have stored the client credentials* (ich habe die Zugangsdaten gespeichert).',
      ].join('\n'),
      alt: 'Client ID und Client Secret, nur einmal angezeigt',
    },
    scopes: {
      title: 'Die Scopes ankreuzen, die Wintro braucht',
      text: 'Kreuzen Sie unter *Manage scopes* (Scopes verwalten) diese an und klicken Sie auf *Save*:\n{{scopes}}',
      alt: 'Manage scopes mit den angekreuzten Harvest-Scopes',
    },
    userId: {
      title: 'Die Person finden, in deren Namen Wintro liest',
      text: [
        'Wintro liest Greenhouse mit den Berechtigungen einer Greenhouse-Person; Harvest-Listen antworten nur für einen *Site Admin*.',
        'Öffnen Sie diese Person („Configure“ → „Users“ → die Person) und kopieren Sie die Zahl nach `/account/users/` in der Adresszeile, z. B. `https://app.greenhouse.io/account/users/12345` → `12345`.',
      ].join('\n'),
      alt: 'Die Benutzer-ID in der Adresszeile einer Greenhouse-Benutzerseite',
    },
  },
  /** `looksLike` completes "Erwartet wird …". */
  fields: {
    clientId: {
      label: 'Client ID',
      hint: 'Wird neben dem Client Secret angezeigt, als Sie die Zugangsdaten für Harvest V3 (OAuth) erstellt haben.',
      placeholder: 'Client ID aus API Credential Management',
      looksLike:
        'die Client ID, die Greenhouse für Ihre Zugangsdaten für Harvest V3 (OAuth) angezeigt hat, ein Wort ohne Leerzeichen',
    },
    clientSecret: {
      label: 'Client Secret',
      hint: 'Wurde einmal angezeigt, als Sie die Zugangsdaten erstellt haben. Verloren? Erstellen Sie in API Credential Management neue Zugangsdaten.',
      placeholder: 'Client Secret',
      looksLike: 'das Client Secret, das Greenhouse einmal angezeigt hat, ein Wort ohne Leerzeichen',
    },
    userId: {
      label: 'Greenhouse-Benutzer-ID',
      hint: 'Die Zahl nach /account/users/ in der Adresszeile der Person, in deren Namen Wintro liest. Die ganze Adresse einzufügen geht auch.',
      placeholder: 'z. B. 12345',
      looksLike: 'eine Zahl wie 12345 (die Ziffern nach /account/users/ in der Adresszeile)',
    },
  },
  legacyKey:
    'Das sieht nach einem alten Harvest-API-Schlüssel aus. Greenhouse hat diese am 31. August 2026 abgeschaltet, sie funktionieren nicht mehr. Erstellen Sie stattdessen Zugangsdaten vom Typ „Harvest V3 (OAuth)“ (Schritt 3 der Anleitung) und fügen Sie deren Client ID und Client Secret ein.',
  unknownUser: {
    title: 'Greenhouse kennt diese Benutzer-ID nicht',
    detail:
      'Client ID und Client Secret wurden akzeptiert, die Benutzer-ID aber nicht. Öffnen Sie die Person, in deren Namen Wintro lesen soll („Configure“ → „Users“), und kopieren Sie die Zahl nach /account/users/ in der Adresszeile.',
    userId:
      'In Ihrem Greenhouse-Konto gibt es keine Person mit dieser ID. Prüfen Sie die Zahl nach /account/users/.',
  },
  invalidClient: {
    title: 'Greenhouse hat Client ID und Client Secret nicht akzeptiert',
    detail:
      'Prüfen Sie, ob beide aus denselben Zugangsdaten für Harvest V3 (OAuth) stammen und vollständig kopiert wurden. Ist das Secret verloren, erstellen Sie in API Credential Management neue Zugangsdaten: Greenhouse zeigt ein Secret nur einmal.',
    clientId: 'Greenhouse hat diese Client ID mit diesem Secret nicht akzeptiert.',
    clientSecret: 'Fügen Sie das Client Secret erneut ein; Greenhouse hat es nicht akzeptiert.',
  },
  readFailed: 'das Lesen fehlgeschlagen ist ({{what}}: {{status}})',
  missingScopes: {
    title_one: 'Wintro kann eine Sache, die es braucht, noch nicht lesen',
    title_other: 'Wintro kann {{count}} Dinge, die es braucht, noch nicht lesen',
    detail: `Kreuzen Sie diese Scopes unter ${SCOPES_MENU} an, klicken Sie auf „Save“ und prüfen Sie dann erneut:\n{{scopes}}\nSind sie bereits angekreuzt, fehlen der Person, in deren Namen Wintro liest, vielleicht die Greenhouse-Berechtigungen dafür: Harvest-Listen antworten nur für einen Site Admin.`,
  },
  /** What each scope lets Wintro read, in "das Lesen fehlgeschlagen ist (…: 403)". */
  covers: { users: 'Benutzer', jobs: 'Stellen', candidates: 'Kandidaten', applications: 'Bewerbungen' },
  details: { actingAs: 'Liest im Namen der Greenhouse-Person', scopes: 'Geprüfte Scopes' },
  /** Wintro as a Greenhouse partner: the admin approves Wintro on Greenhouse's own page. */
  partner: {
    button: 'Mit Greenhouse verbinden',
    text: [
      '*Mit Greenhouse verbinden* öffnet Greenhouse in Ihrem Browser: Melden Sie sich an, prüfen Sie, was Wintro lesen darf, und geben Sie es frei. Nichts zu kopieren oder einzufügen.',
      'Freigeben kann jede Person mit Greenhouse-Login; Wintro liest dann mit deren Greenhouse-Berechtigungen, und Harvest-Listen antworten nur für einen *Site Admin*.',
      'Wenn Sie Site Admin sind, kreuzen Sie *Authorize using a service account* (mit einem Dienstkonto autorisieren) an: Die Verbindung gehört dann Ihrer Organisation statt Ihnen und funktioniert weiter, wenn Sie das Unternehmen verlassen oder die Rolle wechseln.',
      'Kein Site Admin? Bitten Sie einen, auf die Schaltfläche zu klicken, oder nutzen Sie unten *Das fehlt mir*.',
    ].join('\n'),
    manual:
      '*Möchten Sie die API-Zugangsdaten lieber selbst erstellen?* Nutzen Sie *Stattdessen manuell einrichten*: Die Anleitung führt Sie durch Zugangsdaten für Harvest V3 (OAuth) im Dev Center. Dafür brauchen Sie:',
    manualButton: 'Stattdessen manuell einrichten',
    failed: {
      denied: {
        title: 'Wintro wurde in Greenhouse nicht freigegeben',
        detail:
          'Laut Greenhouse wurde die Freigabe abgelehnt, daher wurde nichts verbunden. Für einen neuen Versuch klicken Sie unten auf *Mit Greenhouse verbinden*, oder richten Sie die Verbindung stattdessen manuell ein.',
      },
      refused: {
        title: 'Greenhouse hat Wintro nicht freigegeben',
        detail:
          'Greenhouse hat den Browser ohne Freigabe zurückgeschickt ({{error}}), daher wurde nichts verbunden. Klicken Sie unten auf *Mit Greenhouse verbinden*, um es erneut zu versuchen.',
      },
      codeExpired: {
        title: 'Die Freigabe von Greenhouse ist abgelaufen',
        detail:
          'Die Freigabe von Greenhouse gilt nur eine Minute und konnte nicht rechtzeitig verwendet werden (oder wurde schon verwendet), daher wurde nichts verbunden. Klicken Sie unten auf *Mit Greenhouse verbinden*, um erneut freizugeben.',
      },
      partnerRefused: {
        title: 'Greenhouse hat die Partner-Zugangsdaten von Wintro abgelehnt',
        detail:
          'Das liegt an Wintro, nicht an Ihnen: Greenhouse hat den Partner-Client von Wintro nicht akzeptiert. Bitte informieren Sie den Wintro-Support. Bis dahin können Sie die Verbindung stattdessen manuell mit Ihren eigenen Harvest-V3-Zugangsdaten einrichten.',
      },
    },
    details: { how: 'Verbunden über', approved: 'Mit Greenhouse verbinden (in Greenhouse freigegeben)' },
  },
} as const satisfies CatalogShape<typeof greenhouseMessages>;
