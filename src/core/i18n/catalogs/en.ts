/**
 * English messages: the reference catalog. ICU MessageFormat syntax ({name}, plurals).
 * Use typographic apostrophes (’): a straight one starts an ICU quote.
 */
export const en = {
  'command.empty': 'Type a command, or “{help}” to see them all.',
  'command.unknown': 'I do not know the command “{words}”. Did you mean: {suggestions}?',
  'command.unclosed-quote': 'A quoted value is missing its closing quote.',
  'command.duplicate-option': 'The option “{option}” is given twice.',
  'command.unexpected-word': '“{word}” is not an option. Options are written as name:value.',
  'command.usage': 'Usage: {usage}',
  // Placeholders in usage lines (`title:<text>`): what kind of value to type.
  'usage.text': '<text>',
  'usage.number': '<number>',
  'usage.list': '<a,b,…>',
  'usage.user': '<@user>',

  'validation.missing-option': 'The option “{option}” is required.',
  'validation.unknown-option': 'There is no option “{option}” here. Options: {known}.',
  'validation.unknown-option-suggested':
    'There is no option “{option}” here. Did you mean “{suggestion}”? Options: {known}.',
  'validation.too-long':
    '“{option}” is too long: at most {max, plural, one {# character} other {# characters}}.',
  'validation.too-large': '“{option}” must be at most {max}.',
  'validation.too-small': '“{option}” must be at least {min}.',
  'validation.too-many-items': '“{option}” takes at most {max} items.',
  'validation.item-too-long':
    'An item of “{option}” is too long: each may have at most {max, plural, one {# character} other {# characters}}.',
  'validation.empty': '“{option}” cannot be empty.',
  'validation.not-a-choice': '“{option}” must be one of: {choices}.',
  'validation.not-a-whole-number': '“{option}” must be a whole number.',
  'validation.not-yes-no': '“{option}” must be yes or no.',
  'validation.invalid': '“{option}” has a value I cannot read.',
  'validation.line-break': '“{option}” must be one line: remove the line break.',
  'validation.control-character':
    '“{option}” contains an invisible control character ({character}) that cannot be stored or posted: remove it.',
  'validation.unknown-language': '“{language}” is not a language code I know. Use codes like cs, de, en, pl.',

  'time.unparseable':
    'I cannot read “{input}” as a time for “{option}”. Try 2026-06-05 18:00, “tomorrow 18:00” or “next friday 9:30”.',
  'time.nonexistent':
    'The time {local} does not exist in {zone}: the clocks jump forward then. Pick another time.',
  'time.ambiguous':
    'The time {local} happens twice in {zone}: the clocks go back then. Add the offset (e.g. {local}+02:00) or pick another time.',
  'time.unknown-zone': '“{zone}” is not a time zone I know. Use names like Europe/Prague or America/Chicago.',
  'time.in-past': '{time} is already past.',

  'error.unexpected':
    'Something went wrong on my side (ref {ref}). Nothing was changed; the coordinators can quote this reference.',
  // A mention in typed text whose name the platform did not tell (it stands in the text).
  'mention.unknown-user': '@unknown user',
  'mention.unknown-role': '@unknown role',
  'mention.unknown-channel': '#unknown channel',
  'error.unexpected-input': 'Nothing you entered was saved. Here it is, to try again later: {input}',
  'error.database-unavailable':
    'The database is not reachable at the moment, so nothing was done. Please try again in a moment.',
  'error.conflict': 'Someone else changed this at the same moment. Nothing was changed; please try again.',
  'error.gone':
    'What this needed was removed a moment ago by someone else. Nothing was changed; check and try again.',
  'permission.coordinator-only': 'Only a coordinator of your town can use “{command}”.',
  'permission.community-admin-discord':
    '“{command}” needs the Manage Server permission (or Administrator) on this Discord server. Ask a server admin.',
  'permission.community-admin-slack':
    '“{command}” needs a workspace admin or owner of this Slack workspace, or whoever installed Twinbridge here. Ask one of them.',
  'permission.community-admin-console': '“{command}” needs an administrator of this community.',
  'access.community-not-allowed':
    'Twinbridge is not enabled for this server or workspace. Ask the operator of this bot to allow it.',

  // Vocabulary labels (src/core/domain/vocabularies.ts): exchange kinds, partnership forms and
  // statuses, areas of cooperation (written as items of a list after “Areas:”).
  'kind.delegation-visit': 'Delegation visit',
  'kind.citizens-meeting': 'Citizens’ meeting',
  'kind.youth-exchange': 'Youth exchange',
  'kind.school-exchange': 'School exchange',
  'kind.study-visit': 'Study visit',
  'kind.cultural-event': 'Cultural event',
  'kind.sports-event': 'Sports event',
  'kind.online-meeting': 'Online meeting',
  'kind.business-forum': 'Business forum',

  'form.formal': 'Formal agreement',
  'form.joint-project': 'Joint project',
  'form.informal': 'Informal',

  'status.proposed': 'Proposed',
  'status.active': 'Active',
  'status.dormant': 'Dormant',
  'status.ended': 'Ended',

  'area.urban-development': 'urban development',
  'area.social-affairs': 'social affairs',
  'area.education': 'education',
  'area.environment': 'environment',
  'area.tourism': 'tourism',
  'area.local-government': 'local government',
  'area.economy': 'economy',
  'area.culture': 'culture',
  'area.sport': 'sport',
  'area.youth': 'youth',

  'role.coordinator': 'coordinator',
  'role.member': 'member',

  'town.not-registered':
    'This community has no town yet. A server or workspace admin starts with: {townRegister} name:… country:… timezone:… language:…',
  'town.already-registered': 'This community already runs the town {town}.',
  'town.unknown-country':
    '“{country}” is not an ISO 3166-1 country code. Use two letters such as CZ, DE, AT, PL.',
  'town.registered':
    'Welcome, {town} ({country})! Times are read in {zone}, posts use “{language}”. {user} is the town’s first coordinator.',
  'town.info': '{town} ({country}) · time zone {zone} · language {language}\nCoordinators: {coordinators}',
  'town.info-partnerships': 'Partnerships:',
  'town.info-no-partnerships': 'No partnerships yet: start one with “{partnerInvite}”.',

  'coordinator.added': '{user} is now a coordinator of {town}.',
  'coordinator.removed': '{user} is no longer a coordinator of {town}.',
  'coordinator.already': '{user} is already a coordinator.',
  'coordinator.not-coordinator': '{user} is not a coordinator of your town.',
  'coordinator.last': '{user} is the last coordinator: make someone else coordinator first.',

  'partner.not-found': 'Your town has no partnership number {number}. See “{partnerList}”.',
  'partner.summary': '#{number} {name}: {towns} · {form} · {status}',
  'partner.invite-needs-name':
    'Give the new partnership a name (name:…), or invite into an existing one with partnership:….',
  'partner.invite-name-or-number':
    'Give either name: for a new partnership or partnership: for an existing one, not both.',
  'partner.invite-created':
    'Partnership #{number} “{name}”. Invite code: {code}\nGive it to the partner town’s coordinator; they run “{partnerJoin} code:{code}” in the channel they want to share. It works once, until {expires}.',
  'partner.ended': 'Partnership #{number} has ended.',
  'partner.not-active':
    'Partnership #{number} has the status “{status}”: reactivate it with “{partnerEdit}” first.',
  'partner.unknown-area': 'Unknown areas: {areas}. Known areas: {known}.',
  'partner.already-member': 'Your town is already in partnership #{number} “{name}”.',
  'partner.joined':
    'Joined partnership #{number} “{name}” ({towns}). This channel (#{channel}) now receives its posts in “{language}”.',
  'partner.joined-post': '{town} ({country}) joined the partnership “{name}”. Welcome!',
  'partner.left':
    'Your town left “{name}”; {unlinked, plural, one {# channel was} other {# channels were}} unlinked.',
  'partner.left-post': '{town} left the partnership “{name}”.',
  'partner.none': 'Your town has no partnerships yet. Start one with “{partnerInvite} name:…”.',
  'partner.areas': 'Areas: {areas}',
  'partner.agreement': 'Agreement: {date} · {url}',
  'partner.channels': 'Linked channels:',
  'partner.no-channels': 'No linked channels yet: run “{channelLink}” in a channel.',
  'partner.bad-date': '“{date}” is not a date. Write it as YYYY-MM-DD.',
  'partner.bad-url': '“{url}” is not a web link (http or https).',
  'partner.nothing-to-change':
    'Say what to change: name, status, form, areas, agreement-date or agreement-url.',
  'partner.updated': 'Partnership updated.',
  'partner.not-owner':
    'Only {owner}, the town that owns the shared settings of partnership #{number} “{name}”, can change them. Ask its coordinators, or ask them to hand the settings over to your town (“{partnerHandover}”).',
  'partner.changed-post': '{person} ({town}) changed the partnership “{name}”:',
  'partner.change-line': '{setting}: {from} → {to}',
  'partner.setting.name': 'name',
  'partner.setting.status': 'status',
  'partner.setting.form': 'form',
  'partner.setting.areas': 'areas',
  'partner.setting.agreement-date': 'agreement date',
  'partner.setting.agreement-url': 'agreement link',
  'partner.setting.reminders': 'reminders',
  'partner.setting.digest': 'weekly digest',
  'partner.setting.owner': 'town owning the shared settings',
  'partner.value-off': 'off',
  'partner.invite-post':
    '{person} ({town}) created an invite to the partnership “{name}” for a further town, valid until {expires}. A town that joins sees every exchange and linked channel.',
  'partner.handover-unknown-town': '“{town}” is not another town of “{name}”. Its other towns: {towns}.',
  'partner.handed-over': '{town} now owns the shared settings of “{name}”.',
  'partner.left-effects':
    '{announcements, plural, one {# scheduled announcement was} other {# scheduled announcements were}} cancelled, {invites, plural, one {# unused invite was} other {# unused invites were}} revoked, and {exchanges, plural, one {# upcoming event goes} other {# upcoming events go}} to {town}.',
  'partner.left-exchanges-post': 'Its upcoming events are now hosted by {town}: {exchanges}.',
  'partner.left-owner-post': '{town} now owns the partnership’s shared settings.',
  'invite.throttled':
    'Too many invite codes that did not work: try again in {minutes} minutes, and check the code with the coordinator who sent it.',
  'invite.list': 'Open invites of “{name}”:',
  'invite.line': '– {invite}: created {created} by {person} ({town}), valid until {expires}',
  'invite.none': '“{name}” has no open invites.',
  'invite.not-found': 'Partnership #{number} has no open invite “{invite}”. See “{partnerInvites}”.',
  'invite.revoke-not-allowed':
    'Invite {invite} was created by another town: only that town or {owner}, the owning town, can revoke it.',
  'invite.revoked': 'Invite {invite} to “{name}” is revoked: its code no longer works.',
  'announce.not-own':
    'Announcement #{number} was scheduled by {town}: only that town or {owner}, the town owning the partnership’s shared settings, can cancel it.',

  'invite.invalid': 'That invite code is not valid. Check it with the coordinator who sent it.',
  'invite.used': 'That invite code has already been used. Ask for a new one.',
  'invite.expired': 'That invite code expired on {expired}. Ask for a new one.',
  'invite.own-town': 'That code invites a partner town; your own town is already in the partnership.',

  'channel.linked': 'This channel (#{channel}) is now linked to “{name}”; posts here are in “{language}”.',
  'channel.unlinked': 'This channel (#{channel}) no longer receives posts of “{name}”.',
  'channel.relay-on':
    'Messages in #{channel} are now relayed within “{name}”: {others, plural, =0 {no partner channel relays yet; they start once one turns relaying on} one {to and from # partner channel} other {to and from # partner channels}}.',
  'channel.relay-off': 'Messages in #{channel} are no longer relayed within “{name}”.',
  'channel.relay-unreadable-discord':
    'Copies from partner channels will appear here, but what members write here is not relayed yet: the bot’s operator must switch on the Message Content intent in the Discord Developer Portal and set DISCORD_MESSAGE_CONTENT=on.',
  'channel.relay-unreadable-slack':
    'Copies from partner channels will appear here, but what members write here is not relayed yet: the bot’s operator must reinstall the app granting {scopes} (with the message.channels and message.groups events).',
  'channel.already-linked':
    'This channel (#{channel}) is already linked to “{name}”, with posts in “{language}”. Another language: {change}',
  'channel.language-changed':
    'Posts of “{name}” in this channel (#{channel}) now come in “{language}” (before: “{previous}”).',
  'channel.not-linked': 'This channel (#{channel}) is not linked to “{name}”.',
  'channel.restored':
    'This channel (#{channel}) receives the posts of “{name}” again, in “{language}”; posts dropped while it was broken are not sent again.',
  'channel.cannot-post':
    'I cannot post in #{channel}: {reason}. Give me those permissions in this channel (or run this in another channel), then try again.',
  'channel.not-member':
    'I am not a member of #{channel}, so I could not post there. Add me with {fix} in that channel, then try again.',
  'channel.missing-permissions': 'the permissions {permissions} are missing',
  // Discord permissions as Discord’s client names them in each language (the refusal above).
  'permission.discord.view-channel': '“View Channel”',
  'permission.discord.send-messages': '“Send Messages”',
  'permission.discord.send-messages-in-threads': '“Send Messages in Threads”',
  'permission.discord.embed-links': '“Embed Links”',
  'channel.broken': 'the bot cannot post here: {reason}',

  'event.not-found': 'There is no event number {number} in your partnerships. See “{eventList}”.',
  'event.not-host': 'Event #{number} “{title}” is hosted by another town: only its coordinators change it.',
  'event.start-in-past': 'The start ({start}) is already past.',
  'event.end-before-start': 'The end ({end}) must come after the start ({start}).',
  'event.created':
    'Event #{number} created and announced in {channels, plural, one {# channel} other {# channels}}.',
  'event.too-many':
    'Partnership #{number} already has {max, plural, one {# upcoming event} other {# upcoming events}}, the most allowed. Cancel one, or wait until one has taken place.',
  'event.updated':
    'Event #{number} updated; the change was posted in {channels, plural, one {# channel} other {# channels}}.',
  'event.cancelled': 'Event #{number} is cancelled.',
  'event.cancelled-done':
    'Event #{number} “{title}” is cancelled; {channels, plural, one {# channel was} other {# channels were}} told.',
  'event.limit-below-taken':
    'Event #{number} already has {taken, plural, one {# place} other {# places}} taken, so its limit cannot be lower than {taken}. Ask people to change their answer first.',
  'event.nothing-to-change':
    'Say what to change: title, kind, start, end, location, capacity or description.',
  'event.none': 'No upcoming events. Coordinators create them with “{eventCreate}”.',
  'event.list-heading': 'Upcoming events (times in {zone}):',
  'event.info-heading': 'Partnership: {name}',

  'rsvp.going':
    'You are going to “{title}”{guests, plural, =0 {} one { with # guest} other { with # guests}}.',
  'rsvp.waitlisted':
    '“{title}” is full: you are number {position} on the waitlist and move up when a place frees.',
  'rsvp.maybe': 'Noted: maybe for “{title}”.',
  'rsvp.not-going': 'Noted: you are not going to “{title}”.',
  'rsvp.party-too-large':
    'This event has {capacity, plural, one {# place} other {# places}} in all, guests included: {guests, plural, =0 {you cannot bring guests} one {you can bring at most # guest} other {you can bring at most # guests}}.',
  'rsvp.does-not-fit':
    'Not enough places for you and your guests: only {free, plural, one {# more guest fits} other {# more guests fit}}.',
  'rsvp.event-over': 'Event #{number} is over.',

  'attendees.heading': 'Attendance for #{number} “{title}”:',
  'attendees.town-row': '  {town} ({country}): {going} going · {maybe} maybe · {waiting} waiting',
  'attendees.by-country': 'Going by country: {countries}',
  'attendees.totals': 'Total going: {total}, of whom {international} from invited towns.',

  'card.status': 'Status',
  'card.cancelled': 'Cancelled',
  'card.host': 'Host',
  'card.kind': 'Kind',
  'card.place': 'Place',
  'card.host-time': 'Local time at the host',
  'card.places': 'Places',
  'card.places-unlimited': '{seats} going, no limit',
  'card.places-limited': '{seats} of {capacity} taken{waiting, plural, =0 {} other {, # waiting}}',
  'card.going-per-town': 'Going per town',
  'card.maybe': 'Maybe',
  'card.button-going': 'Going',
  'card.button-maybe': 'Maybe',
  'card.button-no': 'Not going',

  'post.exchange.created': 'New event hosted by {host}:',
  'post.exchange.updated': 'Event changed by {host}:',
  'post.exchange.cancelled': 'Cancelled by {host}: “{title}”. {reason}',

  'notice.delivery-failed':
    'I could not post to #{channel} for “{partnership}” after {attempts, plural, one {# attempt} other {# attempts}} and have given up: {reason}\nThe post began: “{excerpt}”',
  'notice.channel-broken':
    'I can no longer post to #{channel} for “{partnership}”: {reason}\nThe channel link is marked broken and gets no posts; {abandoned, plural, =0 {no other post was waiting} one {# waiting post was dropped} other {# waiting posts were dropped}}. Once the bot may post there again, run “{channelLink}” in that channel.',
  'notice.direct-failed':
    'I could not send a direct message to {member} after {attempts, plural, one {# attempt} other {# attempts}}: {reason}\nIt began: “{excerpt}”',

  'announce.sent':
    'Announcement #{number} is on its way to {channels, plural, one {# channel} other {# channels}}.',
  'announce.no-channels':
    'Partnership #{number} has no linked channels to post in: run “{channelLink}” first.',
  'announce.at-or-cron': 'Give either at: (once) or cron: (repeating).',
  'announce.bad-cron-fields':
    '“{cron}” has {count, plural, one {# field} other {# fields}}; a cron expression has five: minute hour day month weekday, e.g. “0 9 * * 1”.',
  'announce.bad-cron-field':
    'In “{cron}”, {field, select, minute {the minute} hour {the hour} day {the day of the month} month {the month} other {the weekday}} “{value}” is not valid: use a number from {min} to {max}, a list (1,15), a range (1-5), a step (*/15) or *.',
  'announce.cron-never': '“{cron}” never comes round.',
  'announce.too-often':
    '“{cron}” comes round too often: two of its times are only {gap, plural, one {# minute} other {# minutes}} apart. A recurring announcement may come round at most once every {minimum, plural, one {# minute} other {# minutes}}.',
  'announce.too-many-scheduled':
    'Partnership #{number} already has {max, plural, one {# scheduled announcement} other {# scheduled announcements}}, the most allowed. Cancel one ({announceCancel}) before scheduling another.',
  'announce.daily-limit':
    'Partnership #{number} has already sent {max, plural, one {# one-off announcement} other {# one-off announcements}} in the last 24 hours, the most allowed. Please try again later.',
  'announce.scheduled': 'Announcement #{number} for “{name}” is scheduled; next on {next}.',
  'announce.recurring': 'repeats “{cron}” ({zone})',
  'announce.next': ', next {next}',
  'announce.none': 'No scheduled announcements.',
  'announce.line': '#{number} {when}{next} · “{preview}”',
  'announce.not-found': 'There is no announcement number {number} in your partnerships.',
  'announce.not-scheduled': 'Announcement #{number} is not scheduled any more.',
  'announce.cancelled': 'Announcement #{number} is cancelled.',

  // Scheduler: reminders, waitlist moves, weekly digest (src/core/jobs).
  'reminder.offset':
    '{unit, select, days {{count, plural, one {# day} other {# days}}} hours {{count, plural, one {# hour} other {# hours}}} other {{count, plural, one {# minute} other {# minutes}}}}',
  'post.reminder':
    'Reminder: “{title}”, hosted by {host}, starts in {unit, select, days {{count, plural, one {# day} other {# days}}} hours {{count, plural, one {# hour} other {# hours}}} other {{count, plural, one {# minute} other {# minutes}}}}.',
  'direct.reminder':
    '{answer, select, going {You are going to “{title}”} other {You answered maybe to “{title}”}}: it starts in {unit, select, days {{count, plural, one {# day} other {# days}}} hours {{count, plural, one {# hour} other {# hours}}} other {{count, plural, one {# minute} other {# minutes}}}}.',
  'direct.waitlist-promoted':
    'A place freed up: you moved up from the waitlist and are now going to “{title}”.',
  'digest.heading': 'Coming up in “{name}” over the next four weeks (times in {zone}):',
  'digest.line': '#{number} {when} · {title} · {host} · {seats, plural, one {# going} other {# going}}',
  'digest.more': '…and {count, plural, one {# more event} other {# more events}}: see “{eventList}”.',
  'reminders.show':
    'Reminders for “{name}” go out {offsets} before each event, to its linked channels and by direct message to everyone who answered going or maybe.',
  'reminders.show-off': 'Reminders for “{name}” are off.',
  'reminders.replanned':
    '{events, plural, =0 {No upcoming event was affected.} one {Reminders of # upcoming event were planned again.} other {Reminders of # upcoming events were planned again.}}',
  'reminders.replanning':
    'Reminders of the {planned, plural, one {soonest event} other {# soonest events}} of {events} upcoming were planned again; the others follow within a minute.',
  'reminders.bad-offset':
    '“{offset}” is not a reminder time. Write a number with d (days), h (hours) or m (minutes), e.g. 7d,1d,1h, or “off”.',
  'reminders.out-of-range':
    '“{offset}” is out of range: reminders go out between 5 minutes and 8 weeks before an event.',
  'reminders.too-many': 'At most {max} reminder times per partnership.',
  'digest.show-on':
    'The weekly digest of “{name}” is posted every {day} at {hour} ({zone}) in every linked channel; next on {next}. Weeks with nothing coming up are skipped.',
  'digest.show-off':
    'The weekly digest of “{name}” is off. Turn it on with: {partnerDigest} partnership:{number} day:monday hour:9',

  'profile.nothing-to-set': 'Give languages:… or interests:… to set.',
  'profile.saved': 'Your profile is saved.',
  'profile.show': '{name} · {town} · {role}\nLanguages: {languages}\nInterests: {interests}',

  'help.heading': 'Commands (write options as name:value, quote values with spaces: {quotes}):',
  'help.heading-slash': 'Commands (type / and the command; Discord asks for each option):',
  'help.footer': 'More about one command: {example}',
  'help.required': ' (required)',
  'help.coordinators-only': 'Coordinators only.',
  'help.examples': 'Examples:',
  'help.unknown-command': 'There is no command “{command}”. Type “{help}” for the list.',

  'privacy.export.heading': 'Everything Twinbridge holds about you in this community:',
  'privacy.export.profile': 'Profile: {name} · {town} · {role}',
  'privacy.export.languages': '  Languages: {languages}',
  'privacy.export.platform-language': '  Your platform’s language, as last sent: {language}',
  'privacy.export.interests': '  Interests: {interests}',
  'privacy.export.account':
    '  Account: {platform, select, DISCORD {Discord} SLACK {Slack} other {console}} user {user} in “{community}” ({communityId})',
  'privacy.export.answers': 'Your answers to events ({count}):',
  'privacy.export.answer':
    '  #{number} {title} · {when} · {status, select, GOING {going} MAYBE {maybe} WAITLISTED {on the waitlist} other {not going}}{guests, plural, =0 {} one { with # guest} other { with # guests}} · counted for {town}',
  'privacy.export.waiting': 'Messages waiting to be sent to you ({count}):',
  'privacy.export.waiting-line': '  {kind} · due {when}',
  'privacy.export.audit': 'Audit log entries by or about you ({count}):',
  'privacy.export.audit-line':
    '  {when} · {action} · {target} {id} · {role, select, actor {by you} other {about you}}',
  'privacy.export.none': '  none',
  'privacy.export.footer': '“{profileForget}” deletes this data.',
  'privacy.forget-preview':
    'This deletes your profile in this community (name, account id, languages, interests) and withdraws {messages, plural, one {# message} other {# messages}} waiting for you. Your {answers, plural, one {# answer stays} other {# answers stay}} in the events’ counts without your name; a waitlist place is given up. It cannot be undone. To go ahead: {profileForget} confirm:yes',
  'privacy.forget-last-coordinator':
    'You are the only coordinator of {town}: name another one first ({townCoordinatorAdd} user:…), then run {profileForget} again.',
  'privacy.forgotten':
    'Your data in this community is deleted. {answers, plural, one {# answer stays} other {# answers stay}} in the events’ counts without your name; {messages, plural, one {# waiting message was} other {# waiting messages were}} withdrawn. If you use the bot here again, you start as a new member.',
  'relay.translation-from': '🌐 Machine translation from {source, select, other {{sourceName}}}:',
  'relay.translation-unknown-source': '🌐 Machine translation:',
  'relay.file-too-large': 'file too large to copy: {name} ({size})',
  'relay.file-unavailable': 'file could not be copied: {name}',
} as const;
