// The real Bolt App in HTTP mode against the Slack emulator: slash commands, signatures, block actions, modals, events and retries, errors, response_url.
// `app.start({ port: 0, host: '127.0.0.1' })` resolves with the node Server (the port from
// `server.address()`); `processBeforeResponse: true` makes the HTTP answer wait for the listener, so
// assertions need no sleeps. Bolt calls auth.test at construction when given `token` and does not
// await it: with `deferInitialization: true` + `await app.init()` the call is awaited (and can fail loudly).

import type { BlockAction, ButtonAction } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';

import { buttonBlocks, useSlackEmulator } from './slack-emulator-fixture.ts';
import type { HttpDelivery } from './slack/slack-emulator.ts';

const { WebClient, ErrorCode } = webApi;

const rig = useSlackEmulator();

describe('HTTP mode with the real Bolt App', () => {
  it('runs a slash command: ack body, respond() and chat.postMessage', async () => {
    const seen: Record<string, unknown>[] = [];
    const { bot } = await rig.startHttpApp((app) => {
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
    const ws = rig.slack.workspace();
    expect(rig.slack.callCount('auth.test')).toBe(1);

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
      api_app_id: rig.slack.appId,
      response_url: res.responseUrl,
      trigger_id: res.triggerId,
    });
    expect(rig.slack.responses(res.responseUrl)).toMatchObject([
      { body: { text: 'Here is your list', response_type: 'ephemeral' }, use: 1, status: 200 },
    ]);
    expect(rig.slack.messages(ws.generalChannelId)).toMatchObject([
      { text: 'alice asked for help', user: ws.botUserId },
    ]);
  });

  it('rejects a bad signature and a stale timestamp with 401 without running listeners', async () => {
    let runs = 0;
    const { bot, logger } = await rig.startHttpApp((app) => {
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
    const { bot } = await rig.startHttpApp(() => undefined);
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
    const { app, bot } = await rig.startHttpApp((a) => {
      a.action<BlockAction<ButtonAction>>('rsvp_yes', async ({ ack, body, action, respond }) => {
        await ack();
        clicks.push({ value: action.value, container: body.container, messageTs: body.message?.ts });
        await respond({ replace_original: true, text: `RSVP noted for ${action.value ?? '?'}` });
      });
    });
    const ws = rig.slack.workspace();
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
    expect(rig.slack.messages(ws.generalChannelId)).toMatchObject([
      { text: 'RSVP noted for ex-1', edits: 1 },
    ]);
  });

  it('opens a modal with the trigger_id and answers a view_submission with response_action errors', async () => {
    const submissions: unknown[] = [];
    const { bot } = await rig.startHttpApp((app) => {
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
    const [stored] = rig.slack.views();
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
    const web = new WebClient(rig.slack.workspace().botToken, {
      slackApiUrl: rig.slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    const trigger = String(rig.slack.calls('views.open')[0]?.args['trigger_id']);
    await expect(
      web.views.open({
        trigger_id: trigger,
        view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
      }),
    ).rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });
  });

  it('sends a block action from inside a modal with a view container and no response_url', async () => {
    const seen: unknown[] = [];
    const { bot } = await rig.startHttpApp((app) => {
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
    const viewId = rig.slack.views()[0]?.id ?? '';
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
    const { bot } = await rig.startHttpApp((app) => {
      app.event('app_mention', async ({ event, context, say }) => {
        retries.push(context.retryNum);
        if (context.retryNum === undefined) await say(`Hello <@${event.user}>`);
      });
    });
    const ws = rig.slack.workspace();
    const first = await bot.appMention({ text: 'hello' });
    expect(first.status).toBe(200);
    expect((first.payload['event'] as { text: string }).text).toBe(`<@${ws.botUserId}> hello`);
    const again: HttpDelivery = await bot.retry(first, { retryNum: 1 });
    expect(again.status).toBe(200);
    expect(retries).toEqual([undefined, 1]);
    expect(rig.slack.messages(ws.generalChannelId)).toMatchObject([{ text: `Hello <@${ws.defaultUserId}>` }]);
  });

  it('surfaces a 429 on chat.postMessage as a rate-limit error with retryAfter', async () => {
    const errors: unknown[] = [];
    const { bot } = await rig.startHttpApp(
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
    rig.slack.failNext('chat.postMessage', { type: 'rate_limited', retryAfter: 3 });
    await bot.slashCommand({ command: '/twin' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 3 });
    expect(rig.slack.calls('chat.postMessage')[0]).toMatchObject({ status: 429 });
  });

  it('surfaces not_in_channel as a platform error', async () => {
    const errors: unknown[] = [];
    const { bot } = await rig.startHttpApp((app) => {
      app.command('/twin', async ({ ack, command, client }) => {
        await ack();
        await client.chat.postMessage({ channel: command.channel_id, text: 'x' }).catch((e: unknown) => {
          errors.push(e);
        });
      });
    });
    const ws = rig.slack.workspace();
    rig.slack.failChannel(ws.generalChannelId ?? '', 'not_in_channel');
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
    const { bot } = await rig.startHttpApp((app) => {
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
    expect(rig.slack.responses(res.responseUrl).map((p) => p.status)).toEqual([200, 200, 200, 200, 200, 404]);
  });
});
