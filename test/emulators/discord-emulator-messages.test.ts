/**
 * Members writing, editing, deleting and reacting in the Discord emulator, threads, the bot's
 * reactions and history reads, through the real discord.js Client: the gateway events a relay
 * bot receives (gated by intents and the privileged Message Content switch, with 4014 for an
 * intent the app has not enabled) and the REST answers it gets.
 */

import { once } from 'node:events';

import type {
  APIMessage,
  ClientOptions,
  GatewayDispatchPayload,
  Message,
  TextChannel,
  ThreadChannel,
} from 'discord.js';
import { Client, DiscordAPIError, Events, GatewayIntentBits, PermissionFlagsBits, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DiscordEmulatorOptions } from './discord/discord-emulator.ts';
import { DiscordEmulator } from './discord/discord-emulator.ts';
import { DEFAULT_BOT_PERMISSIONS } from './discord/state.ts';

const I = GatewayIntentBits;
const RELAY_INTENTS = [I.Guilds, I.GuildMessages, I.GuildMessageReactions, I.MessageContent];

const PASSAU: DiscordEmulatorOptions['guilds'] = [
  {
    name: 'Passau',
    channels: [{ name: 'partnerstadt' }, { name: 'general' }],
    members: [
      {
        username: 'max',
        globalName: 'Max Huber',
        nick: 'Max (Rathaus)',
        avatar: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      },
      { username: 'lena', globalName: 'Lena' },
    ],
  },
];

let discord: DiscordEmulator;
let clients: Client[] = [];

async function start(
  options: DiscordEmulatorOptions = {},
  intents: number[] = RELAY_INTENTS,
  clientOptions: Partial<ClientOptions> = {},
): Promise<Client> {
  discord = await DiscordEmulator.start({
    guilds: PASSAU,
    privilegedIntents: { messageContent: true },
    ...options,
  });
  const client = new Client({ intents, ...clientOptions, rest: { api: discord.apiUrl } });
  clients.push(client);
  const ready = once(client, Events.ClientReady);
  await client.login('emulated-token');
  await ready;
  return client;
}

function channel(client: Client, name: string): TextChannel {
  const found = client.channels.cache.get(discord.channelId(name));
  if (!found?.isTextBased() || found.isDMBased()) throw new Error(`no #${name}`);
  return found as TextChannel;
}

/** Resolves with the next message the client emits. */
function nextMessage(client: Client): Promise<Message> {
  return new Promise((resolve) => client.once(Events.MessageCreate, resolve));
}

/** Every dispatch the client received, by event name. */
function rawEvents(client: Client): string[] {
  const seen: string[] = [];
  client.on(Events.Raw, (packet: GatewayDispatchPayload) => seen.push(packet.t));
  return seen;
}

beforeEach(() => {
  clients = [];
});

afterEach(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  await discord.stop();
});

