/** English messages about the language a person reads, and `/wintro language`. */
export const languages = {
  language: {
    name: {
      en: 'English',
      de: 'German',
    },
    show: {
      choice: 'I write to you in *{{language}}*: your own choice.',
      slack: 'I write to you in *{{language}}*, the language of your Slack.',
      workspace: "I write to you in *{{language}}*, this workspace's language: Slack did not tell me yours.",
      channel: 'Notices in channels are in *{{language}}*.',
      howTo:
        'Choose yours with `/wintro language de` or `/wintro language en`; `/wintro language auto` follows your Slack language again. `/wintro language channel de` or `… channel en` sets it for channel notices.',
    },
    set: {
      choice: 'From now on I write to you in {{language}}.',
      auto: 'I follow your Slack language again: {{language}}.',
      autoAsking: 'I follow your Slack language again from now on.',
      channel: 'Notices in channels are now in {{language}}.',
    },
    bad: {
      person:
        "I don't know the language “{{input}}”. Choose `de` (Deutsch), `en` (English) or `auto` (your Slack language), e.g. `/wintro language de`.",
      channel:
        "I don't know the language “{{input}}” for channels. Choose `de` (Deutsch) or `en` (English), e.g. `/wintro language channel de`.",
    },
    help: {
      line: '`/wintro language de|en|auto`: the language I write to you in (`/wintro language channel de|en`: in channels)',
      aliases:
        'German words work too: `verbinden` (link), `trennen` (unlink), `hilfe` (help), `status`, `abbrechen` (cancel), `benachrichtigen` (notify), `sprache` (language).',
    },
  },
} as const;
