/** English messages of a connection's life after linking: who may link, replacing, unlinking, the Home tab. */
export const lifecycle = {
  lifecycle: {
    linkers: {
      checking: ':hourglass_flowing_sand: One moment: checking with Slack who may link systems here…',
      notAllowedAdmins:
        'In this workspace only Slack workspace admins and owners can link, replace or unlink systems for Wintro, and you are not one of them. Ask a workspace admin to do it: *Ask someone who can* sends them your request.',
      notAllowedGroup:
        'In this workspace only members of <!subteam^{{group}}> can link, replace or unlink systems for Wintro, and you are not one of them. Ask one of them to do it: *Ask someone who can* sends them your request.',
      ask: 'Ask someone who can',
      checkFailed:
        'I could not check with Slack whether you may link systems here, so nothing was changed. Click *Try again* in a moment.',
      retry: 'Try again',
      whoAdmins: 'a Slack workspace admin or owner',
      someAdmins: 'Admins who have used Wintro here: {{users}}.',
      whoGroup: 'a member of <!subteam^{{group}}>',
      formNotAllowedAdmins:
        'In this workspace only Slack workspace admins and owners can link systems for Wintro, and you are not one of them (any more). Nothing was checked; an admin can take over this setup.',
      formNotAllowedGroup:
        'In this workspace only members of the Slack user group {{group}} can link systems for Wintro, and you are not one of them (any more). Nothing was checked; a member can take over this setup.',
      formCheckFailed:
        'I could not check with Slack whether you may link systems here. Click the button again in a moment: your entries are kept.',
      requestMissing:
        '<@{{asker}}> may not link systems to Wintro in this workspace: only {{who}} can. Take over the setup to link {{system}} yourself.',
    },
    when: {
      date: '<!date^{{seconds}}^{date_short}|{{iso}}>',
    },
    replace: {
      questionText: '{{system}} is already linked, by <@{{user}}>',
      question:
        '*{{system}} is already linked*, by <@{{user}}> on {{when}}. Last check: {{check}}.\nLinking it again replaces that connection. It stays in force until the new credentials are verified.',
      checkWorking: 'working ({{when}})',
      checkBroken: 'broken since {{when}}: {{title}}',
      checkNever: 'not checked again since it was linked',
      confirm: 'Replace the {{system}} connection',
      keep: 'Keep it',
      kept: 'Nothing changed: {{system}} stays linked as it is.',
      changed:
        '{{system}} changed since you asked: it was linked again by <@{{user}}>. Type `/wintro link {{word}}` to see it as it is now.',
      gone: '{{system}} is no longer linked. Type `/wintro link {{word}}` to link it.',
      continuesInDm:
        'The replacement of {{system}} continues in your direct messages with Wintro. The current connection stays in force until the new credentials are verified.',
      replacedDmText: '<@{{user}}> replaced the {{system}} connection you linked',
      replacedDm:
        ':arrows_counterclockwise: <@{{user}}> replaced the {{system}} connection you linked. Wintro uses their credentials from now on; yours are no longer used. {{hint}}',
      noticeText: '<@{{user}}> replaced the {{system}} connection',
      notice:
        ':arrows_counterclockwise: <@{{user}}> replaced the *{{system}}* connection: Wintro uses the new credentials from now on.',
      linkedMeanwhileTitle: '{{system}} is linked by someone else',
      linkedMeanwhileDetail:
        '<@{{user}}> linked {{system}} before your credentials were stored, so yours were not saved (they were fine). To replace that connection, type `/wintro link {{word}}` and confirm.',
    },
    unlink: {
      nothingLinked: 'No system is linked, so there is nothing to unlink.',
      pickText: 'Which system should be unlinked?',
      pick: '*Which system should be unlinked?*',
      pickLine: '*{{system}}*: linked by <@{{user}}> on {{when}}',
      button: 'Unlink {{system}}',
      notLinked:
        '{{system}} is not linked, so there is nothing to unlink. Type `/wintro status` to see every system.',
      questionText: 'Unlink {{system}}?',
      question:
        '*Unlink {{system}}?* It was linked by <@{{user}}> on {{when}}. Wintro stops syncing from {{system}} and the stored credentials are deleted.',
      confirm: 'Unlink {{system}}',
      keep: 'Keep it',
      kept: 'Nothing changed: {{system}} stays linked.',
      done: ':white_check_mark: {{system}} is unlinked: its credentials are deleted here and Wintro is told.',
      doneHere: ':white_check_mark: {{system}} is unlinked: its credentials are deleted here.',
      vendorHint: 'One more step in {{vendor}}: delete the API credential Wintro used, under {{path}}.',
      vendorHintGeneric:
        'One more step in {{vendor}}: delete the API credential Wintro used in its settings.',
      already: '{{system}} is not linked anymore: it was unlinked already. Nothing to do.',
      changed:
        '{{system}} was linked again since you asked, by <@{{user}}>. Type `/wintro unlink {{word}}` to unlink it as it is now.',
      noticeText: '<@{{user}}> unlinked {{system}}',
      notice: ':wave: <@{{user}}> unlinked *{{system}}*: Wintro no longer syncs from it.',
      help: '`/wintro unlink <system>`: unlink a linked system (asks first); `/wintro unlink` lists them',
    },
    home: {
      title: 'Wintro',
      intro: 'Your recruiting and HR systems linked to Wintro, and what waits for you.',
      systems: 'Systems',
      notLinked: '*{{system}}*: not linked',
      inProgress: '*{{system}}*: setup in progress by <@{{user}}>',
      linked: '*{{system}}*: linked by <@{{user}}> on {{when}}',
      broken: '*{{system}}*: :warning: broken since {{when}} ({{title}}); linked by <@{{user}}>',
      expires: 'expires on {{day}}',
      link: 'Link',
      replace: 'Replace',
      fix: 'Fix it',
      unlink: 'Unlink',
      yourSetups: 'Your setups in progress',
      setupLine: '*{{system}}*: {{phase}}',
      continue: 'Continue',
      requests: 'Requests waiting for you',
      requestLine: '<@{{asker}}> asks for your help with *{{system}}*',
      takeOver: 'Take over',
      more_one: '…and {{count}} more. Type `/wintro status` to see everything.',
      more_other: '…and {{count}} more. Type `/wintro status` to see everything.',
      nothingWaiting: 'Nothing waits for you.',
      sentToDm: 'I have sent you a direct message about {{system}}.',
    },
  },
} as const;
