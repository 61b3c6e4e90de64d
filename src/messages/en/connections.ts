/** English messages of the hand-over of linked connections to Wintro. */
export const connections = {
  connections: {
    handover: {
      pending: ':hourglass_flowing_sand: Handing the connection over to Wintro…',
      delivered: ':white_check_mark: Wintro has it: syncing from {{system}} can start.',
      failed:
        ':warning: The connection is verified, but it is not with Wintro yet: Wintro could not take it in. The Wintro team has been told and will let you know if {{system}} needs linking again.',
    },
    status: {
      pending: 'handing over to Wintro…',
      delivered: 'Wintro has it',
      failed: 'verified, but not yet with Wintro (the Wintro team has been told)',
    },
    failedDm: {
      text: '{{system}} is verified, but it is not with Wintro yet',
      body: ':warning: *{{system}} is verified, but it is not with Wintro yet.* Wintro could not take the connection in. The Wintro team has been told and will let you know if {{system}} needs linking again.',
    },
    failedChannel: {
      text: '{{system}}, linked by <@{{user}}>, is not with Wintro yet',
      body: ':warning: *{{system}}*, linked by <@{{user}}>, is verified but not with Wintro yet: Wintro could not take the connection in. The Wintro team has been told.',
    },
  },
} as const;
