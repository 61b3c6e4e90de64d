/** English words of the Recruitee guide and check. */
const TOKENS_PAGE = 'https://app.recruitee.com/#/settings/api_tokens';
const PROFILE_PAGE = 'https://app.recruitee.com/#/settings/profile/email_settings';
const TOKENS_MENU = 'Settings → Apps and plugins → Personal API tokens';

export const recruiteeMessages = {
  name: 'Recruitee',
  revokePath: 'Settings → Apps and plugins → Personal API tokens → the token made for Wintro',
  summary: 'Recruiting: a Personal API token and your company ID',
  prerequisites: {
    text: [
      'To create the API token Wintro needs, you need the *Administrator* role in your company’s Recruitee.',
      'A Recruitee token can do exactly what the person who made it can do, so it has to come from an Administrator.',
    ].join('\n'),
    missingPermission:
      'The “Administrator” role (shown in Settings → MY ACCOUNT → Profile, next to your email address)',
    whoCanHelp:
      'Find out who has the *Administrator* role in your company’s Recruitee and ask them to give you the role, or to do this setup themselves.',
  },
  selfCheck: {
    profile: {
      title: 'Open your profile settings',
      text: `Log in to Recruitee and open your <${PROFILE_PAGE}|profile settings> (*Settings → MY ACCOUNT → Profile*).`,
    },
    role: {
      title: 'Look at your role',
      text: 'Your role is shown next to your email address. It should say *Administrator*.',
      alt: 'Recruitee profile with the Administrator role next to the email address',
    },
  },
  steps: {
    tokens: {
      title: 'Open the Personal API tokens',
      text: [
        `In Recruitee, open the <${TOKENS_PAGE}|API settings page>, or go to *${TOKENS_MENU}*.`,
        '_Use *Personal API tokens*, not a Careers Site API token: that one is made for careers sites and does not work for Wintro._',
      ].join('\n'),
    },
    newToken: {
      title: 'Create a new token',
      text: 'Click *+ New token* in the top right corner.',
      alt: 'The + New token button on the Personal API tokens page',
    },
    save: {
      title: 'Name it and save',
      text: 'Give the token a name such as `Wintro`, then click *Save*.',
      alt: 'Naming the new token and saving it',
    },
    copyToken: {
      title: 'Copy the token',
      text: 'Copy the token (the long string of characters) and keep it somewhere safe until you paste it into Wintro.',
      alt: 'The new personal API token, ready to copy',
    },
    companyId: {
      title: 'Copy your company ID',
      text: [
        'Copy your *Company ID* as well: Recruitee shows it on the same page.',
        'You also find it in the app’s address after `company=`, e.g. `…?company=123456` → `123456`.',
      ].join('\n'),
      alt: 'Where Recruitee shows the company ID',
    },
  },
  fields: {
    companyId: {
      label: 'Company ID',
      hint: 'Shown on the Personal API tokens page, and in the app’s address after company=. Pasting that address works too.',
      placeholder: 'e.g. 123456',
      looksLike:
        'is the Company ID Recruitee shows on the Personal API tokens page: a number such as 123456 (or your company’s short name, such as acme)',
      notACompany:
        'That is not a company ID. Copy the Company ID from the Personal API tokens page: a number such as 123456.',
    },
    apiToken: {
      label: 'Personal API token',
      hint: `The token you created in ${TOKENS_MENU}. Not a Careers Site API token.`,
      placeholder: 'Personal API token',
      looksLike: 'is the long Personal API token Recruitee showed when you saved it, one word without spaces',
    },
  },
  /** What each read covers, completing "reading …". */
  covers: { jobs: 'jobs', candidates: 'candidates' },
  unexpectedShape: 'it answered reading {{what}} in a way we did not expect',
  unexpectedStatus: 'reading {{what}} gave an unexpected answer ({{status}})',
  invalidToken: {
    title: 'Recruitee did not accept the token for this company',
    detail: [
      'Check that you copied the whole Personal API token, and that the Company ID is the one shown on the Personal API tokens page.',
      'A token works only in the company it was made in, and a Careers Site API token does not work here.',
    ].join(' '),
    apiToken: 'Recruitee did not accept this token. Paste the Personal API token again, whole.',
    companyId: 'Check this is the Company ID of the company the token was made in.',
  },
  insufficientRights: {
    title: 'Recruitee accepted the token but would not let it read {{what}}',
    detail: [
      'A Recruitee token can do only what the person who created it can do.',
      'Create the token while logged in as someone with the *Administrator* role (Settings → MY ACCOUNT → Profile shows the role), then paste that token.',
    ].join(' '),
    apiToken: 'This token’s user lacks the rights Wintro needs. Use a token made by an Administrator.',
    /** The missing role, in Recruitee's words. */
    role: 'Administrator',
  },
  unknownCompany: {
    title: 'Recruitee does not know that company ID',
    detail:
      'Copy the Company ID from the Personal API tokens page (or the number after company= in the app’s address) and check again.',
    companyId: 'Recruitee has no company with this ID.',
  },
  invalidCompanyId: {
    title: 'That company ID cannot be right',
    detail: 'Copy the Company ID from the Personal API tokens page: a number such as 123456.',
    companyId: 'Copy the Company ID from the Personal API tokens page.',
  },
  details: { company: 'Recruitee company', checked: 'Checked', and: ' and ' },
} as const;
