// Reactions in the Slack emulator (test/emulators/slack/reactions.ts) through the real Bolt App
// and WebClient: members' reactions and the bot's own as reaction_added / reaction_removed
// events, reactions.add / remove / get with their documented errors, the scopes they need, and
// the `reactions` a message shows in history.

import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackEmulator } from './slack/slack-emulator.ts';

const { WebClient } = webApi;

const SCOPES = ['chat:write', 'channels:history', 'reactions:read', 'reactions:write'];

async function started(scopes: readonly string[] = SCOPES) {
  const slack = await SlackEmulator.start({ workspaces: [{ teamId: 'T0001', scopes }] });
  const ws = slack.workspace();
  const app = new App({
    token: ws.botToken,
    signingSecret: slack.signingSecret,
    processBeforeResponse: true,
    deferInitialization: true,
    ignoreSelf: false,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  const events: Record<string, unknown>[] = [];
  for (const name of ['reaction_added', 'reaction_removed'] as const) {
    app.event(name, async ({ event }) => {
      events.push(event as unknown as Record<string, unknown>);
      await Promise.resolve();
    });
  }
  await app.init();
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
  slack.members.deliverTo(`http://127.0.0.1:${server.address().port}/slack/events`);
  const client = new WebClient(ws.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  const general = ws.generalChannelId ?? '';
  const user = ws.defaultUserId;
  const message = await slack.members.writes({ channel: general, user, text: 'Ahoj!' });
  const stop = async () => {
    await app.stop();
    await slack.stop();
  };
  return { slack, ws, events, client, general, user, ts: message.ts, stop };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const slackError = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (error: unknown) => (error as { data?: { error?: string } }).data?.error,
  );

describe('reactions in the Slack emulator', () => {
  it('sends reaction events for members and for the bot, to an app subscribed to them', async () => {
    const t = await started();
    stop = t.stop;
    t.slack.members.subscribe(['reaction_added', 'reaction_removed']);
    await t.slack.members.reacts(t.general, t.ts, t.user, 'thumbsup');
    await t.client.reactions.add({ channel: t.general, timestamp: t.ts, name: 'heart' });
    await t.slack.members.settled();
    await t.slack.members.unreacts(t.general, t.ts, t.user, 'thumbsup');
    expect(t.events).toMatchObject([
      {
        type: 'reaction_added',
        user: t.user,
        reaction: 'thumbsup',
        item_user: t.user,
        item: { type: 'message', channel: t.general, ts: t.ts },
      },
      { type: 'reaction_added', user: t.ws.botUserId, reaction: 'heart' },
      { type: 'reaction_removed', user: t.user, reaction: 'thumbsup' },
    ]);
  });

  it('sends none to an app not subscribed, or without reactions:read', async () => {
    const t = await started(['chat:write', 'channels:history', 'reactions:write']);
    stop = t.stop;
    await t.slack.members.reacts(t.general, t.ts, t.user, 'thumbsup');
    t.slack.members.subscribe(['reaction_added']);
    await t.slack.members.reacts(t.general, t.ts, t.user, 'heart');
    expect(t.events).toEqual([]);
  });

  it('shows who reacted in reactions.get and in history, and takes the bot’s reaction back', async () => {
    const t = await started();
    stop = t.stop;
    await t.slack.members.reacts(t.general, t.ts, t.user, '+1::skin-tone-3');
    await t.client.reactions.add({ channel: t.general, timestamp: t.ts, name: '+1::skin-tone-3' });
    const got = await t.client.reactions.get({ channel: t.general, timestamp: t.ts, full: true });
    expect(got.message?.reactions).toEqual([
      { name: '+1::skin-tone-3', users: [t.user, t.ws.botUserId], count: 2 },
    ]);
    await t.client.reactions.remove({ channel: t.general, timestamp: t.ts, name: '+1::skin-tone-3' });
    const history = await t.client.conversations.history({ channel: t.general });
    expect(history.messages?.[0]?.reactions).toEqual([
      { name: '+1::skin-tone-3', users: [t.user], count: 1 },
    ]);
  });

  it('answers the documented errors', async () => {
    const t = await started();
    stop = t.stop;
    const add = (name: string, timestamp = t.ts) =>
      slackError(t.client.reactions.add({ channel: t.general, timestamp, name }));
    expect(await add('thumbsup')).toBe('ok');
    expect(await add('thumbsup')).toBe('already_reacted');
    expect(await add('party_parrot')).toBe('invalid_name');
    t.slack.addCustomEmoji('T0001', 'party_parrot');
    expect(await add('party_parrot')).toBe('ok');
    expect(await add('heart', '1.000001')).toBe('message_not_found');
    expect(
      await slackError(t.client.reactions.remove({ channel: t.general, timestamp: t.ts, name: 'heart' })),
    ).toBe('no_reaction');
  });

  it('needs reactions:write to react and reactions:read to read', async () => {
    const t = await started(['chat:write', 'channels:history']);
    stop = t.stop;
    const added = t.client.reactions.add({ channel: t.general, timestamp: t.ts, name: 'heart' });
    await expect(added).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'reactions:write' },
    });
    const got = t.client.reactions.get({ channel: t.general, timestamp: t.ts });
    await expect(got).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'reactions:read' } });
  });
});