describe('members writing', () => {
  it('delivers author, member nick, mentions, a reply and an attachment as MESSAGE_CREATE', async () => {
    const client = await start();
    const firstSeen = nextMessage(client);
    const first = discord.memberWrites({
      channel: 'partnerstadt',
      user: 'lena',
      content: 'Wann ist das Fest?',
    });
    await firstSeen;
    const seen = nextMessage(client);
    const lena = discord.userId('lena');
    discord.memberWrites({
      guild: 'Passau',
      channel: 'partnerstadt',
      user: 'max',
      content: `Am Samstag, <@${lena}>!`,
      replyTo: first.id,
      attachments: [{ filename: 'plan.txt', data: 'Programm', contentType: 'text/plain' }],
    });
    const message = await seen;
    expect(message.author).toMatchObject({
      username: 'max',
      globalName: 'Max Huber',
      avatar: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      bot: false,
    });
    expect(message.member?.nickname).toBe('Max (Rathaus)');
    expect(message.guildId).toBe(discord.guildId('Passau'));
    expect(message.channelId).toBe(discord.channelId('partnerstadt'));
    expect(message.content).toBe(`Am Samstag, <@${lena}>!`);
    expect(message.mentions.users.map((u) => u.username)).toEqual(['lena']);
    expect(message.reference?.messageId).toBe(first.id);
    expect(message.webhookId).toBeNull();
    const attachment = message.attachments.first();
    expect(attachment).toMatchObject({ name: 'plan.txt', size: 8, contentType: 'text/plain' });
    expect(attachment?.proxyURL).toBe(attachment?.url);
    expect(await (await fetch(attachment?.url ?? '')).text()).toBe('Programm');
  });

  it('serves attachments at signed URLs that expire, signed anew when the message is fetched', async () => {
    const client = await start();
    const seen = nextMessage(client);
    const sent = discord.memberWrites({
      channel: 'partnerstadt',
      user: 'max',
      content: 'Plan',
      attachments: [{ filename: 'plan.txt', data: 'Programm', contentType: 'text/plain' }],
    });
    const url = new URL((await seen).attachments.first()?.url ?? '');
    // reference.mdx, "Signed Attachment CDN URLs": ex and is as hex timestamps, hm the signature.
    expect(url.searchParams.get('ex')).toMatch(/^[0-9a-f]+$/);
    expect(url.searchParams.get('is')).toMatch(/^[0-9a-f]+$/);
    expect(url.searchParams.get('hm')).toMatch(/^[0-9a-f]+$/);
    const unsigned = new URL(url);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(404);
    discord.advanceCdnClock(25 * 60 * 60_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe('This content is no longer available.');
    const channel = discord.channelId('partnerstadt');
    const fetched = (await client.rest.get(Routes.channelMessage(channel, sent.id))) as APIMessage;
    const fresh = fetched.attachments[0]?.url ?? '';
    expect(fresh).not.toBe(url.toString());
    expect(await (await fetch(fresh)).text()).toBe('Programm');
    discord.memberDeletes(sent.id);
    expect((await fetch(fresh)).status).toBe(404);
  });

  it('passes edits and deletes on as MESSAGE_UPDATE and MESSAGE_DELETE', async () => {
    const client = await start();
    const seen = nextMessage(client);
    const sent = discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: 'Servus' });
    await seen;
    const updated = once(client, Events.MessageUpdate) as Promise<[Message, Message]>;
    discord.memberEdits(sent.id, 'Servus, Krumlov!');
    const [, after] = await updated;
    expect(after.content).toBe('Servus, Krumlov!');
    expect(after.editedTimestamp).not.toBeNull();
    const deleted = once(client, Events.MessageDelete) as Promise<[Message]>;
    discord.memberDeletes(sent.id);
    expect((await deleted)[0].id).toBe(sent.id);
    expect(discord.channelView('partnerstadt')).toEqual([]);
    expect(discord.channelView('partnerstadt', { includeDeleted: true })[0]).toMatchObject({
      content: 'Servus, Krumlov!',
      edited: true,
      deleted: true,
    });
  });

  it('blanks content, embeds and attachments for a session without the Message Content intent', async () => {
    const client = await start({}, [I.Guilds, I.GuildMessages]);
    const seen = nextMessage(client);
    discord.memberWrites({
      channel: 'partnerstadt',
      user: 'max',
      content: 'geheim',
      attachments: [{ filename: 'a.txt', data: 'x' }],
    });
    const message = await seen;
    expect(message.content).toBe('');
    expect(message.attachments.size).toBe(0);
    expect(message.author.username).toBe('max');
  });

  it('sends no message or reaction events to a session without GuildMessages and GuildMessageReactions', async () => {
    const client = await start({}, [I.Guilds]);
    const events = rawEvents(client);
    const thread = once(client, Events.ThreadCreate);
    const sent = discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: 'Hallo' });
    discord.memberReacts(sent.id, 'lena', '👋');
    // THREAD_CREATE (Guilds intent) follows on the same socket: had MESSAGE_CREATE been sent, it came first.
    discord.memberStartsThread({ channel: 'partnerstadt', user: 'max', name: 'Fest' });
    await thread;
    expect(events).toContain('THREAD_CREATE');
    expect(events).not.toContain('MESSAGE_CREATE');
    expect(events).not.toContain('MESSAGE_REACTION_ADD');
  });
});

