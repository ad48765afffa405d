/**
 * Slack's Web API failing for a minute (issue 11, "Faults") while a coordinator keeps announcing,
 * through the real Bolt app and WebClient against the emulator: every post answered HTTP 503, or
 * every post and history lookup held without an answer (then answered late, or dropped). The
 * outbox retries on its backoff and bounds each attempt by its send timeout; once Slack is back
 * every announcement is in each linked channel exactly once, nothing has failed, and the outage
 * absorbed one call per delivery and attempt. Time is the test's: the database clock and the
 * outbox's timer move only when the test moves them, and the test drains the outbox as its
 * ticker would.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../src/adapters/slack/manifest.ts';
import type { Database } from '../../src/db/open-database.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { ManualTimer } from '../support/manual-timer.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { answerText, shownInChannel, SlackHarness, type As } from './slack-harness.ts';

/** The outbox's default send timeout (DeliveryWorker). */
const SEND_TIMEOUT_MS = 30_000;
/** One announcement every 20 s of the minute. */
const ANNOUNCEMENT_SECONDS = [0, 20, 40];
/** Each drain tries every delivery that is due once: 2, 4, then 6 of them (two channels). */
const ATTEMPTS_IN_THE_MINUTE = 2 + 4 + 6;

describe.each(DATABASE_KINDS.slice(-1))('a minute of Slack Web API failures on %s', (kind) => {
  let database: Database;
  let h: SlackHarness;
  const timer = new ManualTimer();
  let alice: As;
  let channels: string[];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await SlackHarness.start({
      mode: 'http',
      database,
      auth: 'token',
      // The scopes the app asks for, conversations.history's among them.
      workspaces: [{ teamId: 'T0001', scopes: [...SLACK_BOT_SCOPES] }],
      outbox: { timer, retryWakeHorizonMs: 0 },
    });
    const general = h.slack.workspace().generalChannelId ?? '';
    const news = h.slack.addChannel({ name: 'news' }).id;
    channels = [general, news];
    alice = { userId: h.slack.workspace().defaultUserId, channelId: general };
    shownInChannel(
      await h.command('town register name:Passau country:DE timezone:Europe/Berlin language:de', alice),
      'town register',
    );
    inviteCodeIn(answerText(await h.command('partner invite name:"Passau – Krumlov" form:formal', alice)));
    for (const channelId of channels) await h.done('channel link partnership:1', { ...alice, channelId });
    await h.drain();
  });
  afterAll(async () => {
    // Whatever a failed test left held or waiting ends first.
    h.slack.clearFaults();
    await timer.advance(SEND_TIMEOUT_MS);
    await h.stop();
    await database.close();
  });

  /** Moves the database clock and the outbox's timer on together. */
  async function later(ms: number): Promise<void> {
    h.clock.set(new Date(h.clock.now().getTime() + ms));
    await timer.advance(ms);
  }

  /**
   * Announces every 20 s of a minute (the first 20 s after what came before, so Slack's
   * per-channel pace has room); each is drained at once. `stuck` resolves once the emulator
   * holds the attempts of a drain; the send timeout is then let run out.
   */
  async function announceThroughTheMinute(label: string, stuck?: (drain: number) => Promise<unknown>) {
    const texts: string[] = [];
    for (const [drain, second] of ANNOUNCEMENT_SECONDS.entries()) {
      const text = `${label} announcement at ${second} s`;
      texts.push(text);
      await later(20_000);
      await h.command(`announce send partnership:1 text:"${text}"`, alice);
      const drained = h.drain();
      if (stuck) {
        await stuck(drain);
        await timer.advance(SEND_TIMEOUT_MS);
      }
      expect(await drained).toMatchObject({ sent: 0, failed: 0 });
    }
    return texts;
  }

  async function expectEachOnceAfterRecovery(texts: readonly string[]): Promise<void> {
    // Longer than any backoff so far.
    await later(2 * 60_000);
    expect(await h.drain()).toMatchObject({ failed: 0, retried: 0 });
    for (const channel of channels) {
      const shown = h.slack.messages(channel).map((m) => m.text);
      for (const text of texts)
        expect(
          shown.filter((t) => t === text),
          `${text} in ${channel}`,
        ).toHaveLength(1);
    }
    const statuses = await database.prisma.delivery.groupBy({ by: ['status'], _count: true });
    expect(statuses.filter((s) => s.status !== 'SENT')).toEqual([]);
  }

  /** The post calls of these announcements, in order. */
  const postsOf = (texts: readonly string[]) =>
    h.slack.calls('chat.postMessage').filter((c) => texts.includes(String(c.args['text'])));

  it('recovers from a minute of HTTP 503 on every post', async () => {
    const outage = h.slack.failNext(
      'chat.postMessage',
      { type: 'http_error', status: 503 },
      { times: Infinity },
    );
    const historyBefore = h.slack.callCount('conversations.history');
    const texts = await announceThroughTheMinute('503');
    // No retries inside the WebClient: one post per delivery and drain; before each repeat the
    // poster looks for the message first (6 lookups), as a 5xx may come after Slack posted.
    expect(outage.hits).toBe(ATTEMPTS_IN_THE_MINUTE);
    expect(h.slack.callCount('conversations.history') - historyBefore).toBe(ATTEMPTS_IN_THE_MINUTE - 6);
    outage.clear();
    await expectEachOnceAfterRecovery(texts);
    expect(postsOf(texts).map((c) => c.status)).toEqual([
      ...Array<number>(ATTEMPTS_IN_THE_MINUTE).fill(503),
      ...Array<number>(6).fill(200),
    ]);
  });

  it.each([
    ['answer', 'Slack post abandoned by the outbox'],
    ['drop', 'Slack did not answer the history lookup'],
  ] as const)(
    'recovers from a minute of calls without an answer, then %s',
    async (then, staleAttemptsEnd) => {
      const lookups = h.slack.failNext('conversations.history', { type: 'hang', then }, { times: Infinity });
      const posts = h.slack.failNext('chat.postMessage', { type: 'hang', then }, { times: Infinity });
      onTestFinished(() => h.slack.clearFaults());
      // Held after each drain: the first post of each new delivery, one lookup per repeat.
      const heldAfter = [2, 6, 12];
      const texts = await announceThroughTheMinute(`Held (${then})`, (drain) =>
        h.slack.waitFor(
          () => (lookups.holding + posts.holding === heldAfter[drain] ? true : undefined),
          5000,
          `the attempts of drain ${drain} to be held`,
        ),
      );
      // Every attempt ended by the outbox's send timeout, each with one call: the first post of
      // each delivery (6), then a lookup per repeat (6). Nothing retried inside the WebClient.
      expect([posts.hits, lookups.hits]).toEqual([6, 6]);
      const postsBefore = h.slack.callCount('chat.postMessage');
      const lookupsBefore = h.slack.callCount('conversations.history');
      const endedBefore = h.logLines.filter((line) => line.includes(staleAttemptsEnd)).length;

      // The lookups come back first, while nothing is posted: answered (nothing found, so the
      // abandoned attempts would post next) or dropped (Slack could not say).
      lookups.clear();
      await h.slack.waitForCalls('conversations.history', lookupsBefore + 6);
      // Each abandoned attempt ends without posting, or its post reaches Slack (and is held).
      const stalePost = h.slack.waitFor(
        () => (posts.hits > 6 ? 'posted' : undefined),
        20_000,
        'a stale post',
      );
      stalePost.catch(() => undefined);
      const ended = h.logged(staleAttemptsEnd, endedBefore + 6).then(() => 'ended without posting');
      expect(await Promise.race([ended, stalePost]), 'the attempts the outbox gave up on').toBe(
        'ended without posting',
      );
      // Then the first posts: made late (their attempts record them) or lost.
      posts.clear();
      await h.slack.waitForCalls('chat.postMessage', postsBefore + 6);

      await expectEachOnceAfterRecovery(texts);
      expect(postsOf(texts).filter((c) => c.status === 200)).toHaveLength(6);
      // Answered: the late posts were all; dropped: one post each after recovery.
      expect(h.slack.callCount('chat.postMessage') - postsBefore).toBe(then === 'answer' ? 6 : 12);
    },
  );
});
