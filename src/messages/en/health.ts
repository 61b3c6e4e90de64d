/** English messages of a linked connection's health: the re-check finding it broken, working again, fixing it. */
export const health = {
  health: {
    broken: {
      dmText: '{{system}} stopped working for Wintro',
      dm: ':warning: *{{system}} stopped working for Wintro.* When I checked the connection again, {{vendor}} answered:\n*{{title}}*\n{{detail}}',
      dmOutro:
        'Until it is fixed, Wintro cannot sync from {{system}}. *Fix it* takes you through linking it again at the step that fixes this; the current connection stays in place until the new credentials are verified.',
      fixButton: 'Fix it',
      channelText: '{{system}}, linked by <@{{user}}>, stopped working for Wintro',
      channel:
        ':warning: *{{system}}*, linked by <@{{user}}>, stopped working for Wintro: {{title}}. <@{{user}}> has been told how to fix it.',
    },
    restored: {
      dmText: '{{system}} is working again',
      dm: ':white_check_mark: *{{system}} is working again* for Wintro: the last check passed.',
      relinkedDm: ':white_check_mark: *{{system}} is working again* for Wintro: <@{{user}}> linked it again.',
      channelText: '{{system}} is working again for Wintro',
      channel: ':white_check_mark: *{{system}}* is working again for Wintro.',
    },
    expired: {
      title: 'The {{system}} credentials have expired',
      detail:
        'They were valid until {{day}}. Create new credentials in {{vendor}} and link {{system}} again with them.',
    },
    renew: {
      button: 'Renew now',
      continuesInDm:
        'Let’s renew the {{system}} credentials: the setup continues in your direct message with me.',
    },
    status: {
      broken: ':warning: broken since {{when}}: {{title}}',
    },
    fix: {
      continuesInDm: 'Let’s fix {{system}}: the setup continues in your direct message with me.',
      noLongerWorks: 'This button no longer works. To link a system again: `/wintro link`.',
      unlinked:
        '{{system}} is not linked any more, so there is nothing to fix. To link it: `/wintro link {{word}}`.',
      replaced:
        '{{system}} was linked again since, by <@{{user}}>: the connection this button was about is no longer in use, and the new one is in place.',
      working: '{{system}} is working again: there is nothing to fix.',
    },
  },
} as const;
