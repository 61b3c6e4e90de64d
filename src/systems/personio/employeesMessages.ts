/** English words of the Personio employee data guide and check. */
const CREDENTIAL_MENU = 'Settings → Integrations → API credentials → your Wintro credential';
const ATTRIBUTES_MENU = `${CREDENTIAL_MENU} → Readable employee attributes`;

export const personioEmployeesMessages = {
  name: 'Personio (employees)',
  summary: 'Employee data: generated API credentials (Client ID and Client Secret)',
  prerequisites: {
    text: [
      'To create API credentials in Personio you need the access right *Account configuration > API*.',
      'Check it in a minute: if you can open *API credentials* in the settings and see *Generate new credential*, you are set.',
    ].join('\n'),
    missingPermission: 'Access right “Account configuration > API”',
    whoCanHelp:
      'A Personio system administrator can assign the access right *Account configuration > API* to your account, or create the credential for you. <{{accessRightsHelp}}|More about access rights>.',
  },
  selfCheck: {
    settings: {
      title: 'Open the settings',
      text: 'Log in to Personio and click *Settings* in the sidebar.',
      alt: 'Settings in the Personio sidebar',
    },
    generate: {
      title: 'Look for Generate new credential',
      text: 'Under *Integrations*, click *API credentials*. You should see *Generate new credential* in the top right. If not, you do not have the access right yet.',
      alt: 'The API credentials page with Generate new credential',
    },
  },
  steps: {
    login: {
      title: 'Log in to Personio',
      text: 'Open your Personio login page (<https://app.personio.de/login|app.personio.de/login> takes you there) and log in with your email address and password.',
      alt: 'The Personio login page',
    },
    settings: {
      title: 'Open the settings',
      text: 'Click *Settings* in the sidebar.',
      alt: 'Settings in the Personio sidebar',
    },
    generate: {
      title: 'Generate a new credential',
      text: 'Under *Integrations*, click *API credentials*, then *Generate new credential* in the top right corner.',
      alt: 'The API credentials page with Generate new credential',
    },
    access: {
      title: 'Name it and give it read access to employees',
      text: [
        'In the form that slides in:',
        '• *Name*: something you will recognise, such as `Wintro`.',
        '• *Integration*: pick Wintro if it is listed, otherwise *Other*.',
        '• Access levels: choose *Read* for *Employees*. Wintro only reads, so nothing needs Write.',
      ].join('\n'),
    },
    attributes: {
      title: 'Tick the employee attributes Wintro reads',
      text: 'Choosing *Read* for Employees shows the *Readable employee attributes* menu. Tick at least these:\n{{attributes}}',
      alt: 'The Readable employee attributes menu',
    },
    copy: {
      title: 'Generate and copy the Client ID and Client Secret',
      text: 'Click *Generate new credential*. Personio shows a *Client ID* and a *Client Secret*: copy both right away and keep them somewhere safe, as you may not see the secret again.',
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
      'Check that both come from the same credential (Settings → Integrations → API credentials) and were copied whole. If the secret is lost, generate a new credential for Wintro.',
    clientId: 'Personio did not accept this Client ID with that secret.',
    clientSecret: 'Paste the Client Secret again; Personio did not accept it.',
  },
  attributesFailed: 'reading the employee attributes failed ({{status}})',
  attributesOddly: 'it listed the employee attributes oddly',
  noEmployeeAccess: {
    title: 'This credential cannot read employee data',
    detail: `Personio refused to list the employee attributes. Open ${CREDENTIAL_MENU}, choose *Read* for Employees and tick the attributes Wintro needs, save, then click Check again.`,
  },
  missingAttributes: {
    title_one: "Wintro can't read one employee attribute it needs yet",
    title_other: "Wintro can't read {{count}} employee attributes it needs yet",
    intro: `Tick these in ${ATTRIBUTES_MENU}, save, then click Check again:`,
    noneReadable: 'The credential reads no attributes at all: first choose *Read* for Employees.',
  },
  details: { attributes: 'Employee attributes checked', clientId: 'Personio Client ID' },
} as const;
