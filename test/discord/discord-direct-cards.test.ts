/**
 * Cards in direct messages on Discord: a member who moved up from the waitlist got the card with
 * its buttons in a DM; once the exchange is cancelled, that DM is edited (PATCH in the DM
 * channel the outbox recorded with the message) to the cancelled card, without buttons.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { buttonIds, DiscordHarness, messageText, PEOPLE, twinTowns } from './discord-harness.ts';

const { jana, max, lena } = PEOPLE;

describe('Discord: cards in direct messages of a cancelled exchange', () => {
  let database: Database;
  let h: DiscordHarness;

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    h = await DiscordHarness.start({ database });
    await twinTowns(h);
  });

  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('edits the waitlist DM to the cancelled card, in the DM channel it was sent in', async () => {
    await h.command({
      ...jana,
      name: 'event',
      subcommand: 'create',
      options: {
        partnership: 1,
        title: 'Beseda',
        kind: 'citizens-meeting',
        start: '2027-03-12 18:00',
        capacity: 1,
      },
    });
    for (const [who, answer] of [
      [max, 'going'],
      [lena, 'going'],
      [max, 'no'],
    ] as const)
      await h.command({ ...who, name: 'rsvp', options: { event: 1, answer } });
    await h.drain();
    const dm = h.discord.dmChannelId(lena.user);
    const notice = h.discord.messages(dm).at(-1);
    if (!notice) throw new Error('no direct message to lena');
    expect(messageText(notice)).toContain(
      'Ein Platz ist frei geworden: Sie sind von der Warteliste nachgerückt und bei „Beseda“ dabei.',
    );
    expect(buttonIds(notice)).not.toEqual([]);
    const sent = await database.prisma.delivery.findFirstOrThrow({ where: { kind: 'waitlist.promoted' } });
    expect(sent.platformMessageId).toBe(`${dm}/${notice.id}`);

    await h.command({
      ...jana,
      name: 'event',
      subcommand: 'cancel',
      options: { event: 1, reason: 'Sál je obsazený' },
    });
    await h.drain();
    const redrawn = h.discord.message(notice.id) as APIMessage;
    expect(buttonIds(redrawn)).toEqual([]);
    expect(messageText(redrawn)).toContain('Abgesagt von Český Krumlov: „Beseda“. Sál je obsazený');
    expect(messageText(redrawn)).toContain('Status: Abgesagt');
    const edits = h.discord.requests({
      method: 'PATCH',
      route: '/channels/:channel_id/messages/:message_id',
    });
    expect(edits.filter((r) => r.path === `/channels/${dm}/messages/${notice.id}`)).toHaveLength(1);
  });
});
