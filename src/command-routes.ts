/**
 * Which handler runs which command: app-level wiring between the definitions in `commands/` and
 * the core's services, which know nothing of `commands/`. A command missing here, or one too
 * many, does not compile; `route` holds each handler's arguments to its definition's options.
 */
import { announceCancel, announceList, announceSchedule, announceSend } from '../commands/announce.ts';
import { channelLink, channelRelay, channelUnlink } from '../commands/channel.ts';
import {
  eventAttendees,
  eventCancel,
  eventCreate,
  eventEdit,
  eventInfo,
  eventList,
  rsvp,
} from '../commands/event.ts';
import type { CommandId } from '../commands/index.ts';
import {
  partnerEdit,
  partnerHandover,
  partnerInfo,
  partnerInvite,
  partnerInvites,
  partnerJoin,
  partnerLeave,
  partnerList,
  partnerRevoke,
} from '../commands/partner.ts';
import { partnerDigest, partnerReminders } from '../commands/partner-schedule.ts';
import { help, profileExport, profileForget, profileSet, profileShow } from '../commands/profile.ts';
import { townCoordinatorAdd, townCoordinatorRemove, townInfo, townRegister } from '../commands/town.ts';
import { route, type CommandRoute } from './core/commands/command-route.ts';
import {
  cancelAnnouncement,
  listAnnouncements,
  scheduleAnnouncement,
  sendAnnouncement,
} from './core/services/announce-commands.ts';
import { linkChannel, relayChannel, unlinkChannel } from './core/services/channel-commands.ts';
import {
  cancelExchange,
  countAttendees,
  createExchange,
  editExchange,
  listExchanges,
  showExchange,
} from './core/services/exchange-commands.ts';
import {
  invitePartnerTown,
  joinPartnership,
  listInvites,
  revokeInvite,
} from './core/services/invite-commands.ts';
import {
  editPartnership,
  leavePartnership,
  listPartnerships,
  showPartnership,
} from './core/services/partnership-commands.ts';
import { handOverPartnership } from './core/services/shared-settings.ts';
import { setReminderTimes, setWeeklyDigest } from './core/services/partnership-settings-commands.ts';
import { exportPersonalData, forgetMember } from './core/services/privacy-commands.ts';
import { setProfile, showHelp, showProfile } from './core/services/profile-commands.ts';
import { answerRsvp } from './core/services/rsvp-command.ts';
import { addCoordinator, registerTown, removeCoordinator, showTown } from './core/services/town-commands.ts';

export const commandRouteTable = {
  'town.register': route(townRegister, registerTown),
  'town.info': route(townInfo, showTown),
  'town.coordinator.add': route(townCoordinatorAdd, addCoordinator),
  'town.coordinator.remove': route(townCoordinatorRemove, removeCoordinator),
  'partner.invite': route(partnerInvite, invitePartnerTown),
  'partner.join': route(partnerJoin, joinPartnership),
  'partner.list': route(partnerList, listPartnerships),
  'partner.info': route(partnerInfo, showPartnership),
  'partner.edit': route(partnerEdit, editPartnership),
  'partner.leave': route(partnerLeave, leavePartnership),
  'partner.reminders': route(partnerReminders, setReminderTimes),
  'partner.digest': route(partnerDigest, setWeeklyDigest),
  'partner.handover': route(partnerHandover, handOverPartnership),
  'partner.invites': route(partnerInvites, listInvites),
  'partner.revoke': route(partnerRevoke, revokeInvite),
  'channel.link': route(channelLink, linkChannel),
  'channel.unlink': route(channelUnlink, unlinkChannel),
  'channel.relay': route(channelRelay, relayChannel),
  'event.create': route(eventCreate, createExchange),
  'event.list': route(eventList, listExchanges),
  'event.info': route(eventInfo, showExchange),
  'event.edit': route(eventEdit, editExchange),
  'event.cancel': route(eventCancel, cancelExchange),
  'event.attendees': route(eventAttendees, countAttendees),
  rsvp: route(rsvp, answerRsvp),
  'announce.send': route(announceSend, sendAnnouncement),
  'announce.schedule': route(announceSchedule, scheduleAnnouncement),
  'announce.list': route(announceList, listAnnouncements),
  'announce.cancel': route(announceCancel, cancelAnnouncement),
  'profile.set': route(profileSet, setProfile),
  'profile.show': route(profileShow, showProfile),
  'profile.export': route(profileExport, exportPersonalData),
  'profile.forget': route(profileForget, forgetMember),
  help: route(help, showHelp),
} satisfies { [K in CommandId]: CommandRoute };

/** Every command with its handler, in the order help lists them. */
export const commandRoutes: readonly CommandRoute[] = Object.values(commandRouteTable);
