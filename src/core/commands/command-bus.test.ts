/**
 * The command lifecycle on its own: parse or look up, validate, identify, check the role, run in
 * one transaction, answer or fail with a translated message or a reference. The store is a small
 * in-memory one holding only what the bus itself reads and writes (communities, towns, members);
 * the commands are test definitions, so this runs in milliseconds and says nothing about the real
 * commands (test/console does).
 */
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../../test/support/recording-logger.ts';
import type { Community, Member, Town } from '../domain/model.ts';
import { ConflictError, NotFoundError, UserError } from '../errors.ts';
import type { Repositories, Store } from '../ports.ts';
import { CommandBus, type CommandContext } from './command-bus.ts';
import type { CommandRoute } from './command-route.ts';
import { defineCommand, type RequiredRole } from './definition.ts';
import type { Actor, CommandRequest, Reply } from './invocation.ts';

interface Rows {
  communities: Community[];
  towns: Town[];
  members: Member[];
}

/** A synchronous function as the asynchronous one a repository port declares. */
const later =
  <A extends unknown[], R>(work: (...args: A) => R) =>
  (...args: A): Promise<R> =>
    Promise.resolve(work(...args));

/** Communities, towns and members in memory; a transaction that throws leaves them as they were. */
class MemoryStore implements Store {
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
            interests: [],
          };
          rows().members.push(created);
          return { ...created };
        }),
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

const ping = (role: RequiredRole, communityAdmin?: true) =>
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

interface Seen {
  ctx: CommandContext;
  args: Record<string, unknown>;
}

