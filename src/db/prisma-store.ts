/** The core's Store on Prisma: every command is one interactive transaction. */
import { ConflictError } from '../core/errors.ts';
import type { Repositories, Store } from '../core/ports.ts';
import type { Prisma, PrismaClient } from './generated/client.ts';
import {
  PrismaCommunityRepository,
  PrismaMemberRepository,
  PrismaTownRepository,
} from './repositories/identity-repositories.ts';
import {
  PrismaAnnouncementRepository,
  PrismaExchangeRepository,
  PrismaRsvpRepository,
} from './repositories/exchange-repositories.ts';
import { PrismaAuditRepository, PrismaDeliveryRepository } from './repositories/outbox-repositories.ts';
import {
  PrismaChannelLinkRepository,
  PrismaInviteRepository,
  PrismaPartnershipRepository,
} from './repositories/partnership-repositories.ts';

export function prismaRepositories(db: Prisma.TransactionClient): Repositories {
  return {
    communities: new PrismaCommunityRepository(db),
    towns: new PrismaTownRepository(db),
    members: new PrismaMemberRepository(db),
    partnerships: new PrismaPartnershipRepository(db),
    invites: new PrismaInviteRepository(db),
    channelLinks: new PrismaChannelLinkRepository(db),
    exchanges: new PrismaExchangeRepository(db),
    rsvps: new PrismaRsvpRepository(db),
    announcements: new PrismaAnnouncementRepository(db),
    deliveries: new PrismaDeliveryRepository(db),
    audit: new PrismaAuditRepository(db),
  };
}

function isUniqueViolation(error: unknown): error is { code: string; meta?: { target?: unknown } } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

export class PrismaStore implements Store {
  constructor(private readonly prisma: PrismaClient) {}

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    try {
      // The embedded database runs one transaction at a time: give queued ones room to wait.
      return await this.prisma.$transaction((tx) => work(prismaRepositories(tx)), {
        maxWait: 10_000,
        timeout: 20_000,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(JSON.stringify(error.meta?.target ?? 'unique'));
      throw error;
    }
  }
}
