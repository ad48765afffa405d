/**
 * The outbox posting through the Discord adapter (its DiscordPoster on the running client's REST
 * client) to the emulator, when Discord misbehaves: rate limits short and long, a global limit,
 * answers lost after the message was created (the nonce keeps it single), a channel the bot lost
 * access to, and a gateway connection that drops while members use commands. Cards redrawn in
 * the partner channels: discord-card-redraws.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import type { RequestRecord } from '../emulators/discord/discord-emulator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { DiscordHarness, messageText, PEOPLE, twinTowns } from './discord-harness.ts';

const { jana, max } = PEOPLE;
const POST_MESSAGE = '/channels/:channel_id/messages';

describe.each(DATABASE_KINDS)('Discord posts for the outbox on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;
  let passauChannel: string;
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await DiscordHarness.start({
      database,
      // Rate-limit waits over 100 ms go back to the outbox, so short test waits take that path too.
      tuning: { maxInlineRateLimitWaitMs: 100 },
      // This file sends many announcements in one test day to exercise delivery; the daily cap
      // itself is tested in test/scheduler/abuse-limits.test.ts.
      limits: { ...DEFAULT_LIMITS, announcementsPerDay: 1_000 },
    });
    await twinTowns(h);
    passauChannel = h.channel('partnerstadt', 'Passau');
  });

  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  /** Jana announces a new text to partnership 1; returns the text once the outbox is drained. */
  async function announce(): Promise<string> {
    sequence += 1;
    const text = `Announcement ${sequence} (${kind})`;
    const answer = await h.command({
      ...jana,
      name: 'announce',
      subcommand: 'send',
      options: { partnership: 1, text },
    });
    expect(answer.ephemeral, answer.text).toBe(false);
    await h.drain();
    return text;
  }

  /** The bot's posts in a channel that carry `text`. */
  function postsWith(channel: 'partneri' | 'partnerstadt', text: string): string[] {
    const guild = channel === 'partneri' ? 'Český Krumlov' : 'Passau';
    return h
      .posts(channel, guild)
      .map(messageText)
      .filter((t) => t.includes(text));
  }

  function postRequests(channelId: string): RequestRecord[] {
    return h.discord.requests({ method: 'POST', route: `/channels/${channelId}/messages` });
  }

  it('sits out a short 429 in discord.js’s queue and posts once', async () => {
    const before = postRequests(passauChannel).length;
    const fault = h.discord.failNext(
      { method: 'POST', route: `/channels/${passauChannel}/messages` },
      { type: 'rate-limit', retryAfter: 0.05 },
    );
    const text = await announce();
    expect(fault.hits).toBe(1);
    expect(postsWith('partnerstadt', text)).toHaveLength(1);
    expect(postsWith('partneri', text)).toHaveLength(1);
    const requests = postRequests(passauChannel).slice(before);
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('hands a longer 429 back to the outbox, which waits Discord’s retry_after and posts once', async () => {
    const before = postRequests(passauChannel).length;
    h.discord.failNext(
      { method: 'POST', route: `/channels/${passauChannel}/messages` },
      { type: 'rate-limit', retryAfter: 0.4 },
    );
    const text = await announce();
    expect(postsWith('partnerstadt', text)).toHaveLength(1);
    const [limited, posted] = postRequests(passauChannel).slice(before);
    expect(limited?.status).toBe(429);
    expect(posted?.status).toBe(200);
    expect((posted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(390);
    expect(h.logLines.some((line) => line.includes('rate limited; waiting within the claim'))).toBe(true);
  });

  it('after a global 429 sends nothing at all until it has passed, then posts everything once', async () => {
    const since = h.discord.requests().length;
    // The first post of the next announcements meets a global limit of 0.6 s.
    h.discord.failNext(
      { method: 'POST', route: POST_MESSAGE },
      { type: 'rate-limit', retryAfter: 0.6, scope: 'global' },
    );
    const texts = [await announce(), await announce()];
    for (const text of texts) {
      expect(postsWith('partneri', text)).toHaveLength(1);
      expect(postsWith('partnerstadt', text)).toHaveLength(1);
    }
    const requests = h.discord.requests().slice(since);
    const global = requests.find((r) => r.status === 429);
    expect(global).toBeDefined();
    // Posts already on their way when the 429 was answered may still arrive just after it.
    const start = (global?.at ?? 0) + 100;
    const duringTheLimit = requests.filter(
      (r) => r.route === POST_MESSAGE && r.at > start && r.at < start + 490,
    );
    expect(duringTheLimit).toEqual([]);
  });

  it('reports a global 429 to the outbox as global, with Discord’s wait', async () => {
    h.discord.failNext(
      { method: 'POST', route: `/channels/${passauChannel}/messages` },
      { type: 'rate-limit', retryAfter: 0.3, scope: 'global' },
    );
    const target = {
      platform: 'DISCORD' as const,
      communityExternalId: h.discord.guildId('Passau'),
      channelId: passauChannel,
      channelName: 'partnerstadt',
    };
    const result = await h.adapter.poster.post(target, { text: 'global limit' }, 'global-limit-probe');
    expect(result).toMatchObject({ ok: false, retryable: true, globalRateLimit: true });
    expect(result.ok ? 0 : (result.retryAfterMs ?? 0)).toBeGreaterThanOrEqual(300);
    expect(h.discord.messages(passauChannel).map(messageText)).not.toContain('global limit');
    // Leave no limit behind for the next test: discord.js holds every request for the wait
    // Discord asked for (its clock is real time and cannot be driven), after which a post goes
    // through again. The wait is Discord's own retry_after, not a guess standing in for a signal;
    // a post sent during it comes back retryable (the harness's inline wait is shorter).
    const waitMs = result.ok ? 0 : (result.retryAfterMs ?? 0);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    expect(
      await h.adapter.poster.post(target, { text: 'after the limit' }, 'after-global-limit'),
    ).toMatchObject({
      ok: true,
    });
  });

  it('keeps a post single when its answer is lost and discord.js sends it again (nonce)', async () => {
    const before = postRequests(passauChannel).length;
    h.discord.failNext(
      { method: 'POST', route: `/channels/${passauChannel}/messages` },
      { type: 'lost-answer', status: 502 },
    );
    const text = await announce();
    expect(postsWith('partnerstadt', text)).toHaveLength(1);
    const requests = postRequests(passauChannel).slice(before);
    expect(requests.map((r) => r.status)).toEqual([502, 200]);
    // Both carried the same nonce; the second got the message the first created.
    const nonces = requests.map((r) => (r.body as { nonce?: string }).nonce);
    expect(nonces[0]).toBeDefined();
    expect(nonces[1]).toBe(nonces[0]);
    const ids = requests.map((r) => (r.response as { id?: string }).id);
    expect(ids[1]).toBe(ids[0]);
  });

  it('keeps a post single when the connection drops before the answer and the outbox tries again later', async () => {
    const before = postRequests(passauChannel).length;
    h.discord.failNext(
      { method: 'POST', route: `/channels/${passauChannel}/messages` },
      { type: 'lost-answer', disconnect: true },
    );
    const text = await announce();
    // The message exists on Discord, but the outbox could not know: it will try again.
    expect(postsWith('partnerstadt', text)).toHaveLength(1);
    const pending = await database.prisma.delivery.findMany({
      where: { status: 'PENDING', channelLink: { channelId: passauChannel } },
    });
    expect(pending).toHaveLength(1);
    expect(pending[0]?.lastError).toMatch(/Discord unreachable/);

    h.clock.set(new Date(h.clock.now().getTime() + 60 * 60_000));
    expect((await h.drain()).sent).toBe(1);
    expect(postsWith('partnerstadt', text)).toHaveLength(1);
    const requests = postRequests(passauChannel).slice(before);
    expect(requests).toHaveLength(2);
    const delivery = await database.prisma.delivery.findUniqueOrThrow({
      where: { id: pending[0]?.id ?? '' },
    });
    expect(delivery.status).toBe('SENT');
    expect(delivery.platformMessageId).toBe(h.posts('partnerstadt', 'Passau').at(-1)?.id);
  });

  it.each([
    ['no-access', 'Missing Access', '„Kanal ansehen“'],
    ['read-only', 'Missing Permissions', '„Nachrichten senden“'],
  ] as const)(
    'marks a channel the bot lost (%s) broken, tells that town’s coordinators once, stops posting there until it is linked again',
    async (access, reason, missing) => {
      h.discord.setChannelAccess(passauChannel, access);
      const noticesBefore = h.discord.messages(h.discord.dmChannelId('max')).length;
      const janaNoticesBefore = h.discord.messages(h.discord.dmChannelId('jana')).length;

      const text = await announce();
      await h.drain(); // the notice the failure enqueued
      expect(postsWith('partneri', text)).toHaveLength(1);
      expect(postsWith('partnerstadt', text)).toHaveLength(0);
      const notices = h.discord.messages(h.discord.dmChannelId('max')).slice(noticesBefore);
      expect(notices.map(messageText)).toEqual([
        expect.stringContaining('Der Bot kann nicht mehr in #partnerstadt („Krumlov – Passau“) posten'),
      ]);
      expect(messageText(notices[0] as never)).toContain(reason);
      // Krumlov's coordinator has nothing to fix.
      expect(h.discord.messages(h.discord.dmChannelId('jana')).length).toBe(janaNoticesBefore);

      const info = await h.command({
        ...max,
        name: 'partner',
        subcommand: 'info',
        options: { partnership: 1 },
      });
      expect(info.text).toMatch(/Passau: #partnerstadt \(de\) ⚠ der Bot kann hier nicht posten/);

      // The broken link gets no more attempts (nor notices) until a coordinator links it again.
      const attempts = postRequests(passauChannel).length;
      const next = await announce();
      expect(postsWith('partneri', next)).toHaveLength(1);
      expect(postRequests(passauChannel).length).toBe(attempts);
      expect(h.discord.messages(h.discord.dmChannelId('max')).length).toBe(noticesBefore + 1);

      // Linking it again is refused while the bot still may not post there, naming what is missing.
      const refused = await h.command({
        ...max,
        name: 'channel',
        subcommand: 'link',
        options: { partnership: 1 },
      });
      expect(refused.ephemeral).toBe(true);
      expect(refused.text).toContain(
        `Ich kann in #partnerstadt nicht posten: es fehlen die Berechtigungen ${missing}`,
      );

      // Access back and the channel linked again, as the notice says: posts arrive again.
      h.discord.setChannelAccess(passauChannel, 'full');
      const relinked = await h.command({
        ...max,
        name: 'channel',
        subcommand: 'link',
        options: { partnership: 1 },
      });
      expect(relinked.ephemeral, relinked.text).toBe(false);
      expect(relinked.text).toContain(
        'Dieser Kanal (#partnerstadt) erhält die Beiträge von „Krumlov – Passau“ wieder',
      );
      const after = await announce();
      expect(postsWith('partnerstadt', after)).toHaveLength(1);
    },
  );

  it('logged no error', () => {
    expect(h.errors()).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('Discord gateway drops on %s', (kind) => {
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

  it.each([
    ['closed with 4000', { mode: 'close', code: 4000 }],
    ['cut without a close frame', { mode: 'terminate' }],
    ['asked to reconnect (op 7)', { mode: 'reconnect' }],
    ['invalidated, resumable (op 9)', { mode: 'invalid-session', resumable: true }],
  ] as const)('answers a command sent while the connection was %s', async (_name, drop) => {
    const dropped = h.discord.dropGateway(drop);
    expect(dropped.dropped).toBe(1);
    // Sent at once, while the bot is away: Discord keeps it for the resumed session.
    const answer = await h.command({ ...max, name: 'partner', subcommand: 'list' });
    expect(await dropped.reconnected()).toBe('resumed');
    expect(answer.withinDeadline).toBe(true);
    expect(answer.text).toContain('Krumlov – Passau');
  });

  it('answers commands again after a session Discord will not resume (a new IDENTIFY)', async () => {
    const dropped = h.discord.dropGateway({ mode: 'close', code: 4000, resumable: false });
    expect(await dropped.reconnected()).toBe('identified');
    const answer = await h.command({ ...jana, name: 'partner', subcommand: 'list' });
    expect(answer.text).toContain('Krumlov – Passau');
  });

  it('logged no error', () => {
    expect(h.errors()).toEqual([]);
  });
});
