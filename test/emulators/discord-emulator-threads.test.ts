/**
 * Archived threads in the Discord emulator, through the real discord.js Client and WebhookClient
 * (developers/topics/threads.mdx, "Active & Archived Threads"): Discord archives a thread after
 * its inactivity; it is then left out of List Active Guild Threads and GUILD_CREATE, still fetched
 * by id with its messages; members cannot edit or react there, only delete; a message sent in it
 * (by a member, or a webhook with `thread_id`) unarchives it, with THREAD_UPDATE each time.
 */

import { once } from 'node:events';

import type { AnyThreadChannel, TextChannel } from 'discord.js';
import { Client, Events, GatewayIntentBits, PermissionFlagsBits, WebhookClient } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';

import { useDiscordEmulator } from './discord-emulator-fixture.ts';
import { DEFAULT_BOT_PERMISSIONS } from './discord/state.ts';

const I = GatewayIntentBits;
const rig = useDiscordEmulator();
let hooks: WebhookClient[] = [];

afterEach(() => {
  for (const hook of hooks) hook.destroy();
  hooks = [];
});

/** Passau's #partnerstadt on the emulator, a client in it, and Max's thread on his message. */
async function threadInPartnerstadt(): Promise<{ client: Client; parent: TextChannel; threadId: string }> {
  const client = await rig.start(
    {
      guilds: [
        {
          name: 'Passau',
          channels: [{ name: 'partnerstadt' }],
          members: [{ username: 'max', globalName: 'Max' }],
          botPermissions: DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.ManageWebhooks,
        },
      ],
      privilegedIntents: { messageContent: true },
    },
    { intents: [I.Guilds, I.GuildMessages, I.MessageContent] },
  );
  const { discord } = rig;
  const starter = discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: 'Wer kommt?' });
  const created = once(client, Events.ThreadCreate);
  const threadId = discord.memberStartsThread({
    channel: 'partnerstadt',
    user: 'max',
    name: 'Wer kommt',
    fromMessage: starter.id,
  });
  await created;
  const parent = client.channels.cache.get(discord.channelId('partnerstadt')) as TextChannel;
  return { client, parent, threadId };
}

/** The thread's next THREAD_UPDATE, as discord.js emits it: the thread after the change. */
async function nextThreadUpdate(client: Client): Promise<AnyThreadChannel> {
  const [, after] = (await once(client, Events.ThreadUpdate)) as [AnyThreadChannel, AnyThreadChannel];
  return after;
}

describe('archived threads', () => {
  it('are left out of the active ones, and still fetched by id with their messages', async () => {
    const { client, parent, threadId } = await threadInPartnerstadt();
    const { discord } = rig;
    const reply = discord.memberWrites({
      channel: 'partnerstadt',
      thread: threadId,
      user: 'max',
      content: 'Ich komme',
    });
    const update = nextThreadUpdate(client);
    discord.threadArchives(threadId);
    expect((await update).archived).toBe(true);

    const { threads } = await parent.threads.fetchActive();
    expect([...threads.keys()]).not.toContain(threadId);
    const fetched = await client.channels.fetch(threadId, { force: true });
    if (!fetched?.isThread()) throw new Error('not a thread');
    expect(fetched.archived).toBe(true);
    expect(fetched.parentId).toBe(parent.id);
    const messages = await fetched.messages.fetch({ limit: 100 });
    expect(messages.map((m) => m.content)).toEqual(['Ich komme']);

    // Archived threads are immutable to members but for deletes.
    expect(() => discord.memberEdits(reply.id, 'Ich komme doch nicht')).toThrow(/archived thread/);
    expect(() => discord.memberReacts(reply.id, 'max', '👍')).toThrow(/archived thread/);
    discord.memberDeletes(reply.id);
    expect(discord.channelView(threadId)).toEqual([]);

    // A client connecting now gets only the active threads with its GUILD_CREATE.
    const late = rig.track(new Client({ intents: [I.Guilds], rest: { api: discord.apiUrl } }));
    const ready = once(late, Events.ClientReady);
    await late.login('emulated-token');
    await ready;
    expect(late.channels.cache.has(threadId)).toBe(false);
  });

  it('are unarchived by a member writing in them, and by a webhook posting there', async () => {
    const { client, parent, threadId } = await threadInPartnerstadt();
    const { discord } = rig;
    /** Discord archives the thread; resolves once the client saw it. */
    const archived = async () => {
      const seen = nextThreadUpdate(client);
      discord.threadArchives(threadId);
      expect((await seen).archived).toBe(true);
    };
    await archived();
    let update = nextThreadUpdate(client);
    discord.memberWrites({ channel: 'partnerstadt', thread: threadId, user: 'max', content: 'Doch noch' });
    expect((await update).archived).toBe(false);
    const active = await parent.threads.fetchActive();
    expect([...active.threads.keys()]).toContain(threadId);

    await archived();
    const webhook = await parent.createWebhook({ name: 'Twinbridge relay' });
    const hook = new WebhookClient(
      { id: webhook.id, token: webhook.token ?? '' },
      { rest: { api: discord.apiUrl } },
    );
    hooks.push(hook);
    update = nextThreadUpdate(client);
    await hook.send({ content: 'Jana (Český Krumlov): Já taky', username: 'Jana (Český Krumlov)', threadId });
    expect((await update).archived).toBe(false);
    expect(discord.channelView(threadId).map((m) => m.content)).toEqual([
      'Doch noch',
      'Jana (Český Krumlov): Já taky',
    ]);
  });
});
