// The real @slack/bolt App (HTTP mode, Socket Mode, OAuth installer) against the local
// Slack emulator. These tests pin down both the emulator and the Bolt behaviour the
// Slack adapter relies on:
// - HTTP mode: `app.start({ port: 0, host: '127.0.0.1' })` resolves with the node Server;
//   read the port from `server.address()`. `processBeforeResponse: true` makes the HTTP
//   answer wait for the listener, so assertions need no sleeps.
// - Bolt calls auth.test at construction when given `token` and does not await it: with
//   `deferInitialization: true` + `await app.init()` the call is awaited (and can fail loudly).
// - A 429 only surfaces as WebAPIRateLimitedError (code slack_webapi_rate_limited_error,
//   retryAfter) with `rejectRateLimitedCalls: true`; otherwise the WebClient sleeps
//   Retry-After seconds and retries (or throws a plain Error once retries run out).
// - Socket Mode: `new App({ socketMode: true, appToken })` reconnects 5 s after a drop
//   (clientPingTimeout x failures). To tune that, build a SocketModeReceiver yourself with
//   `clientPingTimeout` and `installerOptions.clientOptions` (slackApiUrl!) and pass it
//   as `receiver`. On reconnect the client calls apps.connections.open again.
// - OAuth: `installerOptions.authorizationUrl` must point at the emulator; the installer
//   calls oauth.v2.access then auth.test (for bot_id) with the new bot token.

import type { AddressInfo } from 'node:net';
import { format } from 'node:util';

