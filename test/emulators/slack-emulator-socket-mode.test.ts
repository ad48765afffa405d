// The real Bolt App in Socket Mode against the Slack emulator: envelopes and acks, reconnects, disconnect messages, re-delivery.
// `new App({ socketMode: true, appToken })` reconnects 5 s after a drop (clientPingTimeout x failures).
// To tune that, build a SocketModeReceiver yourself with `clientPingTimeout` and
// `installerOptions.clientOptions` (slackApiUrl!) and pass it as `receiver`. On reconnect the client
// calls apps.connections.open again.

import { App, SocketModeReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';

import { quietLogger, useSlackEmulator } from './slack-emulator-fixture.ts';

const rig = useSlackEmulator();

describe('Socket Mode with the real Bolt App', () => {
  async function startSocketApp(register: (app: App) => void): Promise<App> {
    const logger = quietLogger();
    const clientOptions = { slackApiUrl: rig.slack.apiUrl, retryConfig: { retries: 0 } };
    // A custom receiver is the only way to shorten the reconnect delay (clientPingTimeout).
    const receiver = new SocketModeReceiver({
      appToken: rig.slack.appToken,
      logger,
      clientPingTimeout: 1000,
      installerOptions: { clientOptions },
    });
    const app = new App({
      token: rig.slack.workspace().botToken,
      receiver,
      logger,
      clientOptions,
      deferInitialization: true,
    });
    await app.init();
    register(app);
    await app.start();
    rig.track(app);
    await rig.slack.socket.waitForConnection(1);
    return app;
  }

  it('receives a slash command envelope and acks it with a payload', async () => {
    await startSocketApp((app) => {
      app.command('/twin', async ({ ack, command }) => {
        await ack({ text: `Got ${command.text}` });
      });
    });
    expect(rig.slack.callCount('apps.connections.open')).toBe(1);
    expect(rig.slack.calls('apps.connections.open')[0]?.token).toBe(rig.slack.appToken);

    const envelope = rig.slack.socket.slashCommand({ command: '/twin', text: 'towns' });
    const ack = await envelope.waitForAck();
    expect(ack.payload).toEqual({ text: 'Got towns' });
    expect(rig.slack.socket.acks).toHaveLength(1);
  });

  it('reconnects through apps.connections.open after the socket drops', async () => {
    const texts: string[] = [];
    await startSocketApp((app) => {
      app.command('/twin', async ({ ack, command }) => {
        texts.push(command.text);
        await ack();
      });
    });
    await rig.slack.socket.slashCommand({ command: '/twin', text: 'before' }).waitForAck();

    expect(rig.slack.socket.drop('terminate')).toBe(1);
    await rig.slack.socket.waitForConnection(2);
    expect(rig.slack.callCount('apps.connections.open')).toBe(2);

    const after = await rig.slack.socket.slashCommand({ command: '/twin', text: 'after' }).waitForAck();
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
    rig.slack.socket.drop('disconnect');
    await rig.slack.socket.waitForConnection(2);

    const first = rig.slack.socket.appMention({ text: 'hi' });
    await first.waitForAck();
    const retry = rig.slack.socket.resend(first, 'timeout');
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
    rig.slack.socket.drop('terminate');
    const missed = rig.slack.socket.appMention({ text: 'while offline' });
    expect(missed.delivered).toBe(false);

    await rig.slack.socket.waitForConnection(2);
    const [redelivered] = rig.slack.socket.resendUnacked();
    expect(redelivered).toMatchObject({ delivered: true, retryAttempt: 1, eventId: missed.eventId });
    await redelivered?.waitForAck();
    expect(seen).toEqual([1]);
    expect(rig.slack.socket.resendUnacked()).toEqual([]);
  });

  it('connects with the plain socketMode option, which forwards clientOptions to the socket client', async () => {
    const app = new App({
      token: rig.slack.workspace().botToken,
      appToken: rig.slack.appToken,
      socketMode: true,
      deferInitialization: true,
      logger: quietLogger(),
      clientOptions: { slackApiUrl: rig.slack.apiUrl, retryConfig: { retries: 0 } },
    });
    await app.init();
    app.command('/twin', async ({ ack }) => {
      await ack({ text: 'pong' });
    });
    await app.start();
    rig.track(app);
    const ack = await rig.slack.socket.slashCommand({ command: '/twin' }).waitForAck();
    expect(ack.payload).toEqual({ text: 'pong' });
  });
});
