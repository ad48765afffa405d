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
  PostPlacement,
  PostResult,
} from '../../src/core/ports.ts';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../src/core/outbox/delivery-worker.ts';
import type { Logger, Store } from '../../src/core/ports.ts';
import type { ReactionTally } from '../../src/core/relay/relay-ports.ts';
import type { Database, DatabaseKind } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import type { TestClock } from '../console/console-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';

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

/** A fresh database of `kind`, the store over it, and Český Krumlov's twinning seeded in it. */
export async function seededOutbox(kind: DatabaseKind) {
  const database = await createTestDatabase(kind);
  return { database, store: new PrismaStore(database.prisma), twinning: await seedTwinning(database) };
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
  kind: 'post' | 'direct' | 'edit' | 'remove' | 'react';
  /** For an edit: the message it replaces. */
  messageId?: string;
  /** The idempotency key the worker passed: the delivery id. */
  key: string;
  target: ChannelTarget | DirectTarget;
  message: OutgoingMessage;
  /** A post: the outbox said an earlier attempt may have posted it. */
  unansweredBefore?: boolean;
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
    placement?: PostPlacement,
  ): Promise<PostResult> {
    if (placement?.threadMessageId) this.threads.set(key, placement.threadMessageId);
    const unanswered = placement?.unansweredBefore === true ? { unansweredBefore: true } : {};
    return this.record({ kind: 'post', key, target, message, ...unanswered });
  }

  remove(target: ChannelTarget, messageId: string): Promise<PostResult> {
    return this.record({ kind: 'remove', key: messageId, messageId, target, message: { text: '' } });
  }

  /** Recorded as a message carrying the reactions (what a relay.reactions delivery asks). */
  react(target: ChannelTarget, messageId: string, reactions: readonly ReactionTally[]): Promise<PostResult> {
    const message = { text: '', reactions: [...reactions] };
    return this.record({ kind: 'react', key: messageId, messageId, target, message });
  }

  sendDirect(target: DirectTarget, message: OutgoingMessage, key: string): Promise<PostResult> {
    return this.record({ kind: 'direct', key, target, message });
  }

  edit(target: ChannelTarget, messageId: string, message: OutgoingMessage): Promise<PostResult> {
    return this.record({ kind: 'edit', key: messageId, messageId, target, message });
  }

  editDirect(target: DirectTarget, messageId: string, message: OutgoingMessage): Promise<PostResult> {
    return this.record({ kind: 'edit', key: messageId, messageId, target, message });
  }

  directTo(userId: string): PostCall[] {
    return this.calls.filter(
      (c) => c.kind === 'direct' && 'userId' in c.target && c.target.userId === userId,
    );
  }

  private readonly waiters: { count: number; resolve: () => void }[] = [];

  /** Resolves once `count` calls have reached the platform. */
  callsReached(count: number): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private async record(call: PostCall): Promise<PostResult> {
    this.calls.push(call);
    for (const waiter of this.waiters.filter((w) => this.calls.length >= w.count)) waiter.resolve();
    const result = await this.answer(call);
    return result.ok
      ? { ok: true, platformMessageId: result.platformMessageId || `m${++this.sequence}` }
      : result;
  }
}

/**
 * A worker on the test clock for the database suites: the fake platform takes any pace (pacing
 * is tested apart), no wakes of its own (the test drains), and the full backoff step each time.
 */
export function workerOnTestClock(
  store: Store,
  poster: RecordingPoster,
  clock: TestClock,
  logger: Logger,
  options: Partial<DeliveryWorkerOptions> = {},
): DeliveryWorker {
  return new DeliveryWorker(store, [poster], clock, logger, {
    workerId: 'worker-1',
    limits: { DISCORD: { concurrency: 8 } },
    retryWakeHorizonMs: 0,
    random: () => 1,
    ...options,
  });
}

/**
 * Workers claim the oldest due delivery and die while sending it, `times` times: the clock is
 * moved past each one's lease, so the next claim takes it over.
 */
export async function crashWhileSending(store: PrismaStore, clock: TestClock, times: number): Promise<void> {
  for (let crash = 0; crash < times; crash++) {
    const claimed = await store.transaction((repos) => {
      const now = clock.now();
      return repos.deliveries.claimDue({
        now,
        limit: 1,
        workerId: `crashing-${crash}`,
        leaseUntil: new Date(now.getTime() + 1_000),
      });
    });
    if (claimed.length !== 1) throw new Error(`crash ${crash}: nothing to claim`);
    clock.set(new Date(clock.now().getTime() + 2_000));
  }
}

/** The notices queued for coordinators, in the order of their platform user ids. */
export function coordinatorNotices(database: Database) {
  return database.prisma.delivery.findMany({
    where: { kind: { startsWith: 'notice.' } },
    include: { recipient: true },
    orderBy: { recipient: { platformUserId: 'asc' } },
  });
}

export { recordingLogger, type LogEntry } from '../support/recording-logger.ts';
