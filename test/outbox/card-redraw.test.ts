/**
 * Exchange cards already posted are redrawn (edited, not posted again) in every partner channel
 * when answers change, and a burst of answers does not queue one edit per answer: a redraw still
 * waiting is withdrawn by the next; a cancellation redraws every card posted (first posts,
 * changes, reminders) as cancelled, without buttons. The console poster stands in for the
 * platforms; its edits are held at a gate so the test decides when the outbox gets through.
 */
import { PassThrough, Readable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsolePoster } from '../../src/adapters/console/console-poster.ts';
import { ConsoleSession } from '../../src/adapters/console/console-session.ts';
import { postingAdapter } from '../support/posting-adapter.ts';
import type { ChannelTarget, OutgoingMessage, PostResult } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { wireTwinbridge, type TwinbridgeParts } from '../../src/main.ts';
import { TestClock, TWIN_KRUMLOV_PASSAU } from '../console/console-harness.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { translate } from '../../src/core/i18n/translator.ts';

/** What the poster sent: a new message, or an edit of one. */
interface Sent {
  channel: string;
  messageId: string;
  text: string;
  buttons: boolean;
}

/** The console poster, with posts and edits that wait while the gate is closed. */
class GatedPoster extends ConsolePoster {
  readonly edits: Sent[] = [];
  readonly posts: Sent[] = [];
  waiting = 0;
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  /** Resolves once `count` edits are held at the closed gate (the signal that they reached it). */
  held(count: number): Promise<void> {
    if (this.waiting >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
  }

  override async post(target: ChannelTarget, message: OutgoingMessage, key: string): Promise<PostResult> {
    await this.pass();
    const result = await super.post(target, message, key);
    if (result.ok) this.posts.push(sent(target, result.platformMessageId, message));
    return result;
  }

  override async edit(
    target: ChannelTarget,
    messageId: string,
    message: OutgoingMessage,
  ): Promise<PostResult> {
    await this.pass();
    this.edits.push(sent(target, messageId, message));
    return super.edit(target, messageId, message);
  }

  private async pass(): Promise<void> {
    this.waiting += 1;
    for (const waiter of this.waiters.filter((w) => this.waiting >= w.count)) waiter.resolve();
    await this.gate;
    this.waiting -= 1;
  }
}

function sent(target: ChannelTarget, messageId: string, message: OutgoingMessage): Sent {
  return {
    channel: target.channelName,
    messageId,
    text: message.text,
    buttons: message.exchange?.rsvpButtons !== undefined,
  };
}

const SETUP = `${TWIN_KRUMLOV_PASSAU}event create partnership:1 title:"Letní tábor" kind:youth-exchange start:"2027-07-06 10:00" end:"2027-07-10 16:00"
`;

describe.each(DATABASE_KINDS)('Exchange card redraws on %s', (kind) => {
  let database: Database;
  let parts: TwinbridgeParts;
  let session: ConsoleSession;
  let poster: GatedPoster;
  const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));

  const run = (script: string): Promise<void> =>
    session.run(Readable.from(script.split('\n').map((line) => `${line}\n`)));

  const redraws = (status: string): Promise<{ channelLinkId: string | null }[]> =>
    database.prisma.delivery.findMany({
      where: { kind: 'exchange.card-redraw', status: status as 'PENDING' },
      select: { channelLinkId: true },
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const sink = new PassThrough().resume();
    poster = new GatedPoster(sink);
    parts = wireTwinbridge({
      database,
      logger: pino({ level: 'silent' }),
      clock,
      workerId: 'redraw-test',
      adapters: () => [postingAdapter(poster)],
    });
    // Commands do not wait for the outbox here: the test does, where it needs to.
    session = new ConsoleSession({ inbound: parts.inbound, output: sink, interactive: false });
    await run(SETUP);
    await parts.outboxSettled();
  });

  afterAll(async () => {
    await parts.worker.stop();
    await database.close();
  });

  it('edits the card posted in each partner channel, and posts nothing new', async () => {
    const cards = await database.prisma.delivery.findMany({
      where: { kind: 'exchange.created', status: 'SENT' },
      select: { platformMessageId: true },
    });
    expect(cards).toHaveLength(2);
    await run(':as petra\nrsvp event:1 answer:going');
    await parts.outboxSettled();
    expect(poster.edits.map((e) => e.messageId).sort()).toEqual(cards.map((c) => c.platformMessageId).sort());
    const krumlov = poster.edits.find((e) => e.channel === 'partneri');
    const passau = poster.edits.find((e) => e.channel === 'partnerstadt');
    // Each channel's card in its own language, headline kept, counting Petra.
    expect(krumlov?.text).toMatch(/^Nová akce \(pořadatel: Český Krumlov\):/);
    expect(krumlov?.text).toContain('Účast podle měst: Český Krumlov 1');
    expect(passau?.text).toMatch(/^Neue Veranstaltung von Český Krumlov:/);
    expect(passau?.text).toContain('Zusagen pro Stadt: Český Krumlov 1');
  });

