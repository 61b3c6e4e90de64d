import type { CatalogShape } from '../../messages/shape.js';
import type { workableMessages } from './messages.js';

/**
 * German words of the Workable guide and check (see ./messages.ts). Workable documents no German
 * interface, so its English labels stay as they are, with their meaning in German.
 */
const SETTINGS_PATH = 'Ihr Profilbild (oben rechts) → *Settings* (Einstellungen)';
const TOKENS_MENU = '„Settings“ → „Integrations“ → „Apps“ → „API Access Tokens“';
const MEMBERS_MENU = 'Ihr Profilbild → „Settings“ → „Account members“ → „Add an external recruiter“';
const SUBDOMAIN_HELP =
  'Kopieren Sie die Subdomain unter „Settings“ → „Company profile“ → „Subdomain“: Bei acme.workable.com ist es acme.';

export const workableMessagesDe = {
  name: 'Workable',
  revokePath: '„Settings“ → „Integrations“ → „Apps“ → „API Access Tokens“ → das für Wintro erstellte Token',
  summary: 'Recruiting: ein API-Zugriffstoken, Ihre Subdomain und Wintro als externer Recruiter',
  prerequisites: {
    text: [
      'Um Workable zu verbinden, brauchen Sie ein *Admin*-Konto im Workable Ihres Unternehmens.',
      'Nur Admins können API-Tokens erzeugen und externe Recruiter hinzufügen.',
    ].join('\n'),
    missingPermission:
      'Die Rolle „Admin“ in Workable (nur Admins können API-Tokens erzeugen und externe Recruiter hinzufügen)',
    whoCanHelp:
      'Bitten Sie einen Admin im Workable Ihres Unternehmens, Sie zum Admin zu machen oder diese Einrichtung für Sie zu übernehmen. Wer Workable im HR oder in der Personalgewinnung betreut, weiß meist, wer Admin ist.',
  },
  selfCheck: {
    settings: {
      title: 'Einstellungen öffnen',
      text: `Melden Sie sich bei Workable an und klicken Sie auf ${SETTINGS_PATH}.`,
      alt: 'Workable-Profilmenü mit Settings',
    },
    tokens: {
      title: 'API Access Tokens suchen',
      text: 'Klicken Sie im Menü links auf *Apps* (unter *Integrations*). Wenn Sie *API Access Tokens* mit der Schaltfläche *Generate API token* sehen, sind Sie Admin.',
      alt: 'Die Schaltfläche Generate API token unter API Access Tokens',
    },
  },
  steps: {
    settings: {
      title: 'Einstellungen öffnen',
      text: `Melden Sie sich bei Workable an und klicken Sie auf ${SETTINGS_PATH}.`,
      alt: 'Workable-Menü mit Settings',
    },
    subdomain: {
      title: 'Ihre Subdomain kopieren',
      text: [
        'Klicken Sie im Menü links auf *Company profile* (Unternehmensprofil) und kopieren Sie, was unter *Subdomain* steht.',
        'Das ist der erste Teil Ihrer Workable-Adresse: Bei `acme.workable.com` ist es `acme`.',
      ].join('\n'),
      alt: 'Die Subdomain auf der Einstellungsseite Company profile',
    },
    apps: {
      title: 'Apps öffnen',
      text: 'Klicken Sie, noch in den Einstellungen, im Menü links auf *Apps* (unter *Integrations*).',
      alt: 'Apps im linken Menü der Workable-Einstellungen',
    },
    generate: {
      title: 'Ein API-Token erzeugen',
      text: 'Klicken Sie im Abschnitt *API Access Tokens* auf *Generate API token* (API-Token erzeugen).',
      alt: 'Die Schaltfläche Generate API token unter API Access Tokens',
    },
    tokenForm: {
      title: 'Name, Ablauf und Scopes',
      text: [
        'Nennen Sie das Token `Wintro`.',
        'Wählen Sie, wie lange es gilt ({{expiryChoices}}): Wintro fragt, was Sie gewählt haben, berechnet das Datum, und `/wintro status` zeigt es an, damit Sie wissen, wann Sie es erneuern müssen.',
        'Kreuzen Sie diese Scopes an:\n{{scopes}}',
        'Klicken Sie dann auf *Generate token*.',
      ].join('\n'),
      alt: 'Name, Ablauf und Scopes eines neuen API-Tokens',
    },
    copyToken: {
      title: 'Das Token kopieren',
      text: 'Workable zeigt das neue Token nur einmal: Kopieren Sie es jetzt und bewahren Sie es sicher auf, bis Sie es in Wintro einfügen. Nach dem Schließen des Fensters kann es nicht mehr angezeigt werden.',
      alt: 'Das neu erzeugte API-Token',
    },
    members: {
      title: 'Account members öffnen',
      text: `Klicken Sie auf ${SETTINGS_PATH}, dann im Menü links auf *Account members* (Kontomitglieder) und dann auf *Add an external recruiter* (externen Recruiter hinzufügen).`,
      alt: 'Add an external recruiter auf der Seite Account members',
    },
    recruiter: {
      title: 'Wintro als externen Recruiter hinzufügen',
      text: [
        'Wintro arbeitet in Workable als externer Recruiter. Geben Sie genau Folgendes ein:',
        '{{recruiter}}',
        'Klicken Sie dann auf *Add recruiter*. Wintro prüft, ob der Eintrag da ist, wenn Sie die Zugangsdaten eingeben.',
      ].join('\n'),
      alt: 'Das Formular für externe Recruiter mit Name und Email',
    },
  },
  recruiterLines: '*Name*\n`{{name}}`\n*Email*\n`{{email}}`',
  /** Workable's expiry choices, as the reader's words for its token form's periods. */
  expiryChoices: {
    days30: '30 Tage',
    days90: '90 Tage',
    months6: '6 Monate',
    year1: '1 Jahr',
    years2: '2 Jahre',
  },
  /** Joins the expiry choices: "30 Tage, 90 Tage, 6 Monate, 1 Jahr oder 2 Jahre". */
  listSeparator: ', ',
  listLastSeparator: ' oder ',
  scopeLine: '• `{{scope}}` ({{covers}})',
  covers: {
    jobs: 'Stellen und externe Recruiter',
    candidates: 'Kandidaten',
    recruiters: 'externe Recruiter',
  },
  /** `looksLike` completes "Erwartet wird …". */
  fields: {
    subdomain: {
      label: 'Workable-Subdomain',
      hint: '„Settings“ → „Company profile“ → „Subdomain“: das acme in acme.workable.com. Die Adresse einzufügen geht auch.',
      placeholder: 'z. B. acme',
      looksLike:
        'ein Wort aus Buchstaben, Ziffern und Bindestrichen, etwa acme für acme.workable.com („Settings“ → „Company profile“ → „Subdomain“)',
      reserved:
        '{{subdomain}}.workable.com gehört Workable selbst (z. B. Ihre Karriereseite), nicht Ihrem Konto. Kopieren Sie die Subdomain unter „Settings“ → „Company profile“ → „Subdomain“.',
    },
    apiToken: {
      label: 'API-Zugriffstoken',
      hint: `Wurde einmal angezeigt, als Sie es unter ${TOKENS_MENU} erzeugt haben. Verloren? Erzeugen Sie ein neues.`,
      placeholder: 'API-Zugriffstoken',
      looksLike:
        'das lange Token, das Workable einmal angezeigt hat, als Sie auf „Generate token“ geklickt haben, ein Wort ohne Leerzeichen',
    },
    tokenExpiry: {
      label: 'Ablauf des Tokens',
      hint: 'Was Sie beim Erzeugen des Tokens gewählt haben. Früher erzeugt? Wählen Sie „Ein bestimmtes Datum“ und dann das Datum, das Workable für das Token anzeigt.',
      placeholder: 'Wie lange das Token gilt',
      specificDate: 'Ein bestimmtes Datum',
    },
    tokenExpiryDate: {
      label: 'Bestimmtes Ablaufdatum',
      hint: 'Nur für „Ein bestimmtes Datum“: der Tag, an dem das Token nicht mehr funktioniert.',
      placeholder: 'Datum wählen',
    },
  },
  expiry: {
    pick: 'Wählen Sie, wie lange das Token gilt: den Zeitraum, den Sie beim Erzeugen gewählt haben, oder ein bestimmtes Datum.',
    pickDate:
      'Sie haben ein bestimmtes Datum gewählt: Wählen Sie es unten im Kalender (den Tag, an dem das Token nicht mehr funktioniert).',
    empty:
      'Geben Sie das Datum ein, an dem das Token abläuft, etwa {{example}}. Gerade erst erzeugt? Geben Sie den gewählten Zeitraum ein, etwa 1 Jahr.',
    never:
      'Workable-Tokens laufen immer ab: Zur Wahl stehen {{choices}}. Geben Sie das Ablaufdatum ein, etwa {{example}}.',
    format:
      'Geben Sie den Ablauf als Jahr-Monat-Tag ein, etwa {{example}}, oder den gewählten Zeitraum, etwa 1 Jahr.',
    past: 'Dieses Datum liegt nicht in der Zukunft, das Token ist also abgelaufen (oder läuft heute ab). Erzeugen Sie in Workable ein neues Token und geben Sie dessen Ablauf ein.',
    tooFar:
      'Workable-Tokens gelten höchstens 2 Jahre. Prüfen Sie den Ablauf, den Workable für das Token anzeigt.',
  },
  rateLimitWhy: 'Workable erlaubt einem API-Token 10 Aufrufe alle 10 Sekunden.',
  invalidToken: {
    title: 'Workable hat das API-Token nicht akzeptiert',
    detail: [
      'Das Token ist vielleicht falsch eingegeben, widerrufen oder abgelaufen.',
      `Kopieren Sie es erneut oder erzeugen Sie unter ${TOKENS_MENU} ein neues: Workable zeigt ein Token nur einmal.`,
    ].join(' '),
    apiToken:
      'Workable hat dieses Token nicht akzeptiert (falsch, widerrufen oder abgelaufen). Fügen Sie es erneut ein oder erzeugen Sie ein neues.',
  },
  unknownSubdomain: {
    title: 'Unter {{subdomain}}.workable.com gibt es kein Workable-Konto',
    detail: SUBDOMAIN_HELP,
    subdomain: 'Unter {{subdomain}}.workable.com gibt es kein Workable-Konto.',
  },
  invalidSubdomain: {
    title: 'Diese Subdomain kann nicht stimmen',
    detail: SUBDOMAIN_HELP,
    subdomain: 'Geben Sie nur die Subdomain ein, etwa acme.',
  },
  invalidExpiry: { title: 'Prüfen Sie das Ablaufdatum des Tokens' },
  unexpectedStatus: 'das Lesen eine unerwartete Antwort ergab ({{what}}: {{status}})',
  unexpectedShape: 'die Antwort beim Lesen anders aussah als erwartet ({{what}})',
  recruitersOddly: 'die Liste der externen Recruiter anders aussah als erwartet',
  missingScopes: {
    title_one: 'Dem Token fehlt ein Scope, den Wintro braucht',
    title_other: 'Dem Token fehlen {{count}} Scopes, die Wintro braucht',
    intro: `Workable kann einem bestehenden Token keine Scopes hinzufügen. Erzeugen Sie unter ${TOKENS_MENU} ein neues Token mit diesen Scopes und fügen Sie es (mit seinem Ablaufdatum) hier ein:`,
    revoke: 'Das alte Token können Sie auf derselben Seite widerrufen.',
    apiToken: 'Diesem Token fehlt: {{scopes}}. Erzeugen Sie eines mit allen Scopes, die Wintro braucht.',
  },
  recruiterMissing: {
    title: 'Noch ein Schritt: Wintro als externen Recruiter hinzufügen',
    intro: `Das Token funktioniert, aber Workable führt Wintro noch nicht als externen Recruiter. Klicken Sie in Workable auf ${MEMBERS_MENU} und geben Sie genau Folgendes ein:`,
    outro: 'Klicken Sie dann auf *Add recruiter* und prüfen Sie erneut.',
  },
  details: {
    account: 'Workable-Konto',
    accountValue: '{{subdomain}}.workable.com',
    expires: 'Token läuft ab',
    expiresValue_one: '{{expiry}} (in {{count}} Tag)',
    expiresValue_other: '{{expiry}} (in {{count}} Tagen)',
    scopes: 'Geprüfte Scopes',
    recruiter: 'Externer Recruiter',
    recruiterValue: '{{name}} ({{email}})',
  },
} as const satisfies CatalogShape<typeof workableMessages>;
