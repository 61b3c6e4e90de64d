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
  field: {
    empty: 'Paste the {{label}} here. It {{looksLike}}.',
    spaces: 'The {{label}} has no spaces or line breaks. It {{looksLike}}.',
    tooLong: 'That is too long for a {{label}}. It {{looksLike}}.',
    mismatch: "That doesn't look like a {{label}}. It {{looksLike}}.",
  },
} as const;
