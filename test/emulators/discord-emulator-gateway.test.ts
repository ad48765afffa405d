// The Discord emulator's gateway under the real discord.js Client: ready, resume, replay, heartbeats, re-identify.

import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';

import { nextInteraction, useDiscordEmulator } from './discord-emulator-fixture.ts';

const emulator = useDiscordEmulator();

describe('gateway', () => {
  it('brings the client to ready with the configured guild, channels and roles', async () => {
    const client = await emulator.start({
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
    const guild = client.guilds.cache.get(emulator.discord.guildId());
    expect(guild?.name).toBe('Lyon-Kraków');
    expect(guild?.preferredLocale).toBe('fr');
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['Events', 'general', 'meetups']);
    expect(guild?.roles.cache.map((r) => r.name)).toContain('Coordinator');
    expect(guild?.members.me?.id).toBe(emulator.discord.botUser.id);
    expect(client.user?.id).toBe(emulator.discord.botUser.id);
    expect(client.application?.id).toBe(emulator.discord.applicationId);
    const identify = emulator.discord.gatewayPayloads().find((p) => p.op === 2);
    expect(identify?.d).toMatchObject({ token: 'emulated-token', intents: GatewayIntentBits.Guilds });
    expect(emulator.discord.requestCount({ method: 'GET', route: '/gateway/bot' })).toBe(1);
  });

  it('resumes after a dropped connection and still delivers interactions', async () => {
    const client = await emulator.start();
    const drop = emulator.discord.dropGateway();
    expect(drop.dropped).toBe(1);
    expect(await drop.reconnected()).toBe('resumed');
    expect(emulator.discord.gatewayStats().resumeUrlConnections).toBe(1);

    const got = nextInteraction(client);
    const run = emulator.discord.slashCommand({ name: 'ping' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.reply('pong');
    expect((await run.response()).data).toMatchObject({ content: 'pong' });
  });

  it('replays an interaction delivered while the client was away', async () => {
    const client = await emulator.start();
    const got = nextInteraction(client);
    const drop = emulator.discord.dropGateway({ mode: 'terminate' });
    const run = emulator.discord.slashCommand({ name: 'ping' }); // queued for the resumable session
    const interaction = await got;
    expect(await drop.reconnected()).toBe('resumed');
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await interaction.reply('late but there');
    expect((await run.response()).withinDeadline).toBe(true);
  });

  it('acknowledges heartbeats, and a client that gets no ACK resumes', async () => {
    const client = await emulator.start({ heartbeatIntervalMs: 100 });
    await emulator.discord.waitForGatewayStats((stats) => stats.heartbeats >= 2);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    emulator.discord.setHeartbeatAcks(false);
    await emulator.discord.waitForGatewayStats((stats) => stats.resumed >= 1);
    emulator.discord.setHeartbeatAcks(true);
  });

  it('re-identifies when the session cannot be resumed', async () => {
    // discord.js spaces IDENTIFYs 5 s apart (max_concurrency 1); skip that wait here.
    const client = await emulator.start(
      {},
      { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) } },
    );
    const drop = emulator.discord.dropGateway({ resumable: false });
    expect(await drop.reconnected()).toBe('identified');
    expect(emulator.discord.gatewayStats()).toMatchObject({ identifies: 2, invalidSessions: 1 });
    const got = nextInteraction(client);
    emulator.discord.slashCommand({ name: 'ping' });
    expect((await got).isChatInputCommand()).toBe(true);
  });
});
