// Reactions in the Slack emulator (test/emulators/slack/reactions.ts) through the real Bolt App
// and WebClient: members' reactions and the bot's own as reaction_added / reaction_removed
// events, reactions.add / remove / get with their documented errors, the scopes they need, and
// the `reactions` a message shows in history.

import { afterEach, describe, expect, it } from 'vitest';
import { emulatorWithBolt } from './slack/bolt-listener.ts';

const SCOPES = ['chat:write', 'channels:history', 'reactions:read', 'reactions:write'];

async function started(scopes: readonly string[] = SCOPES) {
  const t = await emulatorWithBolt({ scopes }, ['reaction_added', 'reaction_removed']);
  const user = t.ws.defaultUserId;
  const message = await t.slack.members.writes({ channel: t.general, user, text: 'Ahoj!' });
  return { ...t, user, ts: message.ts };
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
