import type { CatalogShape } from '../../messages/shape.js';
import type { personioEmployeesMessages } from './employeesMessages.js';

/**
 * German words of the Personio employee data guide and check (see ./employeesMessages.ts).
 * Personio's German labels where Personio's German help or integrators' German guides name them
 * (Marketplace, Verbundene Integrationen, Einstellungen → Integrationen → API-Zugriffsdaten, Neue
 * Zugriffsdaten generieren, Mitarbeitende, Lesen, Lesbare Mitarbeitendenattribute, Andere);
 * the others in English, with their meaning in German.
 */
const CREDENTIAL_MENU = 'Marketplace → Verbundene Integrationen → Ihre Wintro-Integration';
const ATTRIBUTES_MENU = `${CREDENTIAL_MENU} → Lesbare Mitarbeitendenattribute`;
const OLD_ATTRIBUTES_MENU =
  'Einstellungen → Integrationen → API-Zugriffsdaten → Ihre Wintro-Zugangsdaten → Lesbare Mitarbeitendenattribute';

export const personioEmployeesMessagesDe = {
  name: 'Personio (Personaldaten)',
  revokePath: `${CREDENTIAL_MENU} (ältere Konten: Einstellungen → Integrationen → API-Zugriffsdaten)`,
  summary: 'Personaldaten: erzeugte API-Zugangsdaten (Client ID und Client Secret)',
  prerequisites: {
    text: [
      'Um API-Zugangsdaten in Personio zu erstellen, brauchen Sie die Zugriffsrechte *Account configuration > API* und *Account configuration > Marketplace Integration* (Kontokonfiguration).',
      'Prüfen Sie es in einer Minute: Wenn Sie *Marketplace → Verbundene Integrationen* öffnen können und dort *Create custom integration* (benutzerdefinierte Integration erstellen) sehen (ältere Konten: *Neue Zugriffsdaten generieren*), ist alles bereit.',
    ].join('\n'),
    missingPermission:
      'Zugriffsrechte „Account configuration > API“ und „Account configuration > Marketplace Integration“ (Kontokonfiguration)',
    whoCanHelp:
      'Jemand mit Administratorrechten in Personio kann Ihrem Konto die Zugriffsrechte *Account configuration > API* und *Account configuration > Marketplace Integration* zuweisen oder die Zugangsdaten für Sie erstellen. <{{accessRightsHelp}}|Mehr zu Zugriffsrechten>.',
  },
  selfCheck: {
    marketplace: {
      title: 'Den Marketplace öffnen',
      text: 'Melden Sie sich bei Personio an und klicken Sie in der Seitenleiste auf *Marketplace*. Fehlt der Marketplace, fehlen auch die Zugriffsrechte.',
      alt: 'Marketplace in der Personio-Seitenleiste',
    },
    connected: {
      title: 'Verbundene Integrationen ansehen',
      text: 'Prüfen Sie, ob Sie auf *Verbundene Integrationen* klicken können.',
      alt: 'Der Link Verbundene Integrationen im Marketplace',
    },
    custom: {
      title: 'Create custom integration suchen',
      text: 'Sie sollten *Create custom integration* (benutzerdefinierte Integration erstellen) sehen (ältere Konten: *Neue Zugriffsdaten generieren* unter Einstellungen → Integrationen → API-Zugriffsdaten). Falls nicht, haben Sie die Zugriffsrechte noch nicht.',
      alt: 'Die Schaltfläche Create custom integration',
    },
  },
  steps: {
    login: {
      title: 'Bei Personio anmelden',
      text: 'Öffnen Sie Ihre Personio-Anmeldeseite (<https://app.personio.de/login|app.personio.de/login> führt Sie dorthin) und melden Sie sich mit E-Mail-Adresse und Passwort an.',
      alt: 'Die Personio-Anmeldeseite',
    },
    marketplace: {
      title: 'Die verbundenen Integrationen öffnen',
      text: [
        'Klicken Sie in der Seitenleiste auf *Marketplace*, dann auf *Verbundene Integrationen*.',
        '_Personio hat die API-Zugangsdaten im September 2026 hierher verlegt. In Konten, die noch nicht umgestellt sind, liegen sie noch unter Einstellungen → Integrationen → API-Zugriffsdaten; deren Schaltfläche „Go to Marketplace“ (zum Marketplace) führt ebenfalls hierher._',
      ].join('\n'),
      alt: 'Der Link Verbundene Integrationen im Marketplace',
    },
    create: {
      title: 'Eine benutzerdefinierte Integration erstellen',
      text: 'Klicken Sie auf *Create custom integration* (ältere Konten: *Neue Zugriffsdaten generieren*). Geben Sie unter *Name* einen Namen ein, den Sie wiedererkennen, etwa `Wintro`, und klicken Sie auf *Next* (Weiter).',
      alt: 'Die Schaltfläche Create custom integration',
    },
    access: {
      title: 'Lesezugriff auf Mitarbeitende geben',
      text: [
        'Wählen Sie den Zugriff je Bereich:',
        '• *Mitarbeitende*: *Lesen*. Wintro liest nur, Schreibrechte sind also nirgends nötig.',
        '• Wenn Personio fragt, um welche Integration es sich handelt, wählen Sie Wintro, falls aufgeführt, sonst *Andere*.',
      ].join('\n'),
    },
    attributes: {
      title: 'Die Mitarbeitendenattribute ankreuzen, die Wintro liest',
      text: 'Wenn Sie für Mitarbeitende *Lesen* wählen, erscheint das Menü *Lesbare Mitarbeitendenattribute* („Choose attributes“, Attribute wählen). Kreuzen Sie mindestens diese an:\n{{attributes}}',
      alt: 'Das Menü Lesbare Mitarbeitendenattribute',
    },
    copy: {
      title: 'Client ID und Client Secret erzeugen und kopieren',
      text: 'Klicken Sie auf *Create integration* (Integration erstellen). Personio zeigt eine *Client ID* und ein *Client Secret*: Kopieren Sie beides sofort und bewahren Sie es sicher auf (das Secret wird nach dem Verlassen nicht mehr angezeigt), dann klicken Sie auf *Finish* (Fertig).',
      alt: 'Die erzeugte Client ID und das Client Secret',
    },
  },
  /** `looksLike` completes "Erwartet wird …". */
  fields: {
    clientId: {
      label: 'Client ID',
      hint: 'Wurde beim Erzeugen der Zugangsdaten angezeigt; sie beginnt meist mit papi-.',
      placeholder: 'papi-…',
      looksLike:
        'die Client ID, die Personio für Ihre neuen Zugangsdaten angezeigt hat, meist „papi-“ gefolgt von Buchstaben und Ziffern',
    },
    clientSecret: {
      label: 'Client Secret',
      hint: 'Wurde beim Erzeugen der Zugangsdaten neben der Client ID angezeigt.',
      placeholder: 'Client Secret',
      looksLike:
        'das Client Secret, das Personio neben der Client ID angezeigt hat, ein Wort ohne Leerzeichen',
    },
  },
  swapped:
    'Diese beiden Werte sind offenbar vertauscht: Die Client ID ist der kürzere Wert (papi- und eine UUID). Fügen Sie ihn hier ein und den anderen Wert unter Client Secret.',
  /** The employee attributes Wintro reads, as Personio's German interface names them. */
  attributes: {
    first_name: 'Vorname',
    last_name: 'Nachname',
    email: 'E-Mail',
    position: 'Position',
    department: 'Abteilung',
    office: 'Büro',
    supervisor: 'Vorgesetzter',
    hire_date: 'Anstelldatum',
    status: 'Status',
  },
  invalidClient: {
    title: 'Personio hat Client ID und Client Secret nicht akzeptiert',
    detail:
      'Prüfen Sie, ob beide aus derselben Integration stammen (Marketplace → Verbundene Integrationen) und vollständig kopiert wurden. Ist das Secret verloren, erstellen Sie eine neue benutzerdefinierte Integration für Wintro.',
    clientId: 'Personio hat diese Client ID mit diesem Secret nicht akzeptiert.',
    clientSecret: 'Fügen Sie das Client Secret erneut ein; Personio hat es nicht akzeptiert.',
  },
  attributesFailed: 'das Lesen der Mitarbeitendenattribute fehlgeschlagen ist ({{status}})',
  attributesOddly: 'die Liste der Mitarbeitendenattribute anders aussah als erwartet',
  noEmployeeAccess: {
    title: 'Diese Zugangsdaten können keine Personaldaten lesen',
    detail: `Personio hat es abgelehnt, die Mitarbeitendenattribute aufzulisten. Öffnen Sie ${CREDENTIAL_MENU}, wählen Sie für Mitarbeitende *Lesen*, kreuzen Sie die Attribute an, die Wintro braucht, speichern Sie und klicken Sie dann auf „Erneut prüfen“. (Konten, die noch nicht auf den Marketplace umgestellt sind: Einstellungen → Integrationen → API-Zugriffsdaten.)`,
  },
  missingAttributes: {
    title_one: 'Wintro kann ein benötigtes Mitarbeitendenattribut noch nicht lesen',
    title_other: 'Wintro kann {{count}} benötigte Mitarbeitendenattribute noch nicht lesen',
    intro: `Kreuzen Sie diese unter ${ATTRIBUTES_MENU} an, speichern Sie und klicken Sie dann auf „Erneut prüfen“ (Konten, die noch nicht auf den Marketplace umgestellt sind: ${OLD_ATTRIBUTES_MENU}):`,
    noneReadable:
      'Diese Zugangsdaten lesen überhaupt keine Attribute: Wählen Sie zuerst für Mitarbeitende *Lesen*.',
  },
  details: { attributes: 'Geprüfte Mitarbeitendenattribute', clientId: 'Personio Client ID' },
} as const satisfies CatalogShape<typeof personioEmployeesMessages>;
