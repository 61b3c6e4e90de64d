/**
 * The bot scopes the app asks for when a workspace installs it; manifest.yml lists the same.
 * commands: /wintro. chat:write: the setup DMs. chat:write.public: the success notice in a channel
 * without joining it. im:write: a DM to a person when a click came from no channel. users:read: a
 * person's time zone (users.info), to count a Workable token's expiry period from their today, their
 * Slack locale, and whether they are a workspace admin or owner (WINTRO_LINKERS=admins).
 * usergroups:read: the members of the user group WINTRO_LINKERS names (usergroups.users.list).
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'im:write',
  'users:read',
  'usergroups:read',
];