/** A bus over the memory store with one test command per role; `run` records what handlers saw. */
function busFor(handler?: (ctx: CommandContext, args: Record<string, unknown>) => Reply | Promise<Reply>) {
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

const actor = (userId = 'u1', communityExternalId = 'kolin', displayName = userId): Actor => ({
  platform: 'CONSOLE',
  communityExternalId,
  communityName: communityExternalId,
  userId,
  displayName,
  communityAdmin: true,
});

/** Someone the platform does not count as an admin of the community. */
const plainActor = (platform: Actor['platform'], userId = 'u1'): Actor => ({
  ...actor(userId),
  platform,
  communityAdmin: false,
});

const text = (line: string, who: Actor = actor(), locale?: string): CommandRequest => ({
  text: line,
  actor: who,
  channel: { id: 'c1', name: 'general' },
  ...(locale ? { locale } : {}),
});

describe('CommandBus: finding the command', () => {
  it('runs a typed command with its validated options', async () => {
    const { bus, store, seen } = busFor();
    store.addTown('kolin');
    const reply = await bus.run(text('ping anyone count:3 note:"two words"'));
    expect(reply).toEqual({ text: 'pong anyone', private: false });
    expect(seen[0]?.args).toEqual({ count: 3, note: 'two words' });
  });

  it('runs a structured command looked up by its id', async () => {
    const { bus, store, seen } = busFor();
    store.addTown('kolin');
    const reply = await bus.run({
      command: 'ping.member',
      options: { count: 2 },
      actor: actor(),
      channel: { id: 'c1', name: 'general' },
    });
    expect(reply.text).toBe('pong member');
    expect(seen[0]?.args).toEqual({ count: 2 });
  });

  it('answers an empty line with how to start', async () => {
    const { bus } = busFor();
    const reply = await bus.run(text('   '));
    expect(reply).toStrictEqual({
      text: 'Type a command, or “help” to see them all.',
      private: true,
      error: { key: 'command.empty' },
    });
  });

  it('names an unknown command and suggests close ones, or help', async () => {
    const { bus } = busFor();
    const close = await bus.run(text('ping anyon'));
    expect(close.error?.key).toBe('command.unknown');
    expect(close.text).toContain('Did you mean:');
    expect(close.text).toMatch(/ping anyone/);
    expect((await bus.run(text('ping nobody here'))).text).toBe(
      'I do not know the command “ping nobody here”. Did you mean: ping anyone, ping member, ping coordinator, ping anyone admin, ping member admin?',
    );
    const far = await bus.run(text('xylophone'));
    expect(far.text).toBe('I do not know the command “xylophone”. Did you mean: help?');
  });

  it('answers an unknown structured id as an unknown command', async () => {
    const { bus } = busFor();
    const reply = await bus.run({
      command: 'nope.nothing',
      options: {},
      actor: actor(),
      channel: { id: 'c', name: 'c' },
    });
    expect(reply.text).toBe('I do not know the command “nope.nothing”. Did you mean: help?');
  });

  it('refuses an unclosed quote, a repeated option and a stray word, each with the usage', async () => {
    const { bus } = busFor();
    const usage = 'Usage: ping anyone [count:<number>] [note:<text>]';
    expect((await bus.run(text('ping anyone note:"open'))).text).toBe(
      `A quoted value is missing its closing quote.\n${usage}`,
    );
    const twice = await bus.run(text('ping anyone count:1 count:2'));
    expect(twice.text).toBe('The option “count” is given twice.');
    expect(twice.error).toEqual({ key: 'command.duplicate-option', option: 'count' });
    expect((await bus.run(text('ping anyone stray'))).text).toBe(
      `“stray” is not an option. Options are written as name:value.\n${usage}`,
    );
  });

  it('adds the usage to a validation failure and names the option at fault', async () => {
    const { bus, seen } = busFor();
    const reply = await bus.run(text('ping anyone count:9'));
    expect(reply.private).toBe(true);
    expect(reply.error).toEqual({ key: 'validation.too-large', option: 'count' });
    expect(reply.text).toBe('“count” must be at most 5.\nUsage: ping anyone [count:<number>] [note:<text>]');
    expect(seen).toHaveLength(0);
  });

  it('refuses two routes with one command id', () => {
    const store = new MemoryStore();
    const route: CommandRoute = {
      definition: ping('anyone'),
      handler: () => Promise.resolve({ text: '', private: false }),
    };
    expect(
      () =>
        new CommandBus({
          store,
          clock: { now: () => new Date() },
          logger: recordingLogger(),
          recurrence: { validate: () => null, nextAfter: () => null },
          routes: [route, { ...route }],
        }),
    ).toThrow('two routes share a command id');
  });
});

describe('CommandBus: who may run it', () => {
  it('lets anyone run an open command before the community has a town, and records the community', async () => {
    const { bus, store, seen } = busFor();
    const reply = await bus.run(text('ping anyone', actor('u1', 'new-place')));
    expect(reply.text).toBe('pong anyone');
    expect(seen[0]?.ctx.town).toBeNull();
    expect(store.rows.communities.map((c) => c.externalId)).toEqual(['new-place']);
    expect(store.rows.members[0]).toMatchObject({ platformUserId: 'u1', townId: null });
  });

  it('tells a member of a community without a town how to register one', async () => {
    const { bus, seen } = busFor();
    const reply = await bus.run(text('ping member'));
    expect(reply.error).toEqual({ key: 'town.not-registered' });
    expect(reply.text).toMatch(/^This community has no town yet/);
    expect(seen).toHaveLength(0);
  });

  it('keeps coordinator commands to coordinators', async () => {
    const { bus, store, seen } = busFor();
    const town = store.addTown('kolin');
    store.addMember(town, 'u1', { role: 'MEMBER' });
    store.addMember(town, 'boss', { role: 'COORDINATOR' });
    const refused = await bus.run(text('ping coordinator', actor('u1')));
    expect(refused.text).toBe('Only a coordinator of your town can use “ping coordinator”.');
    expect(refused.private).toBe(true);
    expect(seen).toHaveLength(0);
    expect((await bus.run(text('ping coordinator', actor('boss')))).text).toBe('pong coordinator');
  });

  it('places a newcomer in the town and keeps their display name fresh', async () => {
    const { bus, store, seen } = busFor();
    const town = store.addTown('kolin');
    await bus.run(text('ping member', actor('u7', 'kolin', 'Jana')));
    expect(seen[0]?.ctx.member).toMatchObject({ platformUserId: 'u7', displayName: 'Jana', townId: town.id });
    await bus.run(text('ping member', actor('u7', 'kolin', 'Jana N.')));
    expect(store.rows.members.find((m) => m.platformUserId === 'u7')?.displayName).toBe('Jana N.');
    expect(seen[1]?.ctx.member.displayName).toBe('Jana N.');
  });

  it('only reads a member it already knows, in their town, under the same name', async () => {
    const { bus, store, seen } = busFor();
    const town = store.addTown('kolin');
    store.addMember(town, 'u1', { displayName: 'Jana' });
    await bus.run(text('ping member', actor('u1', 'kolin', 'Jana')));
    expect(store.memberWrites).toBe(0);
    expect(seen[0]?.ctx.member.displayName).toBe('Jana');
  });

  it('hands the handler the place, the person and the clock', async () => {
    const { bus, store, seen, now } = busFor();
    const town = store.addTown('kolin');
    await bus.run(text('ping member'));
    const ctx = seen[0]?.ctx;
    expect(ctx?.town).toEqual(town);
    expect(ctx?.community.externalId).toBe('kolin');
    expect(ctx?.channel).toEqual({ id: 'c1', name: 'general' });
    expect(ctx?.now).toEqual(now);
    expect(ctx?.definitions.map((d) => d.path.join(' '))).toEqual([
      'ping anyone',
      'ping member',
      'ping coordinator',
      'ping anyone admin',
      'ping member admin',
    ]);
  });
});

describe('CommandBus: the platform’s admin right', () => {
  it('refuses a command that needs it, naming the right each platform calls it by, before recording anything', async () => {
    const { bus, store, seen } = busFor();
    const discord = await bus.run(text('ping anyone admin', plainActor('DISCORD')));
    expect(discord.text).toBe(
      '“ping anyone admin” needs the Manage Server permission (or Administrator) on this Discord server. Ask a server admin.',
    );
    expect(discord).toMatchObject({ private: true, error: { key: 'permission.community-admin-discord' } });
    const slack = await bus.run(text('ping anyone admin', plainActor('SLACK')));
    expect(slack.text).toBe(
      '“ping anyone admin” needs a workspace admin or owner of this Slack workspace, or whoever installed Twinbridge here. Ask one of them.',
    );
    const console = await bus.run(text('ping anyone admin', plainActor('CONSOLE')));
    expect(console.text).toBe('“ping anyone admin” needs an administrator of this community.');
    expect(seen).toHaveLength(0);
    expect(store.rows.members).toEqual([]);
  });

  it('refuses a coordinator without it, and lets an admin who is no coordinator in', async () => {
    const { bus, store, seen } = busFor();
    const town = store.addTown('kolin');
    store.addMember(town, 'boss', { role: 'COORDINATOR' });
    const refused = await bus.run(text('ping member admin', plainActor('CONSOLE', 'boss')));
    expect(refused.error).toEqual({ key: 'permission.community-admin-console' });
    expect(seen).toHaveLength(0);
    const admin = await bus.run(
      text('ping member admin', { ...plainActor('CONSOLE', 'it-admin'), communityAdmin: true }),
    );
    expect(admin.text).toBe('pong member admin');
    expect(seen[0]?.ctx.member).toMatchObject({
      platformUserId: 'it-admin',
      role: 'MEMBER',
      townId: town.id,
    });
  });

  it('asks nothing of commands that do not need it', async () => {
    const { bus } = busFor();
    expect((await bus.run(text('ping anyone', plainActor('SLACK')))).text).toBe('pong anyone');
  });
});

describe('CommandBus: language of the answer', () => {
  it('prefers the person’s language, then the town’s, then the platform locale', async () => {
    const { bus, store } = busFor();
    const town = store.addTown('kolin', 'de');
    store.addMember(town, 'cz', { languages: ['cs'] });
    const czech = 'Napište příkaz, nebo „help“ pro přehled všech příkazů.';
    expect((await bus.run(text('', actor('cz'), 'en'))).text).toBe(czech);
    expect((await bus.run(text('', actor('other'), 'cs'))).text).toBe(
      'Geben Sie einen Befehl ein oder „help“, um alle zu sehen.',
    );
    expect((await bus.run(text('', actor('x', 'elsewhere'), 'cs'))).text).toBe(czech);
    expect((await bus.run(text('', actor('x', 'elsewhere')))).text).toBe(
      'Type a command, or “help” to see them all.',
    );
  });

  it('gives the handler a translator in the chosen language', async () => {
    const {
      bus,
      store,
      seen: calls,
    } = busFor((ctx) => ({ text: ctx.t('command.usage', { usage: 'x' }), private: false }));
    const town = store.addTown('kolin');
    store.addMember(town, 'cz', { languages: ['cs'] });
    expect((await bus.run(text('ping member', actor('cz')))).text).toBe('Použití: x');
    expect(calls[0]?.ctx.language).toBe('cs');
  });
});

describe('CommandBus: failures', () => {
  it('translates a UserError from the handler, adds its usage and rolls everything back', async () => {
    const { bus, store } = busFor(async (ctx) => {
      await ctx.repos.members.update(ctx.member.id, { role: 'COORDINATOR' });
      throw new UserError('command.duplicate-option', { option: 'note', usage: 'ping member' });
    });
    const town = store.addTown('kolin');
    store.addMember(town, 'u1');
    const reply = await bus.run(text('ping member'));
    expect(reply).toEqual({
      text: 'The option “note” is given twice.\nUsage: ping member',
      private: true,
      error: { key: 'command.duplicate-option', option: 'note' },
    });
    expect(store.rows.members[0]?.role).toBe('MEMBER');
  });

  it('answers a lost race and a vanished row with their own messages', async () => {
    let failure: Error = new ConflictError('exchange');
    const { bus, store } = busFor(() => {
      throw failure;
    });
    store.addTown('kolin');
    expect(await bus.run(text('ping member'))).toStrictEqual({
      text: 'Someone else changed this at the same moment. Nothing was changed; please try again.',
      private: true,
      error: { key: 'error.conflict' },
    });
    failure = new NotFoundError('exchange');
    expect(await bus.run(text('ping member'))).toStrictEqual({
      text: 'What this needed was removed a moment ago by someone else. Nothing was changed; check and try again.',
      private: true,
      error: { key: 'error.gone' },
    });
  });

  it('answers anything else with a reference, logging the option names but not what was typed', async () => {
    const { bus, store, logger } = busFor(() => {
      throw new Error('disk on fire');
    });
    store.addTown('kolin');
    const reply = await bus.run(text('ping member count:3 note:"keep me"', actor('u1')));
    const ref = reply.error?.ref ?? '';
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(reply.text).toBe(
      `Something went wrong on my side (ref ${ref}). Nothing was changed; the coordinators can quote this reference.\n` +
        'Nothing you entered was saved. Here it is, to try again later: ping member count:3 note:"keep me"',
    );
    expect(reply.error).toStrictEqual({ key: 'error.unexpected', ref });
    expect(reply.private).toBe(true);
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]).toMatchObject({
      level: 'error',
      message: 'command failed unexpectedly',
      details: { ref, command: 'ping.member', platform: 'CONSOLE', community: 'kolin', user: 'u1' },
    });
    expect(logger.entries[0]?.details.input).toEqual({ options: { count: 1, note: 7 } });
    expect(JSON.stringify(logger.entries)).not.toContain('keep me');
    expect((logger.entries[0]?.details.err as Error).message).toBe('disk on fire');
  });

  it('logs only the length of text that names no command, and still hands it back', async () => {
    const logger = recordingLogger();
    // A failure before the command is known: the store itself breaks.
    const broken = new CommandBus({
      store: { transaction: () => Promise.reject(new Error('database gone')) },
      clock: { now: () => new Date() },
      logger,
      recurrence: { validate: () => null, nextAfter: () => null },
      routes: [],
    });
    const reply = await broken.run(text('K7QX-P2MD secret words'));
    expect(reply.text).toMatch(/Here it is, to try again later: K7QX-P2MD secret words$/);
    expect(logger.entries[0]?.details).toMatchObject({ command: 'unknown', input: { textLength: 22 } });
    expect(JSON.stringify(logger.entries)).not.toContain('K7QX');
  });

  it('logs the command and option names, not what was typed, when it failed before the command was known', async () => {
    const { bus, store, logger } = busFor();
    const storeDown = new Error('connection reset');
    store.transaction = () => Promise.reject(storeDown);
    const line = `ping member note:"${'x'.repeat(80)}"`;
    const reply = await bus.run(text(line));
    expect(reply.error?.key).toBe('error.unexpected');
    expect(logger.entries[0]?.details).toMatchObject({
      command: 'ping.member',
      input: { options: { note: 80 } },
      err: storeDown,
    });
    expect(JSON.stringify(logger.entries[0]?.details.input)).not.toContain('xxx');
    const structured = await bus.run({
      command: 'ping.member',
      options: {},
      actor: actor(),
      channel: { id: 'c', name: 'c' },
    });
    expect(structured.error?.key).toBe('error.unexpected');
    expect(logger.entries[1]?.details).toMatchObject({ command: 'ping.member' });
  });

  it('logs the option names of a structured command that failed and gives it back as text', async () => {
    const { bus, store, logger } = busFor(() => {
      throw new Error('boom');
    });
    store.addTown('kolin');
    const reply = await bus.run({
      command: 'ping.member',
      options: { note: 'say "hi" there', count: 2 },
      actor: actor(),
      channel: { id: 'c', name: 'c' },
    });
    expect(logger.entries[0]?.details).toMatchObject({
      command: 'ping.member',
      input: { options: { note: 14, count: 1 } },
    });
    expect(JSON.stringify(logger.entries)).not.toContain('there');
    expect(reply.text).toMatch(/Here it is, to try again later: ping member note:'say "hi" there' count:2$/);
  });

  it('does not echo a command that had nothing to keep', async () => {
    const { bus, store } = busFor(() => {
      throw new Error('boom');
    });
    store.addTown('kolin');
    const reply = await bus.run(text('ping member'));
    expect(reply.text).not.toContain('Nothing you entered');
  });
});

