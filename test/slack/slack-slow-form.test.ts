/**
 * The Slack form's slow path: when the command behind a submitted modal takes longer than the
 * adapter may keep Slack waiting, the modal is closed at once (an empty acknowledgement) and the
 * answer arrives in the channel once the command is done.
 *
 * The command is made slow with a signal, not a sleep: the test holds a row lock on the
 * partnership (creating an exchange must wait for it) and releases it only once Slack has the
 * acknowledgement. So the command cannot finish before the acknowledgement, whatever the machine's
 * speed. Row locks need PostgreSQL (PGlite runs one transaction at a time), so this runs there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import type { StoredView } from '../emulators/slack/slack-emulator.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { SLACK_MODES, SlackHarness, unescaped, type As } from './slack-harness.ts';

/** Holds `SELECT … FOR UPDATE` on one partnership until release() is called. */
async function lockPartnership(
  database: Database,
  number: number,
): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const held = new Promise<void>((resolve) => (locked = resolve));
  const transaction = database.prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Partnership" WHERE number = ${number} FOR UPDATE`;
      locked();
      await released;
    },
    // A cap so a failing test cannot hold the lock for ever; the test releases it long before.
    { timeout: 60_000, maxWait: 10_000 },
  );
  await Promise.race([held, transaction]);
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
}

describe.each(SLACK_MODES)('the Slack form’s slow path in %s mode', (mode) => {
  let database: Database;
  let h: SlackHarness;
  let alice: As;
  let general: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // A deadline of 0: whatever the command, the form is answered before it; the lock makes sure
    // the command really is still running then.
    h = await SlackHarness.start({ mode, database, auth: 'token', tuning: { modalDeadlineMs: 0 } });
    const ws = h.slack.workspace();
    general = ws.generalChannelId ?? '';
    alice = { userId: ws.defaultUserId, channelId: general };
    for (const line of [
      'town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs',
      'partner invite name:"Krumlov – Passau" form:formal',
      'channel link partnership:1',
    ]) {
      await h.command(line, alice);
    }
    await h.drain();
    // The set-up took: the channel is linked to the partnership.
    expect(await database.prisma.channelLink.count({ where: { channelId: general, status: 'ACTIVE' } })).toBe(
      1,
    );
  });
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('closes the modal at once and answers in the channel when the command is done', async () => {
    const before = h.slack.views().length;
    await h.sendCommand('event create', alice);
    const view: StoredView = await h.slack.waitFor(() => h.slack.views()[before], 5000, 'the modal');

    const lock = await lockPartnership(database, 1);
    let acknowledged: unknown;
    try {
      acknowledged = await h.submitView(
        view.id,
        {
          partnership: { value: { type: 'static_select', selected_option: { value: '1' } } },
          title: { value: 'Pomalý tábor' },
          kind: { value: { type: 'static_select', selected_option: { value: 'youth-exchange' } } },
          start: { value: '2027-07-06 10:00' },
        },
        alice,
      );
      // The form closed (no errors, no replacement view) while the command still waits for the lock.
      expect((acknowledged as { response_action?: unknown } | undefined)?.response_action).toBeUndefined();
      expect(await database.prisma.exchange.count()).toBe(0);
      expect(h.slack.ephemeralMessages(general)).toEqual([]);
    } finally {
      await lock.release();
    }

    const answer = await h.slack.waitFor(
      () => h.slack.ephemeralMessages(general)[0],
      10_000,
      'the answer in the channel',
    );
    expect(unescaped(answer.text ?? '').split('\n')[0]).toBe(
      'Akce #1 je vytvořená, oznámení odešlo do 1 kanálu.',
    );
    expect(answer.user).toBe(alice.userId);
    expect(await database.prisma.exchange.findFirstOrThrow()).toMatchObject({ title: 'Pomalý tábor' });
  });
});
