/**
 * What the CommandBus unit tests share (src/core/commands/command-bus*.test.ts): a small
 * in-memory store holding only what the bus itself reads and writes (communities, towns,
 * members), test command definitions, and actors and requests.
 */
import { recordingLogger } from './recording-logger.ts';
import type { Community, Member, Town } from '../../src/core/domain/model.ts';
import type { Repositories, Store } from '../../src/core/ports.ts';
import { CommandBus, type CommandContext } from '../../src/core/commands/command-bus.ts';
import type { CommandRoute } from '../../src/core/commands/command-route.ts';
import { defineCommand, type RequiredRole } from '../../src/core/commands/definition.ts';
import type { Actor, CommandRequest, Reply } from '../../src/core/commands/invocation.ts';

export interface Rows {
  communities: Community[];
  towns: Town[];
  members: Member[];
}

/** A synchronous function as the asynchronous one a repository port declares. */
export const later =
  <A extends unknown[], R>(work: (...args: A) => R) =>
  (...args: A): Promise<R> =>
    Promise.resolve(work(...args));

/** Communities, towns and members in memory; a transaction that throws leaves them as they were. */
export class MemoryStore implements Store {
  rows: Rows = { communities: [], towns: [], members: [] };
  transactions = 0;
  /** Member rows written (identity upserts and updates). */
  memberWrites = 0;
  private nextId = 1;

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    this.transactions += 1;
    const before = structuredClone(this.rows);
    try {
      return await work(this.repositories());
    } catch (error) {
      this.rows = before;
      throw error;
    }
  }

  addTown(communityExternalId: string, language = 'en'): Town {
    const community = this.addCommunity(communityExternalId);
    const town: Town = {
      id: this.id('town'),
      name: 'Kolín',
      country: 'CZ',
      timeZone: 'Europe/Prague',
      language,
      communityId: community.id,
    };
    this.rows.towns.push(town);
    return town;
  }

  addMember(town: Town, userId: string, fields: Partial<Member> = {}): Member {
    const member: Member = {
      id: this.id('member'),
      communityId: town.communityId,
      platformUserId: userId,
      displayName: userId,
      townId: town.id,
      role: 'MEMBER',
      languages: [],
      platformLocale: null,
      interests: [],
      ...fields,
    };
    this.rows.members.push(member);
    return member;
  }

  private addCommunity(externalId: string): Community {
    const community: Community = {
      id: this.id('community'),
      platform: 'CONSOLE',
      externalId,
      name: externalId,
    };
    this.rows.communities.push(community);
    return community;
  }

  private id(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  private repositories(): Repositories {
    const rows = () => this.rows;
    const member = (id: string): Member => {
      const found = rows().members.find((m) => m.id === id);
      if (!found) throw new Error(`no member ${id}`);
      return found;
    };
    const repos = {
      communities: {
        findByExternalId: later(
          (platform: string, externalId: string) =>
            rows().communities.find((c) => c.platform === platform && c.externalId === externalId) ?? null,
        ),
        findWithTownAndMember: later((platform: string, externalId: string, userId: string) => {
          const community = rows().communities.find(
            (c) => c.platform === platform && c.externalId === externalId,
          );
          if (!community) return null;
          const town = rows().towns.find((t) => t.communityId === community.id) ?? null;
          const known = rows().members.find(
            (m) => m.communityId === community.id && m.platformUserId === userId,
          );
          return { community, town, member: known ? { ...known } : null };
        }),
        upsert: later((platform: Community['platform'], externalId: string, name: string) => {
          const community: Community = { id: this.id('community'), platform, externalId, name };
          rows().communities.push(community);
          return community;
        }),
      },
      towns: {
        findByCommunity: later(
          (communityId: string) => rows().towns.find((t) => t.communityId === communityId) ?? null,
        ),
      },
      members: {
        findByPlatformUser: later(
          (communityId: string, userId: string) =>
            rows().members.find((m) => m.communityId === communityId && m.platformUserId === userId) ?? null,
        ),
        upsertIdentity: later((communityId: string, userId: string, displayName: string) => {
          this.memberWrites += 1;
          const known = rows().members.find(
            (m) => m.communityId === communityId && m.platformUserId === userId,
          );
          if (known) {
            known.displayName = displayName;
            return { ...known };
          }
          const created: Member = {
            id: this.id('member'),
            communityId,
            platformUserId: userId,
            displayName,
            townId: null,
            role: 'MEMBER',
            languages: [],
            platformLocale: null,
            interests: [],
          };
          rows().members.push(created);
          return { ...created };
        }),
        recordIdentity: later(
          (
            communityId: string,
            userId: string,
            identity: { displayName: string; townId?: string; platformLocale?: string },
          ) => {
            this.memberWrites += 1;
            const known = rows().members.find(
              (m) => m.communityId === communityId && m.platformUserId === userId,
            );
            if (known) {
              Object.assign(known, identity);
              return { ...known };
            }
            const created: Member = {
              id: this.id('member'),
              communityId,
              platformUserId: userId,
              townId: null,
              role: 'MEMBER',
              languages: [],
              interests: [],
              platformLocale: null,
              ...identity,
            };
            rows().members.push(created);
            return { ...created };
          },
        ),
        update: later((id: string, patch: Partial<Member>) => {
          this.memberWrites += 1;
          Object.assign(member(id), patch);
          return { ...member(id) };
        }),
      },
    };
    return repos as unknown as Repositories;
  }
}

