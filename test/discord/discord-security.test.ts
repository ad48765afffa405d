/**
 * Issue 10's Discord items end to end (real discord.js adapter, Discord emulator, real core and
 * database): a server not on DISCORD_ALLOWED_GUILDS reaches nothing, and a member exports and
 * forgets their data, privately. The routing tests check the adapter's half with a fake
 * connection; this checks that the halves meet. Texts written out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { petraExport, UUID } from '../support/export-text.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { DiscordHarness, PEOPLE, TWO_TOWNS, twinTowns, type Answer } from './discord-harness.ts';

const [KRUMLOV_ID, PASSAU_ID] = ['1100000000000000001', '1100000000000000002'];
const GUILDS = [
  { ...TWO_TOWNS[0], id: KRUMLOV_ID },
  { ...TWO_TOWNS[1], id: PASSAU_ID },
  {
    name: 'York',
    preferredLocale: 'en-GB',
    channels: [{ name: 'twins' }],
    members: [{ username: 'yan', globalName: 'Yan', locale: 'en-GB' }],
  },
];

function privateText(answer: Answer): string {
  expect(answer.ephemeral).toBe(true);
  return answer.text;
}

describe.each(DATABASE_KINDS.slice(-1))('Discord security end to end on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;
  const { petra } = PEOPLE;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await DiscordHarness.start({
      database,
      guilds: GUILDS,
      tuning: { allowedGuilds: [KRUMLOV_ID, PASSAU_ID] },
    });
    await twinTowns(h, { exchange: true });
  });
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('answers a server that is not allowed with the refusal alone, recording nothing', async () => {
    const communities = await database.prisma.community.count();
    const members = await database.prisma.member.count();
    const answer = await h.command({
      guild: 'York',
      channel: 'twins',
      user: 'yan',
      name: 'town',
      subcommand: 'register',
      options: { name: 'York', country: 'GB', timezone: 'Europe/London', language: 'en' },
    });
    expect(privateText(answer)).toBe(
      'Twinbridge is not enabled for this server or workspace. Ask the operator of this bot to allow it.',
    );
    expect(await database.prisma.community.count()).toBe(communities);
    expect(await database.prisma.member.count()).toBe(members);
  });

  it('exports a member’s data to them alone and forgets it when confirmed', async () => {
    const petraId = h.discord.userId('petra');
    await h.command({
      ...petra,
      name: 'profile',
      subcommand: 'set',
      options: { languages: 'en', interests: 'choir, cycling' },
    });
    await h.command({ ...petra, name: 'rsvp', options: { event: 1, answer: 'going' } });
    const exported = privateText(await h.command({ ...petra, name: 'profile', subcommand: 'export' }));
    expect(exported.replace(UUID, '<id>')).toBe(
      petraExport({
        name: 'Petra',
        account: `Discord user ${petraId} in “Český Krumlov” (${KRUMLOV_ID})`,
        exchangeTitle: 'Letní tábor mládeže',
        // Petra's Discord client sends the Czech locale with each interaction.
        platformLanguage: 'Czech (cs)',
        forget: '/profile forget',
      }),
    );

    const forgotten = privateText(
      await h.command({ ...petra, name: 'profile', subcommand: 'forget', options: { confirm: 'yes' } }),
    );
    expect(forgotten).toMatch(
      /^Your data in this community is deleted\. 1 answer stays in the events’ counts/,
    );
    expect(await database.prisma.member.count({ where: { platformUserId: petraId } })).toBe(0);
    // Her answer still counts, without her.
    expect(await database.prisma.rsvp.count({ where: { status: 'GOING' } })).toBe(1);
  });
});
