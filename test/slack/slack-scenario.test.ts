/**
 * The console scenario (examples/twinning-scenario.twin) played in Slack: Český Krumlov and
 * Passau are two workspaces that installed the app through OAuth; everything is typed as /twin
 * commands or clicked on the exchange card, through the real Bolt app, in HTTP and Socket Mode,
 * on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { ResponsePost, StoredMessage } from '../emulators/slack/slack-emulator.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import {
  answerText,
  shownInChannel,
  SLACK_MODES,
  SlackHarness,
  unescaped,
  type As,
} from './slack-harness.ts';

/** Set-up steps that must succeed; the channel sees registering a town (a refusal would be ephemeral). */
const MUST_SUCCEED = new Set(['register-krumlov', 'link', 'register-passau', 'join']);
const SHOWN_IN_CHANNEL = new Set(['register-krumlov', 'register-passau']);

const combinations = SLACK_MODES.flatMap((mode) => DATABASE_KINDS.map((kind) => [mode, kind] as const));

interface Blockish {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { action_id: string; text: { text: string } }[];
}

function blocksOf(message: StoredMessage | undefined): Blockish[] {
  return (message?.blocks ?? []) as Blockish[];
}

function blockText(message: StoredMessage | undefined): string {
  return blocksOf(message)
    .flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)])
    .join('\n');
}

