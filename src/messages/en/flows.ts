/** English messages of the linking flow: commands, buttons, forms, refusals, hand-over. */
export const flows = {
  flow: {
    dm: {
      unavailable: 'This setup is no longer available.',
      continuesBelow: 'This setup continues in a newer message below.',
    },
    button: {
      noLongerWorks: 'That button no longer works. Type `/wintro status` to see where your setup is.',
      noTrigger: 'Slack did not let me open the form. Click the button again.',
      unknown: 'That button is not one I know. Type `/wintro help`.',
    },
    step: {
      notShown:
        'Your step is saved, but I could not show it: {{reason}} Type `/wintro link {{word}}` to see it again.',
    },
    kept: {
      days_one: '{{count}} day',
      days_other: '{{count}} days',
      seconds_one: '{{count}} seconds',
      seconds_other: '{{count}} seconds',
    },
    refused: {
      expired:
        'This setup has expired: unfinished setups are kept for {{kept}}. Start again with `/wintro link`.',
      linked: '{{name}} is already linked. Type `/wintro status` to see every linked system.',
      cancelled: 'This setup was cancelled. Start again with `/wintro link {{word}}`.',
      notHolder:
        'Only <@{{holder}}> can continue this {{name}} setup. To link it yourself, type `/wintro link {{word}}`.',
      movedOn: 'This step already moved on: use the newest message from Wintro in this conversation.',
      formNotNow: 'The credentials form is not available at this step.',
      helpNotNow: 'You can ask for help once the setup is at a step, not while a check runs.',
      form: {
        expired: 'This setup has expired. Close this form and start again with /wintro link.',
        notHolder: 'Only the person running this setup can submit it.',
        linked: 'This setup is already linked. Close this form.',
        cancelled: 'This setup is cancelled. Close this form.',
        stillChecking: 'Still checking your last entry with {{vendor}}. Wait a moment for the answer.',
        restarting:
          'Wintro is restarting. Wait a few seconds, then click the button again: your entries are kept.',
        vendorAskedToWait:
          '{{vendor}} asked us to wait. Try again in {{seconds}} seconds; your entries are kept.',
      },
      helpForm: {
        ended: 'This setup has ended or expired. Close this form.',
        notHolder: 'Only the person running this setup can ask for help with it.',
        movedOn: 'Your setup moved on while you were choosing; open the newest message and ask again.',
      },
      answer: {
        ended: 'This setup has ended or expired; nothing to do.',
        replaced: 'This request was replaced by a newer one; nothing to do here.',
        notColleague: 'Only <@{{colleague}}> can answer this request.',
        linked: 'This {{name}} setup has been linked already.',
        cancelled: 'This {{name}} setup has been cancelled already.',
        youAnswered: 'You already answered this request.',
        answeredMeanwhile: 'This request was answered already.',
      },
    },
    check: {
      changedMeanwhile:
        'This setup changed while we were checking (it was cancelled or finished elsewhere). Nothing was saved.',
      crashedTitle: 'Something went wrong on our side',
      crashedDetail:
        'The check stopped unexpectedly. Try again; if it keeps happening, contact Wintro support.',
      interruptedTitle: 'The check was interrupted',
      interruptedByCrash:
        'Wintro stopped while checking with {{vendor}}, so nothing was saved. Enter the credentials again and check: it takes a few seconds.',
      interruptedByRestart:
        'Wintro restarted while checking with {{vendor}}, so nothing was saved. Click Check again in a moment: your entries are kept in this form.',
    },
  },
  command: {
    malformed: 'That request did not look like a Slack command. Try `/wintro help`.',
    link: {
      continuesInDm: ":wave: I've sent you a direct message: the {{name}} setup continues there.",
      dmFailed:
        "I couldn't send you a direct message, so the {{name}} setup did not start: {{reason}} Run the command again in a minute; if it keeps failing, check that direct messages from Wintro are allowed.",
    },
    pick: {
      gone: 'That choice is no longer available. Type `/wintro link` to see the list again.',
      continuesInDm: 'The {{name}} setup continues in your direct messages with Wintro.',
    },
    cancel: {
      nothing: 'You have no setup in progress, so there is nothing to cancel.',
      changed: 'That setup just changed; run `/wintro status` to see where it is.',
      done: 'Cancelled your {{systems}} setup. Nothing was saved.',
    },
  },
  handover: {
    form: {
      chooseColleague: 'Choose the colleague who can give you access.',
      notYourself: 'Choose someone else: this request goes to the person who can grant the access.',
      sayWhy: 'Say in a few words why, so they know whom to ask next.',
    },
    requestNotSent:
      "I couldn't send your request to <@{{colleague}}> (Slack refused the direct message). Ask someone else, or send them this setup's details yourself.",
    alreadyAnswered: 'This request was already answered or replaced.',
  },
} as const;
