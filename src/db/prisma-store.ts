/** The core's Store on Prisma: every command is one interactive transaction. */
import { ConflictError, DatabaseUnavailableError, NotFoundError } from '../core/errors.ts';
import type { Repositories, Store } from '../core/ports.ts';
import { isDatabaseUnreachable } from './connection-errors.ts';
import { reportingRoundTrips } from './round-trips.ts';
import type { Prisma, PrismaClient } from './generated/client.ts';
import {
  PrismaCommunityRepository,
  PrismaMemberRepository,
  PrismaTownRepository,
} from './repositories/identity-repositories.ts';
import {
  PrismaAnnouncementRepository,
  PrismaExchangeRepository,
  PrismaReminderReplanRepository,
  PrismaRsvpRepository,
} from './repositories/exchange-repositories.ts';
import { PrismaLiveWorkerRepository } from './repositories/live-worker-repositories.ts';
import { PrismaAuditRepository, PrismaDeliveryRepository } from './repositories/outbox-repositories.ts';
import { PrismaPrivacyRepository, PrismaRetentionRepository } from './repositories/privacy-repositories.ts';
import {
  PrismaChannelLinkRepository,
  PrismaInviteRepository,
  PrismaPartnershipRepository,
} from './repositories/partnership-repositories.ts';
import { PrismaRelayRepository } from './repositories/relay-repositories.ts';

/** `inviteKey`: the server key invite codes are hashed with (HMAC-SHA-256). */
export function prismaRepositories(db: Prisma.TransactionClient, inviteKey?: Buffer): Repositories {
  return {
    communities: new PrismaCommunityRepository(db),
    towns: new PrismaTownRepository(db),
    members: new PrismaMemberRepository(db),
    partnerships: new PrismaPartnershipRepository(db),
    invites: new PrismaInviteRepository(db, inviteKey),
    channelLinks: new PrismaChannelLinkRepository(db),
    exchanges: new PrismaExchangeRepository(db),
    rsvps: new PrismaRsvpRepository(db),
    announcements: new PrismaAnnouncementRepository(db),
    deliveries: new PrismaDeliveryRepository(db),
    liveWorkers: new PrismaLiveWorkerRepository(db),
    audit: new PrismaAuditRepository(db),
    privacy: new PrismaPrivacyRepository(db),
    retention: new PrismaRetentionRepository(db),
    reminderReplans: new PrismaReminderReplanRepository(db),
    relays: new PrismaRelayRepository(db),
  };
}

type PrismaKnownError = { code: string; meta?: Record<string, unknown> };

function hasPrismaCode(error: unknown, code: string): error is PrismaKnownError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export class PrismaStore implements Store {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: {
      inviteKey?: Buffer;
      /** Told how many database round trips each transaction made (a client made by openDatabase counts them). */
      onRoundTrips?: (roundTrips: number) => void;
    } = {},
  ) {}

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    try {
      // The embedded database runs one transaction at a time: give queued ones room to wait.
      return await reportingRoundTrips(
        () =>
          this.prisma.$transaction((tx) => work(prismaRepositories(tx, this.options.inviteKey)), {
            maxWait: 10_000,
            timeout: 20_000,
          }),
        this.options.onRoundTrips,
      );
    } catch (error) {
      // P2002: a unique constraint refused the write. P2025: a row to update or delete is gone.
      if (hasPrismaCode(error, 'P2002'))
        throw new ConflictError(JSON.stringify(error.meta?.target ?? 'unique'));
      if (hasPrismaCode(error, 'P2025'))
        throw new NotFoundError(JSON.stringify(error.meta?.modelName ?? 'row'));
      // The server restarted or our connection was cut: the pool connects afresh next time.
      if (isDatabaseUnreachable(error)) throw new DatabaseUnavailableError(error);
      throw error;
    }
  }
}
