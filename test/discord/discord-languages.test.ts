/**
 * Which language a Discord member's answers come in: their profile's, else their Discord
 * client's (the interaction's locale), else their town's. Petra's town is Czech; here her Discord
 * is set to German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { DiscordHarness, PEOPLE, twinTowns, type Answer } from './discord-harness.ts';

const { petra } = PEOPLE;
const UNKNOWN = { words: 'legacy', suggestions: '/help' };

function expectPrivately(answer: Answer, text: string): void {
  expect(answer.ephemeral).toBe(true);
  expect(answer.text).toBe(text);
}

describe.each(DATABASE_KINDS)('Discord answer languages on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await DiscordHarness.start({ database });
    await twinTowns(h);
  });

  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('answers a Czech town’s member in the town’s Czech when their Discord is Czech too', async () => {
    expectPrivately(
      await h.command({ ...petra, name: 'legacy' }),
      translate('cs', 'command.unknown', UNKNOWN),
    );
  });

  it('answers her in German when her Discord is in German', async () => {
    const answer = await h.command({ ...petra, name: 'legacy', locale: 'de' });
    expectPrivately(answer, translate('de', 'command.unknown', UNKNOWN));
  });

  it('lets her profile language win over her Discord’s', async () => {
    const saved = await h.command({
      ...petra,
      name: 'profile',
      subcommand: 'set',
      options: { languages: 'cs' },
      locale: 'de',
    });
    expect(saved.text).toBe(translate('cs', 'profile.saved'));
    const answer = await h.command({ ...petra, name: 'legacy', locale: 'de' });
    expectPrivately(answer, translate('cs', 'command.unknown', UNKNOWN));
  });
});
