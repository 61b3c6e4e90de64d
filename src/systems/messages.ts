/** English words every vendor shares: checks that could not be finished, and credential field errors. */
export const commonMessages = {
  outcome: {
    timeout: {
      title: '{{vendor}} did not answer in time',
      detail:
        '{{vendor}} took too long to answer, so nothing was checked. This is usually brief: try again in a minute. Your entries are kept.',
    },
    unreachable: {
      title: 'Wintro could not reach {{vendor}}',
      detail:
        "The connection to {{vendor}} failed, so nothing was checked. Try again in a minute. If it keeps failing, check {{vendor}}'s status page.",
    },
    vendorError: {
      title: '{{vendor}} had a problem',
      detail:
        'We could not finish the check because {{what}}. Nothing is wrong with your entries as far as we can tell: try again in a minute.',
    },
    rateLimited: {
      title: '{{vendor}} asked us to slow down',
      why: '{{vendor}} limits how often it can be called.',
      detail: '{{why}} Try again in {{seconds}} seconds; your entries are kept.',
    },
  },
  /** What went wrong, completing "We could not finish the check because …". */
  because: {
    tooLarge: 'it sent an answer far larger than expected',
    serverError: 'it answered with an error ({{status}})',
    noAccessToken: 'it answered without an access token',
    refusedOwnToken: 'it issued a token and then refused it',
    unexpectedSignIn: 'it answered the sign-in with an unexpected status ({{status}})',
  },
  /** Linking in one click through the vendor's approval page: the DM and the page the browser lands on. */
  authorization: {
    linkUsed: {
      title: 'That approval link had already been used or had expired',
      detail:
        'Each Connect button works once and for an hour, so nothing was linked. Click the new *{{button}}* button below.',
    },
    page: {
      title: 'Wintro',
      linked: '{{system}} is linked to Wintro. You can close this tab and go back to Slack.',
      alreadyLinked: '{{system}} is already linked to Wintro. You can close this tab.',
      ended:
        'This setup has already ended, so nothing was linked. You can close this tab; Slack says how to start again.',
      denied:
        'You did not approve Wintro, so nothing was linked. You can close this tab; to try again, use the new button in your Slack DM with Wintro.',
      linkUsed:
        'This approval link was already used or has expired, so nothing was linked. You can close this tab and use the new button in your Slack DM with Wintro.',
      invalid:
        'This approval link is not valid, so nothing was linked. You can close this tab and start again in Slack with /wintro link {{word}}.',
      failed:
        'Nothing was linked: {{title}}. You can close this tab; your Slack DM with Wintro says what to do next.',
      unavailable:
        'Wintro is briefly unavailable, so nothing was linked. Please try again in a minute from your Slack DM with Wintro.',
    },
  },
  field: {
    empty: 'Paste the {{label}} here. It {{looksLike}}.',
    spaces: 'The {{label}} has no spaces or line breaks. It {{looksLike}}.',
    tooLong: 'That is too long for a {{label}}. It {{looksLike}}.',
    mismatch: "That doesn't look like a {{label}}. It {{looksLike}}.",
  },
} as const;
