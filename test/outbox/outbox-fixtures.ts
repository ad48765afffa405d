/**
 * What the outbox tests need around the worker: a town with coordinators and a partnership
 * with linked channels (written through the real repositories), queued posts, and a recording
 * ChannelPoster standing in for a platform.
 */
import type { Member, Platform } from '../../src/core/domain/model.ts';
import type {
  ChannelPoster,
  ChannelTarget,
  DirectTarget,
  NewDelivery,
  OutgoingMessage,
  PostResult,
} from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';

export interface LinkedChannel {
  id: string;
  channelId: string;
  channelName: string;
}

export interface Twinning {
  communityExternalId: string;
  townId: string;
  partnershipId: string;
  partnershipName: string;
  links: LinkedChannel[];
  /** jana (Czech) and klaus (German), coordinators of the town. */
  coordinators: Member[];
  /** petr, a member who answers going to exchanges. */
  member: Member;
}

/** Český Krumlov on one platform, in a partnership with `channels` linked channels. */
export async function seedTwinning(
  database: Database,
  options: { platform?: Platform; channels?: number } = {},
): Promise<Twinning> {
  const platform = options.platform ?? 'DISCORD';
  const channels = options.channels ?? 3;
  const communityExternalId = 'krumlov-guild';
  const store = new PrismaStore(database.prisma);
  const seeded = await store.transaction(async (repos) => {
    const community = await repos.communities.upsert(platform, communityExternalId, 'Krumlov');
    const town = await repos.towns.create({
      name: 'Český Krumlov',
      country: 'CZ',
      timeZone: 'Europe/Prague',
      language: 'cs',
      communityId: community.id,
    });
    const person = async (userId: string, role: Member['role'], languages: string[]) => {
      const identity = await repos.members.upsertIdentity(community.id, userId, userId);
      return repos.members.update(identity.id, { townId: town.id, role, languages });
    };
    const coordinators = [
      await person('jana', 'COORDINATOR', ['cs']),
      await person('klaus', 'COORDINATOR', ['de', 'cs']),
    ];
    const member = await person('petr', 'MEMBER', ['cs']);
    const partnership = await repos.partnerships.create(
      {
        name: 'Krumlov – Passau',
        form: 'FORMAL',
        status: 'ACTIVE',
        areas: ['culture'],
        agreementDate: null,
        agreementUrl: null,
      },
      town.id,
    );
    return { community, town, coordinators, member, partnership };
  });
  // Many channels at once: one statement rather than one transaction each.
  await database.prisma.channelLink.createMany({
    data: Array.from({ length: channels }, (_, i) => ({
      partnershipId: seeded.partnership.id,
      townId: seeded.town.id,
      communityId: seeded.community.id,
      channelId: `${1000 + i}`,
      channelName: `twinning-${i}`,
      language: 'cs',
    })),
  });
  const links = await database.prisma.channelLink.findMany({
    where: { partnershipId: seeded.partnership.id },
    orderBy: { channelId: 'asc' },
    select: { id: true, channelId: true, channelName: true },
  });
  return {
    communityExternalId,
    townId: seeded.town.id,
    partnershipId: seeded.partnership.id,
    partnershipName: seeded.partnership.name,
    links,
    coordinators: seeded.coordinators,
    member: seeded.member,
  };
}

/** One post per channel (an announcement fan-out), `rounds` times; returns the delivery ids. */
export async function enqueueFanOut(
  database: Database,
  twinning: Twinning,
  options: { dueAt: Date; rounds?: number; kind?: string; text?: string },
): Promise<string[]> {
  const rounds = options.rounds ?? 1;
  const kind = options.kind ?? 'announcement';
  const rows: NewDelivery[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const link of twinning.links) {
      rows.push({
        dedupeKey: `${kind}:round-${round}:${link.id}`,
        kind,
        sourceId: `round-${round}`,
        channelLinkId: link.id,
        payload: { text: options.text ?? `Announcement ${round} for #${link.channelName}` },
        dueAt: options.dueAt,
      });
    }
  }
  const store = new PrismaStore(database.prisma);
  for (let i = 0; i < rows.length; i += 2_000) {
    const chunk = rows.slice(i, i + 2_000);
    await store.transaction((repos) => repos.deliveries.enqueue(chunk));
  }
  const found = await database.prisma.delivery.findMany({
    where: { dedupeKey: { in: rows.map((r) => r.dedupeKey) } },
    select: { id: true },
  });
  return found.map((row) => row.id);
}

export interface PostCall {
  kind: 'post' | 'direct' | 'edit' | 'remove';
  /** For an edit: the message it replaces. */
  messageId?: string;
  /** The idempotency key the worker passed: the delivery id. */
  key: string;
  target: ChannelTarget | DirectTarget;
  message: OutgoingMessage;
}

type Answer = (call: PostCall) => PostResult | Promise<PostResult>;

/** A platform fake: records every call and answers as the test says (default: posted). */
export class RecordingPoster implements ChannelPoster {
  readonly calls: PostCall[] = [];
  private sequence = 0;

  constructor(
    readonly platform: Platform = 'DISCORD',
    public answer: Answer = () => ({ ok: true, platformMessageId: '' }),
  ) {}

  /** Where a post went into a thread: the thread's message, by the post's key. */
  readonly threads = new Map<string, string>();

  post(
    target: ChannelTarget,
    message: OutgoingMessage,
    key: string,
    _abandoned?: AbortSignal,
    placement?: { threadMessageId?: string },
  ): Promise<PostResult> {
    if (placement?.threadMessageId) this.threads.set(key, placement.threadMessageId);
    return this.record({ kind: 'post', key, target, message });
  }

  remove(target: ChannelTarget, messageId: string): Promise<PostResult> {
    return this.record({ kind: 'remove', key: messageId, messageId, target, message: { text: '' } });
  }

  sendDirect(target: DirectTarget, message: OutgoingMessage, key: string): Promise<PostResult> {
    return this.record({ kind: 'direct', key, target, message });
  }

  edit(target: ChannelTarget, messageId: string, message: OutgoingMessage): Promise<PostResult> {
    return this.record({ kind: 'edit', key: messageId, messageId, target, message });
  }

  directTo(userId: string): PostCall[] {
    return this.calls.filter(
      (c) => c.kind === 'direct' && 'userId' in c.target && c.target.userId === userId,
    );
  }

  private async record(call: PostCall): Promise<PostResult> {
    this.calls.push(call);
    const result = await this.answer(call);
    return result.ok
      ? { ok: true, platformMessageId: result.platformMessageId || `m${++this.sequence}` }
      : result;
  }
}

export { recordingLogger, type LogEntry } from '../support/recording-logger.ts';