describe('privileged intents', () => {
  it('closes IDENTIFY with 4014 when the app has not enabled Message Content, and accepts it once enabled', async () => {
    discord = await DiscordEmulator.start({ guilds: PASSAU });
    const refused = new Client({ intents: RELAY_INTENTS, rest: { api: discord.apiUrl } });
    clients.push(refused);
    const disconnected = once(refused, Events.ShardDisconnect) as Promise<[{ code: number }]>;
    void refused.login('emulated-token').catch(() => undefined);
    expect((await disconnected)[0].code).toBe(4014);
    expect(discord.gatewayStats().identifies).toBe(0);

    discord.setPrivilegedIntent('messageContent', true);
    const accepted = new Client({ intents: RELAY_INTENTS, rest: { api: discord.apiUrl } });
    clients.push(accepted);
    const ready = once(accepted, Events.ClientReady);
    await accepted.login('emulated-token');
    await ready;
    // READY's application flags say what is enabled: GATEWAY_MESSAGE_CONTENT_LIMITED (1 << 19).
    expect(accepted.application?.flags.bitfield).toBe(1 << 19);
  });

  it('blanks other people’s content in history when the app lacks Message Content, not the bot’s own', async () => {
    const client = await start({ privilegedIntents: { messageContent: false } }, [I.Guilds]);
    discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: 'von Max' });
    await channel(client, 'partnerstadt').send('vom Bot');
    const fetched = await channel(client, 'partnerstadt').messages.fetch({ limit: 10 });
    expect(fetched.map((m) => m.content)).toEqual(['vom Bot', '']);
  });
});

describe('threads', () => {
  it('announces a member’s thread with THREAD_CREATE and delivers messages written in it', async () => {
    const client = await start();
    const starter = discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: 'Fest?' });
    const created = once(client, Events.ThreadCreate) as Promise<[ThreadChannel, boolean]>;
    const threadId = discord.memberStartsThread({
      channel: 'partnerstadt',
      user: 'max',
      name: 'Stadtfest',
      fromMessage: starter.id,
    });
    const [thread, newlyCreated] = await created;
    expect(newlyCreated).toBe(true);
    expect(thread).toMatchObject({ id: starter.id, name: 'Stadtfest', type: 11 });
    expect(thread.parentId).toBe(discord.channelId('partnerstadt'));
    expect(threadId).toBe(starter.id);

    const seen = nextMessage(client);
    discord.memberWrites({
      channel: 'partnerstadt',
      thread: 'Stadtfest',
      user: 'lena',
      content: 'Ich komme',
    });
    const inThread = await seen;
    expect(inThread.channelId).toBe(threadId);
    expect(inThread.channel.isThread()).toBe(true);
    expect(discord.messageView(starter.id)?.threadId).toBe(threadId);
    expect(discord.channelView(threadId).map((m) => m.content)).toEqual(['Ich komme']);
  });

  it('lets the bot start a thread on a message only with Create Public Threads', async () => {
    const client = await start();
    const seen = nextMessage(client);
    discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: 'Frage' });
    const message = await seen;
    await expect(message.startThread({ name: 'Antworten' })).rejects.toMatchObject({ code: 50013 });
    discord.setBotPermission(PermissionFlagsBits.CreatePublicThreads, true, 'Passau');
    const thread = await message.startThread({ name: 'Antworten' });
    expect(thread.id).toBe(message.id);
    await thread.send('Hier entlang');
    expect(discord.channelView(thread.id).map((m) => m.content)).toEqual(['Hier entlang']);
  });
});

