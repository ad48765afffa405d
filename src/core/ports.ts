/**
 * The small interfaces the core depends on. Implementations live outside the core
 * (src/db, src/adapters, src/scheduler) and are wired by hand in src/main.ts.
 */
import type {
  Announcement,
  ChannelLink,
  Community,
  Exchange,
  ExchangeStatus,
  Invite,
  Member,
  MemberRole,
  Partnership,
  PartnershipWithTowns,
  Platform,
  Rsvp,
  Town,
} from './domain/model.ts';
import type { DeliveryRepository, LiveWorkerRepository } from './outbox-ports.ts';
import type { PrivacyRepository, RetentionRepository } from './privacy-ports.ts';
import type { RelayRepository } from './relay/relay-ports.ts';

export type * from './outbox-ports.ts';
export type * from './poster-ports.ts';

export interface Clock {
  now(): Date;
}

/** A pino-compatible subset, so the core can log without importing pino. */
export interface Logger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

// ---------------------------------------------------------------------------------------------
// Storage. Every command runs inside one transaction: a rejected command leaves nothing behind.

export interface Store {
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

export interface Repositories {
  communities: CommunityRepository;
  towns: TownRepository;
  members: MemberRepository;
  partnerships: PartnershipRepository;
  invites: InviteRepository;
  channelLinks: ChannelLinkRepository;
  exchanges: ExchangeRepository;
  rsvps: RsvpRepository;
  announcements: AnnouncementRepository;
  deliveries: DeliveryRepository;
  liveWorkers: LiveWorkerRepository;
  audit: AuditRepository;
  privacy: PrivacyRepository;
  retention: RetentionRepository;
  reminderReplans: ReminderReplanRepository;
  relays: RelayRepository;
}

export interface CommunityRepository {
  upsert(platform: Platform, externalId: string, name: string): Promise<Community>;
  findById(id: string): Promise<Community | null>;
  /** Several communities in one read (unknown ids are left out). */
  findByIds(ids: readonly string[]): Promise<Community[]>;
  findByExternalId(platform: Platform, externalId: string): Promise<Community | null>;
  /** A community with its town and what is known of one person there, in one read. */
  findWithTownAndMember(
    platform: Platform,
    externalId: string,
    platformUserId: string,
  ): Promise<Place | null>;
}

/** Where a person acts: the community, its town (once registered) and their member record (once seen). */
export interface Place {
  community: Community;
  town: Town | null;
  member: Member | null;
}

export interface TownRepository {
  create(data: Omit<Town, 'id'>): Promise<Town>;
  findById(id: string): Promise<Town | null>;
  findByCommunity(communityId: string): Promise<Town | null>;
}

export interface MemberRepository {
  /** Finds or creates the member record for a platform identity, keeping the display name fresh. */
  upsertIdentity(communityId: string, platformUserId: string, displayName: string): Promise<Member>;
  /** Records the person as they act now, in one write: name (and town) created or brought up to date. */
  recordIdentity(
    communityId: string,
    platformUserId: string,
    identity: { displayName: string; townId?: string; platformLocale?: string },
  ): Promise<Member>;
  findByPlatformUser(communityId: string, platformUserId: string): Promise<Member | null>;
  findById(id: string): Promise<Member | null>;
  update(
    id: string,
    patch: Partial<Pick<Member, 'townId' | 'role' | 'languages' | 'interests' | 'platformLocale'>>,
  ): Promise<Member>;
  countByRole(townId: string, role: MemberRole): Promise<number>;
  listByRole(townId: string, role: MemberRole): Promise<Member[]>;
}

export interface PartnershipRepository {
  create(
    data: Omit<Partnership, 'id' | 'number' | 'createdAt' | 'reminderOffsetsMinutes' | 'ownerTownId'>,
    /** The founding town: the partnership's first member and the owner of its shared settings. */
    firstTownId: string,
  ): Promise<Partnership>;
  findByNumber(number: number): Promise<PartnershipWithTowns | null>;
  findById(id: string): Promise<PartnershipWithTowns | null>;
  listForTown(townId: string): Promise<PartnershipWithTowns[]>;
  addTown(partnershipId: string, townId: string): Promise<void>;
  removeTown(partnershipId: string, townId: string): Promise<void>;
  update(
    id: string,
    patch: Partial<
      Pick<
        Partnership,
        'name' | 'status' | 'form' | 'areas' | 'agreementDate' | 'agreementUrl' | 'ownerTownId'
      >
    >,
  ): Promise<Partnership>;
  /** Minutes before each exchange at which reminders go out; an empty list turns them off. */
  setReminderOffsets(id: string, offsetsMinutes: number[]): Promise<void>;
  digestSchedule(id: string): Promise<DigestSchedule | null>;
  setDigestSchedule(id: string, schedule: DigestSchedule): Promise<void>;
  /**
   * Locks and returns the partnership whose weekly digest is due longest ago, or whose digest is
   * on but not yet scheduled; rows other processes hold, and `skipIds`, are passed over.
   */
  claimDueDigest(
    now: Date,
    skipIds: string[],
  ): Promise<{ partnership: PartnershipWithTowns; schedule: DigestSchedule } | null>;
}

/** When a partnership's weekly digest of upcoming exchanges is posted. */
export interface DigestSchedule {
  /** ISO weekday, 1 (Monday) to 7 (Sunday); null when the digest is off. */
  weekday: number | null;
  /** Hour of the day, 0-23, in `timeZone`. */
  hour: number;
  /** The zone day and hour are read in; null until first scheduled (then the founding town's). */
  timeZone: string | null;
  /** The next post; null when off or not yet scheduled. */
  nextRunAt: Date | null;
}

/** Invites keep a keyed hash of their code (HMAC-SHA-256 with the server's invite key), never the code. */
export interface InviteRepository {
  create(
    data: Pick<Invite, 'partnershipId' | 'fromTownId' | 'createdByMemberId' | 'createdAt' | 'expiresAt'> & {
      code: string;
    },
  ): Promise<Invite>;
  findByCode(code: string): Promise<Invite | null>;
  /** Marks the invite used unless it already was; false when another join got there first. */
  markUsed(id: string, townId: string, at: Date): Promise<boolean>;
  /** Invites of a partnership neither used, revoked nor expired at `now`, oldest first. */
  listOpen(partnershipId: string, now: Date): Promise<Invite[]>;
  /** Revokes an unused invite; false when it was used or revoked meanwhile. */
  revoke(id: string, at: Date): Promise<boolean>;
  /** Revokes every unused invite a town created for a partnership; returns how many. */
  revokeForTown(partnershipId: string, townId: string, at: Date): Promise<number>;
  /** A join with a code that opened nothing, by this person in this community. */
  recordFailure(communityId: string, memberId: string, at: Date): Promise<void>;
  /** Failed joins since `since`: by the person, and by anyone in the community. */
  countFailures(
    since: Date,
    who: { communityId: string; memberId: string },
  ): Promise<{ member: number; community: number }>;
}

export interface ChannelLinkRepository {
  create(data: Omit<ChannelLink, 'id' | 'status' | 'brokenReason' | 'relay'>): Promise<ChannelLink>;
  /** Turns relaying of members' messages on or off for one link (docs/RELAY.md). */
  setRelay(id: string, relay: boolean): Promise<ChannelLink>;
  /** The language the partnership's posts come in on this channel from now on. */
  setLanguage(id: string, language: string): Promise<ChannelLink>;
  find(partnershipId: string, communityId: string, channelId: string): Promise<ChannelLink | null>;
  listForChannel(communityId: string, channelId: string): Promise<ChannelLink[]>;
  listForPartnership(partnershipId: string, options?: { activeOnly?: boolean }): Promise<ChannelLink[]>;
  /** A broken link working again (the bot may post there once more): active, under its current name. */
  restore(id: string, channelName: string): Promise<ChannelLink>;
  delete(id: string): Promise<void>;
  deleteForTown(partnershipId: string, townId: string): Promise<number>;
}

export interface ExchangeRepository {
  create(data: Omit<Exchange, 'id' | 'number' | 'status'>): Promise<Exchange>;
  findByNumber(number: number): Promise<Exchange | null>;
  /** Reads the exchange and locks its row until the transaction ends (RSVPs against capacity). */
  findByNumberForUpdate(number: number): Promise<Exchange | null>;
  update(
    id: string,
    patch: Partial<Omit<Exchange, 'id' | 'number' | 'partnershipId' | 'createdById'>>,
  ): Promise<Exchange>;
  /** Moves a town's planned exchanges of a partnership not yet ended to another host; returns them. */
  handOver(partnershipId: string, fromTownId: string, toTownId: string, now: Date): Promise<Exchange[]>;
  list(filter: {
    partnershipIds: string[];
    endsAfter?: Date;
    statuses?: ExchangeStatus[];
    limit: number;
  }): Promise<Exchange[]>;
  /** Planned exchanges that have not started, by start (then number), after `after` if given. */
  listUpcoming(
    partnershipId: string,
    now: Date,
    after: ExchangeCursor | null,
    limit: number,
  ): Promise<Exchange[]>;
  countUpcoming(partnershipId: string, now: Date): Promise<number>;
}

export type ExchangeCursor = Pick<Exchange, 'startsAt' | 'number'>;

/** Partnerships whose upcoming exchanges' reminders are still to be planned again, and where to go on. */
export interface ReminderReplanRepository {
  /** Records (or restarts from the first exchange) the re-planning of a partnership. */
  request(partnershipId: string, at: Date): Promise<void>;
  /** Locks the pending re-planning that waited longest (SKIP LOCKED), passing over `skipIds`. */
  claimNext(
    skipIds: readonly string[],
  ): Promise<{ partnershipId: string; after: ExchangeCursor | null } | null>;
  advance(partnershipId: string, after: ExchangeCursor, at: Date): Promise<void>;
  finish(partnershipId: string): Promise<void>;
}

export interface RsvpRepository {
  find(exchangeId: string, memberId: string): Promise<Rsvp | null>;
  upsert(data: Omit<Rsvp, 'id'>): Promise<Rsvp>;
  update(id: string, patch: Partial<Pick<Rsvp, 'status' | 'guests' | 'queuedAt'>>): Promise<Rsvp>;
  /** All answers for an exchange, oldest queue position first. */
  listForExchange(exchangeId: string): Promise<Rsvp[]>;
  /** Seats taken by those going (themselves and their guests), per exchange, in one read. */
  seatsGoing(exchangeIds: readonly string[]): Promise<Map<string, number>>;
}

export interface AnnouncementRepository {
  create(data: Omit<Announcement, 'id' | 'number'>): Promise<Announcement>;
  findByNumber(number: number): Promise<Announcement | null>;
  update(id: string, patch: Partial<Pick<Announcement, 'status' | 'nextRunAt'>>): Promise<Announcement>;
  /** Cancels a town's scheduled announcements of a partnership; returns their numbers. */
  cancelForTown(partnershipId: string, townId: string): Promise<number[]>;
  list(filter: {
    partnershipIds: string[];
    statuses: Announcement['status'][];
    limit: number;
  }): Promise<Announcement[]>;
  /**
   * Locks and returns the scheduled announcement due longest ago (nextRunAt <= now), passing
   * over rows another process holds (SKIP LOCKED) and `skipIds`.
   */
  claimDue(now: Date, skipIds: string[]): Promise<Announcement | null>;
  countScheduled(partnershipId: string): Promise<number>;
  /** One-off announcements of the partnership sent at or after `since`. */
  countSentOnceSince(partnershipId: string, since: Date): Promise<number>;
}

export interface AuditRepository {
  record(entry: {
    actorMemberId: string | null;
    townId: string | null;
    action: string;
    targetType: string;
    targetId: string;
    details?: Record<string, unknown>;
    /** When it happened, by the core's clock (the retention purge reads it). */
    at?: Date;
  }): Promise<void>;
}

export type CronField = 'minute' | 'hour' | 'day' | 'month' | 'weekday';

/**
 * Why a cron expression is refused, as data the core words in the reader's language (never a
 * library's English message): the wrong number of fields, one field that cannot be read (with
 * its allowed range), or fields each valid that never meet (31 February).
 */
export type CronProblem =
  | { kind: 'field-count'; count: number }
  | { kind: 'field'; field: CronField; value: string; min: number; max: number }
  | { kind: 'never' };

/** Recurrence rules (cron in a time zone) live outside the core, behind this port. */
export interface Recurrence {
  /** null when valid, otherwise what is wrong. */
  validate(expression: string, timeZone: string): CronProblem | null;
  nextAfter(expression: string, timeZone: string, after: Date): Date | null;
}
