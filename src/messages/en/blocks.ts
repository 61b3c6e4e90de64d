/**
 * English messages of the blocks area, by id: every word the renderers in src/blocks/ draw.
 * Parameters in `{{…}}` are filled in by the renderer; text a person typed arrives escaped.
 * Single braces (`{date_short}`) and `<…|…>` are Slack's own formatting and stay as they are.
 */
export const blocks = {
  ui: {
    button: {
      back: 'Back',
      next: 'Next',
      enterCredentials: 'Enter credentials',
      cancelSetup: 'Cancel setup',
      askSomeoneElse: 'Ask someone else',
      continue: 'Continue',
    },
    flow: {
      title: 'Link {{system}} to Wintro',
      screenshotLink: '<{{url}}|Screenshot: {{alt}}>',
      cancelledText: 'Link {{system}} to Wintro: cancelled',
      cancelled: 'Setup cancelled. Nothing was saved. Start again any time with `/wintro link {{word}}`.',
      variantText: 'Link {{system}} to Wintro: {{question}}',
      prerequisitesText: 'Link {{system}} to Wintro: first, check you have the access you need',
      prerequisitesIntro: 'Before you start · {{total}} steps, about 5 minutes',
      prerequisitesMissing: "*Don't have it?* {{whoCanHelp}}",
      startGuide: 'I have it, start the guide',
      haveCredentials: 'I already have credentials',
      lackAccess: "I don't have this",
      progress: 'Step {{step}} of {{total}}',
      guideText: 'Link {{system}} to Wintro: Step {{step}} of {{total}}, {{title}}',
      guideTextWithoutStep: 'Link {{system}} to Wintro: Step {{step}} of {{total}}',
      credentialsText: 'Link {{system}} to Wintro: enter your credentials',
      credentialsProgress: 'Step {{total}} of {{total}} done · credentials',
      credentialsRetry: 'Fix what is below, then enter the credentials again. Nothing you typed was stored.',
      credentialsReady:
        'Ready: enter the credentials in a private form. Only you see it, and Wintro checks them right away.',
      backToGuide: 'Back to the guide',
      askColleague: 'Ask a colleague to fix this',
      verifyingText: 'Link {{system}} to Wintro: checking with {{vendor}}…',
      verifying: ':hourglass_flowing_sand: Checking the credentials with {{vendor}}…',
      linkedText: '{{system}} is linked to Wintro',
      linkedTitle: '{{system}} is linked',
      linked: ':white_check_mark: Wintro can now read {{system}}. Nothing else to do.',
      linkedBy: 'Linked by <@{{user}}>. Type `/wintro status` to see every linked system.',
      helpAsked:
        ":hourglass_flowing_sand: Waiting for <@{{colleague}}>: I sent them what is missing. You'll hear back here.",
      helpGranted: ":white_check_mark: <@{{colleague}}> says it's granted. Carry on from here.",
      helpDeclined: ":no_entry: <@{{colleague}}> can't help.",
      helpDeclinedBecause: ":no_entry: <@{{colleague}}> can't help: “{{reason}}”",
    },
    credentials: {
      title: 'Link {{vendor}}',
      done: 'Done',
      cancel: 'Cancel',
      submit: 'Check and link',
      submitAgain: 'Check again',
      checking: ':hourglass_flowing_sand: *Checking with {{vendor}}…* This takes a few seconds.',
      privacy:
        'Only you see this form. Wintro checks the credentials with {{vendor}} right away and stores them encrypted.',
      linked: ':white_check_mark: *{{system}} is linked to Wintro.*',
      stored: 'The credentials are stored encrypted. You can close this window.',
    },
    handover: {
      missingInCredential: '*Missing in the {{vendor}} credential Wintro uses:*',
      missingPermission: '*Missing:* {{permission}}\n{{whoCanHelp}}',
      askTitle: 'Ask for help',
      askSubmit: 'Send request',
      askCancel: 'Cancel',
      askIntro:
        "Pick who can give you access in {{vendor}}. I'll send them exactly what is missing and let them take over the setup or tell you when it's done.",
      colleagueLabel: 'Who can help?',
      colleaguePlaceholder: 'Choose a colleague',
      colleagueSuggested: 'Suggested: the person your team asked last time.',
      noteLabel: 'Note for them',
      notePlaceholder: 'Anything they should know',
      declineTitle: "Can't help",
      declineSubmit: 'Send',
      declineBack: 'Back',
      declineLabel: 'Why not? They will see this.',
      declinePlaceholder: 'e.g. I am not an admin either; ask Sam',
      requestText: '<@{{asker}}> needs your help linking {{system}} to Wintro.',
      requestReminderText: 'Reminder: <@{{asker}}> is waiting for your help linking {{system}} to Wintro.',
      request: "<@{{asker}}> is linking *{{system}}* to Wintro and needs access they don't have.",
      requestReminder:
        ':bell: Reminder: <@{{asker}}> is still waiting for your help linking *{{system}}* to Wintro.',
      requestTitle: 'Can you help with {{vendor}}?',
      requestNote: '*Note from <@{{asker}}>:*\n>{{note}}',
      takeOver: 'Take over the setup',
      granted: "I've granted it",
      decline: "I can't help",
      requestExplained:
        "*Take over*: the setup moves to you, at the step where <@{{asker}}> stopped. *I've granted it*: <@{{asker}}> gets a message to carry on.",
      answeredTaken:
        ':white_check_mark: You took over the {{system}} setup: it continues in the message below.',
      answeredGranted:
        ':white_check_mark: Thanks! I told <@{{asker}}> to carry on with the {{system}} setup.',
      answeredDeclined: ":no_entry: You told <@{{asker}}> you can't help.",
      answeredDeclinedBecause: ":no_entry: You told <@{{asker}}> you can't help: “{{reason}}”",
      takenOver:
        "<@{{holder}}> took over the {{system}} setup from <@{{previous}}>. You'll see it in the channel when it's linked.",
      grantedNotice:
        '<@{{colleague}}> says the access for {{vendor}} is granted. Carry on where you stopped:',
      declinedNotice:
        "<@{{colleague}}> can't help with the {{system}} setup. You can ask someone else from your setup message.",
      declinedNoticeBecause:
        "<@{{colleague}}> can't help with the {{system}} setup: “{{reason}}” You can ask someone else from your setup message.",
    },
    reminder: {
      nudgeText:
        "<@{{colleague}}> hasn't answered your request for help with {{system}} yet, even after a reminder.",
      nudge: ':hourglass: {{notice}} You can ask someone else.',
      idleText: 'Your {{system}} setup is waiting at {{where}}.',
      idle: ':wave: {{notice}} It has not moved since <!date^{{since}}^{date_short_pretty} at {time}|{{fallback}}>.',
      expiryText: 'The {{system}} credentials Wintro uses expire on {{day}}.',
      expiry:
        ':hourglass: {{notice}} After that Wintro cannot read {{system}}. Create new credentials in {{system}} and type `/wintro link {{word}}` to replace them: it takes a few minutes, and the connection keeps working until the old ones expire.',
    },
    help: {
      summary: 'Wintro links your HR or recruiting system in a few guided steps.',
      link: '`/wintro link <system>`: start linking ({{words}})',
      pick: '`/wintro link`: choose the system from a list',
      status: '`/wintro status`: your setup in progress and the systems your team has linked',
      cancel: '`/wintro cancel`: stop your setup in progress',
      notify: '`/wintro notify #channel`: where new links are announced',
      help: '`/wintro help`: this message',
    },
    picker: {
      question: 'Which system do you want to link to Wintro?',
    },
    unknown: {
      systemText: 'I don\'t know "{{input}}". Did you mean {{name}}? Try /wintro link {{word}}',
      system: "I don't know “{{input}}”. Did you mean *{{name}}*? Try `/wintro link {{word}}`.",
      systemNoSuggestion: "I don't know “{{input}}” yet.",
      command: "I didn't understand “{{input}}”. Did you mean `/wintro {{suggestion}}`?",
      commandNoSuggestion: "I didn't understand “{{input}}”.",
    },
    phase: {
      chooseVariant: 'choosing which data to link',
      prerequisites: 'checking the prerequisites',
      guide: 'step {{step}} of {{total}}',
      credentials: 'entering credentials',
      credentialsAfterCheck: 'entering credentials (last check: {{title}})',
      verifying: 'checking the credentials',
    },
    status: {
      title: 'Wintro status',
      text: 'Wintro status: {{linked}} linked, {{active}} in progress',
      linkedLine: ':white_check_mark: *{{system}}*: linked by <@{{user}}> on {{when}}',
      linkedLineExpiring:
        ':white_check_mark: *{{system}}*: linked by <@{{user}}> on {{when}}, token expires {{day}}',
      activeLine: ':hourglass_flowing_sand: *{{system}}*: your setup is at {{phase}}',
      notLinkedLine: ':white_circle: *{{system}}*: not linked',
      continuesInDm: 'Your setup continues in your DM with Wintro. `/wintro cancel` stops it.',
      startHint: 'Start a setup with `/wintro link <system>`.',
    },
    linkedNotification: {
      text: '{{system}} is now linked to Wintro, set up by <@{{user}}>.',
      section: ':white_check_mark: *{{system}}* is now linked to Wintro, set up by <@{{user}}>.',
    },
    unavailable: {
      text: 'Wintro is briefly unavailable. Your progress is saved: try again in a minute and you will continue from the same step.',
      check:
        'Wintro is briefly unavailable, so this check could not finish and nothing was stored. Your progress is saved: submit this form again in a few minutes (type the Client Secret or key again if it is empty).',
      formTitle: 'Wintro',
      close: 'Close',
    },
    slackFailure: {
      rateLimited: 'Slack is busy right now and asked us to wait {{seconds}} seconds.',
      refused: 'Slack refused the message ({{code}}).',
      noAnswer: 'Slack did not answer in time.',
    },
  },
} as const;
