/**
 * The command lifecycle on its own: parse or look up, validate, identify, check the role, run in
 * one transaction, answer or fail with a translated message or a reference. The store is a small
 * in-memory one holding only what the bus itself reads and writes (communities, towns, members);
 * the commands are test definitions, so this runs in milliseconds and says nothing about the real
 * commands (test/console does).
 */
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../../test/support/recording-logger.ts';
import {
  MemoryStore,
  actor,
  busFor,
  ping,
  plainActor,
  text,
} from '../../../test/support/command-bus-fixtures.ts';
import { CommandBus } from './command-bus.ts';
import type { CommandRoute } from './command-route.ts';

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

  it('writes usage lines and suggestions as commands are typed on each platform', async () => {
    const { bus } = busFor();
    const refusal = async (platform: 'CONSOLE' | 'SLACK' | 'DISCORD', slashCommand?: string) => {
      const request = {
        ...text('ping anyone count:9', plainActor(platform)),
        ...(slashCommand ? { slashCommand } : {}),
      };
      const unknown = {
        ...text('pnig anyone', plainActor(platform)),
        ...(slashCommand ? { slashCommand } : {}),
      };
      return [(await bus.run(request)).text.split('\n')[1], (await bus.run(unknown)).text];
    };
    const usage = 'ping anyone [count:<number>] [note:<text>]';
    expect(await refusal('CONSOLE')).toEqual([
      `Usage: ${usage}`,
      'I do not know the command “pnig anyone”. Did you mean: ping anyone?',
    ]);
    expect(await refusal('SLACK')).toEqual([
      `Usage: /twin ${usage}`,
      'I do not know the command “pnig anyone”. Did you mean: /twin ping anyone?',
    ]);
    expect((await refusal('SLACK', '/partnerbot'))[0]).toBe(`Usage: /partnerbot ${usage}`);
    expect(await refusal('DISCORD')).toEqual([
      `Usage: /${usage}`,
      'I do not know the command “pnig anyone”. Did you mean: /ping anyone?',
    ]);
    const empty = await bus.run({ ...text('  ', plainActor('SLACK')) });
    expect(empty.text).toBe('Type a command, or “/twin help” to see them all.');
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
