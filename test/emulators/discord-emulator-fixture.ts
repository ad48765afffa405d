// Shared set-up of the discord-emulator-*.test.ts suites: an emulator per test, real discord.js clients logged in to it.

import { once } from 'node:events';

import type { BaseInteraction, ClientOptions, TextChannel } from 'discord.js';
import { Client, Events, GatewayIntentBits, SlashCommandBuilder } from 'discord.js';
import { afterEach, beforeEach } from 'vitest';

import type { DiscordEmulatorOptions } from './discord/discord-emulator.ts';
import { DiscordEmulator } from './discord/discord-emulator.ts';

/** The emulator and clients of the running test; both are stopped after it. */
export interface EmulatorRig {
  /** The emulator the running test started. */
  readonly discord: DiscordEmulator;
  /** Starts an emulator and a client logged in to it, ready. */
  start(options?: DiscordEmulatorOptions, clientOptions?: Partial<ClientOptions>): Promise<Client>;
  /** Starts an emulator without a client. */
  startEmulator(options?: DiscordEmulatorOptions): Promise<DiscordEmulator>;
  /** Destroys `client` after the test. */
  track(client: Client): Client;
  /** The client's view of #general. */
  general(client: Client): TextChannel;
}

/** Registers the hooks that stop each test's emulator and clients, and returns what the tests drive. */
export function useDiscordEmulator(): EmulatorRig {
  let discord: DiscordEmulator | undefined;
  let clients: Client[] = [];
  const current = (): DiscordEmulator => {
    if (!discord) throw new Error('no emulator started in this test');
    return discord;
  };
  beforeEach(() => {
    clients = [];
  });
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.destroy()));
    await discord?.stop();
    discord = undefined;
  });
  const rig: EmulatorRig = {
    get discord() {
      return current();
    },
    async startEmulator(options = {}) {
      discord = await DiscordEmulator.start(options);
      return discord;
    },
    async start(options = {}, clientOptions = {}) {
      const emulator = await rig.startEmulator(options);
      const client = rig.track(
        new Client({ intents: [GatewayIntentBits.Guilds], ...clientOptions, rest: { api: emulator.apiUrl } }),
      );
      const ready = once(client, Events.ClientReady);
      await client.login('emulated-token');
      await ready;
      return client;
    },
    track(client) {
      clients.push(client);
      return client;
    },
    general(client) {
      const channel = client.channels.cache.get(current().channelId('general'));
      if (!channel?.isTextBased() || channel.isDMBased()) throw new Error('no #general');
      return channel as TextChannel;
    },
  };
  return rig;
}

/** The next interaction the client emits; the test body then acts on it. */
export function nextInteraction(client: Client): Promise<BaseInteraction> {
  return new Promise((resolve) => client.once(Events.InteractionCreate, resolve));
}

export const twin = new SlashCommandBuilder()
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
