// The Slack emulator's Web API through the real WebClient: auth, messages, DMs, views and triggers, JSON bodies, channel errors, faults.
// A 429 only surfaces as WebAPIRateLimitedError (code slack_webapi_rate_limited_error, retryAfter) with
// `rejectRateLimitedCalls: true`; otherwise the WebClient sleeps Retry-After seconds and retries (or
// throws a plain Error once retries run out).

import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';

import { buttonBlocks, quietLogger, useSlackEmulator } from './slack-emulator-fixture.ts';
import { SlackEmulator } from './slack/slack-emulator.ts';

const { WebClient, ErrorCode } = webApi;

const rig = useSlackEmulator();

describe('Web API through the real WebClient', () => {
  const client = (token: string, options: { rejectRateLimitedCalls?: boolean } = {}) =>
    new WebClient(token, {
      slackApiUrl: rig.slack.apiUrl,
      retryConfig: { retries: 0 },
      logger: quietLogger(),
      ...options,
    });

  it('answers auth.test per token and rejects unknown tokens and methods', async () => {
    const ws = rig.slack.workspace();
    const auth = await client(ws.botToken).auth.test();
    expect(auth).toMatchObject({ ok: true, team_id: 'T0001', user_id: ws.botUserId, bot_id: ws.botId });

    await expect(client('xoxb-nope').auth.test()).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'invalid_auth' },
    });
    await expect(client(ws.botToken).apiCall('no.such.method')).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
  });

  it('stores, updates and deletes messages; blocks arrive JSON-encoded and are decoded', async () => {
    const ws = rig.slack.workspace();
    const web = client(ws.botToken);
    const posted = await web.chat.postMessage({
      channel: ws.generalChannelId ?? '',
      text: 'Exchange on Friday',
      blocks: buttonBlocks('rsvp_yes', 'ex-1'),
    });
    expect(posted).toMatchObject({
      ok: true,
      channel: ws.generalChannelId,
      message: { text: 'Exchange on Friday' },
    });
    const [stored] = rig.slack.messages(ws.generalChannelId);
    expect(stored?.blocks).toEqual(buttonBlocks('rsvp_yes', 'ex-1'));
    expect(rig.slack.calls('chat.postMessage')[0]?.token).toBe(ws.botToken);

    await web.chat.update({
      channel: ws.generalChannelId ?? '',
      ts: posted.ts ?? '',
      text: 'Moved to Saturday',
    });
    expect(rig.slack.messages(ws.generalChannelId)[0]).toMatchObject({ text: 'Moved to Saturday', edits: 1 });

    await web.chat.delete({ channel: ws.generalChannelId ?? '', ts: posted.ts ?? '' });
    expect(rig.slack.messages(ws.generalChannelId)).toHaveLength(0);
    await expect(
      web.chat.delete({ channel: ws.generalChannelId ?? '', ts: posted.ts ?? '' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    expect(rig.slack.callCounts()).toMatchObject({
      'chat.postMessage': 1,
      'chat.update': 1,
      'chat.delete': 2,
    });
  });

  it('opens DMs, answers users.info and conversations.info, and posts ephemerals', async () => {
    const ws = rig.slack.workspace();
    const web = client(ws.botToken);
    const opened = await web.conversations.open({ users: ws.defaultUserId });
    const dmId = opened.channel?.id ?? '';
    expect(dmId).toMatch(/^D/);
    expect((await web.conversations.info({ channel: dmId })).channel).toMatchObject({ is_im: true });
    expect((await web.users.info({ user: ws.defaultUserId })).user).toMatchObject({ name: 'alice' });
    await expect(web.users.info({ user: 'U404' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });

    const eph = await web.chat.postEphemeral({
      channel: ws.generalChannelId ?? '',
      user: ws.defaultUserId,
      text: 'psst',
    });
    expect(eph.message_ts).toBeDefined();
    expect(rig.slack.ephemeralMessages(ws.generalChannelId)).toMatchObject([
      { user: ws.defaultUserId, text: 'psst' },
    ]);
  });

  it('keeps views: update by id or external_id with hash checks, and publishes Home tabs', async () => {
    const ws = rig.slack.workspace();
    const web = client(ws.botToken);
    const title = { type: 'plain_text' as const, text: 'Towns' };
    await expect(
      web.views.open({ trigger_id: 'made.up.trigger', view: { type: 'modal', title, blocks: [] } }),
    ).rejects.toMatchObject({ data: { error: 'invalid_trigger_id' } });

    const home = await web.views.publish({ user_id: ws.defaultUserId, view: { type: 'home', blocks: [] } });
    const viewId = home.view?.id ?? '';
    expect(viewId).toMatch(/^V/);
    const updated = await web.views.update({
      view_id: viewId,
      hash: home.view?.hash ?? '',
      view: { type: 'home', external_id: 'home-alice', blocks: [{ type: 'divider' }] },
    });
    expect(updated.view).toMatchObject({ id: viewId, blocks: [{ type: 'divider' }] });
    await expect(
      web.views.update({ view_id: viewId, hash: home.view?.hash ?? '', view: { type: 'home', blocks: [] } }),
    ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    await web.views.update({ external_id: 'home-alice', view: { type: 'home', blocks: [] } });
    expect(rig.slack.view(viewId)).toMatchObject({ userId: ws.defaultUserId, updates: 2 });
  });

  it('expires trigger ids after triggerTtlMs and refuses a second use', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const emulator = await SlackEmulator.start({ triggerTtlMs: 3_000, now: () => now });
    try {
      const web = new WebClient(emulator.workspace().botToken, {
        slackApiUrl: emulator.apiUrl,
        retryConfig: { retries: 0 },
      });
      const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'x' }, blocks: [] };
      const fresh = emulator.issueTriggerId();
      await web.views.open({ trigger_id: fresh, view });
      await expect(web.views.open({ trigger_id: fresh, view })).rejects.toMatchObject({
        data: { error: 'exchanged_trigger_id' },
      });
      const onTime = emulator.issueTriggerId();
      now += 3_000;
      await web.views.open({ trigger_id: onTime, view });
      const stale = emulator.issueTriggerId();
      now += 3_001;
      await expect(web.views.open({ trigger_id: stale, view })).rejects.toMatchObject({
        data: { error: 'expired_trigger_id' },
      });
    } finally {
      await emulator.stop();
    }
  });

  it('accepts JSON bodies with a Bearer token', async () => {
    const ws = rig.slack.workspace();
    const res = await fetch(`${rig.slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${ws.botToken}` },
      body: JSON.stringify({ channel: ws.generalChannelId, text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true });
    expect(rig.slack.messages(ws.generalChannelId)[0]?.blocks).toEqual([{ type: 'divider' }]);
  });

  it('answers channel_not_found and not_in_channel from its channel model', async () => {
    const ws = rig.slack.workspace();
    const web = client(ws.botToken);
    await expect(web.chat.postMessage({ channel: 'C404', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(
      web.chat.postMessage({ channel: ws.randomChannelId ?? '', text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
  });

  it('injects 429 with Retry-After, HTTP 5xx, and counts each attempt', async () => {
    const ws = rig.slack.workspace();
    rig.slack.failNext('chat.postMessage', { type: 'rate_limited', retryAfter: 7 });
    const rateLimited = await client(ws.botToken, { rejectRateLimitedCalls: true })
      .chat.postMessage({ channel: ws.generalChannelId ?? '', text: 'x' })
      .catch((e: unknown) => e);
    expect(rateLimited).toBeInstanceOf(Error);
    expect(rateLimited).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });

    rig.slack.failNext('chat.postMessage', { type: 'http_error', status: 503 }, { times: 2 });
    for (let i = 0; i < 2; i += 1) {
      await expect(
        client(ws.botToken).chat.postMessage({ channel: ws.generalChannelId ?? '', text: 'x' }),
      ).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    }
    await client(ws.botToken).chat.postMessage({ channel: ws.generalChannelId ?? '', text: 'third time' });
    expect(rig.slack.calls('chat.postMessage').map((c) => c.status)).toEqual([429, 503, 503, 200]);
    expect(rig.slack.messages(ws.generalChannelId)).toHaveLength(1);
  });

  it('holds calls without an answer until the hang is cleared, then answers them late or drops them', async () => {
    const ws = rig.slack.workspace();
    const channel = ws.generalChannelId ?? '';
    const hang = rig.slack.failNext('chat.postMessage', { type: 'hang' }, { times: Infinity });
    const late = client(ws.botToken).chat.postMessage({ channel, text: 'late' });
    await rig.slack.waitFor(() => (hang.holding === 1 ? true : undefined), 5000, 'the call to be held');
    expect(rig.slack.messages(channel)).toHaveLength(0);
    hang.clear();
    await expect(late).resolves.toMatchObject({ ok: true });
    expect(rig.slack.messages(channel).map((m) => m.text)).toEqual(['late']);

    const dropped = rig.slack.failNext('chat.postMessage', { type: 'hang', then: 'drop' });
    const lost = client(ws.botToken)
      .chat.postMessage({ channel, text: 'never' })
      .catch((e: unknown) => e);
    await rig.slack.waitFor(() => (dropped.holding === 1 ? true : undefined), 5000, 'the call to be held');
    dropped.clear();
    expect(await lost).toMatchObject({ code: ErrorCode.RequestError });
    expect(rig.slack.calls('chat.postMessage').map((c) => c.status)).toEqual([200, 0]);
    expect(rig.slack.messages(channel).map((m) => m.text)).toEqual(['late']);
  });

  it('fails a seeded random fraction of chat.postMessage the same way every run', async () => {
    const run = async (): Promise<number[]> => {
      const emulator = await SlackEmulator.start();
      try {
        const ws = emulator.workspace();
        emulator.randomFaults({ rate: 0.2, seed: 42 });
        const web = new WebClient(ws.botToken, {
          slackApiUrl: emulator.apiUrl,
          retryConfig: { retries: 0 },
          rejectRateLimitedCalls: true,
          logger: quietLogger(),
        });
        for (let i = 0; i < 50; i += 1) {
          await web.chat
            .postMessage({ channel: ws.generalChannelId ?? '', text: `m${i}` })
            .catch(() => undefined);
        }
        return emulator.calls('chat.postMessage').map((c) => c.status);
      } finally {
        await emulator.stop();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failed = first.filter((s) => s !== 200);
    expect(failed.length).toBeGreaterThan(3);
    expect(failed.length).toBeLessThan(18);
    expect(new Set(failed)).toEqual(new Set([429, 503]));
  });
});
