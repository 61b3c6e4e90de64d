import type { CatalogShape } from '../../messages/shape.js';
import type { personioRecruitingMessages } from './recruitingMessages.js';

/**
 * German words of the Personio recruiting guide and check (see ./recruitingMessages.ts), with
 * Personio's German labels where they are documented and the English ones, explained, elsewhere.
 */
const CREDENTIALS_MENU = 'Marketplace (Seitenleiste) → Verbundene Integrationen → „Recruiting API key“';

export const personioRecruitingMessagesDe = {
  name: 'Personio (Recruiting)',
  revokePath: `${CREDENTIALS_MENU} (erzeugen Sie dort einen neuen Schlüssel, damit der alte nicht mehr gilt)`,
  summary: 'Recruiting-Daten (Bewerbungen): der vom System erzeugte Recruiting API key',
  prerequisites: {
    text: [
      'Um den Recruiting API key (Recruiting-API-Schlüssel) zu lesen, brauchen Sie zwei Personio-*Zugriffsrechte*:',
      '• *Account configuration > API* (Kontokonfiguration, für die API-Zugangsdaten)',
      '• *Account configuration > Marketplace Integration* (um die Details des Schlüssels zu sehen)',
      'Prüfen Sie es mit drei Klicks: Wenn Sie allen drei unten folgen können, ist alles bereit.',
    ].join('\n'),
    missingPermission:
      'Zugriffsrechte „Account configuration > API“ und „Account configuration > Marketplace Integration“ (Kontokonfiguration)',
    whoCanHelp:
      'Jemand mit Administratorrechten in Personio kann Ihrem Konto diese zwei Zugriffsrechte (*Account configuration > API* und *Account configuration > Marketplace Integration*) zuweisen oder die Einrichtung übernehmen. <{{accessRightsHelp}}|Mehr zu Zugriffsrechten>.',
  },
  selfCheck: {
    marketplace: {
      title: 'Den Marketplace öffnen',
      text: 'Klicken Sie in Personio in der Seitenleiste auf *Marketplace*. Fehlt der Marketplace, fehlen auch die Zugriffsrechte.',
      alt: 'Marketplace in der Personio-Seitenleiste',
    },
    connected: {
      title: 'Verbundene Integrationen ansehen',
      text: 'Prüfen Sie, ob Sie auf *Verbundene Integrationen* klicken können.',
      alt: 'Der Link Verbundene Integrationen im Marketplace',
    },
    custom: {
      title: 'Create custom integration',
      text: 'Prüfen Sie, ob Sie auf *Create custom integration* (benutzerdefinierte Integration erstellen) klicken können. Falls nicht, funktioniert die Einrichtung noch nicht.',
      alt: 'Die Schaltfläche Create custom integration',
    },
  },
  steps: {
    login: {
      title: 'Bei Personio anmelden',
      text: [
        'Melden Sie sich bei Ihrem Personio-Konto unter der Adresse an, die Sie immer verwenden, etwa `yourcompany.personio.de`: Das ist Ihre API-Domain.',
        'Sie müssen sie nicht in Wintro eingeben: Die Company ID aus Schritt 6 sagt Personio, welches Konto Ihres ist.',
      ].join('\n'),
      alt: 'Die Personio-Anmeldeseite mit der Domain des Kontos',
    },
    marketplace: {
      title: 'Den Marketplace öffnen',
      text: 'Klicken Sie in der Seitenleiste auf *Marketplace*. Dort verwaltet Personio jetzt die API-Zugangsdaten (früher unter Einstellungen → Integrationen → API-Zugriffsdaten, was an dieselbe Stelle führt).',
      alt: 'Marketplace in der Personio-Seitenleiste',
    },
    connected: {
      title: 'Verbundene Integrationen ansehen',
      text: 'Klicken Sie auf *Verbundene Integrationen*: Dort sind die API-Zugangsdaten Ihres Kontos aufgeführt.',
      alt: 'Der Link Verbundene Integrationen im Marketplace',
    },
    findKey: {
      title: 'Den Recruiting API key finden',
      text: [
        'Personio erstellt die Recruiting-Zugangsdaten für Sie, Sie müssen also nichts erzeugen.',
        'Suchen Sie die Zeile *Recruiting API key* (Recruiting-API-Schlüssel) unten in der Liste.',
        '_Klicken Sie nicht auf „Create custom integration“: Diese Zugangsdaten sind für Personaldaten._',
      ].join('\n'),
      alt: 'Die Zeile Recruiting API key unten in den API-Zugangsdaten',
    },
    openKey: {
      title: 'Den Schlüssel öffnen',
      text: 'Klicken Sie auf die Zeile *Recruiting API key*. Ein Fenster mit den Details des Schlüssels öffnet sich.',
      alt: 'Das Fenster mit den Details des Recruiting API key',
    },
    copy: {
      title: 'Company ID und Access token kopieren',
      text: 'Kopieren Sie die *Company ID* (Unternehmens-ID, eine Zahl) und das *Access token* (Zugriffstoken) aus dem Fenster. Sie fügen beides im nächsten Formular ein.',
      alt: 'Company ID und Access token im Fenster',
    },
  },
  /** `looksLike` completes "Erwartet wird …". */
  fields: {
    companyId: {
      label: 'Company ID',
      hint: 'Die Zahl, die im Fenster des Recruiting API key als Company ID steht.',
      placeholder: 'z. B. 123456',
      looksLike: 'eine Zahl wie 123456, die im Fenster des Recruiting API key als Company ID steht',
    },
    accessToken: {
      label: 'Access token',
      hint: 'Steht im selben Fenster unter der Company ID.',
      placeholder: 'Access token aus dem Fenster des Recruiting API key',
      looksLike: 'das Access token aus dem Fenster des Recruiting API key, ein Wort ohne Leerzeichen',
    },
  },
  /** Documented 403 codes, with what the admin should do about each. */
  feature: {
    recruitingDisabled: {
      title: 'Ihr Personio-Konto hat keinen Zugang zu Personio Recruiting',
      detail:
        'Personio hat den Schlüssel akzeptiert, meldet aber, dass Ihr Unternehmen keinen Zugang zu den Recruiting-Funktionen hat (feature.recruiting.disabled), es gibt also keine Bewerbungen, die Wintro lesen könnte. Bitten Sie Ihren Customer Success Manager bei Personio (oder den Personio-Support), Recruiting für Ihr Konto freizuschalten, und klicken Sie dann auf „Erneut prüfen“. Ihre Eingaben bleiben erhalten.',
    },
    publicApiDisabled: {
      title: 'Ihr Personio-Konto hat keinen Zugang zur Recruiting-API',
      detail:
        'Personio hat den Schlüssel akzeptiert, meldet aber, dass Ihr Unternehmen keinen Zugang zur Recruiting-API hat (feature.public-api.disabled). Bitten Sie Ihren Customer Success Manager bei Personio (oder den Personio-Support), die Recruiting-API (öffentliche API) für Ihr Konto freizuschalten, und klicken Sie dann auf „Erneut prüfen“. Ihre Eingaben bleiben erhalten.',
    },
    unnamed: {
      title: 'Personio verweigert die Recruiting-API für Ihr Konto',
      detail:
        'Personio hat den Schlüssel erkannt, meldet aber, dass Ihr Unternehmen keinen Zugang zu einer Funktion hat, die die Prüfung braucht, ohne sie zu nennen. Bitten Sie Ihren Customer Success Manager bei Personio (oder den Personio-Support) zu prüfen, ob Recruiting und die Recruiting-API für Ihr Konto freigeschaltet sind, und klicken Sie dann auf „Erneut prüfen“.',
    },
  },
  invalidCredentials: {
    title: 'Personio hat Company ID und Access token nicht erkannt',
    detail: `Kopieren Sie beides erneut aus dem Fenster unter ${CREDENTIALS_MENU}: Beides muss aus derselben Zeile stammen, und das Token muss vollständig kopiert sein.`,
    employeeToken:
      'Das eingefügte Token beginnt mit „papi-“, wie Client ID und Client Secret erzeugter Zugangsdaten: Die sind für Personaldaten, nicht für Recruiting.',
    companyId:
      'Personio hat diese Company ID mit diesem Token nicht erkannt. Prüfen Sie die Zahl im Fenster.',
    accessToken: 'Fügen Sie das Access token erneut aus dem Fenster des Recruiting API key ein.',
  },
  unexpectedCheck: 'die Prüfung mit einem unerwarteten Status beantwortet wurde ({{status}})',
  unreadableRefusal:
    'die Prüfung abgelehnt wurde ({{status}}), ohne zu sagen, welche Felder fehlten; es ist also unklar, ob der Schlüssel akzeptiert wurde',
  details: {
    company: 'Personio Company ID',
    checked: 'Geprüft',
    accepted: 'Recruiting API key akzeptiert (es wurde nichts angelegt)',
  },
} as const satisfies CatalogShape<typeof personioRecruitingMessages>;
