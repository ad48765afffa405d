// Members writing in the Slack emulator and the message events the real Bolt App gets
// (test/emulators/slack/member-messages.ts): new messages, thread replies and file shares,
// message_changed with message and previous_message, message_deleted with deleted_ts, the bot's
// own posts with bot_id (bot_message under a custom name, which needs chat:write.customize);
// nothing for an app not subscribed, or without the channel's history scope. Bolt runs in HTTP
// mode with processBeforeResponse, so a write resolves once the listener has the event.

import { afterEach, describe, expect, it } from 'vitest';
import { emulatorWithBolt } from './slack/bolt-listener.ts';
import type { WorkspaceInput } from './slack/slack-emulator.ts';

const SCOPES = ['chat:write', 'channels:history', 'groups:history', 'users:read'];

const started = (workspace: Partial<WorkspaceInput> = {}) =>
  emulatorWithBolt({ scopes: SCOPES, ...workspace }, ['message']);

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('members writing in the Slack emulator', () => {
  it('sends the documented message events to a subscribed app', async () => {
    const t = await started();
    stop = t.stop;
    t.slack.members.subscribe(['message.channels', 'message.groups']);
    const user = t.ws.defaultUserId;
    const root = await t.slack.members.writes({ channel: t.general, user, text: 'hello *all*' });
    await t.slack.members.writes({ channel: t.general, user, text: 'in the thread', threadTs: root.ts });
    await t.slack.members.writes({ channel: t.general, user, text: 'a plan', files: [{ name: 'plan.pdf' }] });
    await t.slack.members.edits(t.general, root.ts, 'hello *everyone*');
    await t.slack.members.deletes(t.general, root.ts);
    expect(t.events).toMatchObject([
      {
        type: 'message',
        channel: t.general,
        channel_type: 'channel',
        user,
        text: 'hello *all*',
        ts: root.ts,
      },
      { text: 'in the thread', thread_ts: root.ts },
      { subtype: 'file_share', files: [{ name: 'plan.pdf' }] },
      {
        subtype: 'message_changed',
        hidden: true,
        message: { ts: root.ts, text: 'hello *everyone*' },
        previous_message: { ts: root.ts, text: 'hello *all*' },
      },
      { subtype: 'message_deleted', deleted_ts: root.ts, previous_message: { text: 'hello *everyone*' } },
    ]);
    const share = t.events[2] as { files: { url_private: string }[] };
    expect(share.files[0]?.url_private).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files-pri\/T0001-F/);
    // The edit's edited.ts is the event's own ts.
    const edit = t.events[3] as { ts: string; message: { edited: { ts: string } } };
    expect(edit.message.edited.ts).toBe(edit.ts);
    expect(t.events[4]).not.toHaveProperty('user');
  });

  it('sends the bot’s own posts back with bot_id, under a custom name only with chat:write.customize', async () => {
    const t = await started({ scopes: [...SCOPES, 'chat:write.customize'] });
    stop = t.stop;
    t.slack.members.subscribe(['message.channels']);
    const posted = await t.client.chat.postMessage({
      channel: t.general,
      text: 'a copy',
      username: 'jana (Český Krumlov)',
      icon_url: 'https://example.org/jana.png',
      metadata: { event_type: 'twinbridge_delivery', event_payload: { delivery_id: 'd1' } },
    });
    await t.client.chat.update({ channel: t.general, ts: posted.ts ?? '', text: 'a copy, edited' });
    await t.slack.members.settled();
    expect(t.events).toMatchObject([
      { subtype: 'bot_message', bot_id: t.ws.botId, username: 'jana (Český Krumlov)', text: 'a copy' },
      { subtype: 'message_changed', message: { bot_id: t.ws.botId, text: 'a copy, edited' } },
    ]);
    const history = await t.client.conversations.history({ channel: t.general, include_all_metadata: true });
    expect(history.messages?.[0]?.metadata).toMatchObject({ event_payload: { delivery_id: 'd1' } });
  });

  it('ignores username and icon_url without chat:write.customize, as Slack does', async () => {
    const t = await started();
    stop = t.stop;
    await t.client.chat.postMessage({ channel: t.general, text: 'plain', username: 'someone else' });
    const stored = t.slack.messages(t.general).at(-1);
    expect(stored?.text).toBe('plain');
    expect(stored?.username).toBeUndefined();
  });

  it('sends nothing to an app not subscribed, or without the channel’s history scope', async () => {
    const t = await started({ scopes: ['chat:write', 'groups:history'] });
    stop = t.stop;
    const user = t.ws.defaultUserId;
    await t.slack.members.writes({ channel: t.general, user, text: 'unsubscribed' });
    t.slack.members.subscribe(['message.channels', 'message.groups']);
    await t.slack.members.writes({ channel: t.general, user, text: 'no channels:history' });
    const secret = t.slack.addChannel({ name: 'secret', isPrivate: true }).id;
    await t.slack.members.writes({ channel: secret, user, text: 'private' });
    expect(t.events).toMatchObject([{ channel: secret, channel_type: 'group', text: 'private' }]);
  });

  it('answers a thread with conversations.replies and leaves replies out of the history', async () => {
    const t = await started();
    stop = t.stop;
    const user = t.ws.defaultUserId;
    const root = await t.slack.members.writes({ channel: t.general, user, text: 'root' });
    await t.slack.members.writes({ channel: t.general, user, text: 'reply', threadTs: root.ts });
    const replies = await t.client.conversations.replies({ channel: t.general, ts: root.ts });
    expect(replies.messages?.map((m) => m.text)).toEqual(['root', 'reply']);
    const history = await t.client.conversations.history({ channel: t.general });
    expect(history.messages?.map((m) => m.text)).toEqual(['root']);
    await expect(
      t.client.conversations.replies({ channel: t.general, ts: '1.000001' }),
    ).rejects.toMatchObject({
      data: { error: 'thread_not_found' },
    });
  });

  it('pages conversations.history newest first between oldest and latest, both exclusive', async () => {
    const t = await started();
    stop = t.stop;
    const user = t.ws.defaultUserId;
    const written = [];
    for (const text of ['one', 'two', 'three', 'four', 'five']) {
      written.push(await t.slack.members.writes({ channel: t.general, user, text }));
    }
    const [one, , three, , five] = written.map((m) => m.ts);
    const first = await t.client.conversations.history({ channel: t.general, oldest: one, limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['five', 'four']);
    expect(first.has_more).toBe(true);
    const next = await t.client.conversations.history({
      channel: t.general,
      oldest: one,
      latest: first.messages?.at(-1)?.ts ?? '',
      limit: 2,
    });
    expect(next.messages?.map((m) => m.text)).toEqual(['three', 'two']);
    expect(next.has_more).toBe(false);
    const between = await t.client.conversations.history({ channel: t.general, oldest: three, latest: five });
    expect(between.messages?.map((m) => m.text)).toEqual(['four']);
  });
});
