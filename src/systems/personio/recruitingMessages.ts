/**
 * English words of the Personio recruiting guide and check. Personio's developer guide (updated
 * 15 Sep 2026; PROVIDERS.md, confirmed 2026-11-30, and current connector guides read 2026-12-01)
 * places API credentials under Marketplace → Connected integrations; Settings → Integrations →
 * API credentials now leads there too.
 */
const CREDENTIALS_MENU = 'Marketplace (sidebar) → See connected integrations → “Recruiting API key”';

export const personioRecruitingMessages = {
  name: 'Personio (recruiting)',
  revokePath: `${CREDENTIALS_MENU} (generate a new key there, so the old one stops working)`,
  summary: 'Recruiting data (applications): the system-generated Recruiting API key',
  prerequisites: {
    text: [
      'To read the Recruiting API key you need two Personio *access rights*:',
      '• *Account configuration > API* (for the API credentials)',
      '• *Account configuration > Marketplace Integration* (to see the details of the key)',
      'Check it in three clicks: if you can follow all three below, you are set.',
    ].join('\n'),
    missingPermission:
      'Access rights “Account configuration > API” and “Account configuration > Marketplace Integration”',
    whoCanHelp:
      'A Personio system administrator can assign these two access rights (*Account configuration > API* and *Account configuration > Marketplace Integration*) to your account, or do the setup. <{{accessRightsHelp}}|More about access rights>.',
  },
  selfCheck: {
    marketplace: {
      title: 'Open the Marketplace',
      text: 'In Personio, click *Marketplace* in the sidebar. No Marketplace button means the access rights are missing.',
      alt: 'The Marketplace button in the Personio sidebar',
    },
    connected: {
      title: 'See connected integrations',
      text: 'Check that you can click *See connected integrations*.',
      alt: 'The See connected integrations link in the Marketplace',
    },
    custom: {
      title: 'Create custom integration',
      text: 'Check that you can click *Create custom integration*. If you cannot, the setup will not work yet.',
      alt: 'The Create custom integration button',
    },
  },
  steps: {
    login: {
      title: 'Log in to Personio',
      text: [
        'Log in to your Personio account at the address you always use, such as `yourcompany.personio.de`: that is your API domain.',
        'You do not need to type it into Wintro: the Company ID in step 6 tells Personio which account is yours.',
      ].join('\n'),
      alt: 'The Personio login page with the account domain',
    },
    marketplace: {
      title: 'Open the Marketplace',
      text: 'Click *Marketplace* in the sidebar. Personio keeps API credentials there now (it used to be Settings → Integrations → API credentials, which leads to the same place).',
      alt: 'The Marketplace button in the Personio sidebar',
    },
    connected: {
      title: 'See connected integrations',
      text: 'Click *See connected integrations*: the API credentials of your account are listed there.',
      alt: 'The See connected integrations link in the Marketplace',
    },
    findKey: {
      title: 'Find the Recruiting API key',
      text: [
        'Personio creates the recruiting credentials for you, so there is nothing to generate.',
        'Look for the row called *Recruiting API key*, at the bottom of the list.',
        '_Do not click “Create custom integration”: those credentials are for employee data._',
      ].join('\n'),
      alt: 'The Recruiting API key row at the bottom of API credentials',
    },
    openKey: {
      title: 'Open the key',
      text: 'Click the *Recruiting API key* row. A popup opens with the details of the key.',
      alt: 'The popup with the details of the Recruiting API key',
    },
    copy: {
      title: 'Copy the Company ID and Access token',
      text: 'Copy the *Company ID* (a number) and the *Access token* from the popup. You will paste both in the next form.',
      alt: 'Company ID and Access token in the popup',
    },
  },
  fields: {
    companyId: {
      label: 'Company ID',
      hint: 'The number shown as Company ID in the Recruiting API key popup.',
      placeholder: 'e.g. 123456',
      looksLike: 'is a number such as 123456, shown as Company ID in the Recruiting API key popup',
    },
    accessToken: {
      label: 'Access token',
      hint: 'Shown in the same popup, under the Company ID.',
      placeholder: 'Access token from the Recruiting API key popup',
      looksLike: 'is the Access token from the Recruiting API key popup, one word without spaces',
    },
  },
  /** Documented 403 codes, with what the admin should do about each. */
  feature: {
    recruitingDisabled: {
      title: 'Your Personio account has no access to Personio Recruiting',
      detail:
        'Personio accepted the key but says your company does not have access to its recruiting features (feature.recruiting.disabled), so there are no applications for Wintro to read. Ask your Personio customer success manager (or Personio support) to enable Recruiting for your account, then click Check again. Your entries are kept.',
    },
    publicApiDisabled: {
      title: 'Your Personio account has no access to the Recruiting API',
      detail:
        'Personio accepted the key but says your company does not have access to its recruiting API (feature.public-api.disabled). Ask your Personio customer success manager (or Personio support) to enable the Recruiting API (public API) for your account, then click Check again. Your entries are kept.',
    },
    unnamed: {
      title: 'Personio refused the Recruiting API for your account',
      detail:
        'Personio recognised the key but says your company does not have access to a feature the check needs, without naming it. Ask your Personio customer success manager (or Personio support) to check that Recruiting and the Recruiting API are enabled for your account, then click Check again.',
    },
  },
  invalidCredentials: {
    title: 'Personio did not recognise the Company ID and Access token',
    detail: `Copy both again from the popup in ${CREDENTIALS_MENU}: they must come from that same row, and the token must be copied whole.`,
    employeeToken:
      'The token you pasted starts with “papi-”, like the Client ID and Client Secret of a generated credential: those are for employee data, not for recruiting.',
    companyId: 'Personio did not recognise this Company ID with that token. Check the number in the popup.',
    accessToken: 'Paste the Access token again from the Recruiting API key popup.',
  },
  unexpectedCheck: 'it answered the check with an unexpected status ({{status}})',
  unreadableRefusal:
    'it refused the check ({{status}}) without saying which fields were missing, so it is not clear whether it accepted the key',
  details: {
    company: 'Personio company ID',
    checked: 'Checked',
    accepted: 'Recruiting API key accepted (nothing was created)',
  },
} as const;