import type {
  BlockAction,
  ButtonAction,
  Installation,
  InstallationQuery,
  InstallationStore,
  Logger,
  types,
} from '@slack/bolt';
import { App, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { HttpDelivery, SlackHttpBot } from './slack/slack-emulator.ts';
import { SlackEmulator } from './slack/slack-emulator.ts';

const { WebClient, ErrorCode } = webApi;

/** Bolt logs through this; tests can assert on warnings without console noise. */
function quietLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...msg: unknown[]): void => {
      lines.push(`${level} ${format(...msg)}`);
    };
  return {
    lines,
    debug: () => undefined,
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

function buttonBlocks(actionId: string, value: string): types.KnownBlock[] {
  return [
    {
      type: 'actions',
      block_id: 'rsvp',
      elements: [{ type: 'button', action_id: actionId, value, text: { type: 'plain_text', text: 'Join' } }],
    },
  ];
}

let slack: SlackEmulator;
const apps: App[] = [];

beforeEach(async () => {
  slack = await SlackEmulator.start();
});

afterEach(async () => {
  // Apps first: a Socket Mode client whose server vanishes would try to reconnect.
  for (const app of apps.splice(0)) await app.stop();
  await slack.stop();
});

describe('Web API through the real WebClient', () => {
  const client = (token: string, options: { rejectRateLimitedCalls?: boolean } = {}) =>
    new WebClient(token, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      logger: quietLogger(),
      ...options,
    });

  it('answers auth.test per token and rejects unknown tokens and methods', async () => {
    const ws = slack.workspace();
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
    const ws = slack.workspace();
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
    const [stored] = slack.messages(ws.generalChannelId);
    expect(stored?.blocks).toEqual(buttonBlocks('rsvp_yes', 'ex-1'));
    expect(slack.calls('chat.postMessage')[0]?.token).toBe(ws.botToken);

    await web.chat.update({
      channel: ws.generalChannelId ?? '',
      ts: posted.ts ?? '',
      text: 'Moved to Saturday',
    });
    expect(slack.messages(ws.generalChannelId)[0]).toMatchObject({ text: 'Moved to Saturday', edits: 1 });

    await web.chat.delete({ channel: ws.generalChannelId ?? '', ts: posted.ts ?? '' });
    expect(slack.messages(ws.generalChannelId)).toHaveLength(0);
    await expect(
      web.chat.delete({ channel: ws.generalChannelId ?? '', ts: posted.ts ?? '' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    expect(slack.callCounts()).toMatchObject({ 'chat.postMessage': 1, 'chat.update': 1, 'chat.delete': 2 });
  });

  it('opens DMs, answers users.info and conversations.info, and posts ephemerals', async () => {
    const ws = slack.workspace();
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
    expect(slack.ephemeralMessages(ws.generalChannelId)).toMatchObject([
      { user: ws.defaultUserId, text: 'psst' },
    ]);
  });

  it('keeps views: update by id or external_id with hash checks, and publishes Home tabs', async () => {
    const ws = slack.workspace();
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
    expect(slack.view(viewId)).toMatchObject({ userId: ws.defaultUserId, updates: 2 });
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
    const ws = slack.workspace();
    const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${ws.botToken}` },
      body: JSON.stringify({ channel: ws.generalChannelId, text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true });
    expect(slack.messages(ws.generalChannelId)[0]?.blocks).toEqual([{ type: 'divider' }]);
  });

  it('answers channel_not_found and not_in_channel from its channel model', async () => {
    const ws = slack.workspace();
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
    const ws = slack.workspace();
    slack.failNext('chat.postMessage', { type: 'rate_limited', retryAfter: 7 });
    const rateLimited = await client(ws.botToken, { rejectRateLimitedCalls: true })
      .chat.postMessage({ channel: ws.generalChannelId ?? '', text: 'x' })
      .catch((e: unknown) => e);
    expect(rateLimited).toBeInstanceOf(Error);
    expect(rateLimited).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });

    slack.failNext('chat.postMessage', { type: 'http_error', status: 503 }, { times: 2 });
    for (let i = 0; i < 2; i += 1) {
      await expect(
        client(ws.botToken).chat.postMessage({ channel: ws.generalChannelId ?? '', text: 'x' }),
      ).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    }
    await client(ws.botToken).chat.postMessage({ channel: ws.generalChannelId ?? '', text: 'third time' });
    expect(slack.calls('chat.postMessage').map((c) => c.status)).toEqual([429, 503, 503, 200]);
    expect(slack.messages(ws.generalChannelId)).toHaveLength(1);
  });

  it('holds calls without an answer until the hang is cleared, then answers them late or drops them', async () => {
    const ws = slack.workspace();
    const channel = ws.generalChannelId ?? '';
    const hang = slack.failNext('chat.postMessage', { type: 'hang' }, { times: Infinity });
    const late = client(ws.botToken).chat.postMessage({ channel, text: 'late' });
    await slack.waitFor(() => (hang.holding === 1 ? true : undefined), 5000, 'the call to be held');
    expect(slack.messages(channel)).toHaveLength(0);
    hang.clear();
    await expect(late).resolves.toMatchObject({ ok: true });
    expect(slack.messages(channel).map((m) => m.text)).toEqual(['late']);

    const dropped = slack.failNext('chat.postMessage', { type: 'hang', then: 'drop' });
    const lost = client(ws.botToken)
      .chat.postMessage({ channel, text: 'never' })
      .catch((e: unknown) => e);
    await slack.waitFor(() => (dropped.holding === 1 ? true : undefined), 5000, 'the call to be held');
    dropped.clear();
    expect(await lost).toMatchObject({ code: ErrorCode.RequestError });
    expect(slack.calls('chat.postMessage').map((c) => c.status)).toEqual([200, 0]);
    expect(slack.messages(channel).map((m) => m.text)).toEqual(['late']);
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

describe('HTTP mode with the real Bolt App', () => {
  async function startHttpApp(
    register: (app: App) => void,
    clientOptions: { rejectRateLimitedCalls?: boolean } = {},
  ): Promise<{ app: App; bot: SlackHttpBot; logger: ReturnType<typeof quietLogger> }> {
    const logger = quietLogger();
    const app = new App({
      token: slack.workspace().botToken,
      signingSecret: slack.signingSecret,
      processBeforeResponse: true,
      // Awaiting init() awaits auth.test; otherwise it is a floating promise that turns
      // into an unhandled rejection if the API is unreachable.
      deferInitialization: true,
      logger,
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, ...clientOptions },
    });
    await app.init();
    register(app);
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    const { port } = server.address() as AddressInfo;
    return { app, bot: slack.http(`http://127.0.0.1:${port}/slack/events`), logger };
  }

  it('runs a slash command: ack body, respond() and chat.postMessage', async () => {
    const seen: Record<string, unknown>[] = [];
    const { bot } = await startHttpApp((app) => {
      app.command('/twin', async ({ command, ack, respond, client }) => {
        seen.push(command);
        await ack({ text: `Working on "${command.text}"` });
        await respond({ text: 'Here is your list', response_type: 'ephemeral' });
        await client.chat.postMessage({
          channel: command.channel_id,
          text: `${command.user_name} asked for help`,
        });
      });
    });
    const ws = slack.workspace();
    expect(slack.callCount('auth.test')).toBe(1);

    const res = await bot.slashCommand({ command: '/twin', text: 'help' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ text: 'Working on "help"' });
    expect(seen[0]).toMatchObject({
      command: '/twin',
      text: 'help',
      team_id: ws.teamId,
      team_domain: ws.domain,
      channel_id: ws.generalChannelId,
      channel_name: 'general',
      user_id: ws.defaultUserId,
      user_name: 'alice',
      api_app_id: slack.appId,
      response_url: res.responseUrl,
      trigger_id: res.triggerId,
    });
    expect(slack.responses(res.responseUrl)).toMatchObject([
      { body: { text: 'Here is your list', response_type: 'ephemeral' }, use: 1, status: 200 },
    ]);
    expect(slack.messages(ws.generalChannelId)).toMatchObject([
      { text: 'alice asked for help', user: ws.botUserId },
    ]);
  });

  it('rejects a bad signature and a stale timestamp with 401 without running listeners', async () => {
    let runs = 0;
    const { bot, logger } = await startHttpApp((app) => {
      app.command('/twin', async ({ ack }) => {
        runs += 1;
        await ack();
      });
    });
    expect((await bot.slashCommand({ command: '/twin' }, { badSignature: true })).status).toBe(401);
    expect((await bot.slashCommand({ command: '/twin' }, { stale: true })).status).toBe(401);
    expect(runs).toBe(0);
    expect(logger.lines.join('\n')).toMatch(/signature mismatch/);
    expect(logger.lines.join('\n')).toMatch(/stale/);
    expect((await bot.slashCommand({ command: '/twin' })).status).toBe(200);
    expect(runs).toBe(1);
  });

  it('answers 400 when Content-Type carries a charset, and echoes url_verification', async () => {
    const { bot } = await startHttpApp(() => undefined);
    const res = await bot.slashCommand(
      { command: '/twin' },
      { contentType: 'application/x-www-form-urlencoded; charset=utf-8' },
    );
    expect(res.status).toBe(400);
    const challenge = await bot.urlVerification('abc123');
    expect(challenge.json).toEqual({ challenge: 'abc123' });
  });

  it('handles a block_actions click and replaces the original message via respond()', async () => {
    const clicks: { value: string | undefined; container: unknown; messageTs: unknown }[] = [];
    const { app, bot } = await startHttpApp((a) => {
      a.action<BlockAction<ButtonAction>>('rsvp_yes', async ({ ack, body, action, respond }) => {
        await ack();
        clicks.push({ value: action.value, container: body.container, messageTs: body.message?.ts });
        await respond({ replace_original: true, text: `RSVP noted for ${action.value ?? '?'}` });
      });
    });
    const ws = slack.workspace();
    const posted = await app.client.chat.postMessage({
      channel: ws.generalChannelId ?? '',
      text: 'Exchange on Friday',
      blocks: buttonBlocks('rsvp_yes', 'ex-1'),
    });

    const res = await bot.blockAction({ actionId: 'rsvp_yes', value: 'ex-1', messageTs: posted.ts ?? '' });
    expect(res.status).toBe(200);
    expect(clicks).toEqual([
      {
        value: 'ex-1',
        messageTs: posted.ts,
        container: {
          type: 'message',
          message_ts: posted.ts,
          channel_id: ws.generalChannelId,
          is_ephemeral: false,
        },
      },
    ]);
    expect(res.payload).toMatchObject({ actions: [{ action_id: 'rsvp_yes', block_id: 'rsvp' }] });
    expect(slack.messages(ws.generalChannelId)).toMatchObject([{ text: 'RSVP noted for ex-1', edits: 1 }]);
  });

  it('opens a modal with the trigger_id and answers a view_submission with response_action errors', async () => {
    const submissions: unknown[] = [];
    const { bot } = await startHttpApp((app) => {
      app.command('/twin', async ({ ack, body, client }) => {
        await ack();
        await client.views.open({
          trigger_id: body.trigger_id,
          view: {
            type: 'modal',
            callback_id: 'propose_exchange',
            private_metadata: 'town-42',
            title: { type: 'plain_text', text: 'Propose' },
            submit: { type: 'plain_text', text: 'Send' },
            blocks: [
              {
                type: 'input',
                block_id: 'date',
                label: { type: 'plain_text', text: 'Date' },
                element: { type: 'plain_text_input', action_id: 'value' },
              },
            ],
          },
        });
      });
      app.view('propose_exchange', async ({ ack, view }) => {
        submissions.push({ metadata: view.private_metadata, values: view.state.values });
        await ack({ response_action: 'errors', errors: { date: 'Use YYYY-MM-DD' } });
      });
    });

    await bot.slashCommand({ command: '/twin', text: 'propose' });
    const [stored] = slack.views();
    expect(stored?.view).toMatchObject({ callback_id: 'propose_exchange', type: 'modal' });

    const res = await bot.viewSubmission({
      viewId: stored?.id ?? '',
      values: { date: { value: 'next friday' } },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_action: 'errors', errors: { date: 'Use YYYY-MM-DD' } });
    expect(submissions).toEqual([
      {
        metadata: 'town-42',
        values: { date: { value: { type: 'plain_text_input', value: 'next friday' } } },
      },
    ]);

    // The trigger was used once; Slack refuses a second views.open with it.
    const web = new WebClient(slack.workspace().botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    const trigger = String(slack.calls('views.open')[0]?.args['trigger_id']);
    await expect(
      web.views.open({
        trigger_id: trigger,
        view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
      }),
    ).rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });
  });

  it('sends a block action from inside a modal with a view container and no response_url', async () => {
    const seen: unknown[] = [];
    const { bot } = await startHttpApp((app) => {
      app.command('/twin', async ({ ack, body, client }) => {
        await ack();
        await client.views.open({
          trigger_id: body.trigger_id,
          view: {
            type: 'modal',
            title: { type: 'plain_text', text: 'Pick' },
            blocks: [
              {
                type: 'section',
                block_id: 'towns',
                text: { type: 'mrkdwn', text: 'Town' },
                accessory: {
                  type: 'button',
                  action_id: 'pick_town',
                  text: { type: 'plain_text', text: 'Pick' },
                },
              },
            ],
          },
        });
      });
      app.action('pick_town', async ({ ack, body }) => {
        await ack();
        seen.push(body);
      });
    });
    await bot.slashCommand({ command: '/twin' });
    const viewId = slack.views()[0]?.id ?? '';
    const res = await bot.blockAction({ actionId: 'pick_town', viewId });
    expect(res.status).toBe(200);
    expect(res.responseUrl).toBeUndefined();
    expect(seen).toMatchObject([
      {
        container: { type: 'view', view_id: viewId },
        view: { id: viewId },
        actions: [{ action_id: 'pick_town', block_id: 'towns' }],
      },
    ]);
  });

  it('delivers events and marks retries with X-Slack-Retry-Num', async () => {
    const retries: (number | undefined)[] = [];
    const { bot } = await startHttpApp((app) => {
      app.event('app_mention', async ({ event, context, say }) => {
        retries.push(context.retryNum);
        if (context.retryNum === undefined) await say(`Hello <@${event.user}>`);
      });
    });
    const ws = slack.workspace();
    const first = await bot.appMention({ text: 'hello' });
    expect(first.status).toBe(200);
    expect((first.payload['event'] as { text: string }).text).toBe(`<@${ws.botUserId}> hello`);
    const again: HttpDelivery = await bot.retry(first, { retryNum: 1 });
    expect(again.status).toBe(200);
    expect(retries).toEqual([undefined, 1]);
    expect(slack.messages(ws.generalChannelId)).toMatchObject([{ text: `Hello <@${ws.defaultUserId}>` }]);
  });

  it('surfaces a 429 on chat.postMessage as a rate-limit error with retryAfter', async () => {
    const errors: unknown[] = [];
    const { bot } = await startHttpApp(
      (app) => {
        app.command('/twin', async ({ ack, command, client }) => {
          await ack();
          await client.chat.postMessage({ channel: command.channel_id, text: 'x' }).catch((e: unknown) => {
            errors.push(e);
          });
        });
      },
      { rejectRateLimitedCalls: true },
    );
    slack.failNext('chat.postMessage', { type: 'rate_limited', retryAfter: 3 });
    await bot.slashCommand({ command: '/twin' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 3 });
    expect(slack.calls('chat.postMessage')[0]).toMatchObject({ status: 429 });
  });

  it('surfaces not_in_channel as a platform error', async () => {
    const errors: unknown[] = [];
    const { bot } = await startHttpApp((app) => {
      app.command('/twin', async ({ ack, command, client }) => {
        await ack();
        await client.chat.postMessage({ channel: command.channel_id, text: 'x' }).catch((e: unknown) => {
          errors.push(e);
        });
      });
    });
    const ws = slack.workspace();
    slack.failChannel(ws.generalChannelId ?? '', 'not_in_channel');
    await bot.slashCommand({ command: '/twin' });
    await bot.slashCommand({ command: '/twin', channelId: ws.randomChannelId ?? '' });
    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error).toMatchObject({
        code: ErrorCode.PlatformError,
        data: { ok: false, error: 'not_in_channel' },
      });
    }
  });

  it('lets a response_url be used five times, then answers 404', async () => {
    const outcomes: string[] = [];
    const { bot } = await startHttpApp((app) => {
      app.command('/twin', async ({ ack, respond }) => {
        await ack();
        for (let i = 1; i <= 6; i += 1) {
          await respond(`update ${i}`).then(
            () => outcomes.push('ok'),
            (e: unknown) => outcomes.push(e instanceof Error ? e.message : 'error'),
          );
        }
      });
    });
    const res = await bot.slashCommand({ command: '/twin' });
    expect(outcomes.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(outcomes[5]).toMatch(/404/);
    expect(slack.responses(res.responseUrl).map((p) => p.status)).toEqual([200, 200, 200, 200, 200, 404]);
  });
});

describe('Socket Mode with the real Bolt App', () => {
  async function startSocketApp(register: (app: App) => void): Promise<App> {
    const logger = quietLogger();
    const clientOptions = { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } };
    // A custom receiver is the only way to shorten the reconnect delay (clientPingTimeout).
    const receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger,
      clientPingTimeout: 1000,
      installerOptions: { clientOptions },
    });
    const app = new App({
      token: slack.workspace().botToken,
      receiver,
      logger,
      clientOptions,
      deferInitialization: true,
    });
    await app.init();
    register(app);
    await app.start();
    apps.push(app);
    await slack.socket.waitForConnection(1);
    return app;
  }

  it('receives a slash command envelope and acks it with a payload', async () => {
    await startSocketApp((app) => {
      app.command('/twin', async ({ ack, command }) => {
        await ack({ text: `Got ${command.text}` });
      });
    });
    expect(slack.callCount('apps.connections.open')).toBe(1);
    expect(slack.calls('apps.connections.open')[0]?.token).toBe(slack.appToken);

    const envelope = slack.socket.slashCommand({ command: '/twin', text: 'towns' });
    const ack = await envelope.waitForAck();
    expect(ack.payload).toEqual({ text: 'Got towns' });
    expect(slack.socket.acks).toHaveLength(1);
  });

  it('reconnects through apps.connections.open after the socket drops', async () => {
    const texts: string[] = [];
    await startSocketApp((app) => {
      app.command('/twin', async ({ ack, command }) => {
        texts.push(command.text);
        await ack();
      });
    });
    await slack.socket.slashCommand({ command: '/twin', text: 'before' }).waitForAck();

    expect(slack.socket.drop('terminate')).toBe(1);
    await slack.socket.waitForConnection(2);
    expect(slack.callCount('apps.connections.open')).toBe(2);

    const after = await slack.socket.slashCommand({ command: '/twin', text: 'after' }).waitForAck();
    expect(after.payload).toEqual({});
    expect(texts).toEqual(['before', 'after']);
  });

  it('follows a disconnect message, and re-delivers an event with retry_attempt', async () => {
    const seen: { retryNum: number | undefined; eventId: unknown }[] = [];
    await startSocketApp((app) => {
      app.event('app_mention', async ({ context, body }) => {
        seen.push({ retryNum: context.retryNum, eventId: body.event_id });
        await Promise.resolve();
      });
    });
    slack.socket.drop('disconnect');
    await slack.socket.waitForConnection(2);

    const first = slack.socket.appMention({ text: 'hi' });
    await first.waitForAck();
    const retry = slack.socket.resend(first, 'timeout');
    await retry.waitForAck();
    expect(retry.retryAttempt).toBe(1);
    expect(seen).toEqual([
      { retryNum: 0, eventId: first.eventId },
      { retryNum: 1, eventId: first.eventId },
    ]);
  });

  it('re-delivers an event that arrived while the socket was down, after the reconnect', async () => {
    const seen: (number | undefined)[] = [];
    await startSocketApp((app) => {
      app.event('app_mention', async ({ context }) => {
        seen.push(context.retryNum);
        await Promise.resolve();
      });
    });
    slack.socket.drop('terminate');
    const missed = slack.socket.appMention({ text: 'while offline' });
    expect(missed.delivered).toBe(false);

    await slack.socket.waitForConnection(2);
    const [redelivered] = slack.socket.resendUnacked();
    expect(redelivered).toMatchObject({ delivered: true, retryAttempt: 1, eventId: missed.eventId });
    await redelivered?.waitForAck();
    expect(seen).toEqual([1]);
    expect(slack.socket.resendUnacked()).toEqual([]);
  });

  it('connects with the plain socketMode option, which forwards clientOptions to the socket client', async () => {
    const app = new App({
      token: slack.workspace().botToken,
      appToken: slack.appToken,
      socketMode: true,
      deferInitialization: true,
      logger: quietLogger(),
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    });
    await app.init();
    app.command('/twin', async ({ ack }) => {
      await ack({ text: 'pong' });
    });
    await app.start();
    apps.push(app);
    const ack = await slack.socket.slashCommand({ command: '/twin' }).waitForAck();
    expect(ack.payload).toEqual({ text: 'pong' });
  });
});

