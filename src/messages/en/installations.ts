/** English messages of installing the app in a workspace, and of a workspace's own settings. */
export const installations = {
  install: {
    startFromWintro:
      'To connect Slack, start again from the Slack settings page in Wintro: it gives you a fresh install link.',
    success: {
      title: 'Wintro is installed',
      detail:
        'Wintro is now installed in {{workspace}}. You can close this tab: I have sent you a direct message in Slack with what to type next.',
      yourWorkspace: 'your workspace',
    },
    failed: {
      link_missing: {
        title: 'This install link is incomplete',
        detail: 'The link did not say which Wintro account to connect, so nothing was installed.',
      },
      link_expired: {
        title: 'This install link has expired',
        detail: 'Install links from Wintro work for a short time only, so nothing was installed.',
      },
      link_invalid: {
        title: 'This install link is not valid',
        detail: 'The link was not made by Wintro, or it was changed on the way, so nothing was installed.',
      },
      cancelled: {
        title: 'Installation cancelled',
        detail: 'You chose Cancel on Slack’s page, so Wintro was not installed. Nothing has changed.',
      },
      state: {
        title: 'This install could not be confirmed',
        detail:
          'The answer from Slack did not belong to an install started in this browser (or it took too long), so nothing was installed.',
      },
      code: {
        title: 'Slack did not confirm the install',
        detail:
          'Slack refused the confirmation code (it may have been used already), so nothing was installed.',
      },
      unknown: {
        title: 'The install did not finish',
        detail: 'Something went wrong while finishing the install, so nothing was installed.',
      },
    },
  },
  workspace: {
    welcome: {
      text: 'Wintro is installed in this workspace.',
      next: 'Type `/wintro link` in any channel to link your recruiting or HR system to Wintro, or `/wintro help` to see everything I can do. `/wintro notify #channel` picks where I announce a new link.',
    },
    notInstalled:
      'Wintro is not installed in this workspace (any more), so I cannot help here. An admin can install it again from the Slack settings page in Wintro.',
    notify: {
      set: 'Done: I will announce new links in <#{{channel}}>.',
      needChannel:
        'Name the channel after `/wintro notify`, picking it from the list Slack offers as you type `#`, e.g. `/wintro notify #hr-systems`.',
      current: 'New links are announced in <#{{channel}}>.',
      none: 'No channel is chosen for announcements yet: whoever links a system hears it in their DM. Choose one with `/wintro notify #channel`.',
    },
  },
} as const;