describe.each(combinations)('Slack scenario in %s mode on %s', (mode, kind) => {
  let database: Database;
  let h: SlackHarness;
  const answers: Record<string, ResponsePost> = {};
  let krumlov: { jana: As; petra: As; channelId: string };
  let passau: { max: As; lena: As; channelId: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await SlackHarness.start({
      mode,
      database,
      auth: 'oauth',
      workspaces: [
        { teamId: 'T0001', teamName: 'Český Krumlov', domain: 'krumlov' },
        { teamId: 'T0002', teamName: 'Passau', domain: 'passau' },
      ],
    });
    await h.install('T0001');
    await h.install('T0002');
    const partneri = h.slack.addChannel({ teamId: 'T0001', name: 'partneri' });
    const partnerstadt = h.slack.addChannel({ teamId: 'T0002', name: 'partnerstadt' });
    const user = (teamId: string, name: string, channelId: string, isAdmin = false): As => ({
      teamId,
      channelId,
      userId: h.slack.addUser({ teamId, name, isAdmin }).id,
    });
    // Jana and Max administer their workspaces: they register the towns.
    krumlov = {
      jana: user('T0001', 'jana', partneri.id, true),
      petra: user('T0001', 'petra', partneri.id),
      channelId: partneri.id,
    };
    passau = {
      max: user('T0002', 'max', partnerstadt.id, true),
      lena: user('T0002', 'lena', partnerstadt.id),
      channelId: partnerstadt.id,
    };

    const run = async (name: string, text: string, as: As) => {
      const answer = MUST_SUCCEED.has(name) ? await h.done(text, as) : await h.command(text, as);
      if (SHOWN_IN_CHANNEL.has(name)) shownInChannel(answer, text);
      answers[name] = answer;
      await h.drain();
    };
    await run(
      'register-krumlov',
      'town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs',
      krumlov.jana,
    );
    await run(
      'invite',
      'partner invite name:"Krumlov – Passau" form:formal areas:culture,youth',
      krumlov.jana,
    );
    await run('link', 'channel link partnership:1', krumlov.jana);
    await run(
      'register-passau',
      'town register name:Passau country:DE timezone:Europe/Berlin language:de',
      passau.max,
    );
    const code = inviteCodeIn(answerText(answers['invite'] as ResponsePost));
    await run('join', `partner join code:${code}`, passau.max);
    await run('profile', 'profile set languages:de,en interests:"Fußball, Chor"', passau.max);
    await run(
      'create',
      'event create partnership:1 title:"Letní tábor mládeže" kind:youth-exchange start:"2027-07-06 10:00" end:"2027-07-10 16:00" location:"Český Krumlov, Plešivec" capacity:3',
      krumlov.jana,
    );
    await run('petra-going', 'rsvp event:1 answer:going guests:1', krumlov.petra);
  }, 60_000);

  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('installed both workspaces through OAuth and stored their tokens', async () => {
    const rows = await database.prisma.slackInstallation.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.id)).toEqual(['T0001', 'T0002']);
  });

  it('answers each town in its language, privately or in the channel as the core says', () => {
    expect(answers['register-krumlov']?.body).toMatchObject({ response_type: 'in_channel' });
    expect(unescaped(answerText(answers['register-krumlov'] as ResponsePost))).toContain(
      translate('cs', 'town.registered', {
        town: 'Český Krumlov',
        country: 'Česko',
        zone: 'Europe/Prague',
        language: 'čeština',
        user: 'jana',
      }),
    );
    expect(answerText(answers['register-passau'] as ResponsePost)).toMatch(/Passau \(Deutschland\)/);
    expect(answers['invite']?.body).toMatchObject({ response_type: 'ephemeral' });
    // Coordinators' confirmations are theirs; the channels get the posts the commands cause.
    expect(answers['link']?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(answers['join']?.body).toMatchObject({ response_type: 'ephemeral' });
  });

  it('posts the exchange as a Block Kit card in both workspaces, with local-time dates and buttons', () => {
    for (const [channelId, language] of [
      [krumlov.channelId, 'cs'],
      [passau.channelId, 'de'],
    ] as const) {
      const card = h.slack.messages(channelId).find((m) => blocksOf(m).some((b) => b.type === 'header'));
      expect(card, `card in ${language}`).toBeDefined();
      const text = blockText(card);
      expect(unescaped(text)).toContain(
        translate(language, 'post.exchange.created', { host: 'Český Krumlov' }),
      );
      // 2027-07-06 10:00 Prague = 08:00 UTC.
      expect(text).toContain(`<!date^${Date.UTC(2027, 6, 6, 8) / 1000}^{date_short_pretty} {time}|`);
      const buttons = blocksOf(card).find((b) => b.type === 'actions')?.elements ?? [];
      expect(buttons.map((b) => b.action_id)).toEqual([
        'twin_rsvp:going:1',
        'twin_rsvp:maybe:1',
        'twin_rsvp:no:1',
      ]);
      expect(buttons[0]?.text.text).toBe(translate(language, 'card.button-going'));
    }
    // The card reaches the linked channels through the outbox; the coordinator's answer is private.
    expect(answers['create']?.body).toMatchObject({ response_type: 'ephemeral' });
  });

  it('records RSVP clicks, updates the clicked card, and keeps the waitlist in order', async () => {
    const card = () =>
      h.slack.messages(passau.channelId).find((m) => blocksOf(m).some((b) => b.type === 'header'));
    const cardTs = card()?.ts ?? '';
    const lena = await h.click('twin_rsvp:going:1', { ...passau.lena, messageTs: cardTs });
    expect(unescaped(answerText(lena[0] as ResponsePost))).toContain(
      translate('de', 'rsvp.going', { title: 'Letní tábor mládeže', guests: 0 }).split('\n')[0] ?? '',
    );
    // Petra (2 places) and Lena (1) fill the 3 places; the card counts per town. (The click
    // redraws it, and so does the outbox's redraw after every answer, in whatever order they land.)
    const filled = /Český Krumlov 2 · Passau 1|Passau 1 · Český Krumlov 2/;
    await h.slack.waitFor(() => (filled.test(blockText(card())) ? true : undefined), 5000, 'the card update');

    const max = await h.click('twin_rsvp:going:1', { ...passau.max, messageTs: cardTs });
    expect(unescaped(answerText(max[0] as ResponsePost))).toContain(
      translate('de', 'rsvp.waitlisted', { title: 'Letní tábor mládeže', position: 1, guests: 0 }),
    );
    const info = await h.command('event info event:1', passau.max);
    expect(info.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(info.body['blocks'])).toContain('twin_rsvp:going:1');

    // Petra's two places free up: Max moves up from the waitlist.
    await h.command('rsvp event:1 answer:no', krumlov.petra);
    const rsvps = await database.prisma.rsvp.findMany({
      include: { member: true },
      orderBy: { member: { displayName: 'asc' } },
    });
    expect(rsvps.map((r) => [r.member.displayName, r.status])).toEqual([
      ['lena', 'GOING'],
      ['max', 'GOING'],
      ['petra', 'NOT_GOING'],
    ]);
    const attendees = await h.command('event attendees event:1', krumlov.jana);
    expect(unescaped(answerText(attendees))).toContain(
      translate('cs', 'attendees.totals', { total: 2, international: 2 }),
    );
  });

  it('posts announcements in each channel’s language and schedules recurring ones', async () => {
    await h.command(
      'announce send partnership:1 text:"Photos from the spring meeting are online" text-cs:"Fotky z jarního setkání jsou online" text-de:"Die Fotos vom Frühjahrstreffen sind online"',
      krumlov.jana,
    );
    await h.drain();
    expect(h.slack.messages(krumlov.channelId).map((m) => m.text)).toContain(
      'Fotky z jarního setkání jsou online',
    );
    expect(h.slack.messages(passau.channelId).map((m) => m.text)).toContain(
      'Die Fotos vom Frühjahrstreffen sind online',
    );
    await h.command(
      'announce schedule partnership:1 text:"Committee call tonight at 19:00" cron:"0 9 * * 1"',
      krumlov.jana,
    );
    const scheduled = await database.prisma.announcement.findFirstOrThrow({ where: { status: 'SCHEDULED' } });
    expect(scheduled.nextRunAt?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    // Every post that was due went out once, with its delivery id in the message metadata
    // (later ones, such as reminders before the exchange, wait for their time).
    const deliveries = await database.prisma.delivery.findMany();
    const now = h.clock.now();
    expect(deliveries.filter((d) => d.dueAt <= now).map((d) => d.status)).not.toContain('PENDING');
    // (Cards redrawn after answers are edits of these posts, not posts.)
    const sent = deliveries
      .filter((d) => d.status === 'SENT' && d.editsMessageId === null && d.editsDeliveryId === null)
      .map((d) => d.id);
    const postedIds = h.slack
      .calls('chat.postMessage')
      .filter((c) => c.status === 200 && c.args['metadata'] !== undefined)
      .map(
        (c) => (c.args['metadata'] as { event_payload: { delivery_id: string } }).event_payload.delivery_id,
      );
    expect(postedIds.sort()).toEqual(sent.sort());
  });

  it('posts to each workspace with that workspace’s own bot token', () => {
    const tokenOf = (channel: string) =>
      new Set(
        h.slack
          .calls('chat.postMessage')
          .filter((c) => c.args['channel'] === channel)
          .map((c) => c.token),
      );
    expect(tokenOf(krumlov.channelId)).toEqual(new Set([h.slack.workspace('T0001').botToken]));
    expect(tokenOf(passau.channelId)).toEqual(new Set([h.slack.workspace('T0002').botToken]));
  });

  it('refuses mistakes ephemerally and in the town’s language', async () => {
    const gap = await h.command(
      'event create partnership:1 title:"Oops" kind:youth-exchange start:"2027-03-28 02:30"',
      krumlov.jana,
    );
    expect(gap.body).toMatchObject({ response_type: 'ephemeral' });
    expect(unescaped(answerText(gap))).toContain(
      translate('cs', 'time.nonexistent', {
        option: 'start',
        local: '2027-03-28 02:30',
        zone: 'Europe/Prague',
      }),
    );
    const kindAnswer = await h.command(
      'event create partnership:1 title:"Oops" kind:party start:tomorrow',
      krumlov.jana,
    );
    // The usage line is escaped for Slack: `<text>` must not become a link.
    expect(answerText(kindAnswer)).toContain('kind:');
    expect(answerText(kindAnswer)).toContain('&lt;text&gt;');
    const denied = await h.command(
      'announce send partnership:1 text:"I am not a coordinator"',
      krumlov.petra,
    );
    expect(denied.body).toMatchObject({ response_type: 'ephemeral' });
    expect(unescaped(answerText(denied))).toContain(
      translate('cs', 'permission.coordinator-only', { command: 'announce send' }),
    );
    expect(h.logLines.join('\n')).not.toMatch(/"level":50/);
  });

  it('forgets a workspace that uninstalls the app', async () => {
    const event = { teamId: 'T0002', event: { type: 'app_uninstalled' } };
    if (mode === 'http') expect((await h.http().event(event)).status).toBe(200);
    else await h.slack.socket.event(event).waitForAck();
    await h.logged('was uninstalled');
    expect((await database.prisma.slackInstallation.findMany()).map((r) => r.id)).toEqual(['T0001']);
    const result = await h.adapter.poster.post(
      {
        platform: 'SLACK',
        communityExternalId: 'T0002',
        channelId: passau.channelId,
        channelName: 'partnerstadt',
      },
      { text: 'after the uninstall' },
      'delivery-after-uninstall',
    );
    expect(result).toMatchObject({ ok: false, channelBroken: true });
  });
});
