/**
 * Through the real discord.js client and the Discord emulator: linking a thread needs the bot's
 * "Send Messages in Threads" permission (refused by that name without it, allowed with it, and
 * the partnership's posts then go to the thread), and a user option picked in Discord (the
 * person's id) names that person in `town coordinator add` / `remove`. Wording written out.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { DEFAULT_BOT_PERMISSIONS, type GuildInput } from '../emulators/discord/state.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { DiscordHarness, messageText, type Answer } from './discord-harness.ts';

// Krumlov's server gave the bot everything but posting in threads; Passau's the usual set.
const GUILDS: GuildInput[] = [
  {
    name: 'Český Krumlov',
    preferredLocale: 'cs',
    botPermissions: DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.SendMessagesInThreads,
    channels: [
      { name: 'general' },
      { name: 'partneri' },
      { name: 'partneri-vlakno', kind: 'thread', parent: 'partneri' },
    ],
    members: [
      { username: 'jana', globalName: 'Jana', locale: 'cs' },
      { username: 'petra', globalName: 'Petra', locale: 'cs' },
    ],
  },
  {
    name: 'Passau',
    preferredLocale: 'de',
    channels: [
      { name: 'general' },
      { name: 'partnerstadt' },
      { name: 'partnerstadt-faden', kind: 'thread', parent: 'partnerstadt' },
    ],
    members: [{ username: 'max', globalName: 'Max', locale: 'de' }],
  },
];

const KRUMLOV = { guild: 'Český Krumlov', channel: 'partneri', user: 'jana' } as const;
const PASSAU_THREAD = { guild: 'Passau', channel: 'partnerstadt-faden', user: 'max' } as const;

describe('Discord threads and user options', () => {
  let database: Database;
  let h: DiscordHarness;

  const answered = async (answer: Promise<Answer>): Promise<Answer> => {
    const seen = await answer;
    expect(seen.messages.length).toBeGreaterThan(0);
    return seen;
  };

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    h = await DiscordHarness.start({
      database,
      guilds: GUILDS,
      // Discord's 3 s answer window is not what this file tests: on a loaded machine the first
      // command (warming up the database) can miss it, and the answer would be refused.
      emulator: { interactionDeadlineMs: 30_000 },
    });
    await answered(
      h.command({
        ...KRUMLOV,
        name: 'town',
        subcommand: 'register',
        options: { name: 'Český Krumlov', country: 'CZ', timezone: 'Europe/Prague', language: 'cs' },
      }),
    );
    await answered(
      h.command({ ...KRUMLOV, name: 'partner', subcommand: 'invite', options: { name: 'Krumlov – Passau' } }),
    );
    expect(await database.prisma.partnership.count()).toBe(1);
  });
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('refuses to link a thread where the bot may not send messages in threads, naming that permission', async () => {
    const refused = await answered(
      h.command({
        ...KRUMLOV,
        channel: 'partneri-vlakno',
        name: 'channel',
        subcommand: 'link',
        options: { partnership: 1 },
      }),
    );
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toBe(
      'Do kanálu #partneri-vlakno nemohu psát: chybí oprávnění „Odesílat zprávy ve vláknech“. Dejte mi v tomto kanálu tato oprávnění (nebo příkaz spusťte v jiném kanálu) a zkuste to znovu.',
    );
    expect(await database.prisma.channelLink.count()).toBe(0);
    // Sending messages in channels is another permission, which the bot has: the parent channel links.
    const linked = await answered(
      h.command({ ...KRUMLOV, name: 'channel', subcommand: 'link', options: { partnership: 1 } }),
    );
    expect(linked.ephemeral).toBe(false);
    expect((await database.prisma.channelLink.findMany()).map((l) => l.channelId)).toEqual([
      h.channel('partneri'),
    ]);
  });

  it('joins from a thread where the bot may post in threads, and posts the partnership’s news there', async () => {
    await answered(
      h.command({
        ...PASSAU_THREAD,
        name: 'town',
        subcommand: 'register',
        options: { name: 'Passau', country: 'DE', timezone: 'Europe/Berlin', language: 'de' },
      }),
    );
    const invite = await answered(
      h.command({ ...KRUMLOV, name: 'partner', subcommand: 'invite', options: { partnership: 1 } }),
    );
    const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/.exec(invite.text)?.[0];
    expect(code).toBeDefined();
    const joined = await answered(
      h.command({ ...PASSAU_THREAD, name: 'partner', subcommand: 'join', options: { code: code ?? '' } }),
    );
    expect(joined.ephemeral).toBe(false);
    expect(joined.text).toContain(
      'Dieser Kanal (#partnerstadt-faden) erhält ihre Beiträge ab jetzt auf „Deutsch“.',
    );
    const thread = h.channel('partnerstadt-faden', 'Passau');
    expect(await database.prisma.channelLink.count({ where: { channelId: thread } })).toBe(1);

    await answered(
      h.command({
        ...KRUMLOV,
        name: 'announce',
        subcommand: 'send',
        options: { partnership: 1, text: 'Fotky jsou online', 'text-de': 'Die Fotos sind online' },
      }),
    );
    await h.drain();
    expect(h.posts('partnerstadt-faden', 'Passau').map(messageText)).toContain('Die Fotos sind online');
  });

  it('reads a user picked in Discord as that person', async () => {
    // Petra has used the bot, so it knows her name.
    await answered(h.command({ ...KRUMLOV, user: 'petra', name: 'town', subcommand: 'info' }));
    const petraId = h.discord.userId('petra');
    const coordinator = (subcommand: 'add' | 'remove') =>
      answered(
        h.command({
          ...KRUMLOV,
          name: 'town',
          subcommandGroup: 'coordinator',
          subcommand,
          // Discord sends the picked person's id (the emulator resolves the name to it).
          options: { user: 'petra' },
        }),
      );
    const roleOfPetra = async () =>
      (await database.prisma.member.findFirstOrThrow({ where: { platformUserId: petraId } })).role;

    expect((await coordinator('add')).text).toBe('Petra je nyní koordinátorem města Český Krumlov.');
    expect(await roleOfPetra()).toBe('COORDINATOR');
    const invited = await answered(
      h.command({
        ...KRUMLOV,
        user: 'petra',
        name: 'partner',
        subcommand: 'invite',
        options: { partnership: 1 },
      }),
    );
    expect(invited.text).toMatch(/^Partnerství #1 „Krumlov – Passau“/);

    expect((await coordinator('remove')).text).toBe('Petra už není koordinátorem města Český Krumlov.');
    expect(await roleOfPetra()).toBe('MEMBER');
  });
});
