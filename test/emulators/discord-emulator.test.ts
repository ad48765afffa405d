// The Discord emulator's REST under the real discord.js Client: channel messages, DMs, faults, command registration, rate limits.

import { once } from 'node:events';

import type { Message } from 'discord.js';
import {
  ApplicationCommandOptionType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
} from 'discord.js';
import { describe, expect, it } from 'vitest';

import { twin, useDiscordEmulator } from './discord-emulator-fixture.ts';

const emulator = useDiscordEmulator();

describe('channel messages', () => {
  it('returns the earlier message for a repeated nonce with enforce_nonce', async () => {
    const client = await emulator.start();
    const first = await emulator
      .general(client)
      .send({ content: 'Reminder', nonce: 'outbox-42', enforceNonce: true });
    const second = await emulator.general(client).send({
      content: 'Reminder',
      nonce: 'outbox-42',
      enforceNonce: true,
    });
    expect(second.id).toBe(first.id);
    expect(emulator.discord.messages('general')).toHaveLength(1);
    expect(emulator.discord.requestCount({ method: 'POST', route: '/channels/:channel_id/messages' })).toBe(
      2,
    );
  });

  it('retries a 429 after retry_after and posts once', async () => {
    const client = await emulator.start();
    emulator.discord.failNext(
      { method: 'POST', route: '/channels/:channel_id/messages' },
      { type: 'rate-limit', retryAfter: 0.2 },
    );
    const sent = await emulator.general(client).send('After the limit');
    const posts = emulator.discord.requests({ method: 'POST', route: '/channels/:channel_id/messages' });
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(200);
    expect(emulator.discord.messages('general').map((m) => m.id)).toEqual([sent.id]);
    expect(emulator.discord.invalidRequestCount()).toBe(1);
  });

  it('lets discord.js retry a 5xx three times before it gives up with HTTPError', async () => {
    const client = await emulator.start();
    const posts = { method: 'POST', route: '/channels/:channel_id/messages' };
    emulator.discord.failNext(posts, { type: 'server-error', status: 502 }, 3);
    await emulator.general(client).send('third time lucky');
    emulator.discord.failNext(posts, { type: 'server-error' }, 4);
    await expect(emulator.general(client).send('lost')).rejects.toBeInstanceOf(HTTPError);
    expect(emulator.discord.requests(posts).map((r) => r.status)).toEqual([
      502, 502, 502, 200, 500, 500, 500, 500,
    ]);
  });

  it('surfaces 403 Missing Access as DiscordAPIError 50001', async () => {
    const client = await emulator.start();
    emulator.discord.failNext({ route: '/channels/:channel_id/messages' }, { type: 'missing-access' });
    const error: unknown = await emulator
      .general(client)
      .send('hidden')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50001, status: 403 });

    emulator.discord.setChannelAccess('general', 'read-only');
    await expect(emulator.general(client).send('muted')).rejects.toMatchObject({ code: 50013, status: 403 });
    expect(emulator.discord.invalidRequestCount()).toBe(2);
  });

  it('sends DMs through POST /users/@me/channels and honours closed DMs', async () => {
    const client = await emulator.start();
    const alice = await client.users.fetch(emulator.discord.userId('alice'));
    const dm: Message = await alice.send('Your partnership number is 17');
    expect(dm.channelId).toBe(emulator.discord.dmChannelId('alice'));
    expect(emulator.discord.messages(dm.channelId).map((m) => m.content)).toEqual([
      'Your partnership number is 17',
    ]);

    emulator.discord.setDmsClosed('bruno', true);
    const bruno = await client.users.fetch(emulator.discord.userId('bruno'));
    await expect(bruno.send('hello')).rejects.toMatchObject({ code: 50007 });
  });

  it('applies Discord limits to message bodies', async () => {
    const client = await emulator.start();
    await expect(emulator.general(client).send('x'.repeat(2001))).rejects.toMatchObject({
      code: 50035,
      rawError: { errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(emulator.discord.messages('general')).toEqual([]);
  });

  it('stores uploaded files as attachments', async () => {
    const client = await emulator.start();
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    const sent = await emulator.general(client).send({
      content: 'Calendar',
      files: [{ attachment: Buffer.from(ics), name: 'meetup.ics' }],
    });
    const attachment = sent.attachments.first();
    expect(attachment?.name).toBe('meetup.ics');
    expect(attachment?.size).toBe(ics.length);
    expect(await (await fetch(attachment?.url ?? '')).text()).toBe(ics);
  });

  it('sends MESSAGE_CREATE to sessions with the intent, without content unless privileged', async () => {
    const client = await emulator.start(
      {},
      { intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] },
    );
    const seen = once(client, Events.MessageCreate) as Promise<[Message]>;
    emulator.discord.userMessage({ user: 'alice', content: 'Hello from Lyon' });
    const [message] = await seen;
    expect(message.author.username).toBe('alice');
    expect(message.content).toBe(''); // MessageContent intent missing
    expect(message.guildId).toBe(emulator.discord.guildId());
  });

  it('posts every message exactly once under seeded random 429/5xx faults', async () => {
    const client = await emulator.start();
    const faults = emulator.discord.randomFaults({ rate: 0.2, seed: 7 });
    for (let i = 0; i < 15; i += 1) await emulator.general(client).send(`post ${i}`);
    expect(emulator.discord.messages('general').map((m) => m.content)).toEqual(
      Array.from({ length: 15 }, (_, i) => `post ${i}`),
    );
    expect(faults.hits).toBeGreaterThan(0);
    expect(emulator.discord.requestCount({ method: 'POST', route: '/channels/:channel_id/messages' })).toBe(
      15 + faults.hits,
    );
  });
});