describe('CommandBus: waking the outbox', () => {
  it('wakes it once after a command that enqueued deliveries commits, not otherwise', async () => {
    let enqueue = true;
    const { bus, store, outboxWakes } = busFor((ctx) => {
      if (enqueue) ctx.markOutboxChanged();
      return { text: 'ok', private: false };
    });
    store.addTown('kolin');
    await bus.run(text('ping member'));
    expect(outboxWakes()).toBe(1);
    enqueue = false;
    await bus.run(text('ping member'));
    expect(outboxWakes()).toBe(1);
  });

  it('needs no outbox to wake (a bus without a worker, as in a dry run)', async () => {
    const store = new MemoryStore();
    store.addTown('kolin');
    const bus = new CommandBus({
      store,
      clock: { now: () => new Date() },
      logger: recordingLogger(),
      recurrence: { validate: () => null, nextAfter: () => null },
      routes: [
        {
          definition: ping('member'),
          handler: (ctx) => {
            ctx.markOutboxChanged();
            return Promise.resolve({ text: 'queued', private: false });
          },
        },
      ],
    });
    expect((await bus.run(text('ping member'))).text).toBe('queued');
  });

  it('does not wake it when the command that enqueued failed', async () => {
    const { bus, store, outboxWakes } = busFor((ctx) => {
      ctx.markOutboxChanged();
      throw new UserError('command.empty');
    });
    store.addTown('kolin');
    await bus.run(text('ping member'));
    expect(outboxWakes()).toBe(0);
  });
});
