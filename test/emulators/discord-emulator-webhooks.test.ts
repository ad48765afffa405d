/**
 * Channel webhooks in the Discord emulator, through the real discord.js `channel.createWebhook`
 * and `WebhookClient`: Manage Webhooks, posting under a member's name and avatar (files, embeds,
 * allowed mentions, threads), editing and deleting those posts, the 10 MiB file limit, the
 * gateway echo a bridge must filter, and lost answers — Execute Webhook has no nonce, so a
 * retried execution shows twice.
 */

import { once } from 'node:events';

import type { Message, TextChannel } from 'discord.js';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  PermissionFlagsBits,
  WebhookClient,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DiscordEmulatorOptions } from './discord/discord-emulator.ts';
import { DiscordEmulator } from './discord/discord-emulator.ts';
import { DEFAULT_BOT_PERMISSIONS } from './discord/state.ts';

const I = GatewayIntentBits;
const KRUMLOV: DiscordEmulatorOptions['guilds'] = [
  {
    name: 'Český Krumlov',
    channels: [{ name: 'partneri' }, { name: 'partneri-vlakno', kind: 'thread', parent: 'partneri' }],
    members: [{ username: 'jana', globalName: 'Jana' }],
    botPermissions: DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.ManageWebhooks,
  },
];
const AVATAR = 'https://cdn.example.org/avatars/max.png';

let discord: DiscordEmulator;
let client: Client;
let webhookClients: WebhookClient[] = [];

async function start(options: DiscordEmulatorOptions = {}): Promise<TextChannel> {
  discord = await DiscordEmulator.start({
    guilds: KRUMLOV,
    privilegedIntents: { messageContent: true },
    ...options,
  });
  client = new Client({
    intents: [I.Guilds, I.GuildMessages, I.MessageContent],
    rest: { api: discord.apiUrl },
  });
  const ready = once(client, Events.ClientReady);
  await client.login('emulated-token');
  await ready;
  return client.channels.cache.get(discord.channelId('partneri')) as TextChannel;
}

/** A WebhookClient for the channel's new webhook, as a relay would keep one. */
async function relayWebhook(
  channel: TextChannel,
  rest: { timeout?: number; retries?: number } = {},
): Promise<WebhookClient> {
  const webhook = await channel.createWebhook({ name: 'Twinbridge relay' });
  const hook = new WebhookClient(
    { id: webhook.id, token: webhook.token ?? '' },
    { rest: { api: discord.apiUrl, ...rest } },
  );
  webhookClients.push(hook);
  return hook;
}

const executions = (hook: WebhookClient) =>
  discord.requests({ method: 'POST', route: `/webhooks/${hook.id}/${hook.token}` });

beforeEach(() => {
  webhookClients = [];
});

afterEach(async () => {
  for (const hook of webhookClients) hook.destroy();
  await client.destroy();
  await discord.stop();
});

describe('managing webhooks', () => {
  it('creates and lists webhooks only with Manage Webhooks (403 50013 without)', async () => {
    const partneri = await start({ guilds: [{ ...KRUMLOV?.[0], botPermissions: DEFAULT_BOT_PERMISSIONS }] });
    const refused = partneri.createWebhook({ name: 'Twinbridge relay' });
    await expect(refused).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(refused).rejects.toMatchObject({ status: 403, code: 50013 });

    discord.setBotPermission(PermissionFlagsBits.ManageWebhooks, true, 'Český Krumlov');
    const webhook = await partneri.createWebhook({ name: 'Twinbridge relay' });
    expect(webhook).toMatchObject({ name: 'Twinbridge relay', channelId: partneri.id, type: 1 });
    expect(webhook.token).toMatch(/^[\w-]{68}$/);
    expect((await partneri.fetchWebhooks()).map((w) => w.id)).toEqual([webhook.id]);
    expect(discord.webhooks('partneri').map((w) => w.token)).toEqual([webhook.token]);
    await expect(partneri.createWebhook({ name: 'My Discord bridge' })).rejects.toMatchObject({
      code: 50035,
    });
  });
});