describe('OAuth v2 install with the real Bolt installer', () => {
  it('installs two workspaces through install page, authorize and oauth_redirect', async () => {
    slack.addWorkspace({ teamId: 'T0002', teamName: 'Partnerstadt', installed: false });
    slack.addWorkspace({ teamId: 'T0003', teamName: 'Jumelage', installed: false });
    const installations = new Map<string, Installation>();
    const installationStore: InstallationStore = {
      storeInstallation: async (installation) => {
        installations.set(installation.team?.id ?? '', installation);
        await Promise.resolve();
      },
      fetchInstallation: async (query: InstallationQuery<boolean>) => {
        const found = installations.get(query.teamId ?? '');
        if (found === undefined) throw new Error(`no installation for ${query.teamId ?? '?'}`);
        return Promise.resolve(found);
      },
    };
    const posts: string[] = [];
    const app = new App({
      signingSecret: slack.signingSecret,
      clientId: slack.clientId,
      clientSecret: slack.clientSecret,
      stateSecret: 'emulator-state-secret',
      scopes: ['chat:write', 'commands', 'app_mentions:read'],
      installationStore,
      installerOptions: { authorizationUrl: slack.authorizeUrl, directInstall: true },
      processBeforeResponse: true,
      logger: quietLogger(),
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    });
    app.event('app_mention', async ({ event, say, context }) => {
      posts.push(context.botToken ?? '');
      await say(`hi from ${event.team ?? '?'}`);
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // The bot token of an uninstalled workspace is not valid yet.
    const web = new WebClient(slack.workspace('T0002').botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(web.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });

    for (const teamId of ['T0002', 'T0003']) {
      const result = await slack.completeOAuthInstall({ installUrl: `${base}/slack/install`, teamId });
      expect(result.status).toBe(200);
    }
    expect([...installations.keys()]).toEqual(['T0002', 'T0003']);
    expect(installations.get('T0003')).toMatchObject({
      team: { id: 'T0003', name: 'Jumelage' },
      enterprise: undefined,
      isEnterpriseInstall: false,
      appId: slack.appId,
      bot: {
        token: slack.workspace('T0003').botToken,
        userId: slack.workspace('T0003').botUserId,
        id: slack.workspace('T0003').botId,
        scopes: ['chat:write', 'commands', 'app_mentions:read'],
      },
    });
    const exchanges = slack.calls('oauth.v2.access');
    expect(exchanges.map((c) => c.status)).toEqual([200, 200]);
    // A code is single-use.
    const replay = await new WebClient(undefined, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    }).oauth.v2
      .access({
        client_id: slack.clientId,
        client_secret: slack.clientSecret,
        code: String(exchanges[0]?.args['code']),
      })
      .catch((e: unknown) => e);
    expect(replay).toMatchObject({ data: { error: 'invalid_code' } });

    // Events from the second workspace are answered with that workspace's token.
    const delivery = await slack.http(`${base}/slack/events`).appMention({ teamId: 'T0003', text: 'hello' });
    expect(delivery.status).toBe(200);
    expect(posts).toEqual([slack.workspace('T0003').botToken]);
    const [post] = slack.calls('chat.postMessage');
    expect(post).toMatchObject({ teamId: 'T0003', token: slack.workspace('T0003').botToken, status: 200 });
    expect(slack.messages(slack.workspace('T0003').generalChannelId)).toMatchObject([
      { text: 'hi from T0003' },
    ]);
  });

  it('follows the default landing page link and refuses a callback without the state cookie', async () => {
    slack.addWorkspace({ teamId: 'T0004', installed: false });
    const stored: Installation[] = [];
    const app = new App({
      signingSecret: slack.signingSecret,
      clientId: slack.clientId,
      clientSecret: slack.clientSecret,
      stateSecret: 'emulator-state-secret',
      scopes: ['chat:write'],
      installationStore: {
        storeInstallation: async (i) => {
          stored.push(i);
          await Promise.resolve();
        },
        fetchInstallation: () => Promise.reject(new Error('unused')),
      },
      installerOptions: { authorizationUrl: slack.authorizeUrl },
      logger: quietLogger(),
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const forged = await fetch(
      `${base}/slack/oauth_redirect?code=${slack.issueOAuthCode('T0004')}&state=forged`,
    );
    expect(forged.status).not.toBe(200);
    expect(slack.callCount('oauth.v2.access')).toBe(0);

    const result = await slack.completeOAuthInstall({ installUrl: `${base}/slack/install`, teamId: 'T0004' });
    expect(result.status).toBe(200);
    expect(stored).toMatchObject([{ team: { id: 'T0004' }, bot: { scopes: ['chat:write'] } }]);
  });

  it('exchanges a hand-issued code when the callback is called directly', async () => {
    slack.addWorkspace({ teamId: 'T0009', installed: false });
    const stored: Installation[] = [];
    const app = new App({
      signingSecret: slack.signingSecret,
      clientId: slack.clientId,
      clientSecret: slack.clientSecret,
      scopes: ['chat:write'],
      installationStore: {
        storeInstallation: async (i) => {
          stored.push(i);
          await Promise.resolve();
        },
        fetchInstallation: () => Promise.reject(new Error('unused')),
      },
      installerOptions: { stateVerification: false },
      logger: quietLogger(),
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    const code = slack.issueOAuthCode('T0009');
    const res = await fetch(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/oauth_redirect?code=${code}`,
    );
    expect(res.status).toBe(200);
    expect(stored).toMatchObject([
      { team: { id: 'T0009' }, bot: { token: slack.workspace('T0009').botToken } },
    ]);
  });
});
