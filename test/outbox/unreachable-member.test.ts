/**
 * A member who cannot be sent direct messages misses every reminder; the town's coordinators are
 * told, but at most once a day per member (each failure does not make a notice). Driven by the
 * test clock, on both databases, with the real worker and repositories and a recording poster in
 * place of the platform. The notices' wording is written out in Czech and German.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import { RecordingPoster, recordingLogger, seedTwinning, type Twinning } from './outbox-fixtures.ts';

// Discord's answer when a person's privacy settings refuse direct messages (error 50007).
const REFUSED = '50007 Cannot send messages to this user';

describe.each(DATABASE_KINDS)('notices about an unreachable member on %s', (kind) => {
  let database: Database;
  let store: PrismaStore;
  let clock: TestClock;
  let twinning: Twinning;
  let poster: RecordingPoster;
  let worker: DeliveryWorker;
  let sequence = 0;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    store = new PrismaStore(database.prisma);
    clock = new TestClock(new Date('2026-11-23T08:00:00Z'));
    twinning = await seedTwinning(database);
    // Petr and Klaus have closed their direct messages; everyone else gets theirs.
    poster = new RecordingPoster('DISCORD', (call) =>
      'userId' in call.target && ['petr', 'klaus'].includes(call.target.userId)
        ? { ok: false, retryable: false, reason: REFUSED }
        : { ok: true, platformMessageId: '' },
    );
    worker = new DeliveryWorker(store, [poster], clock, recordingLogger(), {
      workerId: 'worker-1',
      limits: { DISCORD: { concurrency: 8 } },
      retryWakeHorizonMs: 0,
      random: () => 1,
    });
  });
  afterEach(async () => {
    await worker.stop();
    await database.close();
  });

  /** A reminder to one person, due at the clock's time, sent at once. */
  async function remindAndSend(memberId: string, text: string): Promise<void> {
    const now = clock.now();
    sequence += 1;
    await store.transaction((repos) =>
      repos.deliveries.enqueue([
        {
          dedupeKey: `reminder.direct:test-${sequence}:${memberId}`,
          kind: 'reminder.direct',
          sourceId: `exchange-${sequence}`,
          recipientMemberId: memberId,
          payload: { text },
          dueAt: now,
        },
      ]),
    );
    await worker.drainDue();
  }

  const noticesTo = (user: string) => poster.directTo(user).map((call) => call.message.text);

  it('tells the coordinators once for two failures the same day, and again the next day', async () => {
    await remindAndSend(twinning.member.id, 'Zítra v 18:00: Jarmark na náměstí');
    expect(noticesTo('jana')).toEqual([
      `Bot nemohl poslat soukromou zprávu uživateli petr ani po 1 pokusu: ${REFUSED}\nZpráva začínala: „Zítra v 18:00: Jarmark na náměstí“`,
    ]);
    // Klaus reads German, but cannot be reached either: his notice failed, and is not reported.
    expect(poster.directTo('klaus')).toHaveLength(1);
    expect(poster.directTo('klaus')[0]?.message.text).toBe(
      `Der Bot konnte petr auch nach 1 Versuch keine Direktnachricht senden: ${REFUSED}\nSie begann: „Zítra v 18:00: Jarmark na náměstí“`,
    );

    // Later the same (UTC) day: another reminder fails, and nobody is told again.
    clock.set('2026-11-23T23:30:00Z');
    await remindAndSend(twinning.member.id, 'Za hodinu: Koncert');
    expect(poster.directTo('petr')).toHaveLength(2);
    expect(poster.directTo('jana')).toHaveLength(1);
    expect(await database.prisma.delivery.count({ where: { kind: 'notice.direct-failed' } })).toBe(2);

    // The next day, the next failure is reported once more.
    clock.set('2026-11-24T00:30:00Z');
    await remindAndSend(twinning.member.id, 'Dnes: Výlet');
    await remindAndSend(twinning.member.id, 'Dnes: Večeře');
    expect(poster.directTo('petr')).toHaveLength(4);
    expect(noticesTo('jana')).toHaveLength(2);
    expect(noticesTo('jana')[1]).toContain('„Dnes: Výlet“');
  });

  it('counts each unreachable member on their own, and never tells a member about themselves', async () => {
    const [jana, klaus] = twinning.coordinators;
    await remindAndSend(twinning.member.id, 'Zítra: Jarmark');
    await remindAndSend(klaus!.id, 'Zítra: Jarmark');
    // Jana hears about Petr and about Klaus; nobody is told about a failed notice.
    expect(noticesTo('jana').map((text) => text.split(' ani po')[0])).toEqual([
      'Bot nemohl poslat soukromou zprávu uživateli petr',
      'Bot nemohl poslat soukromou zprávu uživateli klaus',
    ]);
    const notices = await database.prisma.delivery.findMany({ where: { kind: 'notice.direct-failed' } });
    const aboutKlaus = notices.filter((d) => JSON.stringify(d.payload).includes('klaus'));
    expect(aboutKlaus.map((d) => d.recipientMemberId)).toEqual([jana!.id]);
  });
});
