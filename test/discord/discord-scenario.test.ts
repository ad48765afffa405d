/**
 * The console scenario (examples/twinning-scenario.twin) played on Discord: Český Krumlov and
 * Passau are two servers; everything is a slash command or a click on an exchange card, through
 * the real discord.js Client against the emulator, on both databases.
 */
import type { APIMessage } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { buttonIds, DiscordHarness, messageText, type Answer } from './discord-harness.ts';

const KRUMLOV = 'Český Krumlov';
const PASSAU = 'Passau';
const TITLE = 'Letní tábor mládeže';
// 2027-07-06 10:00 and 2027-07-10 16:00 in Prague (summer time, UTC+2).
const START = Date.UTC(2027, 6, 6, 8) / 1000;
const END = Date.UTC(2027, 6, 10, 14) / 1000;

describe.each(DATABASE_KINDS)('Discord scenario on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;
  const answers: Record<string, Answer> = {};
  const jana = { guild: KRUMLOV, channel: 'partneri', user: 'jana' } as const;
  const petra = { guild: KRUMLOV, channel: 'partneri', user: 'petra' } as const;
  const max = { guild: PASSAU, channel: 'partnerstadt', user: 'max' } as const;
  const lena = { guild: PASSAU, channel: 'partnerstadt', user: 'lena' } as const;
  const card = (channel: string, guild: string): APIMessage | undefined =>
    h.posts(channel, guild).find((m) => m.embeds.length > 0);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Nothing here is slow by design: the defer threshold and Discord's window are out of reach,
    // so a busy machine cannot turn a reply into a deferral (slow answers: discord-interactions).
    h = await DiscordHarness.start({
      database,
      tuning: { deferAfterMs: 600_000 },
      emulator: { interactionDeadlineMs: 600_000 },
    });
    const run = async (name: string, input: Parameters<DiscordHarness['command']>[0]) => {
      answers[name] = await h.command(input);
      await h.drain();
    };
    await run('register-krumlov', {
      ...jana,
      name: 'town',
      subcommand: 'register',
      options: { name: KRUMLOV, country: 'CZ', timezone: 'Europe/Prague', language: 'cs' },
    });
    await run('invite', {
      ...jana,
      name: 'partner',
      subcommand: 'invite',
      options: { name: 'Krumlov – Passau', form: 'formal', areas: 'culture,youth' },
    });
    await run('link', { ...jana, name: 'channel', subcommand: 'link', options: { partnership: 1 } });
    await run('register-passau', {
      ...max,
      name: 'town',
      subcommand: 'register',
      options: { name: PASSAU, country: 'DE', timezone: 'Europe/Berlin', language: 'de' },
    });
    const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/.exec(answers['invite']?.text ?? '')?.[0] ?? 'no code';
    await run('join', { ...max, name: 'partner', subcommand: 'join', options: { code } });
    await run('profile', {
      ...max,
      name: 'profile',
      subcommand: 'set',
      options: { languages: 'de,en', interests: 'Fußball, Chor' },
    });
    await run('create', {
      ...jana,
      name: 'event',
      subcommand: 'create',
      options: {
        partnership: 1,
        title: TITLE,
        kind: 'youth-exchange',
        start: '2027-07-06 10:00',
        end: '2027-07-10 16:00',
        location: 'Český Krumlov, Plešivec',
        capacity: 3,
      },
    });
    await run('petra-going', { ...petra, name: 'rsvp', options: { event: 1, answer: 'going', guests: 1 } });
  });

  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('answers in each town’s language, publicly or ephemerally as the core says', () => {
    const registered = answers['register-krumlov'];
    expect(registered?.ephemeral).toBe(false);
    // Literally, not through the translator: the wording is part of what is tested.
    expect(registered?.text).toBe(
      'Vítejte, Český Krumlov (Česko)! Časy se zadávají v pásmu Europe/Prague, příspěvky jsou v jazyce „čeština“. Jana je prvním koordinátorem města.',
    );
    expect(answers['register-passau']?.text).toMatch(/^Willkommen, Passau \(Deutschland\)!/);
    // The invite code is for the coordinator alone.
    expect(answers['invite']?.ephemeral).toBe(true);
    expect(answers['invite']?.text).toMatch(/[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/);
    expect(answers['join']?.ephemeral).toBe(false);
    // Every answer is the reply itself, none deferred.
    for (const answer of Object.values(answers)) {
      expect(answer.callbackType).toBe(4);
      expect(answer.withinDeadline).toBe(true);
    }
  });

  it('posts across servers: the join in Krumlov’s channel, in Czech', () => {
    expect(h.posts('partneri', KRUMLOV).map((m) => m.content)).toContain(
      translate('cs', 'partner.joined-post', { town: PASSAU, country: 'DE', name: 'Krumlov – Passau' }),
    );
  });

  it('posts the exchange as an embed in both servers, with Discord timestamps and RSVP buttons', () => {
    for (const [channel, guild, language] of [
      ['partneri', KRUMLOV, 'cs'],
      ['partnerstadt', PASSAU, 'de'],
    ] as const) {
      const posted = card(channel, guild);
      expect(posted, `card in #${channel}`).toBeDefined();
      expect(posted?.content).toBe(translate(language, 'post.exchange.created', { host: KRUMLOV }));
      const embed = posted?.embeds[0];
      expect(embed?.title).toBe(`#1 ${TITLE}`);
      expect(embed?.description).toContain(`<t:${START}:F> – <t:${END}:F>`);
      expect(embed?.description).toContain(`<t:${START}:R>`);
      const fields = Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));
      expect(fields[translate(language, 'card.host')]).toBe(`${KRUMLOV} (CZ)`);
      expect(fields[translate(language, 'card.place')]).toBe('Český Krumlov, Plešivec');
      expect(fields[translate(language, 'card.kind')]).toBe(
        language === 'cs' ? 'Výměna mládeže' : 'Jugendaustausch',
      );
      expect(buttonIds(posted)).toEqual(['twin:rsvp:going:1', 'twin:rsvp:maybe:1', 'twin:rsvp:no:1']);
      const labels =
        posted?.components?.[0] && 'components' in posted.components[0]
          ? posted.components[0].components
          : [];
      expect(labels.map((b) => ('label' in b ? b.label : ''))).toEqual([
        translate(language, 'card.button-going'),
        translate(language, 'card.button-maybe'),
        translate(language, 'card.button-no'),
      ]);
    }
    // The card reaches linked channels through the outbox; Jana's answer is private.
    const created = answers['create'];
    expect(created?.ephemeral).toBe(true);
    expect(created?.text.split('\n')[0]).toBe(translate('cs', 'event.created', { number: 1, channels: 2 }));
    // Petra's RSVP by command: her own card, privately.
    expect(answers['petra-going']?.ephemeral).toBe(true);
    expect(buttonIds(answers['petra-going']?.messages[0])).toContain('twin:rsvp:going:1');
  });

  it('records RSVP clicks, redraws the clicked card in place, and keeps the waitlist in order', async () => {
    const posted = card('partnerstadt', PASSAU);
    if (!posted) throw new Error('no card in #partnerstadt');
    const clicked = await h.click(posted.id, 'twin:rsvp:going:1', lena.user);
    expect(clicked.callbackType).toBe(7);
    // The card, updated in place: Petra (2 places) and Lena (1) fill the 3 places.
    const redrawn = h.discord.message(posted.id);
    expect(redrawn?.content).toBe(posted.content);
    expect(messageText(redrawn as APIMessage)).toContain(`${KRUMLOV} 2 · ${PASSAU} 1`);
    expect(messageText(redrawn as APIMessage)).toContain(
      translate('de', 'card.places-limited', { seats: 3, capacity: 3, waiting: 0 }),
    );
    // And Lena alone is told, in German.
    const notice = clicked.messages[1];
    expect((notice?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(notice?.content).toBe(translate('de', 'rsvp.going', { title: TITLE, guests: 0 }));

    const full = await h.click(posted.id, 'twin:rsvp:going:1', max.user);
    expect(full.messages[1]?.content).toBe(
      translate('de', 'rsvp.waitlisted', { title: TITLE, position: 1, guests: 0 }),
    );
    expect(messageText(h.discord.message(posted.id) as APIMessage)).toContain(
      translate('de', 'card.places-limited', { seats: 3, capacity: 3, waiting: 1 }),
    );

    const info = await h.command({ ...max, name: 'event', subcommand: 'info', options: { event: 1 } });
    expect(info.ephemeral).toBe(true);
    expect(buttonIds(info.messages[0])).toEqual(['twin:rsvp:going:1', 'twin:rsvp:maybe:1', 'twin:rsvp:no:1']);

    // Petra's two places free up: Max moves up from the waitlist.
    await h.command({ ...petra, name: 'rsvp', options: { event: 1, answer: 'no' } });
    const rsvps = await database.prisma.rsvp.findMany({
      include: { member: true },
      orderBy: { member: { displayName: 'asc' } },
    });
    expect(rsvps.map((r) => [r.member.displayName, r.status])).toEqual([
      ['Lena', 'GOING'],
      ['Max', 'GOING'],
      ['Petra', 'NOT_GOING'],
    ]);
    const attendees = await h.command({
      ...jana,
      name: 'event',
      subcommand: 'attendees',
      options: { event: 1 },
    });
    expect(attendees.ephemeral).toBe(true);
    expect(attendees.text).toContain(translate('cs', 'attendees.totals', { total: 2, international: 2 }));
  });

  it('posts announcements in each channel’s language and schedules recurring ones', async () => {
    const sent = await h.command({
      ...jana,
      name: 'announce',
      subcommand: 'send',
      options: {
        partnership: 1,
        text: 'Photos from the spring meeting are online',
        'text-cs': 'Fotky z jarního setkání jsou online',
        'text-de': 'Die Fotos vom Frühjahrstreffen sind online',
      },
    });
    expect(sent.text).toContain(translate('cs', 'announce.sent', { number: 1, channels: 2 }));
    await h.drain();
    expect(h.posts('partneri', KRUMLOV).map((m) => m.content)).toContain(
      'Fotky z jarního setkání jsou online',
    );
    expect(h.posts('partnerstadt', PASSAU).map((m) => m.content)).toContain(
      'Die Fotos vom Frühjahrstreffen sind online',
    );
    await h.command({
      ...jana,
      name: 'announce',
      subcommand: 'schedule',
      options: { partnership: 1, text: 'Committee call tonight at 19:00', cron: '0 9 * * 1' },
    });
    const scheduled = await database.prisma.announcement.findFirstOrThrow({ where: { status: 'SCHEDULED' } });
    expect(scheduled.nextRunAt?.toISOString()).toBe('2026-11-30T08:00:00.000Z');

    // Every post due by now went out once, each with a nonce Discord enforces (reminders wait).
    // Cards redrawn after answers are edits of posted cards (a redraw overtaken by the next one
    // before it went out is dropped).
    const due = await database.prisma.delivery.findMany({ where: { dueAt: { lte: h.clock.now() } } });
    expect(due.length).toBeGreaterThan(0);
    const overtaken = (d: (typeof due)[number]): boolean =>
      d.kind === 'exchange.card-redraw' && d.status === 'DROPPED';
    expect(due.filter((d) => d.status !== 'SENT' && !overtaken(d)).map((d) => [d.kind, d.status])).toEqual(
      [],
    );
    const delivered = due.filter((d) => d.status === 'SENT');
    const isEdit = (d: (typeof due)[number]): boolean =>
      d.editsMessageId !== null || d.editsDeliveryId !== null;
    const posts = h.discord.requests({ method: 'POST', route: '/channels/:channel_id/messages' });
    expect(posts).toHaveLength(delivered.filter((d) => !isEdit(d)).length);
    const edits = h.discord.requests({
      method: 'PATCH',
      route: '/channels/:channel_id/messages/:message_id',
    });
    expect(edits.length).toBe(delivered.filter(isEdit).length);
    expect(edits.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
      expect(String((post.body as { nonce?: unknown }).nonce).length).toBeLessThanOrEqual(25);
    }
  });

  it('refuses mistakes ephemerally, in the town’s language, and denies coordinator commands to members', async () => {
    const gap = await h.command({
      ...jana,
      name: 'event',
      subcommand: 'create',
      options: { partnership: 1, title: 'Oops', kind: 'youth-exchange', start: '2027-03-28 02:30' },
    });
    expect(gap.ephemeral).toBe(true);
    expect(gap.text).toContain(
      translate('cs', 'time.nonexistent', {
        option: 'start',
        local: '2027-03-28 02:30',
        zone: 'Europe/Prague',
      }),
    );
    const denied = await h.command({
      ...petra,
      name: 'announce',
      subcommand: 'send',
      options: { partnership: 1, text: 'I am not a coordinator' },
    });
    expect(denied.ephemeral).toBe(true);
    expect(denied.text).toBe(translate('cs', 'permission.coordinator-only', { command: 'announce send' }));
    expect(h.errors()).toEqual([]);
  });
});
