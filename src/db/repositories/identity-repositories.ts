/** Communities, towns and members on Prisma. */
import type { Platform } from '../../core/domain/model.ts';
import type { CommunityRepository, MemberRepository, TownRepository } from '../../core/ports.ts';
import type { Prisma } from '../generated/client.ts';

type Tx = Prisma.TransactionClient;

export class PrismaCommunityRepository implements CommunityRepository {
  constructor(private readonly db: Tx) {}

  upsert(platform: 'CONSOLE' | 'DISCORD' | 'SLACK', externalId: string, name: string) {
    return this.db.community.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: { platform, externalId, name },
      update: {},
    });
  }

  findById(id: string) {
    return this.db.community.findUnique({ where: { id } });
  }

  findByIds(ids: readonly string[]) {
    return this.db.community.findMany({ where: { id: { in: [...ids] } } });
  }

  findByExternalId(platform: 'CONSOLE' | 'DISCORD' | 'SLACK', externalId: string) {
    return this.db.community.findUnique({ where: { platform_externalId: { platform, externalId } } });
  }

  async findWithTownAndMember(platform: Platform, externalId: string, platformUserId: string) {
    const row = await this.db.community.findUnique({
      where: { platform_externalId: { platform, externalId } },
      include: { town: true, members: { where: { platformUserId }, take: 1 } },
    });
    if (!row) return null;
    const { town, members, ...community } = row;
    return { community, town, member: members[0] ?? null };
  }
}

export class PrismaTownRepository implements TownRepository {
  constructor(private readonly db: Tx) {}

  create(data: Parameters<TownRepository['create']>[0]) {
    return this.db.town.create({ data });
  }

  findById(id: string) {
    return this.db.town.findUnique({ where: { id } });
  }

  findByCommunity(communityId: string) {
    return this.db.town.findUnique({ where: { communityId } });
  }
}

export class PrismaMemberRepository implements MemberRepository {
  constructor(private readonly db: Tx) {}

  async upsertIdentity(communityId: string, platformUserId: string, displayName: string) {
    const existing = await this.findByPlatformUser(communityId, platformUserId);
    // A name learned from a mention (the id itself) never overwrites a real display name.
    if (existing && (existing.displayName === displayName || displayName === platformUserId)) return existing;
    return this.db.member.upsert({
      where: { communityId_platformUserId: { communityId, platformUserId } },
      create: { communityId, platformUserId, displayName, languages: [], interests: [] },
      update: { displayName },
    });
  }

  recordIdentity(
    communityId: string,
    platformUserId: string,
    identity: { displayName: string; townId?: string; platformLocale?: string },
  ) {
    return this.db.member.upsert({
      where: { communityId_platformUserId: { communityId, platformUserId } },
      create: { communityId, platformUserId, ...identity, languages: [], interests: [] },
      update: identity,
    });
  }

  findByPlatformUser(communityId: string, platformUserId: string) {
    return this.db.member.findUnique({
      where: { communityId_platformUserId: { communityId, platformUserId } },
    });
  }

  /** A forgotten member is nobody to write to: reminders and notices find no one. */
  findById(id: string) {
    return this.db.member.findUnique({ where: { id, forgottenAt: null } });
  }

  update(id: string, patch: Parameters<MemberRepository['update']>[1]) {
    return this.db.member.update({ where: { id }, data: patch });
  }

  countByRole(townId: string, role: 'COORDINATOR' | 'MEMBER') {
    return this.db.member.count({ where: { townId, role } });
  }

  listByRole(townId: string, role: 'COORDINATOR' | 'MEMBER') {
    return this.db.member.findMany({ where: { townId, role }, orderBy: { createdAt: 'asc' } });
  }
}
