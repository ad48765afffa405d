/**
 * What the core needs from storage for members' data rights (export, forget) and for the
 * retention purge. Implemented in src/db/repositories/privacy-repositories.ts.
 */
import type { Member, Platform, RsvpStatus } from './domain/model.ts';

/** Everything the bot holds about one member of one community. */
export interface PersonalData {
  member: Member;
  community: { platform: Platform; externalId: string; name: string };
  town: { name: string; country: string } | null;
  rsvps: {
    exchangeNumber: number;
    title: string;
    startsAt: Date;
    timeZone: string;
    status: RsvpStatus;
    guests: number;
    /** The town the answer counts for. */
    townName: string;
  }[];
  /** Direct messages to the member still waiting in the outbox (reminders, notices). */
  pendingDirect: { kind: string; dueAt: Date }[];
  /** Audit entries the member acted in or that are about them, oldest first. */
  audit: { at: Date; action: string; targetType: string; targetId: string; asActor: boolean }[];
}

export interface PrivacyRepository {
  collect(memberId: string): Promise<PersonalData | null>;
  /**
   * Empties the member's row (name, platform id, languages, interests, town, role) and marks it
   * forgotten; their answers stay attached to the emptied row, so counts stay true. Waitlist
   * places on exchanges not yet ended are given up. Pending direct messages to them are
   * withdrawn (DROPPED with `reason`). Returns what changed.
   */
  forget(
    memberId: string,
    at: Date,
    reason: string,
  ): Promise<{ rsvpsKept: number; waitlistLeft: number; messagesWithdrawn: number }>;
}

/** What the purge removes, each older than its own period. */
export type RetainedRecord = 'deliveries' | 'audit' | 'receipts';

export interface RetentionRepository {
  /**
   * Deletes at most `limit` records of one kind older than `before`: finished outbox rows (sent,
   * failed, dropped) due before it, except sent posts about exchanges that have not ended (their
   * cards are still edited in place); audit entries; event receipts. Returns how many were deleted.
   */
  purge(record: RetainedRecord, before: Date, now: Date, limit: number): Promise<number>;
}
