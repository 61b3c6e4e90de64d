/** English messages of the abuse limits: what was refused, and when the person can try again. */
export const limits = {
  limits: {
    helpPerSetup:
      'You have asked for help with this setup 3 times in the last hour. You can ask again {{when}}; until then you can carry on with the setup yourself.',
    helpPerPerson:
      'You have sent 10 requests for help in the last day. You can ask again {{when}}; until then you can carry on with the setup yourself.',
    requestDmsPerColleague:
      '<@{{colleague}}> has already had 3 messages about this setup, so I will not send another. Ask someone else, or ask them directly.',
    requestDmsPerColleagueSent:
      'I did not send your request to <@{{colleague}}>: they have already had 3 messages about this setup. Ask someone else, or ask them directly.',
    checksPerSetup:
      'These credentials have been checked 10 times in the last hour, the most one setup can. You can check again {{when}}. What you entered is kept.',
    checksPerWorkspace:
      'Credentials have been checked 30 times in this workspace in the last hour, the most Wintro allows so it cannot be used to try out credentials. You can check again {{when}}. What you entered is kept.',
    setupsPerPerson:
      'You have started 20 setups in the last day, the most one person can. You can start another {{when}}. The setups you have under way carry on: `/wintro status` lists them.',
    when: {
      minutes_one: 'in a minute',
      minutes_other: 'in {{count}} minutes',
      hours_one: 'in about an hour',
      hours_other: 'in about {{count}} hours',
    },
  },
} as const;