export const ping = (role: RequiredRole, communityAdmin?: true) =>
  defineCommand({
    path: communityAdmin ? ['ping', role, 'admin'] : ['ping', role],
    description: { en: 'Ping' },
    role,
    ...(communityAdmin ? { communityAdmin } : {}),
    options: {
      count: { type: 'integer', min: 1, max: 5, description: { en: 'Count' } },
      note: { type: 'string', maxLength: 20, description: { en: 'Note' } },
    },
  });

export interface Seen {
  ctx: CommandContext;
  args: Record<string, unknown>;
}

/** A bus over the memory store with one test command per role; `run` records what handlers saw. */
export function busFor(
  handler?: (ctx: CommandContext, args: Record<string, unknown>) => Reply | Promise<Reply>,
) {
  const store = new MemoryStore();
  const logger = recordingLogger();
  const seen: Seen[] = [];
  let outboxWakes = 0;
  const now = new Date('2026-05-01T10:00:00Z');
  const definitions = [
    ...(['anyone', 'member', 'coordinator'] as const).map((role) => ping(role)),
    ping('anyone', true),
    ping('member', true),
  ];
  const routes: CommandRoute[] = definitions.map((definition) => ({
    definition,
    handler: async (ctx, args) => {
      seen.push({ ctx, args });
      const name = definition.path.slice(1).join(' ');
      return handler ? await handler(ctx, args) : { text: `pong ${name}`, private: false };
    },
  }));
  const bus = new CommandBus({
    store,
    clock: { now: () => now },
    logger,
    recurrence: { validate: () => null, nextAfter: () => null },
    routes,
    onOutboxChanged: () => {
      outboxWakes += 1;
    },
  });
  return { bus, store, logger, seen, now, outboxWakes: () => outboxWakes };
}

export const actor = (userId = 'u1', communityExternalId = 'kolin', displayName = userId): Actor => ({
  platform: 'CONSOLE',
  communityExternalId,
  communityName: communityExternalId,
  userId,
  displayName,
  communityAdmin: true,
});

/** Someone the platform does not count as an admin of the community. */
export const plainActor = (platform: Actor['platform'], userId = 'u1'): Actor => ({
  ...actor(userId),
  platform,
  communityAdmin: false,
});

export const text = (line: string, who: Actor = actor(), locale?: string): CommandRequest => ({
  text: line,
  actor: who,
  channel: { id: 'c1', name: 'general' },
  ...(locale ? { locale } : {}),
});
