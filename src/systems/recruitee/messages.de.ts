import type { CatalogShape } from '../../messages/shape.js';
import type { recruiteeMessages } from './messages.js';

/**
 * German words of the Recruitee guide and check (see ./messages.ts). Recruitee's German interface
 * labels are not documented, so its English labels stay as they are, with their meaning in German.
 */
const TOKENS_PAGE = 'https://app.recruitee.com/#/settings/api_tokens';
const PROFILE_PAGE = 'https://app.recruitee.com/#/settings/profile/email_settings';
const TOKENS_MENU = 'Settings → Apps and plugins → Personal API tokens';

export const recruiteeMessagesDe = {
  name: 'Recruitee',
  revokePath: 'Settings → Apps and plugins → Personal API tokens → das für Wintro erstellte Token',
  summary: 'Recruiting: ein persönliches API-Token und Ihre Company ID',
  prerequisites: {
    text: [
      'Um das API-Token zu erstellen, das Wintro braucht, benötigen Sie im Recruitee Ihres Unternehmens die Rolle *Administrator*.',
      'Ein Recruitee-Token kann genau das, was die Person kann, die es erstellt hat; es muss also von jemandem mit der Rolle Administrator stammen.',
    ].join('\n'),
    missingPermission:
      'Die Rolle „Administrator“ (zu sehen unter „Settings“ (Einstellungen) → „MY ACCOUNT“ → „Profile“, neben Ihrer E-Mail-Adresse)',
    whoCanHelp:
      'Finden Sie heraus, wer im Recruitee Ihres Unternehmens die Rolle *Administrator* hat, und bitten Sie die Person, Ihnen die Rolle zu geben oder diese Einrichtung selbst zu übernehmen.',
  },
  selfCheck: {
    profile: {
      title: 'Ihre Profileinstellungen öffnen',
      text: `Melden Sie sich bei Recruitee an und öffnen Sie Ihre <${PROFILE_PAGE}|Profileinstellungen> (*Settings → MY ACCOUNT → Profile*).`,
    },
    role: {
      title: 'Ihre Rolle ansehen',
      text: 'Ihre Rolle steht neben Ihrer E-Mail-Adresse. Dort sollte *Administrator* stehen.',
      alt: 'Recruitee-Profil mit der Rolle Administrator neben der E-Mail-Adresse',
    },
  },
  steps: {
    tokens: {
      title: 'Die Personal API tokens öffnen',
      text: [
        `Öffnen Sie in Recruitee die <${TOKENS_PAGE}|Seite mit den API-Einstellungen> oder gehen Sie zu *${TOKENS_MENU}* (persönliche API-Tokens).`,
        '_Verwenden Sie *Personal API tokens*, kein Careers Site API token: Das ist für Karriereseiten gedacht und funktioniert nicht für Wintro._',
      ].join('\n'),
    },
    newToken: {
      title: 'Ein neues Token erstellen',
      text: 'Klicken Sie oben rechts auf *+ New token* (neues Token).',
      alt: 'Die Schaltfläche + New token auf der Seite Personal API tokens',
    },
    save: {
      title: 'Benennen und speichern',
      text: 'Geben Sie dem Token einen Namen wie `Wintro` und klicken Sie dann auf *Save* (Speichern).',
      alt: 'Das neue Token benennen und speichern',
    },
    copyToken: {
      title: 'Das Token kopieren',
      text: 'Kopieren Sie das Token (die lange Zeichenfolge) und bewahren Sie es sicher auf, bis Sie es in Wintro einfügen.',
      alt: 'Das neue persönliche API-Token, bereit zum Kopieren',
    },
    companyId: {
      title: 'Ihre Company ID kopieren',
      text: [
        'Kopieren Sie auch Ihre *Company ID* (Unternehmens-ID): Recruitee zeigt sie auf derselben Seite.',
        'Sie finden sie auch in der Adresse der App nach `company=`, z. B. `…?company=123456` → `123456`.',
      ].join('\n'),
      alt: 'Wo Recruitee die Company ID anzeigt',
    },
  },
  /** `looksLike` completes "Erwartet wird …". */
  fields: {
    companyId: {
      label: 'Company ID',
      hint: 'Steht auf der Seite Personal API tokens und in der Adresse der App nach company=. Diese Adresse einzufügen geht auch.',
      placeholder: 'z. B. 123456',
      looksLike:
        'die Company ID, die Recruitee auf der Seite Personal API tokens zeigt: eine Zahl wie 123456 (oder der Kurzname Ihres Unternehmens, etwa acme)',
      notACompany:
        'Das ist keine Company ID. Kopieren Sie die Company ID von der Seite Personal API tokens: eine Zahl wie 123456.',
    },
    apiToken: {
      label: 'Persönliches API-Token',
      hint: `Das Token, das Sie unter ${TOKENS_MENU} erstellt haben. Kein Careers Site API token.`,
      placeholder: 'Persönliches API-Token',
      looksLike:
        'das lange persönliche API-Token, das Recruitee beim Speichern angezeigt hat, ein Wort ohne Leerzeichen',
    },
  },
  /** What each read covers, in "das Lesen … (Stellen: 500)" and "… Stellen zu lesen". */
  covers: { jobs: 'Stellen', candidates: 'Kandidaten' },
  unexpectedShape: 'die Antwort beim Lesen anders aussah als erwartet ({{what}})',
  unexpectedStatus: 'das Lesen eine unerwartete Antwort ergab ({{what}}: {{status}})',
  invalidToken: {
    title: 'Recruitee hat das Token für dieses Unternehmen nicht akzeptiert',
    detail: [
      'Prüfen Sie, ob Sie das ganze persönliche API-Token kopiert haben und ob die Company ID die auf der Seite Personal API tokens ist.',
      'Ein Token funktioniert nur in dem Unternehmen, in dem es erstellt wurde, und ein Careers Site API token funktioniert hier nicht.',
    ].join(' '),
    apiToken:
      'Recruitee hat dieses Token nicht akzeptiert. Fügen Sie das persönliche API-Token erneut vollständig ein.',
    companyId: 'Prüfen Sie, ob das die Company ID des Unternehmens ist, in dem das Token erstellt wurde.',
  },
  insufficientRights: {
    title: 'Recruitee hat das Token akzeptiert, erlaubt ihm aber nicht, {{what}} zu lesen',
    detail: [
      'Ein Recruitee-Token kann nur, was die Person kann, die es erstellt hat.',
      'Erstellen Sie das Token, während Sie mit einem Konto mit der Rolle *Administrator* angemeldet sind („Settings“ → „MY ACCOUNT“ → „Profile“ zeigt die Rolle), und fügen Sie dieses Token ein.',
    ].join(' '),
    apiToken:
      'Der Person hinter diesem Token fehlen die Rechte, die Wintro braucht. Verwenden Sie ein Token, das ein Administrator erstellt hat.',
    /** The missing role, in Recruitee's words. */
    role: 'Administrator',
  },
  unknownCompany: {
    title: 'Recruitee kennt diese Company ID nicht',
    detail:
      'Kopieren Sie die Company ID von der Seite Personal API tokens (oder die Zahl nach company= in der Adresse der App) und prüfen Sie erneut.',
    companyId: 'Bei Recruitee gibt es kein Unternehmen mit dieser ID.',
  },
  invalidCompanyId: {
    title: 'Diese Company ID kann nicht stimmen',
    detail: 'Kopieren Sie die Company ID von der Seite Personal API tokens: eine Zahl wie 123456.',
    companyId: 'Kopieren Sie die Company ID von der Seite Personal API tokens.',
  },
  details: { company: 'Recruitee-Unternehmen', checked: 'Geprüft', and: ' und ' },
} as const satisfies CatalogShape<typeof recruiteeMessages>;
