/**
 * What isolates towns (docs/SECURITY.md), through the real discord.js adapter and the emulator:
 * the matrices of test/support/command-matrix.ts as slash commands. Petra is a plain member of
 * Český Krumlov's server (no Manage Server): every coordinator-only and every admin-only command
 * is refused to her. York's server is in no partnership: every command naming Krumlov's and
 * Passau's partnership, exchange or announcement is refused to its people as a number nobody has
 * would be. Nothing is written either way. Discord would hide `/channel` and `/announce` from
 * Petra until an admin grants them to a role (default_member_permissions); the emulator, like a
 * grant, lets her send them, and the bot still refuses. One database engine is enough here: the
 * console matrix runs on both, and what is tried here is the adapter's part (who is acting, in
 * which server, with which rights).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import {
  asSlashCommand,
  COMMUNITY_ADMIN_ONLY,
  COORDINATOR_ONLY,
  expectEachRefused,
  expectEachUnknownToOutsiders,
  expectNoWrites,
  TARGETED,
  type TryAttempt,
} from '../support/command-matrix.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { DiscordHarness, PEOPLE, TWO_TOWNS, twinTowns } from './discord-harness.ts';

type SlashCommandActor = { guild: string; channel: string; user: string };

const YORK = { guild: 'York', channel: 'twins' } as const;
const GUILDS = [
  ...TWO_TOWNS,
  {
    name: 'York',
    preferredLocale: 'en-GB',
    channels: [{ name: 'general' }, { name: 'twins' }],
    members: [
      { username: 'yan', globalName: 'Yan', locale: 'en-GB' },
      { username: 'zoe', globalName: 'Zoe', locale: 'en-GB' },
    ],
  },
];

/** What one person saw: a refusal, shown to them alone. */
const tryAs =
  (h: () => DiscordHarness, actor: SlashCommandActor): TryAttempt =>
  async (attempt) => {
    const answer = await h().command({ ...actor, ...asSlashCommand(attempt) });
    const step = attempt.path.join(' ');
    expect(answer.ephemeral, step).toBe(true);
    expect(answer.messages, step).toHaveLength(1);
    return answer.text;
  };

describe.each(DATABASE_KINDS.slice(-1))('isolation matrix on Discord on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;
  const { jana, petra } = PEOPLE;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await DiscordHarness.start({ database, guilds: GUILDS });
    await twinTowns(h, { exchange: true });
    const scheduled = await h.command({
      ...jana,
      name: 'announce',
      subcommand: 'schedule',
      options: { partnership: 1, text: 'Zkouška sboru', at: '2027-04-01 18:00' },
    });
    const registered = await h.command({
      ...YORK,
      user: 'yan',
      name: 'town',
      subcommand: 'register',
      options: { name: 'York', country: 'GB', timezone: 'Europe/London', language: 'en' },
    });
    expect(await database.prisma.announcement.count(), scheduled.text).toBe(1);
    expect(await database.prisma.town.count(), registered.text).toBe(3);
  });
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('refuses every coordinator-only command to a plain member, privately and in her language', async () => {
    await expectNoWrites(database, () =>
      expectEachRefused(
        COORDINATOR_ONLY,
        'jana',
        tryAs(() => h, petra),
        (command) => `„${command}“ může použít jen koordinátor vašeho města.`,
      ),
    );
  });

  it('refuses every admin-only command to a member without Manage Server, naming the permission', async () => {
    expect(COMMUNITY_ADMIN_ONLY.map((d) => d.path.join(' '))).toEqual([
      'town register',
      'town coordinator add',
      'town coordinator remove',
    ]);
    await expectNoWrites(database, () =>
      expectEachRefused(
        COMMUNITY_ADMIN_ONLY,
        'petra',
        tryAs(() => h, petra),
        (command) =>
          `„${command}“ vyžaduje na tomto serveru Discord oprávnění „Spravovat server“ (nebo „Správce“). Požádejte správce serveru.`,
      ),
    );
  });

  it.each([
    ['yan, owner of an unrelated server', 'yan', TARGETED],
    ['zoe, member of an unrelated town', 'zoe', TARGETED.filter((d) => d.role !== 'coordinator')],
  ])(
    'refuses to %s every command naming another partnership’s objects, as for numbers nobody has',
    async (_who, user, definitions) => {
      await expectNoWrites(database, () =>
        expectEachUnknownToOutsiders(
          definitions,
          'yan',
          tryAs(() => h, { ...YORK, user }),
        ),
      );
    },
  );
});
