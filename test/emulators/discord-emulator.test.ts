/**
 * The Discord emulator driven by the real discord.js Client: what works here is what
 * the Discord adapter can rely on against Discord itself.
 */

import { once } from 'node:events';

import type { BaseInteraction, ClientOptions, Message, TextChannel } from 'discord.js';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
  InteractionResponseType,
  MessageFlags,
  ModalBuilder,
  Partials,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DiscordEmulatorOptions } from './discord/discord-emulator.ts';
import { DiscordEmulator } from './discord/discord-emulator.ts';

let discord: DiscordEmulator;
let clients: Client[] = [];

async function start(
  options: DiscordEmulatorOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<Client> {
  discord = await DiscordEmulator.start(options);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...clientOptions,
    rest: { api: discord.apiUrl },
  });
  clients.push(client);
  const ready = once(client, Events.ClientReady);
  await client.login('emulated-token');
  await ready;
  return client;
}

/** The next interaction the client emits; the test body then acts on it. */
function nextInteraction(client: Client): Promise<BaseInteraction> {
  return new Promise((resolve) => client.once(Events.InteractionCreate, resolve));
}

function general(client: Client): TextChannel {
  const channel = client.channels.cache.get(discord.channelId('general'));
  if (!channel?.isTextBased() || channel.isDMBased()) throw new Error('no #general');
  return channel as TextChannel;
}

const twin = new SlashCommandBuilder()
  .setName('twin')
  .setDescription('Town twinning')
  .setNameLocalizations({ fr: 'jumelage' })
  .addSubcommand((sub) =>
    sub
      .setName('join')
      .setDescription('Join a partnership')
      .addStringOption((o) =>
        o.setName('town').setDescription('Town').setRequired(true).setAutocomplete(true),
      )
      .addIntegerOption((o) => o.setName('guests').setDescription('Guests').setMinValue(0)),
  )
  .addSubcommand((sub) => sub.setName('status').setDescription('Show status'));

beforeEach(() => {
  clients = [];
});

afterEach(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  await discord.stop();
});

describe('gateway', () => {
  it('brings the client to ready with the configured guild, channels and roles', async () => {
    const client = await start({
      guilds: [
        {
          name: 'Lyon-Kraków',
          preferredLocale: 'fr',
          channels: [
            { name: 'general' },
            { name: 'Events', kind: 'category' },
            { name: 'meetups', parent: 'Events' },
          ],
          roles: [{ name: 'Coordinator' }],
          members: [{ username: 'ola', roles: ['Coordinator'] }],
        },
      ],
    });
    const guild = client.guilds.cache.get(discord.guildId());
    expect(guild?.name).toBe('Lyon-Kraków');
    expect(guild?.preferredLocale).toBe('fr');
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['Events', 'general', 'meetups']);
    expect(guild?.roles.cache.map((r) => r.name)).toContain('Coordinator');
    expect(guild?.members.me?.id).toBe(discord.botUser.id);
    expect(client.user?.id).toBe(discord.botUser.id);
    expect(client.application?.id).toBe(discord.applicationId);
    const identify = discord.gatewayPayloads().find((p) => p.op === 2);
    expect(identify?.d).toMatchObject({ token: 'emulated-token', intents: GatewayIntentBits.Guilds });
    expect(discord.requestCount({ method: 'GET', route: '/gateway/bot' })).toBe(1);
  });

  it('resumes after a dropped connection and still delivers interactions', async () => {
    const client = await start();
    const drop = discord.dropGateway();
    expect(drop.dropped).toBe(1);
    expect(await drop.reconnected()).toBe('resumed');
    expect(discord.gatewayStats().resumeUrlConnections).toBe(1);

    const got = nextInteraction(client);
    const run = discord.slashCommand({ name: 'ping' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.reply('pong');
    expect((await run.response()).data).toMatchObject({ content: 'pong' });
  });

  it('replays an interaction delivered while the client was away', async () => {
    const client = await start();
    const got = nextInteraction(client);
    const drop = discord.dropGateway({ mode: 'terminate' });
    const run = discord.slashCommand({ name: 'ping' }); // queued for the resumable session
    const interaction = await got;
    expect(await drop.reconnected()).toBe('resumed');
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await interaction.reply('late but there');
    expect((await run.response()).withinDeadline).toBe(true);
  });

  it('acknowledges heartbeats, and a client that gets no ACK resumes', async () => {
    const client = await start({ heartbeatIntervalMs: 100 });
    await discord.waitForGatewayStats((stats) => stats.heartbeats >= 2);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    discord.setHeartbeatAcks(false);
    await discord.waitForGatewayStats((stats) => stats.resumed >= 1);
    discord.setHeartbeatAcks(true);
  });

  it('re-identifies when the session cannot be resumed', async () => {
    // discord.js spaces IDENTIFYs 5 s apart (max_concurrency 1); skip that wait here.
    const client = await start(
      {},
      { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) } },
    );
    const drop = discord.dropGateway({ resumable: false });
    expect(await drop.reconnected()).toBe('identified');
    expect(discord.gatewayStats()).toMatchObject({ identifies: 2, invalidSessions: 1 });
    const got = nextInteraction(client);
    discord.slashCommand({ name: 'ping' });
    expect((await got).isChatInputCommand()).toBe(true);
  });
});