describe('commands and limits', () => {
  it('validates bulk overwrites like Discord and keeps ids by name', async () => {
    const client = await emulator.start();
    const [first] = (await client.application?.commands.set([twin.toJSON()]))?.values() ?? [];
    const [again] = (await client.application?.commands.set([twin.toJSON()]))?.values() ?? [];
    expect(again?.id).toBe(first?.id);
    await expect(
      client.application?.commands.set([
        {
          name: 'Twin',
          description: 'Upper case is not allowed',
          type: 1,
          options: [{ type: ApplicationCommandOptionType.String, name: 'x', description: 'x' }],
        },
      ]),
    ).rejects.toMatchObject({ code: 50035, status: 400 });
  });

  it('announces route buckets that discord.js queues on instead of hitting 429', async () => {
    const client = await emulator.start({
      routeLimits: { 'POST /channels/:channel_id/messages': { limit: 2, windowMs: 300 } },
    });
    for (const text of ['one', 'two', 'three']) await emulator.general(client).send(text);
    const posts = emulator.discord.requests({ method: 'POST', route: '/channels/:channel_id/messages' });
    expect(posts.map((p) => p.status)).toEqual([200, 200, 200]);
    expect((posts[2]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(250);

    const res = await fetch(
      `${emulator.discord.apiUrl}/v10/channels/${emulator.discord.channelId('general')}`,
      {
        headers: { Authorization: 'Bot emulated-token' },
      },
    );
    expect(res.headers.get('x-ratelimit-limit')).toBe('50');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('49');
    expect(res.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('fails login with a wrong token as Discord does', async () => {
    await emulator.startEmulator({ token: 'right-token' });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: emulator.discord.apiUrl },
    });
    emulator.track(client);
    await expect(client.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(emulator.discord.invalidRequestCount()).toBe(1);
  });

  it('enforces a global limit with global 429s that discord.js waits out', async () => {
    const client = await emulator.start({ globalRateLimit: 3 });
    await Promise.all([1, 2, 3, 4].map((i) => emulator.general(client).send(`burst ${i}`)));
    expect(emulator.discord.messages('general')).toHaveLength(4);
    const limited = emulator.discord.requests().filter((r) => r.rateLimited === 'global');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.response).toMatchObject({ global: true });
  });
});
