// Discord adapter routing: posting permissions in a channel, and the adapter before start and at stop.
import { describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';

import type { Reply } from '../../src/core/commands/invocation.ts';
import { FakeDiscordConnection, PASSAU, POSTING_PERMISSIONS } from './fake-discord-connection.ts';
import { hold } from '../support/fake-inbound-port.ts';
import {
  EMBED_LINKS,
  PARTNERSTADT,
  SEND_MESSAGES_IN_THREADS,
  useRouting,
  THREAD,
} from './discord-routing-fixture.ts';

const routing = useRouting();

describe('posting permissions in the channel', () => {
  it('names the permissions the bot lacks for posting, in a channel and in a thread', async () => {
    routing.discord.command({
      name: 'channel',
      subcommand: 'link',
      options: { partnership: 1 },
      appPermissions: 1024n | 2048n,
    });
    routing.discord.command({
      name: 'channel',
      subcommand: 'link',
      options: { partnership: 1 },
      channelId: THREAD,
      appPermissions: POSTING_PERMISSIONS,
    });
    routing.discord.command({
      name: 'channel',
      subcommand: 'link',
      options: { partnership: 1 },
      channelId: THREAD,
      appPermissions: 1024n | SEND_MESSAGES_IN_THREADS | EMBED_LINKS,
    });
    await routing.adapter.whenIdle();
    expect(routing.inbound.commands.map((c) => c.channel)).toEqual([
      {
        id: PARTNERSTADT,
        name: 'partnerstadt',
        postingBlocked: 'missing permissions Embed Links',
        missingPermissions: ['embed-links'],
      },
      {
        id: THREAD,
        name: 'visit-2027',
        postingBlocked: 'missing permissions Send Messages in Threads',
        missingPermissions: ['send-messages-in-threads'],
      },
      { id: THREAD, name: 'visit-2027' },
    ]);
  });
});

describe('lifecycle', () => {
  it('answers that it is not connected, for a retry, when posting before start', async () => {
    const target = {
      platform: 'DISCORD',
      communityExternalId: PASSAU.id,
      channelId: PARTNERSTADT,
      channelName: 'partnerstadt',
    } as const;
    const idle = new DiscordAdapter(new FakeDiscordConnection(), routing.inbound, routing.logger);
    await expect(idle.poster.post(target, { text: 'Hallo' }, 'key-1')).resolves.toEqual({
      ok: false,
      retryable: true,
      reason: 'Discord: not connected',
    });
    const posted = await routing.adapter.poster.post(target, { text: 'Hallo' }, 'key-1');
    expect(posted.ok).toBe(true);
    expect(routing.discord.channelRequests().map((r) => [r.method, r.path, r.body?.['content']])).toEqual([
      ['POST', `/channels/${PARTNERSTADT}/messages`, 'Hallo'],
    ]);
  });

  it('lets an answer under way finish before disconnecting, and takes no interaction after stop', async () => {
    const slow = hold<Reply>();
    routing.inbound.respond = () => slow.promise;
    const handle = routing.discord.command({ name: 'town', subcommand: 'info' });
    await routing.inbound.commandsReached(1);
    const stopped = routing.adapter.stop();
    const late = routing.discord.command({ name: 'town', subcommand: 'info' });
    slow.release({ text: 'Passau', private: false });
    await stopped;
    expect(routing.discord.connected).toBe(false);
    expect(handle.answers()).toHaveLength(1);
    expect(routing.discord.requests.every((r) => r.whileConnected)).toBe(true);
    expect(routing.inbound.commands).toHaveLength(1);
    expect(late.answers()).toEqual([]);
  });
});
