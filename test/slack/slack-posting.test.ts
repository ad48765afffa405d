/**
 * The outbox posting to Slack through the adapter, against the emulator (behind a proxy that can
 * lose answers): rate limits, 5xx, answers lost after Slack posted, repeats after a crash, and
 * channels the bot was removed from. Every post must arrive exactly once, or be reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { LostAnswerProxy } from './lost-answer-proxy.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { answerText, shownInChannel, SlackHarness, type As } from './slack-harness.ts';

describe('Slack posting for the outbox', () => {
  let database: Database;
  let h: SlackHarness;
  let proxy: LostAnswerProxy;
  let alice: As;
  let general: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    proxy = await LostAnswerProxy.start();
    h = await SlackHarness.start({
      mode: 'http',
      database,
      auth: 'token',
      apiUrl: (slack) => proxy.attach(slack),
    });
    const ws = h.slack.workspace();
    general = ws.generalChannelId ?? '';
    alice = { userId: ws.defaultUserId, channelId: general };
    shownInChannel(
      await h.command('town register name:Passau country:DE timezone:Europe/Berlin language:de', alice),
      'town register',
    );
    inviteCodeIn(answerText(await h.command('partner invite name:"Passau – Krumlov" form:formal', alice)));
    await h.done('channel link partnership:1', alice);
    await h.drain();
  });

  afterAll(async () => {
    await h.stop();
    await proxy.stop();
    await database.close();
  });

  let partnerships = 1;
  /**
   * Sends an announcement through the outbox, to a channel of its own (a new partnership linked
   * to a new channel), so the outbox's per-channel pacing does not slow the next test down.
   */
  async function announce(text: string, partnership?: number): Promise<void> {
    if (partnership === undefined) {
      partnership = ++partnerships;
      const channel = h.slack.addChannel({ name: `news-${partnership}` });
      inviteCodeIn(
        answerText(await h.command(`partner invite name:"Partnership ${partnership}" form:informal`, alice)),
      );
      await h.done(`channel link partnership:${partnership}`, { ...alice, channelId: channel.id });
    }
    await h.command(`announce send partnership:${partnership} text:"${text}"`, alice);
    await h.drain();
  }

  const posted = (text: string) => h.slack.messages().filter((m) => m.text === text);
  const attempts = (text: string) =>
    h.slack
      .calls('chat.postMessage')
      .filter((c) => c.args['text'] === text)
      .map((c) => c.status);
  const delivery = async (text: string) =>
    database.prisma.delivery.findFirstOrThrow({
      where: { payload: { path: ['text'], equals: text } },
      include: { channelLink: true },
    });
  /** Lets the outbox retry what it rescheduled. */
  async function later(): Promise<void> {
    h.clock.set(new Date(h.clock.now().getTime() + 60 * 60 * 1000));
    await h.drain();
  }

  it('reports a 429 with its Retry-After, and posts once when asked again', async () => {
    const target = {
      platform: 'SLACK' as const,
      communityExternalId: 'T0001',
      channelId: general,
      channelName: 'general',
    };
    h.slack.failNext('chat.postMessage', { type: 'rate_limited', retryAfter: 7 });
    const limited = await h.adapter.poster.post(target, { text: 'Limited' }, 'delivery-limited');
    expect(limited).toMatchObject({ ok: false, retryable: true, retryAfterMs: 7000 });
    expect(limited).not.toHaveProperty('channelBroken');
    expect(posted('Limited')).toHaveLength(0);
    // Slack said for certain that nothing was posted: the next attempt posts without looking.
    const historyBefore = proxy.historyCalls.length;
    expect(await h.adapter.poster.post(target, { text: 'Limited' }, 'delivery-limited')).toMatchObject({
      ok: true,
    });
    expect(proxy.historyCalls.length).toBe(historyBefore);
    expect(posted('Limited')).toHaveLength(1);
  });

  it('waits a short Retry-After out within the claim and delivers the announcement once', async () => {
    h.slack.failNext('chat.postMessage', { type: 'rate_limited', retryAfter: 1 });
    const started = performance.now();
    await announce('Rate limited');
    // 1 s is short enough to wait out in the same drain (no rescheduling, no second claim).
    // The harness's worker paces on the real timer, so this is a lower bound only; the same
    // rule on a driven timer is in test/outbox/delivery-worker-pace.test.ts.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(attempts('Rate limited')).toEqual([429, 200]);
    expect(posted('Rate limited')).toHaveLength(1);
    expect(await delivery('Rate limited')).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('after a 5xx looks for the message first, then posts it once', async () => {
    h.slack.failNext('chat.postMessage', { type: 'http_error', status: 503 });
    const historyBefore = proxy.historyCalls.length;
    await announce('Server error');
    expect((await delivery('Server error')).status).toBe('PENDING');
    await later();
    expect(proxy.historyCalls.length).toBe(historyBefore + 1);
    expect(attempts('Server error')).toEqual([503, 200]);
    expect(posted('Server error')).toHaveLength(1);
  });

  it('finds a message whose answer was lost instead of posting it twice', async () => {
    proxy.loseAnswers = 1;
    await announce('Lost answer');
    // Slack has it; the bot does not know.
    expect(posted('Lost answer')).toHaveLength(1);
    expect((await delivery('Lost answer')).status).toBe('PENDING');
    await later();
    const sent = await delivery('Lost answer');
    expect(sent.status).toBe('SENT');
    expect(sent.platformMessageId).toBe(posted('Lost answer')[0]?.ts);
    expect(attempts('Lost answer')).toEqual([200]);
    expect(proxy.historyCalls.at(-1)).toMatchObject({
      channel: posted('Lost answer')[0]?.channel,
      include_all_metadata: 'true',
    });
  });

  it('after a lost answer, posts nothing while Slack cannot say whether the message exists', async () => {
    proxy.loseAnswers = 1;
    await announce('Lost, then unknown');
    proxy.failHistory = 1;
    await later();
    // The lookup answered 503: posting now could double the message Slack already has.
    expect(await delivery('Lost, then unknown')).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(attempts('Lost, then unknown')).toEqual([200]);
    await later();
    expect(await delivery('Lost, then unknown')).toMatchObject({ status: 'SENT' });
    expect(posted('Lost, then unknown')).toHaveLength(1);
  });

  it('answers a repeated delivery (a crash before the outbox recorded it) with the recorded message', async () => {
    const target = {
      platform: 'SLACK' as const,
      communityExternalId: 'T0001',
      channelId: general,
      channelName: 'general',
    };
    const first = await h.adapter.poster.post(target, { text: 'Crash repeat' }, 'delivery-crash-1');
    const second = await h.adapter.poster.post(target, { text: 'Crash repeat' }, 'delivery-crash-1');
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(posted('Crash repeat')).toHaveLength(1);

    const edited = await h.adapter.poster.edit(target, first.ok ? first.platformMessageId : '', {
      text: 'Crash repeat, edited',
    });
    expect(edited).toEqual(first);
    expect(posted('Crash repeat, edited')[0]).toMatchObject({ edits: 1 });
  });

  it('marks a channel the bot was removed from as broken, without retrying, and tells the coordinator', async () => {
    const random = h.slack.workspace().randomChannelId ?? '';
    const channel = h.slack.channel(random);
    if (!channel) throw new Error('the emulator seeds #random');
    // Linked while the bot was in #random; then someone removed it.
    channel.botIsMember = true;
    await h.command('channel link partnership:1', { ...alice, channelId: random });
    channel.botIsMember = false;
    await announce('Nobody hears this', 1);
    expect(posted('Nobody hears this').map((m) => m.channel)).toEqual([general]);
    const link = await database.prisma.channelLink.findFirstOrThrow({ where: { channelId: random } });
    expect(link).toMatchObject({ status: 'BROKEN', brokenReason: 'not_in_channel' });
    expect(
      h.slack
        .calls('chat.postMessage')
        .filter((c) => c.args['channel'] === random && c.args['text'] === 'Nobody hears this'),
    ).toHaveLength(1);
    // The core tells the town's coordinators directly (Slack: a DM from the bot).
    await h.drain();
    const dm = h.slack.dmChannel(alice.userId ?? '');
    expect(h.slack.messages(dm.id).length).toBeGreaterThan(0);
  });

  it('reports a workspace the bot has no token for as broken', async () => {
    const result = await h.adapter.poster.post(
      { platform: 'SLACK', communityExternalId: 'T9999', channelId: 'C1', channelName: 'x' },
      { text: 'elsewhere' },
      'delivery-elsewhere',
    );
    expect(result).toMatchObject({ ok: false, retryable: false, channelBroken: true });
  });
});
