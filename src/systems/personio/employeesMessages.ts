/**
 * English words of the Personio employee data guide and check. Personio's developer guide (updated
 * 15 Sep 2026; PROVIDERS.md, confirmed 2026-11-30) places API credentials under Marketplace →
 * Connected integrations, where "Create custom integration" makes them (current connector guides
 * read 2026-12-01: Name → Next → access per area → Choose attributes → Create integration → copy
 * Client ID and Client secret → Finish). Accounts not moved yet still show Settings → Integrations
 * → API credentials, so that path is named as well.
 */
const CREDENTIAL_MENU = 'Marketplace → See connected integrations → your Wintro integration';
const ATTRIBUTES_MENU = `${CREDENTIAL_MENU} → Readable employee attributes`;
const OLD_ATTRIBUTES_MENU =
  'Settings → Integrations → API credentials → your Wintro credential → Readable employee attributes';

export const personioEmployeesMessages = {
  name: 'Personio (employees)',
  revokePath: `${CREDENTIAL_MENU} (older accounts: Settings → Integrations → API credentials)`,
  summary: 'Employee data: generated API credentials (Client ID and Client Secret)',
  prerequisites: {
    text: [
      'To create API credentials in Personio you need the access rights *Account configuration > API* and *Account configuration > Marketplace Integration*.',
      'Check it in a minute: if you can open *Marketplace → See connected integrations* and see *Create custom integration* (older accounts: *Generate new credential*), you are set.',
    ].join('\n'),
    missingPermission:
      'Access rights “Account configuration > API” and “Account configuration > Marketplace Integration”',
    whoCanHelp:
      'A Personio system administrator can assign the access rights *Account configuration > API* and *Account configuration > Marketplace Integration* to your account, or create the credential for you. <{{accessRightsHelp}}|More about access rights>.',
  },
  selfCheck: {
    marketplace: {
      title: 'Open the Marketplace',
      text: 'Log in to Personio and click *Marketplace* in the sidebar. No Marketplace button means the access rights are missing.',
      alt: 'The Marketplace button in the Personio sidebar',
    },
    connected: {
      title: 'See connected integrations',
      text: 'Check that you can click *See connected integrations*.',
      alt: 'The See connected integrations link in the Marketplace',
    },
    custom: {
      title: 'Look for Create custom integration',
      text: 'You should see *Create custom integration* (older accounts: *Generate new credential* under Settings → Integrations → API credentials). If not, you do not have the access rights yet.',
      alt: 'The Create custom integration button',
    },
  },
  steps: {
    login: {
      title: 'Log in to Personio',
      text: 'Open your Personio login page (<https://app.personio.de/login|app.personio.de/login> takes you there) and log in with your email address and password.',
      alt: 'The Personio login page',
    },
    marketplace: {
      title: 'Open the connected integrations',
      text: [
        'Click *Marketplace* in the sidebar, then *See connected integrations*.',
        '_Personio moved API credentials here in September 2026. In accounts not moved yet they are still under Settings → Integrations → API credentials, whose Go to Marketplace button leads here too._',
      ].join('\n'),
      alt: 'The See connected integrations link in the Marketplace',
    },
    create: {
      title: 'Create a custom integration',
      text: 'Click *Create custom integration* (older accounts: *Generate new credential*). Enter a *Name* you will recognise, such as `Wintro`, and click *Next*.',
      alt: 'The Create custom integration button',
    },
    access: {
      title: 'Give it read access to employees',
      text: [
        'Choose the access per area:',
        '• *Employees*: *Read*. Wintro only reads, so nothing needs Write.',
        '• If Personio asks which integration this is, pick Wintro if it is listed, otherwise *Other*.',
      ].join('\n'),
    },
    attributes: {
      title: 'Tick the employee attributes Wintro reads',
      text: 'Choosing *Read* for Employees shows the *Readable employee attributes* menu (*Choose attributes*). Tick at least these:\n{{attributes}}',
      alt: 'The Readable employee attributes menu',
    },
    copy: {
      title: 'Generate and copy the Client ID and Client Secret',
      text: 'Click *Create integration*. Personio shows a *Client ID* and a *Client Secret*: copy both right away and keep them somewhere safe (the secret is not shown again once you leave), then click *Finish*.',
      alt: 'The generated Client ID and Client Secret',
    },
  },
  fields: {
    clientId: {
      label: 'Client ID',
      hint: 'Shown when you generated the credential; it usually starts with papi-.',
      placeholder: 'papi-…',
      looksLike:
        'is the Client ID Personio showed for your new credential, usually “papi-” and then letters and digits',
    },
    clientSecret: {
      label: 'Client Secret',
      hint: 'Shown next to the Client ID when you generated the credential.',
      placeholder: 'Client Secret',
      looksLike: 'is the Client Secret Personio showed next to the Client ID, one word without spaces',
    },
  },
  swapped:
    'These two look swapped: the Client ID is the shorter value (papi- and a UUID). Paste it here and the other value under Client Secret.',
  /** The employee attributes Wintro reads, in Personio's words. */
  attributes: {
    first_name: 'First name',
    last_name: 'Last name',
    email: 'Email',
    position: 'Position',
    department: 'Department',
    office: 'Office',
    supervisor: 'Supervisor',
    hire_date: 'Hire date',
    status: 'Status',
  },
  invalidClient: {
    title: 'Personio did not accept the Client ID and Client Secret',
    detail:
      'Check that both come from the same integration (Marketplace → See connected integrations) and were copied whole. If the secret is lost, create a new custom integration for Wintro.',
    clientId: 'Personio did not accept this Client ID with that secret.',
    clientSecret: 'Paste the Client Secret again; Personio did not accept it.',
  },
  attributesFailed: 'reading the employee attributes failed ({{status}})',
  attributesOddly: 'it listed the employee attributes oddly',
  noEmployeeAccess: {
    title: 'This credential cannot read employee data',
    detail: `Personio refused to list the employee attributes. Open ${CREDENTIAL_MENU}, choose *Read* for Employees and tick the attributes Wintro needs, save, then click Check again. (Accounts not moved to the Marketplace yet: Settings → Integrations → API credentials.)`,
  },
  missingAttributes: {
    title_one: "Wintro can't read one employee attribute it needs yet",
    title_other: "Wintro can't read {{count}} employee attributes it needs yet",
    intro: `Tick these in ${ATTRIBUTES_MENU}, save, then click Check again (accounts not moved to the Marketplace yet: ${OLD_ATTRIBUTES_MENU}):`,
    noneReadable: 'The credential reads no attributes at all: first choose *Read* for Employees.',
  },
  details: { attributes: 'Employee attributes checked', clientId: 'Personio Client ID' },
} as const;