describe('executing webhooks', () => {
  it('posts under the given name and avatar with files and embeds, echoed as MESSAGE_CREATE with webhook_id', async () => {
    const partneri = await start();
    const hook = await relayWebhook(partneri);
    const echoed = once(client, Events.MessageCreate) as Promise<[Message]>;
    const sent = await hook.send({
      content: 'Servus aus Passau! @everyone',
      username: 'Max Huber (Passau)',
      avatarURL: AVATAR,
      allowedMentions: { parse: [] },
      embeds: [{ description: 'Übersetzung: Ahoj z Pasova!' }],
      files: [{ attachment: Buffer.from('Programm'), name: 'plan.txt' }],
    });
    expect(sent).toMatchObject({ webhook_id: hook.id, mention_everyone: false });
    expect(sent.author).toMatchObject({ id: hook.id, username: 'Max Huber (Passau)', bot: true });

    const [echo] = await echoed;
    expect(echo.webhookId).toBe(hook.id);
    expect(echo.author.username).toBe('Max Huber (Passau)');
    expect(echo.member).toBeNull();
    expect(echo.attachments.first()?.name).toBe('plan.txt');

    const [view] = discord.channelView('partneri');
    expect(view).toMatchObject({
      webhookId: hook.id,
      authorName: 'Max Huber (Passau)',
      avatarUrl: AVATAR,
      content: 'Servus aus Passau! @everyone',
      embeds: [{ description: 'Übersetzung: Ahoj z Pasova!' }],
      attachments: [{ filename: 'plan.txt', size: 8 }],
    });
    expect(view?.avatar).toMatch(/^[0-9a-f]{32}$/);
  });

  it('posts into a thread with thread_id, and edits and deletes its own posts there', async () => {
    const partneri = await start();
    const hook = await relayWebhook(partneri);
    const threadId = discord.channelId('partneri-vlakno');
    const sent = await hook.send({ content: 'Im Faden', username: 'Lena (Passau)', threadId });
    expect(sent.channel_id).toBe(threadId);
    await hook.editMessage(sent.id, { content: 'Im Faden, bearbeitet', threadId });
    expect(discord.messageView(sent.id)).toMatchObject({ content: 'Im Faden, bearbeitet', edited: true });
    await hook.deleteMessage(sent.id, threadId);
    expect(discord.channelView('partneri-vlakno')).toEqual([]);
    // A message of another channel is not this webhook's to edit.
    const member = discord.memberWrites({
      guild: 'Český Krumlov',
      channel: 'partneri',
      user: 'jana',
      content: 'Ahoj',
    });
    await expect(hook.editMessage(member.id, { content: 'x' })).rejects.toMatchObject({ code: 10008 });
  });

  it('answers 204 without wait, 401 50027 for a wrong token and 10015 for an unknown webhook', async () => {
    const partneri = await start();
    const hook = await relayWebhook(partneri);
    const post = (path: string) =>
      fetch(`${discord.apiUrl}/v10${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ content: 'ohne wait' }),
      });
    expect((await post(`/webhooks/${hook.id}/${hook.token}`)).status).toBe(204);
    expect(discord.channelView('partneri').map((m) => m.content)).toEqual(['ohne wait']);
    expect(await (await post(`/webhooks/${hook.id}/${'x'.repeat(68)}`)).json()).toMatchObject({
      code: 50027,
    });
    expect(await (await post(`/webhooks/1234567890123456789/${hook.token}`)).json()).toMatchObject({
      code: 10015,
    });
  });

  it('refuses a file over 10 MiB with 413 40005, and takes one of exactly 10 MiB', async () => {
    const partneri = await start();
    const hook = await relayWebhook(partneri);
    const tenMiB = 10 * 1024 * 1024;
    const tooBig = hook.send({ files: [{ attachment: Buffer.alloc(tenMiB + 1), name: 'big.bin' }] });
    await expect(tooBig).rejects.toMatchObject({ status: 413, code: 40005 });
    await hook.send({ files: [{ attachment: Buffer.alloc(tenMiB), name: 'ok.bin' }] });
    expect(discord.channelView('partneri').map((m) => m.attachments[0]?.size)).toEqual([tenMiB]);
  });
});

describe('lost answers on Execute Webhook', () => {
  it('a 502 after the post: discord.js sends it again and the channel shows it twice', async () => {
    const partneri = await start();
    const hook = await relayWebhook(partneri);
    discord.failNext(
      { method: 'POST', route: `/webhooks/${hook.id}/${hook.token}` },
      { type: 'lost-answer' },
    );
    await hook.send({ content: 'Zweimal?', username: 'Max (Passau)' });
    expect(executions(hook).map((r) => r.status)).toEqual([502, 200]);
    expect(discord.channelView('partneri').map((m) => m.content)).toEqual(['Zweimal?', 'Zweimal?']);
  });

  it('a dropped connection: discord.js throws, yet the post is there once', async () => {
    const partneri = await start();
    const hook = await relayWebhook(partneri);
    discord.failNext(
      { method: 'POST', route: `/webhooks/${hook.id}/${hook.token}` },
      { type: 'lost-answer', disconnect: true },
    );
    await expect(hook.send({ content: 'Angekommen?' })).rejects.toThrow();
    expect(executions(hook)).toHaveLength(1);
    expect(discord.channelView('partneri').map((m) => m.content)).toEqual(['Angekommen?']);
  });

  it('no answer at all: the client’s timeout aborts, its retry posts again', async () => {
    const partneri = await start();
    // The client's own request timeout is what ends the wait here (discord.js default 15 s).
    const hook = await relayWebhook(partneri, { timeout: 1500, retries: 1 });
    const rule = discord.failNext(
      { method: 'POST', route: `/webhooks/${hook.id}/${hook.token}` },
      { type: 'lost-answer', hang: true },
    );
    await hook.send({ content: 'Hallo?' });
    expect(rule.hits).toBe(1);
    expect(executions(hook).map((r) => r.status)).toEqual([0, 200]);
    expect(discord.channelView('partneri').map((m) => m.content)).toEqual(['Hallo?', 'Hallo?']);
  });
});
