// Discord interactions slower than the adapter's defer threshold: deferred commands and clicks, edited in once done.
import { type APIMessage } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { DATABASE_KINDS } from '../support/test-database.ts';
import type { DiscordHarness } from './discord-harness.ts';
import { messageText, type Answer } from './discord-harness.ts';
import type { InteractionHandle } from '../emulators/discord/discord-emulator.ts';
import { jana, petra, max, USTI, startTwinTowns, stopTwinTowns } from './discord-interactions-fixture.ts';

/**
 * Work slower than the adapter's defer threshold: a lock held by another transaction stalls the
 * command until the test lets go, which it does only once the deferral has reached Discord, so
 * "deferred" never depends on how fast the machine is.
 */
describe.each(DATABASE_KINDS)('Discord answers slower than the defer threshold on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;

  beforeAll(async () => ({ database, h } = await startTwinTowns(kind, { tuning: { deferAfterMs: 250 } })));
  afterAll(() => stopTwinTowns({ database, h }));

  /**
   * Takes a lock in a transaction of its own (on the embedded database that transaction also
   * holds the only connection) and resolves once it is held; `release` ends the transaction.
   */
  async function hold(lock: 'exchange row' | 'town table'): Promise<{ release(): Promise<void> }> {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let taken = (): void => undefined;
    const held = new Promise<void>((resolve) => (taken = resolve));
    const transaction = database.prisma.$transaction(
      async (tx) => {
        if (lock === 'exchange row')
          await tx.$queryRaw`SELECT id FROM "Exchange" WHERE number = 1 FOR UPDATE`;
        else await tx.$executeRawUnsafe('LOCK TABLE "Town" IN ACCESS EXCLUSIVE MODE');
        taken();
        await released;
      },
      { timeout: 60_000 },
    );
    await Promise.race([held, transaction]);
    return {
      release: async () => {
        release();
        await transaction;
      },
    };
  }

  /** Sends the interaction while the lock is held: its first callback must be the deferral. */
  async function whileLocked(
    lock: 'exchange row' | 'town table',
    send: () => InteractionHandle,
  ): Promise<Answer> {
    const holder = await hold(lock);
    const handle = send();
    try {
      // The command cannot finish before the lock is released: this callback is the deferral.
      await handle.response();
    } finally {
      await holder.release();
    }
    return h.answerOf(handle);
  }

  it('defers a slow command ephemerally, then edits the answer in', async () => {
    const answer = await whileLocked('exchange row', () =>
      h.discord.slashCommand({ ...max, name: 'rsvp', options: { event: 1, answer: 'maybe' } }),
    );
    expect(answer.callbackType).toBe(5);
    expect(answer.withinDeadline).toBe(true);
    expect(answer.ephemeral).toBe(true);
    expect(answer.handle.outcome().edits).toHaveLength(1);
    expect(answer.text).toContain('Notiert: vielleicht bei „Letní tábor mládeže“.');
  });

  it('defers a slow click, then redraws the card and tells the clicker', async () => {
    const card = h.posts('partneri', jana.guild).find((m) => m.embeds.length > 0);
    if (!card) throw new Error('no card');
    const click = await whileLocked('exchange row', () =>
      h.discord.buttonClick({ message: card.id, customId: 'twin:rsvp:going:1', user: petra.user }),
    );
    expect(click.callbackType).toBe(6);
    expect(click.withinDeadline).toBe(true);
    expect(messageText(h.discord.message(card.id) as APIMessage)).toContain('Český Krumlov 1');
    expect(click.messages[1]?.content).toBe(
      translate('cs', 'rsvp.going', { title: 'Letní tábor mládeže', guests: 0 }),
    );
  });

  it('shows a slow public answer in the channel too', async () => {
    // Registering reads the towns: a lock on the table stalls it.
    const answer = await whileLocked('town table', () =>
      h.discord.slashCommand({
        ...USTI,
        name: 'town',
        subcommand: 'register',
        options: { name: 'Ústí nad Labem', country: 'CZ', timezone: 'Europe/Prague', language: 'cs' },
      }),
    );
    expect(answer.callbackType).toBe(5);
    expect(answer.withinDeadline).toBe(true);
    const [mine, shared] = answer.messages;
    expect((mine?.flags ?? 0) & MessageFlags.Ephemeral).toBeTruthy();
    // Zdeněk's Discord is in German, and a registration answers in the registrant's language.
    expect(mine?.content).toMatch(/^Willkommen, Ústí nad Labem/);
    expect((shared?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(shared?.content).toBe(mine?.content);
  });
});
