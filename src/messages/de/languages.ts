import type { languages as english } from '../en/languages.js';
import type { CatalogShape } from '../shape.js';

/** German messages about the language a person reads, and `/wintro language` (see ../en/languages.ts). */
export const languages = {
  language: {
    /** Completes "auf …" ("Ich schreibe Ihnen auf Deutsch"). */
    name: {
      en: 'Englisch',
      de: 'Deutsch',
    },
    show: {
      choice: 'Ich schreibe Ihnen auf *{{language}}*: Ihre eigene Wahl.',
      slack: 'Ich schreibe Ihnen auf *{{language}}*, in der Sprache Ihres Slack.',
      workspace:
        'Ich schreibe Ihnen auf *{{language}}*, in der Sprache dieses Workspace: Slack hat mir Ihre nicht mitgeteilt.',
      channel: 'Hinweise in Channels sind auf *{{language}}*.',
      howTo:
        'Wählen Sie Ihre Sprache mit `/wintro language de` oder `/wintro language en`; mit `/wintro language auto` folge ich wieder Ihrer Slack-Sprache. `/wintro language channel de` oder `… channel en` legt sie für Hinweise in Channels fest.',
    },
    set: {
      choice: 'Ab jetzt schreibe ich Ihnen auf {{language}}.',
      auto: 'Ich folge wieder Ihrer Slack-Sprache: {{language}}.',
      autoAsking: 'Ab jetzt folge ich wieder Ihrer Slack-Sprache.',
      channel: 'Hinweise in Channels sind jetzt auf {{language}}.',
    },
    bad: {
      person:
        'Die Sprache „{{input}}“ kenne ich nicht. Wählen Sie `de` (Deutsch), `en` (English) oder `auto` (Ihre Slack-Sprache), z. B. `/wintro language de`.',
      channel:
        'Die Sprache „{{input}}“ kenne ich für Channels nicht. Wählen Sie `de` (Deutsch) oder `en` (English), z. B. `/wintro language channel de`.',
    },
    help: {
      line: '`/wintro language de|en|auto`: die Sprache, in der ich Ihnen schreibe (`/wintro language channel de|en`: in Channels)',
      aliases:
        'Deutsche Befehle funktionieren auch: `verbinden` (link), `trennen` (unlink), `hilfe` (help), `status`, `abbrechen` (cancel), `benachrichtigen` (notify), `sprache` (language).',
    },
  },
} as const satisfies CatalogShape<typeof english>;
