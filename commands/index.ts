/** Every command the bot understands. Adapters and generators read this list; add new commands here. */
import type { CommandDefinition } from '../src/core/commands/definition.ts';
import { announceCancel, announceList, announceSchedule, announceSend } from './announce.ts';
import { channelLink, channelRelay, channelUnlink } from './channel.ts';
import { eventAttendees, eventCancel, eventCreate, eventEdit, eventInfo, eventList, rsvp } from './event.ts';
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
} from './partner.ts';
import { partnerDigest, partnerReminders } from './partner-schedule.ts';
import { help, profileExport, profileForget, profileSet, profileShow } from './profile.ts';
import { townCoordinatorAdd, townCoordinatorRemove, townInfo, townRegister } from './town.ts';

export const commands = {
  'town.register': townRegister,
  'town.info': townInfo,
  'town.coordinator.add': townCoordinatorAdd,
  'town.coordinator.remove': townCoordinatorRemove,
  'partner.invite': partnerInvite,
  'partner.join': partnerJoin,
  'partner.list': partnerList,
  'partner.info': partnerInfo,
  'partner.edit': partnerEdit,
  'partner.leave': partnerLeave,
  'partner.reminders': partnerReminders,
  'partner.digest': partnerDigest,
  'partner.handover': partnerHandover,
  'partner.invites': partnerInvites,
  'partner.revoke': partnerRevoke,
  'channel.link': channelLink,
  'channel.unlink': channelUnlink,
  'channel.relay': channelRelay,
  'event.create': eventCreate,
  'event.list': eventList,
  'event.info': eventInfo,
  'event.edit': eventEdit,
  'event.cancel': eventCancel,
  'event.attendees': eventAttendees,
  rsvp,
  'announce.send': announceSend,
  'announce.schedule': announceSchedule,
  'announce.list': announceList,
  'announce.cancel': announceCancel,
  'profile.set': profileSet,
  'profile.show': profileShow,
  'profile.export': profileExport,
  'profile.forget': profileForget,
  help,
} as const;

export type Commands = typeof commands;
export type CommandId = keyof Commands;

export const commandList: readonly CommandDefinition[] = Object.values(commands);
