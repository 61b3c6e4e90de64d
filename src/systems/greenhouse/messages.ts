/** English words of the Greenhouse guide and check. */
const SCOPES_MENU =
  'Configure (cog) → Dev Center → API Credential Management → your Wintro credential → Manage scopes';

export const greenhouseMessages = {
  name: 'Greenhouse',
  revokePath: 'Configure (cog) → Dev Center → API Credential Management → the credential made for Wintro',
  summary: 'Recruiting: Harvest V3 (OAuth) client credentials',
  prerequisites: {
    text: [
      'To create API credentials in Greenhouse you need the developer permission *Can manage ALL organization’s API Credentials*.',
      'If candidate source writing is enabled for Wintro, you also need the user permission *Manage CRM*.',
      'Check it in a minute: if you can see *API Credential Management* in the Dev Center, you are set.',
    ].join('\n'),
    missingPermission:
      'Developer permission “Can manage ALL organization’s API Credentials” (Configure → Users → the user → Permissions → Developer Permissions)',
    whoCanHelp:
      'Your Greenhouse admin can grant the permission or do the setup. To find them: on the Greenhouse dashboard, under *Helpful Links*, click *Email Your In-House Contacts*.',
  },
  selfCheck: {
    settings: {
      title: 'Open the settings',
      text: 'Log in to Greenhouse and click the *cog* (Configure) in the top right corner.',
      alt: 'Greenhouse header with the Configure cog',
    },
    devCenter: {
      title: 'Open the Dev Center',
      text: 'Choose *Dev Center* in the menu on the left.',
      alt: 'Dev Center in the left menu',
    },
    credentialManagement: {
      title: 'Look for API Credential Management',
      text: 'You should see *API Credential Management*. If it is not there, you do not have the permission yet.',
      alt: 'API Credential Management in the Dev Center',
    },
  },
  steps: {
    devCenter: {
      title: 'Open the Dev Center',
      text: 'In Greenhouse, click the *cog* (Configure) in the top right corner, then *Dev Center* in the left menu.',
      alt: 'Dev Center in the left menu',
    },
    create: {
      title: 'Create new API credentials',
      text: 'Click *API Credential Management*, then *Create new API credentials*.',
      alt: 'API Credential Management page',
    },
    harvestV3: {
      title: 'Choose Harvest V3 (OAuth)',
      text: [
        'Set *API type* to *Harvest V3 (OAuth)* and enter a description such as `Wintro`.',
        'Then click *View and store credentials*.',
        '_Older guides say “Harvest” with a single API key: Greenhouse switched those keys off on 31 August 2026._',
      ].join('\n'),
      alt: 'Create new API credentials with API type Harvest V3 (OAuth)',
    },
    copyCredentials: {
      title: 'Copy the Client ID and Client Secret',
      text: [
        'Greenhouse shows a *Client ID* and a *Client Secret*. Copy both somewhere safe now: the secret is shown only once.',
        'Then click *I have stored the client credentials*.',
      ].join('\n'),
      alt: 'Client ID and Client Secret shown once',
    },
    scopes: {
      title: 'Tick the scopes Wintro needs',
      text: 'Under *Manage scopes*, tick these and click *Save*:\n{{scopes}}',
      alt: 'Manage scopes with the Harvest scopes ticked',
    },
    userId: {
      title: 'Find the user Wintro acts as',
      text: [
        'Wintro reads Greenhouse with the permissions of one Greenhouse user; Harvest lists only answer for a *Site Admin*.',
        'Open that user (Configure → Users → the user) and copy the number after `/account/users/` in the address bar, e.g. `https://app.greenhouse.io/account/users/12345` → `12345`.',
      ].join('\n'),
      alt: 'The user id in the address bar of a Greenhouse user page',
    },
  },
  fields: {
    clientId: {
      label: 'Client ID',
      hint: 'Shown next to the Client Secret when you created the Harvest V3 (OAuth) credentials.',
      placeholder: 'Client ID from API Credential Management',
      looksLike:
        'is the Client ID Greenhouse showed for your Harvest V3 (OAuth) credentials, one word without spaces',
    },
    clientSecret: {
      label: 'Client Secret',
      hint: 'Shown once when you created the credentials. Lost it? Create new credentials in API Credential Management.',
      placeholder: 'Client Secret',
      looksLike: 'is the Client Secret Greenhouse showed once, one word without spaces',
    },
    userId: {
      label: 'Greenhouse user id',
      hint: 'The number after /account/users/ in the address bar of the user Wintro acts as. Pasting the whole address works too.',
      placeholder: 'e.g. 12345',
      looksLike: 'is a number such as 12345 (the digits after /account/users/ in the address bar)',
    },
  },
  legacyKey:
    'This looks like a legacy Harvest API key. Greenhouse switched those off on 31 August 2026, so they no longer work. Create “Harvest V3 (OAuth)” credentials instead (guide step 3) and paste their Client ID and Client Secret.',
  unknownUser: {
    title: 'Greenhouse does not know that user id',
    detail:
      'The Client ID and Client Secret were accepted, but the user id was not. Open the user Wintro should act as (Configure → Users) and copy the number after /account/users/ in the address bar.',
    userId: 'Greenhouse has no user with this id in your account. Check the number after /account/users/.',
  },
  invalidClient: {
    title: 'Greenhouse did not accept the Client ID and Client Secret',
    detail:
      'Check that both come from the same Harvest V3 (OAuth) credential and were copied whole. If the secret is lost, create new credentials in API Credential Management: Greenhouse shows a secret only once.',
    clientId: 'Greenhouse did not accept this Client ID with that secret.',
    clientSecret: 'Paste the Client Secret again; Greenhouse did not accept it.',
  },
  readFailed: 'reading {{what}} failed ({{status}})',
  missingScopes: {
    title_one: "Wintro can't read one thing it needs yet",
    title_other: "Wintro can't read {{count}} things it needs yet",
    detail: `Tick these scopes in ${SCOPES_MENU}, click Save, then check again:\n{{scopes}}\nIf they are already ticked, the user Wintro acts as may lack the Greenhouse permissions for them: Harvest lists answer only for a Site Admin.`,
  },
  /** What each scope lets Wintro read, completing "reading … failed". */
  covers: { users: 'users', jobs: 'jobs', candidates: 'candidates', applications: 'applications' },
  details: { actingAs: 'Acting as Greenhouse user', scopes: 'Scopes checked' },
  /** Wintro as a Greenhouse partner: the admin approves Wintro on Greenhouse's own page. */
  partner: {
    button: 'Connect with Greenhouse',
    text: [
      '*Connect with Greenhouse* opens Greenhouse in your browser: log in, review what Wintro may read, and approve. Nothing to copy or paste.',
      'Anyone with a Greenhouse login can approve; Wintro then reads with that person’s Greenhouse permissions, and Harvest lists only answer for a *Site Admin*.',
      'If you are a Site Admin, tick *Authorize using a service account*: the connection then belongs to your organization instead of to you, and keeps working if you leave or change roles.',
      'Not a Site Admin? Ask one to click the button, or use *I don’t have this* below.',
    ].join('\n'),
    manual:
      '*Prefer to create API credentials yourself?* Use *Set it up manually instead*: the guide walks you through Harvest V3 (OAuth) credentials in the Dev Center. For that you need:',
    manualButton: 'Set it up manually instead',
    failed: {
      denied: {
        title: 'Wintro was not approved in Greenhouse',
        detail:
          'Greenhouse says the approval was declined, so nothing was linked. To try again, click *Connect with Greenhouse* below; or set it up manually instead.',
      },
      refused: {
        title: 'Greenhouse did not approve Wintro',
        detail:
          'Greenhouse sent the browser back without an approval ({{error}}), so nothing was linked. Click *Connect with Greenhouse* below to try again.',
      },
      codeExpired: {
        title: 'The approval from Greenhouse expired',
        detail:
          'Greenhouse’s approval is only valid for a minute and could not be used in time (or was already used), so nothing was linked. Click *Connect with Greenhouse* below to approve again.',
      },
      partnerRefused: {
        title: 'Greenhouse refused Wintro’s partner credentials',
        detail:
          'This is on Wintro’s side, not yours: Greenhouse did not accept Wintro’s partner client. Please tell Wintro support. Meanwhile you can set it up manually instead with your own Harvest V3 credentials.',
      },
    },
    details: { how: 'Linked through', approved: 'Connect with Greenhouse (approved in Greenhouse)' },
  },
} as const;
