/**
 * The twinning domain as plain data. These shapes mirror prisma/schema.prisma; repositories
 * map database rows to them so the core never sees the database library.
 */
import type { ExchangeKind, PartnershipForm, PartnershipStatus } from './vocabularies.ts';

export const PLATFORMS = ['CONSOLE', 'DISCORD', 'SLACK'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const MEMBER_ROLES = ['COORDINATOR', 'MEMBER'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const EXCHANGE_STATUSES = ['PLANNED', 'CANCELLED', 'DONE'] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

export const RSVP_STATUSES = ['GOING', 'WAITLISTED', 'MAYBE', 'NOT_GOING'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

export interface Community {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
}

export interface Town {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  language: string;
  communityId: string;
}

export interface Partnership {
  id: string;
  number: number;
  name: string;
  form: PartnershipForm;
  status: PartnershipStatus;
  areas: string[];
  agreementDate: Date | null;
  agreementUrl: string | null;
  reminderOffsetsMinutes: number[];
  /** The town that owns the shared settings; null only for rows from before ownership existed. */
  ownerTownId: string | null;
  createdAt: Date;
}

export interface PartnershipWithTowns extends Partnership {
  towns: Town[];
}

export interface Member {
  id: string;
  communityId: string;
  platformUserId: string;
  displayName: string;
  townId: string | null;
  role: MemberRole;
  languages: string[];
  /** The locale the person's platform last sent (Discord, Slack): jobs answer in it after the profile's. */
  platformLocale: string | null;
  interests: string[];
}

export interface Exchange {
  id: string;
  number: number;
  partnershipId: string;
  hostTownId: string;
  kind: ExchangeKind;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string;
  capacity: number | null;
  status: ExchangeStatus;
  createdById: string;
}

export interface Rsvp {
  id: string;
  exchangeId: string;
  memberId: string;
  townId: string;
  status: RsvpStatus;
  guests: number;
  queuedAt: Date;
}

export interface ChannelLink {
  id: string;
  partnershipId: string;
  townId: string;
  communityId: string;
  channelId: string;
  channelName: string;
  language: string;
  status: 'ACTIVE' | 'BROKEN';
  brokenReason: string | null;
  /** Members' messages here are relayed to the partnership's other relaying channels. */
  relay: boolean;
}

export interface Invite {
  id: string;
  partnershipId: string;
  codeHash: string;
  fromTownId: string;
  createdByMemberId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export type AnnouncementStatus = 'SCHEDULED' | 'SENT' | 'CANCELLED';

export interface Announcement {
  id: string;
  number: number;
  partnershipId: string;
  authorId: string;
  /** The author's town (null only for rows older than the column). */
  townId: string | null;
  text: string;
  variants: Record<string, string>;
  sendAt: Date | null;
  cron: string | null;
  timeZone: string;
  nextRunAt: Date | null;
  status: AnnouncementStatus;
}

/** Seats an RSVP takes: the member plus their guests. */
export function seatsTaken(rsvp: Pick<Rsvp, 'guests'>): number {
  return 1 + rsvp.guests;
}