  it('keeps at most one redraw waiting per channel while answers come faster than the edits', async () => {
    poster.edits.length = 0;
    poster.close();
    await run(':as jana\nrsvp event:1 answer:going');
    // The outbox is now stuck in the first edit of that answer (the console takes one at a time).
    await poster.held(1);
    for (const person of ['lena', 'max', 'petra']) {
      await run(`:as ${person}\nrsvp event:1 answer:maybe`);
      const pending = await redraws('PENDING');
      const perChannel = new Map<string | null, number>();
      for (const row of pending)
        perChannel.set(row.channelLinkId, (perChannel.get(row.channelLinkId) ?? 0) + 1);
      expect(
        [...perChannel.values()].every((n) => n <= 1),
        JSON.stringify(pending),
      ).toBe(true);
    }
    // Three answers while stuck: at least the middle one's redraws were overtaken before they went out.
    expect((await redraws('DROPPED')).length).toBeGreaterThanOrEqual(2);

    poster.release();
    await parts.worker.drainDue();
    expect(await redraws('PENDING')).toEqual([]);
    // Fewer edits than answers times channels, and the last edit of each channel is up to date.
    expect(poster.edits.length).toBeLessThan(4 * 2);
    const last = (channel: string): string => poster.edits.findLast((e) => e.channel === channel)?.text ?? '';
    // Jana going; Lena, Max and Petra (who was going) maybe.
    expect(last('partneri')).toContain('Místa: Přihlášeno 1, bez omezení');
    expect(last('partneri')).toContain('Účast podle měst: Český Krumlov 1');
    expect(last('partnerstadt')).toContain('Zusagen pro Stadt: Český Krumlov 1');
  });

  it('redraws every card of a cancelled exchange posted in the channels as cancelled, without buttons', async () => {
    // A second card (the change) and the week-before reminders join the first cards.
    await run(':as jana\nevent edit event:1 location:Plešivec');
    await parts.outboxSettled();
    clock.set('2027-06-29T09:00:00Z');
    await parts.worker.drainDue();
    const cards = await database.prisma.delivery.findMany({
      where: {
        kind: { in: ['exchange.created', 'exchange.updated', 'reminder'] },
        status: 'SENT',
        channelLinkId: { not: null },
      },
      select: { platformMessageId: true },
    });
    expect(cards).toHaveLength(6);
    poster.edits.length = 0;

    await run(':as jana\nevent cancel event:1 reason:"Málo přihlášených"');
    await parts.outboxSettled();
    expect(poster.edits.map((e) => e.messageId).sort()).toEqual(cards.map((c) => c.platformMessageId).sort());
    expect(poster.edits.filter((e) => e.buttons)).toEqual([]);
    for (const [channel, language] of [
      ['partneri', 'cs'],
      ['partnerstadt', 'de'],
    ] as const) {
      const texts = poster.edits.filter((e) => e.channel === channel).map((e) => e.text);
      expect(texts).toHaveLength(3);
      const cancelled = `${translate(language, 'card.status')}: ${translate(language, 'card.cancelled')}`;
      const headline = translate(language, 'post.exchange.cancelled', {
        host: 'Český Krumlov',
        title: 'Letní tábor',
        reason: 'Málo přihlášených',
      });
      for (const text of texts) {
        expect(text).toContain(cancelled);
        expect(text.startsWith(headline)).toBe(true);
      }
    }
  });

  it('sends no card with buttons that was still in the outbox when the exchange was cancelled', async () => {
    poster.posts.length = 0;
    poster.edits.length = 0;
    poster.close();
    await run(
      ':as jana\nevent create partnership:1 title:"Podzimní setkání" kind:citizens-meeting start:"2027-09-18 10:00"',
    );
    // The first card is being posted (held at the gate); the change's cards wait in the outbox.
    await poster.held(1);
    await run('event edit event:2 location:Plešivec');
    await run('event cancel event:2 reason:"Sál není volný"');
    const exchange = await database.prisma.exchange.findUniqueOrThrow({ where: { number: 2 } });
    const changes = await database.prisma.delivery.findMany({
      where: { sourceId: exchange.id, kind: 'exchange.updated' },
      select: { status: true },
    });
    expect(changes).toEqual([{ status: 'DROPPED' }, { status: 'DROPPED' }]);

    poster.release();
    await parts.outboxSettled();
    await parts.worker.drainDue();
    const cards = poster.posts.filter((p) => p.buttons);
    // The first cards were under way: they went out, and each was redrawn as cancelled after.
    expect(cards.map((c) => c.channel).sort()).toEqual(['partneri', 'partnerstadt']);
    // The change's cards, withdrawn, never went out.
    const changeHeadline = /^(Změna akce|Geänderte Veranstaltung)/;
    expect(poster.posts.filter((p) => changeHeadline.test(p.text))).toEqual([]);
    for (const card of cards) {
      const last = poster.edits.findLast((e) => e.messageId === card.messageId);
      expect(last?.buttons).toBe(false);
      expect(last?.text).toContain(card.channel === 'partneri' ? 'Stav: Zrušeno' : 'Status: Abgesagt');
    }
    expect(poster.posts.filter((p) => !p.buttons).map((p) => p.text.split('\n')[0])).toEqual(
      expect.arrayContaining([
        'Zrušeno (pořadatel: Český Krumlov): „Podzimní setkání“. Sál není volný',
        'Abgesagt von Český Krumlov: „Podzimní setkání“. Sál není volný',
      ]),
    );
  });
});