describe('interactions', () => {
  it('delivers a slash command with its subcommand and typed options, and records the reply', async () => {
    const client = await start();
    await client.application?.commands.set([twin.toJSON()], discord.guildId());
    expect(
      discord.requestCount({
        method: 'PUT',
        route: '/applications/:application_id/guilds/:guild_id/commands',
      }),
    ).toBe(1);
    expect(discord.commands(discord.guildId()).map((c) => c.name)).toEqual(['twin']);

    const got = nextInteraction(client);
    const run = discord.slashCommand({
      name: 'twin',
      subcommand: 'join',
      options: { town: 'Lyon', guests: 3 },
      user: 'bruno',
    });
    const interaction = await got;
    expect(interaction).toBeInstanceOf(ChatInputCommandInteraction);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandName).toBe('twin');
    expect(interaction.options.getSubcommand()).toBe('join');
    expect(interaction.options.getString('town')).toBe('Lyon');
    expect(interaction.options.getInteger('guests')).toBe(3);
    expect(interaction.locale).toBe('fr');
    expect(interaction.guildLocale).toBe('en-US');
    expect(interaction.user.username).toBe('bruno');
    expect(interaction.guildId).toBe(discord.guildId());
    expect(interaction.channelId).toBe(discord.channelId('general'));
    expect(interaction.commandId).toBe(discord.commands(discord.guildId())[0]?.id);

    await interaction.reply({ content: 'Welcome aboard', flags: MessageFlags.Ephemeral });
    const callback = await run.response();
    expect(callback).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'Welcome aboard', flags: MessageFlags.Ephemeral },
      withinDeadline: true,
    });
    expect(callback.message?.flags).toBe(MessageFlags.Ephemeral);
    expect(discord.messages('general')).toEqual([]); // ephemeral: not visible in the channel
    expect(discord.messages('general', { includeEphemeral: true })).toHaveLength(1);
  });

  it('records deferReply, editReply and followUp', async () => {
    const client = await start();
    const got = nextInteraction(client);
    const run = discord.slashCommand({ name: 'report' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    expect((await run.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(run.outcome().original?.flags).toBe(MessageFlags.Loading);

    const edited = await interaction.editReply('Report ready');
    const followUp = await interaction.followUp({ content: 'One more thing', flags: MessageFlags.Ephemeral });
    expect(edited.content).toBe('Report ready');
    expect((await run.edit(0)).message).toMatchObject({ content: 'Report ready', flags: 0 });
    expect(await run.followUp(0)).toMatchObject({ id: followUp.id, content: 'One more thing' });
    expect(run.outcome().original?.content).toBe('Report ready');
    expect(discord.messages('general').map((m) => m.content)).toEqual(['Report ready']);
  });

  it('answers autocomplete with choices', async () => {
    const client = await start();
    await client.application?.commands.set([twin.toJSON()]);
    const got = nextInteraction(client);
    const run = discord.autocomplete({
      name: 'twin',
      subcommand: 'join',
      options: { town: 'Ly' },
      focused: 'town',
    });
    const interaction = await got;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getSubcommand()).toBe('join');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'town', value: 'Ly' });
    await interaction.respond([{ name: 'Lyon', value: 'lyon' }]);
    expect(await run.response()).toMatchObject({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Lyon', value: 'lyon' }] },
    });
  });

  it('delivers a button click on a bot message and records interaction.update', async () => {
    const client = await start();
    const posted = await general(client).send({
      content: 'Meetup on Friday?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('rsvp:yes').setLabel('Yes').setStyle(ButtonStyle.Success),
        ),
      ],
    });
    const got = nextInteraction(client);
    const run = discord.buttonClick({ message: posted.id, customId: 'rsvp:yes', user: 'alice' });
    const interaction = await got;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('rsvp:yes');
    expect(interaction.message.id).toBe(posted.id);
    await interaction.update({ content: 'Meetup on Friday? Alice is in', components: [] });
    expect((await run.response()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(discord.message(posted.id)).toMatchObject({
      content: 'Meetup on Friday? Alice is in',
      components: [],
    });
  });

  it('opens a modal and receives its submission', async () => {
    const client = await start();
    const got = nextInteraction(client);
    const run = discord.slashCommand({ name: 'propose' });
    const command = await got;
    if (!command.isChatInputCommand()) throw new Error('expected a chat input command');
    await command.showModal(
      new ModalBuilder()
        .setCustomId('proposal')
        .setTitle('Propose an exchange')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder().setCustomId('title').setLabel('Title').setStyle(TextInputStyle.Short),
          ),
        ),
    );
    expect((await run.response()).type).toBe(InteractionResponseType.Modal);

    const submitted = nextInteraction(client);
    const submit = discord.submitModal(run, { title: 'Choir visit' });
    const modal = await submitted;
    if (!modal.isModalSubmit()) throw new Error('expected a modal submit');
    expect(modal.fields.getTextInputValue('title')).toBe('Choir visit');
    await modal.reply('Proposed');
    expect((await submit.response()).data).toMatchObject({ content: 'Proposed' });
  });

  it('delivers a command from a DM with user instead of member', async () => {
    // Without Partials.Channel discord.js does not cache DM channels: interaction.channel is null.
    const client = await start({}, { partials: [Partials.Channel] });
    const got = nextInteraction(client);
    const run = discord.slashCommand({
      name: 'twin',
      subcommand: 'status',
      guild: null,
      user: 'alice',
      locale: 'de',
    });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.inGuild()).toBe(false);
    expect(interaction.member).toBeNull();
    expect(interaction.user.username).toBe('alice');
    expect(interaction.locale).toBe('de');
    expect(interaction.channelId).toBe(discord.dmChannelId('alice'));
    expect(interaction.channel?.isDMBased()).toBe(true);
    expect(interaction.options.getSubcommand()).toBe('status');
    await interaction.reply('Nothing planned yet');
    await run.response();
    expect(discord.messages(discord.dmChannelId('alice')).map((m) => m.content)).toEqual([
      'Nothing planned yet',
    ]);
  });

  it('answers with_response with the interaction callback object', async () => {
    const client = await start();
    const got = nextInteraction(client);
    discord.slashCommand({ name: 'ping' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const response = await interaction.reply({ content: 'pong', withResponse: true });
    expect(response.interaction.id).toBe(interaction.id);
    expect(response.resource?.message?.content).toBe('pong');
  });

  it('refuses follow-ups once the interaction token has expired', async () => {
    const client = await start();
    const got = nextInteraction(client);
    const run = discord.slashCommand({ name: 'ping' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    run.expireToken();
    await expect(interaction.editReply('too late')).rejects.toMatchObject({ code: 50027, status: 401 });
  });

  it('rejects a response after the deadline with Unknown interaction', async () => {
    const client = await start({ interactionDeadlineMs: 100 });
    const got = nextInteraction(client);
    const run = discord.slashCommand({ name: 'slow' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await run.until((o) => o.expired, 'expiry');
    await expect(interaction.reply('too late')).rejects.toMatchObject({ code: 10062, status: 404 });
  });
});

describe('channel messages', () => {
  it('returns the earlier message for a repeated nonce with enforce_nonce', async () => {
    const client = await start();
    const first = await general(client).send({ content: 'Reminder', nonce: 'outbox-42', enforceNonce: true });
    const second = await general(client).send({
      content: 'Reminder',
      nonce: 'outbox-42',
      enforceNonce: true,
    });
    expect(second.id).toBe(first.id);
    expect(discord.messages('general')).toHaveLength(1);
    expect(discord.requestCount({ method: 'POST', route: '/channels/:channel_id/messages' })).toBe(2);
  });

  it('retries a 429 after retry_after and posts once', async () => {
    const client = await start();
    discord.failNext(
      { method: 'POST', route: '/channels/:channel_id/messages' },
      { type: 'rate-limit', retryAfter: 0.2 },
    );
    const sent = await general(client).send('After the limit');
    const posts = discord.requests({ method: 'POST', route: '/channels/:channel_id/messages' });
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(200);
    expect(discord.messages('general').map((m) => m.id)).toEqual([sent.id]);
    expect(discord.invalidRequestCount()).toBe(1);
  });

  it('lets discord.js retry a 5xx three times before it gives up with HTTPError', async () => {
    const client = await start();
    const posts = { method: 'POST', route: '/channels/:channel_id/messages' };
    discord.failNext(posts, { type: 'server-error', status: 502 }, 3);
    await general(client).send('third time lucky');
    discord.failNext(posts, { type: 'server-error' }, 4);
    await expect(general(client).send('lost')).rejects.toBeInstanceOf(HTTPError);
    expect(discord.requests(posts).map((r) => r.status)).toEqual([502, 502, 502, 200, 500, 500, 500, 500]);
  });

  it('surfaces 403 Missing Access as DiscordAPIError 50001', async () => {
    const client = await start();
    discord.failNext({ route: '/channels/:channel_id/messages' }, { type: 'missing-access' });
    const error: unknown = await general(client)
      .send('hidden')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50001, status: 403 });

    discord.setChannelAccess('general', 'read-only');
    await expect(general(client).send('muted')).rejects.toMatchObject({ code: 50013, status: 403 });
    expect(discord.invalidRequestCount()).toBe(2);
  });

  it('sends DMs through POST /users/@me/channels and honours closed DMs', async () => {
    const client = await start();
    const alice = await client.users.fetch(discord.userId('alice'));
    const dm: Message = await alice.send('Your partnership number is 17');
    expect(dm.channelId).toBe(discord.dmChannelId('alice'));
    expect(discord.messages(dm.channelId).map((m) => m.content)).toEqual(['Your partnership number is 17']);

    discord.setDmsClosed('bruno', true);
    const bruno = await client.users.fetch(discord.userId('bruno'));
    await expect(bruno.send('hello')).rejects.toMatchObject({ code: 50007 });
  });

  it('applies Discord limits to message bodies', async () => {
    const client = await start();
    await expect(general(client).send('x'.repeat(2001))).rejects.toMatchObject({
      code: 50035,
      rawError: { errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(discord.messages('general')).toEqual([]);
  });

  it('stores uploaded files as attachments', async () => {
    const client = await start();
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    const sent = await general(client).send({
      content: 'Calendar',
      files: [{ attachment: Buffer.from(ics), name: 'meetup.ics' }],
    });
    const attachment = sent.attachments.first();
    expect(attachment?.name).toBe('meetup.ics');
    expect(attachment?.size).toBe(ics.length);
    expect(await (await fetch(attachment?.url ?? '')).text()).toBe(ics);
  });

  it('sends MESSAGE_CREATE to sessions with the intent, without content unless privileged', async () => {
    const client = await start({}, { intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    const seen = once(client, Events.MessageCreate) as Promise<[Message]>;
    discord.userMessage({ user: 'alice', content: 'Hello from Lyon' });
    const [message] = await seen;
    expect(message.author.username).toBe('alice');
    expect(message.content).toBe(''); // MessageContent intent missing
    expect(message.guildId).toBe(discord.guildId());
  });

  it('posts every message exactly once under seeded random 429/5xx faults', async () => {
    const client = await start();
    const faults = discord.randomFaults({ rate: 0.2, seed: 7 });
    for (let i = 0; i < 15; i += 1) await general(client).send(`post ${i}`);
    expect(discord.messages('general').map((m) => m.content)).toEqual(
      Array.from({ length: 15 }, (_, i) => `post ${i}`),
    );
    expect(faults.hits).toBeGreaterThan(0);
    expect(discord.requestCount({ method: 'POST', route: '/channels/:channel_id/messages' })).toBe(
      15 + faults.hits,
    );
  });
});

describe('commands and limits', () => {
  it('validates bulk overwrites like Discord and keeps ids by name', async () => {
    const client = await start();
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
    const client = await start({
      routeLimits: { 'POST /channels/:channel_id/messages': { limit: 2, windowMs: 300 } },
    });
    for (const text of ['one', 'two', 'three']) await general(client).send(text);
    const posts = discord.requests({ method: 'POST', route: '/channels/:channel_id/messages' });
    expect(posts.map((p) => p.status)).toEqual([200, 200, 200]);
    expect((posts[2]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(250);

    const res = await fetch(`${discord.apiUrl}/v10/channels/${discord.channelId('general')}`, {
      headers: { Authorization: 'Bot emulated-token' },
    });
    expect(res.headers.get('x-ratelimit-limit')).toBe('50');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('49');
    expect(res.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('fails login with a wrong token as Discord does', async () => {
    discord = await DiscordEmulator.start({ token: 'right-token' });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    clients.push(client);
    await expect(client.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(discord.invalidRequestCount()).toBe(1);
  });

  it('enforces a global limit with global 429s that discord.js waits out', async () => {
    const client = await start({ globalRateLimit: 3 });
    await Promise.all([1, 2, 3, 4].map((i) => general(client).send(`burst ${i}`)));
    expect(discord.messages('general')).toHaveLength(4);
    const limited = discord.requests().filter((r) => r.rateLimited === 'global');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.response).toMatchObject({ global: true });
  });
});
