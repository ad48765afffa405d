/**
 * Exchange cards redrawn in every partner channel through the real discord.js client against the
 * emulator: an answer in Passau edits Krumlov's card, a card deleted meanwhile is left alone,
 * and a click edits its own card once (the click's answer, or the outbox when that was lost).
 */
import { REST, Routes, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { buttonIds, DiscordHarness, messageText, PEOPLE, twinTowns } from './discord-harness.ts';

const { max } = PEOPLE;

describe.each(DATABASE_KINDS)('Exchange cards redrawn in every partner channel on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await DiscordHarness.start({ database });
    await twinTowns(h, { exchange: true });
  });

  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  const card = (channel: 'partneri' | 'partnerstadt'): APIMessage => {
    const guild = channel === 'partneri' ? 'Český Krumlov' : 'Passau';
    const found = h.posts(channel, guild).findLast((m) => m.embeds.length > 0);
    if (!found) throw new Error(`no card in #${channel}`);
    return found;
  };

  it('redraws the card in Krumlov’s channel when someone in Passau clicks Going on theirs', async () => {
    const krumlovCard = card('partneri');
    expect(messageText(krumlovCard)).toContain(
      translate('cs', 'card.places-limited', { seats: 0, capacity: 3, waiting: 0 }),
    );
    await h.click(card('partnerstadt').id, 'twin:rsvp:going:1', max.user);
    await h.drain();
    const redrawn = h.discord.message(krumlovCard.id);
    expect(redrawn?.edited_timestamp).not.toBeNull();
    // Still Krumlov's Czech card with its buttons, now counting Max.
    expect(redrawn?.content).toBe(krumlovCard.content);
    expect(messageText(redrawn as APIMessage)).toContain(
      translate('cs', 'card.places-limited', { seats: 1, capacity: 3, waiting: 0 }),
    );
    expect(messageText(redrawn as APIMessage)).toContain('Passau 1');
    expect(buttonIds(redrawn)).toEqual(buttonIds(krumlovCard));
    // No new message in either channel: the cards changed in place.
    expect(h.posts('partneri', 'Český Krumlov').filter((m) => m.embeds.length > 0)).toHaveLength(1);
  });

  /**
   * The requests since `since` that changed message `id`: PATCHes of it, and UPDATE_MESSAGE
   * answers to the interactions `clicks` on it.
   */
  const cardEdits = (since: number, id: string, clicks: readonly string[] = []) =>
    h.discord
      .requests()
      .slice(since)
      .filter(
        (r) =>
          r.status < 300 &&
          ((r.method === 'PATCH' && r.path.endsWith(`/messages/${id}`)) ||
            (clicks.some((click) => r.path.startsWith(`/interactions/${click}/`)) &&
              (r.body as { type?: number }).type === 7)),
      );
  /** Drains the outbox, then again once the redraw a click's answer holds back would be due. */
  const drainPastTheHold = async () => {
    await h.drain();
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    await h.drain();
  };

  it('edits the clicked card once, by the click’s answer, and Krumlov’s card through the outbox', async () => {
    const passauCard = card('partnerstadt');
    const krumlovCard = card('partneri');
    const since = h.discord.requests().length;
    const click = await h.click(passauCard.id, 'twin:rsvp:maybe:1', max.user);
    await drainPastTheHold();
    expect(click.callbackType).toBe(7);
    expect(cardEdits(since, passauCard.id, [click.handle.id])).toHaveLength(1);
    expect(cardEdits(since, krumlovCard.id)).toHaveLength(1);
    // Both show the answer, each in its own language.
    expect(messageText(h.discord.message(passauCard.id) as APIMessage)).toContain(
      `${translate('de', 'card.maybe')}: 1`,
    );
    expect(messageText(h.discord.message(krumlovCard.id) as APIMessage)).toContain(
      `${translate('cs', 'card.maybe')}: 1`,
    );
    expect(buttonIds(h.discord.message(passauCard.id))).toEqual(buttonIds(passauCard));
    // The outbox's own edit of the clicked card (it names the delivery that posted the card).
    const posted = await database.prisma.delivery.findFirstOrThrow({
      where: { platformMessageId: passauCard.id, kind: { not: 'exchange.card-redraw' } },
    });
    const held = await database.prisma.delivery.findMany({
      where: { kind: 'exchange.card-redraw', editsDeliveryId: posted.id, status: 'DROPPED' },
    });
    expect(held.map((row) => row.lastError)).toContain('the click’s answer showed this card');
  });

  it('leaves a card deleted meanwhile alone: logged, no notice to coordinators', async () => {
    const krumlovCard = card('partneri');
    const rest = new REST({ api: h.discord.apiUrl }).setToken(h.config.token);
    await rest.delete(Routes.channelMessage(krumlovCard.channel_id, krumlovCard.id));
    const noticesBefore = h.discord.messages(h.discord.dmChannelId('jana')).length;

    await h.click(card('partnerstadt').id, 'twin:rsvp:no:1', max.user);
    await h.drain();
    await h.drain();
    const failed = await database.prisma.delivery.findFirst({
      where: { kind: 'exchange.card-redraw', status: 'FAILED' },
    });
    expect(failed?.lastError).toMatch(/Unknown Message/);
    expect(h.logLines.some((line) => line.includes('could not edit an earlier message'))).toBe(true);
    expect(h.errors()).toEqual([]);
    expect(h.discord.messages(h.discord.dmChannelId('jana')).length).toBe(noticesBefore);
    // Passau's card was redrawn all the same.
    expect(messageText(card('partnerstadt'))).toContain(
      translate('de', 'card.places-limited', { seats: 0, capacity: 3, waiting: 0 }),
    );
  });

  it('edits the clicked card through the outbox once its answer was lost', async () => {
    const passauCard = card('partnerstadt');
    // Every answer to the click fails (discord.js retries a 503 three times).
    const callback = { method: 'POST', route: '/interactions/:interaction_id/:interaction_token/callback' };
    const lost = h.discord.failNext(callback, { type: 'server-error', status: 503 }, 100);
    const since = h.discord.requests().length;
    const click = h.discord.buttonClick({
      message: passauCard.id,
      customId: 'twin:rsvp:going:1',
      user: max.user,
    });
    await h.discord.waitForRequest({ ...callback, status: 503 });
    await h.adapter.whenIdle();
    lost.cancel();
    expect(lost.hits).toBeGreaterThan(0);
    await h.drain();
    // Held back while the answer might still show it …
    expect(cardEdits(since, passauCard.id, [click.id])).toHaveLength(0);
    await drainPastTheHold();
    // … then the outbox's edit brings it up to date.
    expect(cardEdits(since, passauCard.id, [click.id])).toHaveLength(1);
    expect(messageText(h.discord.message(passauCard.id) as APIMessage)).toContain(
      translate('de', 'card.places-limited', { seats: 1, capacity: 3, waiting: 0 }),
    );
  });
});
