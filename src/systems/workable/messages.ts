/** English words of the Workable guide and check. */
const SETTINGS_PATH = 'your profile circle (top right) → *Settings*';
const TOKENS_MENU = 'Settings → Integrations → Apps → API Access Tokens';
const MEMBERS_MENU = 'your profile circle → Settings → Account members → Add an external recruiter';
const SUBDOMAIN_HELP =
  'Copy the subdomain from Settings → Company profile → Subdomain: for acme.workable.com it is acme.';

export const workableMessages = {
  name: 'Workable',
  revokePath: 'Settings → Integrations → Apps → API Access Tokens → the token made for Wintro',
  summary: 'Recruiting: an API access token, your subdomain and Wintro as an external recruiter',
  prerequisites: {
    text: [
      'To link Workable you need an *Admin* account in your company’s Workable.',
      'Only Admins can generate API tokens and add external recruiters.',
    ].join('\n'),
    missingPermission:
      'The Admin role in Workable (only Admins can generate API tokens and add external recruiters)',
    whoCanHelp:
      'Ask an Admin of your company’s Workable to make you an Admin, or to do this setup for you. The person who runs Workable in HR or Talent Acquisition usually knows who the Admins are.',
  },
  selfCheck: {
    settings: {
      title: 'Open the settings',
      text: `Log in to Workable and click ${SETTINGS_PATH}.`,
      alt: 'Workable profile menu with Settings',
    },
    tokens: {
      title: 'Look for API Access Tokens',
      text: 'Click *Apps* in the menu on the left (under *Integrations*). If you see *API Access Tokens* with a *Generate API token* button, you are an Admin.',
      alt: 'The Generate API token button under API Access Tokens',
    },
  },
  steps: {
    settings: {
      title: 'Open the settings',
      text: `Log in to Workable and click ${SETTINGS_PATH}.`,
      alt: 'Workable dropdown menu with Settings',
    },
    subdomain: {
      title: 'Copy your subdomain',
      text: [
        'Click *Company profile* in the menu on the left, and copy what is under *Subdomain*.',
        'It is the first part of your Workable address: for `acme.workable.com` it is `acme`.',
      ].join('\n'),
      alt: 'The Subdomain on the Company profile settings page',
    },
    apps: {
      title: 'Open Apps',
      text: 'Still in Settings, click *Apps* in the menu on the left (under *Integrations*).',
      alt: 'Apps in the left menu of the Workable settings',
    },
    generate: {
      title: 'Generate an API token',
      text: 'In the *API Access Tokens* section, click *Generate API token*.',
      alt: 'The Generate API token button under API Access Tokens',
    },
    tokenForm: {
      title: 'Name, expiry and scopes',
      text: [
        'Name the token `Wintro`.',
        'Pick how long it lasts ({{expiryChoices}}): Wintro asks which you picked, works out the date, and `/wintro status` shows it so you know when to renew.',
        'Tick these scopes:\n{{scopes}}',
        'Then click *Generate token*.',
      ].join('\n'),
      alt: 'Name, expiry and scopes of a new API token',
    },
    copyToken: {
      title: 'Copy the token',
      text: 'Workable shows the new token once: copy it now and keep it safe until you paste it into Wintro. Once you close that window, it cannot be shown again.',
      alt: 'The newly generated API token',
    },
    members: {
      title: 'Open Account members',
      text: `Click ${SETTINGS_PATH}, then *Account members* in the menu on the left, then *Add an external recruiter*.`,
      alt: 'Add an external recruiter on the Account members page',
    },
    recruiter: {
      title: 'Add Wintro as an external recruiter',
      text: [
        'Wintro works in Workable as an external recruiter. Enter exactly:',
        '{{recruiter}}',
        'Then click *Add recruiter*. Wintro checks it is there when you enter the credentials.',
      ].join('\n'),
      alt: 'The external recruiter form with Name and Email',
    },
  },
  recruiterLines: '*Name*\n`{{name}}`\n*Email*\n`{{email}}`',
  /** Workable's expiry choices, as its token form names them. */
  expiryChoices: {
    days30: '30 days',
    days90: '90 days',
    months6: '6 months',
    year1: '1 year',
    years2: '2 years',
  },
  /** Joins the expiry choices: "30 days, 90 days, 6 months, 1 year or 2 years". */
  listSeparator: ', ',
  listLastSeparator: ' or ',
  scopeLine: '• `{{scope}}` ({{covers}})',
  covers: {
    jobs: 'jobs and external recruiters',
    candidates: 'candidates',
    recruiters: 'external recruiters',
  },
  fields: {
    subdomain: {
      label: 'Workable subdomain',
      hint: 'Settings → Company profile → Subdomain: the acme in acme.workable.com. Pasting the address works too.',
      placeholder: 'e.g. acme',
      looksLike:
        'is one word of letters, digits and hyphens, such as acme for acme.workable.com (Settings → Company profile → Subdomain)',
      reserved:
        '{{subdomain}}.workable.com belongs to Workable itself (e.g. your careers page), not to your account. Copy the subdomain from Settings → Company profile → Subdomain.',
    },
    apiToken: {
      label: 'API access token',
      hint: `Shown once when you generated it in ${TOKENS_MENU}. Lost it? Generate a new one.`,
      placeholder: 'API access token',
      looksLike:
        'is the long token Workable showed once when you clicked Generate token, one word without spaces',
    },
    tokenExpiry: {
      label: 'Token expiry',
      hint: 'What you picked when you generated the token. Made it earlier? Choose “A specific date” and pick the date Workable shows for it.',
      placeholder: 'How long the token lasts',
      specificDate: 'A specific date',
    },
    tokenExpiryDate: {
      label: 'Specific expiry date',
      hint: 'Only for “A specific date”: the day the token stops working.',
      placeholder: 'Pick a date',
    },
  },
  expiry: {
    pick: 'Pick how long the token lasts: the period you chose when you generated it, or a specific date.',
    pickDate: 'You chose a specific date: pick it in the calendar below (the day the token stops working).',
    empty:
      'Enter the date the token expires, such as {{example}}. Just made it? Type the period you picked, such as 1 year.',
    never:
      'Workable tokens always expire: you picked {{choices}}. Enter the date it expires, such as {{example}}.',
    format:
      'Enter the expiry as year-month-day, such as {{example}}, or the period you picked, such as 1 year.',
    past: 'That date is not in the future, so the token has expired (or expires today). Generate a new token in Workable and enter its expiry.',
    tooFar: 'Workable tokens last at most 2 years. Check the expiry shown for the token in Workable.',
  },
  rateLimitWhy: 'Workable allows an API token 10 calls every 10 seconds.',
  invalidToken: {
    title: 'Workable did not accept the API token',
    detail: [
      'The token may be mistyped, revoked, or past its expiry date.',
      `Copy it again, or generate a new one in ${TOKENS_MENU}: Workable shows a token only once.`,
    ].join(' '),
    apiToken:
      'Workable did not accept this token (wrong, revoked or expired). Paste it again or generate a new one.',
  },
  unknownSubdomain: {
    title: 'Workable has no account at {{subdomain}}.workable.com',
    detail: SUBDOMAIN_HELP,
    subdomain: 'There is no Workable account at {{subdomain}}.workable.com.',
  },
  invalidSubdomain: {
    title: 'That subdomain cannot be right',
    detail: SUBDOMAIN_HELP,
    subdomain: 'Enter only the subdomain, such as acme.',
  },
  invalidExpiry: { title: 'Check the token’s expiry date' },
  unexpectedStatus: 'reading {{what}} gave an unexpected answer ({{status}})',
  unexpectedShape: 'it answered reading {{what}} in a way we did not expect',
  recruitersOddly: 'it listed the external recruiters in a way we did not expect',
  missingScopes: {
    title_one: 'The token is missing a scope Wintro needs',
    title_other: 'The token is missing {{count}} scopes Wintro needs',
    intro: `Workable cannot add scopes to an existing token. In ${TOKENS_MENU}, generate a new token with these scopes ticked, then paste it (and its expiry date) here:`,
    revoke: 'You can revoke the old token on the same page.',
    apiToken: 'This token lacks {{scopes}}. Generate one with every scope Wintro needs.',
  },
  recruiterMissing: {
    title: 'One step left: add Wintro as an external recruiter',
    intro: `The token works, but Workable does not list Wintro as an external recruiter yet. In Workable, click ${MEMBERS_MENU}, enter exactly:`,
    outro: 'then click *Add recruiter* and check again.',
  },
  details: {
    account: 'Workable account',
    accountValue: '{{subdomain}}.workable.com',
    expires: 'Token expires',
    expiresValue_one: '{{expiry}} (in {{count}} day)',
    expiresValue_other: '{{expiry}} (in {{count}} days)',
    scopes: 'Scopes checked',
    recruiter: 'External recruiter',
    recruiterValue: '{{name}} ({{email}})',
  },
} as const;
