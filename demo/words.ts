/**
 * Every word the demo itself shows (the bot's words come from the bot). The page gets the `page`
 * part from `GET /demo/words`; `slack` is what Slack itself would say.
 */
export const DEMO_WORDS = {
  slack: {
    unknownCommand: '{command} is not a valid command. In the demo, only /wintro works.',
    commandFailed: '{command} failed with the error "{error}"',
    clickFailed: 'Wintro did not answer that click. Try again in a moment.',
    modalTrouble: 'We had some trouble connecting. Try again?',
    required: 'This field is required',
    tooLong: 'Must be {max} characters or fewer',
  },
  terminal: {
    open: 'Wintro demo: open {url}',
    firstStep: 'Type /wintro link greenhouse in #general, then follow the Wintro DM.',
    redis: 'Store: Redis (REDIS_URL)',
    inProcess: 'Store: in-process (set REDIS_URL to use Redis)',
    failed: 'The demo could not start: {reason}',
    portInUse: 'Port {port} is in use. Pick another one: PORT=3001 npm run demo',
  },
  page: {
    title: 'Wintro demo',
    workspace: 'Acme (demo)',
    channels: 'Channels',
    directMessages: 'Direct messages',
    you: 'you',
    actingAs: 'You are',
    switchTo: 'Switch to {name}',
    app: 'APP',
    onlyYou: 'Only visible to you',
    edited: '(edited)',
    composer: 'Message {where}',
    composerHint: 'Try /wintro link greenhouse, /wintro link or /wintro help. Enter sends.',
    send: 'Send',
    close: 'Close',
    imageOffline: 'Image not available offline: {alt}',
    selectPerson: 'Select a person',
    selectOption: 'Select an option',
    demoCredentials: 'Use demo credentials',
    demoCredentialsFor: 'Fills in the sandbox {name} account',
    filled: 'Demo credentials for {name} filled in. Submit to check them.',
    sandbox: 'Sandbox vendors',
    sandboxHint: 'Make the next check fail the way the real vendor would.',
    failures: {
      none: 'Works',
      wrong_secret: 'Wrong secret',
      missing_scope: 'Missing scope',
      down: 'Vendor down',
    },
    wintro: 'Wintro backend',
    wintroHint: 'What the bot hands over to Wintro: signed webhooks, credentials sealed for Wintro’s key.',
    wintroNothing: 'Nothing handed over yet.',
    verified: 'signature verified',
    notVerified: 'signature NOT verified',
    opened: 'credentials opened: {fields}',
    botStarting: 'The bot is starting…',
    botDown: 'The bot is not running. See the terminal that runs npm run demo.',
    emptyConversation: 'Nothing here yet.',
    home: 'Home',
    messages: 'Messages',
    noHome: 'Wintro has not published a Home tab yet.',
  },
} as const;

/** Puts values into `{name}` slots. */
export function fill(words: string, values: Record<string, string>): string {
  return words.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