describe('reactions', () => {
  it('delivers members’ reactions and records the bot’s own, with Add Reactions and Unknown Emoji', async () => {
    const client = await start();
    const seen = nextMessage(client);
    const sent = discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: 'Bier?' });
    const message = await seen;

    const added = once(client, Events.MessageReactionAdd) as Promise<
      [{ emoji: { name: string } }, { id: string }]
    >;
    discord.memberReacts(sent.id, 'lena', '🍺');
    const [reaction, user] = await added;
    expect(reaction.emoji.name).toBe('🍺');
    expect(user.id).toBe(discord.userId('lena'));
    const removed = once(client, Events.MessageReactionRemove);
    discord.memberUnreacts(sent.id, 'lena', '🍺');
    await removed;

    await message.react('👍');
    expect(discord.messageView(sent.id)?.reactions).toEqual([
      { emoji: '👍', count: 1, userIds: [discord.botUser.id] },
    ]);
    // The message object over REST carries them too (raw: discord.js would merge them into its cache).
    const raw = (await client.rest.get(Routes.channelMessage(sent.channel_id, sent.id))) as APIMessage;
    expect(raw.reactions).toEqual([
      {
        count: 1,
        count_details: { burst: 0, normal: 1 },
        me: true,
        me_burst: false,
        emoji: { id: null, name: '👍' },
        burst_colors: [],
      },
    ]);
    await message.reactions.cache.get('👍')?.users.remove();
    expect(discord.messageView(sent.id)?.reactions).toEqual([]);
    await expect(message.react('keinemoji')).rejects.toMatchObject({ code: 10014 });

    // Without Add Reactions the bot can only join an emoji someone already used.
    discord.setBotPermission(PermissionFlagsBits.AddReactions, false, 'Passau');
    await expect(message.react('🎉')).rejects.toBeInstanceOf(DiscordAPIError);
    discord.memberReacts(sent.id, 'max', '🎉');
    await message.react('🎉');
    expect(discord.messageView(sent.id)?.reactions.map((r) => r.count)).toEqual([2]);
  });
});

describe('bot reading and deleting', () => {
  it('pages history after an id: the messages right after it, newest first, at most 100', async () => {
    const client = await start();
    const ids = [1, 2, 3, 4, 5].map(
      (i) => discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: `m${i}` }).id,
    );
    const partnerstadt = channel(client, 'partnerstadt');
    const page = await partnerstadt.messages.fetch({ after: ids[0], limit: 2 });
    expect([...page.values()].map((m) => m.content)).toEqual(['m3', 'm2']);
    const before = await partnerstadt.messages.fetch({ before: ids[4], limit: 2 });
    expect([...before.values()].map((m) => m.content)).toEqual(['m4', 'm3']);
    const all = await partnerstadt.messages.fetch({ limit: 100 });
    expect([...all.values()].map((m) => m.content)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);

    discord.setBotPermission(PermissionFlagsBits.ReadMessageHistory, false, 'Passau');
    expect((await partnerstadt.messages.fetch({ limit: 10, cache: false })).size).toBe(0);
  });

  it('lets the bot delete a member’s message with Manage Messages: MESSAGE_DELETE', async () => {
    const client = await start({
      guilds: [
        { ...PASSAU?.[0], botPermissions: DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.ManageMessages },
      ],
    });
    const seen = nextMessage(client);
    const sent = discord.memberWrites({ channel: 'partnerstadt', user: 'max', content: 'Spam' });
    const message = await seen;
    await expect(message.delete()).rejects.toMatchObject({ code: 50013 });
    discord.setBotPermission(PermissionFlagsBits.ManageMessages, true, 'Passau');
    const deleted = once(client, Events.MessageDelete);
    await message.delete();
    await deleted;
    expect(discord.messageView(sent.id)?.deleted).toBe(true);
  });
});
