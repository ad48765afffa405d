/**
 * The Discord relay when something is missing or lost, through the real discord.js and the
 * emulator: without the Message Content intent the bot runs, says once why relaying from Discord
 * is unavailable, and relays nothing; an Execute Webhook whose answer was lost leaves one copy;
 * without Manage Webhooks a copy fails for good naming the permission.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { EXECUTE_WEBHOOK } from '../emulators/discord/discord-emulator.ts';
import { DEFAULT_BOT_PERMISSIONS } from '../emulators/discord/state.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { DiscordHarness, PEOPLE, twinTowns, type DiscordHarnessOptions } from './discord-harness.ts';
import {
  memberDeletes,
  memberWrites,
  nextEvent,
  relay,
  RELAY_PERMISSIONS,
  relayed,
  relayTowns,
  retryLater,
  settled,
} from './discord-relay-fixtures.ts';

const { jana } = PEOPLE;
const UNAVAILABLE = 'relaying members’ messages from Discord is unavailable';

describe('the Discord relay when something is missing or lost', () => {
  let database: Database;
  let h: DiscordHarness | undefined;

  const started = async (options: Omit<DiscordHarnessOptions, 'database'>): Promise<DiscordHarness> => {
    const harness = await DiscordHarness.start({ database, ...options });
    h = harness;
    await twinTowns(harness);
    await relay(harness, 'jana', 'on');
    await relay(harness, 'max', 'on');
    return harness;
  };
  const relaying = {
    guilds: relayTowns(),
    messageContent: true,
    emulator: { privilegedIntents: { messageContent: true } },
  };
  const copiesIn = (harness: DiscordHarness) =>
    relayed(harness, 'partnerstadt', 'Passau').filter((m) => m.webhookId);
  const relayDelivery = () => database.prisma.delivery.findFirstOrThrow({ where: { kind: 'relay.message' } });

  beforeEach(async () => {
    database = await createTestDatabase('embedded');
  });
  afterEach(async () => {
    await h?.stop();
    h = undefined;
    await database.close();
  });

  it('runs without the Message Content intent, says once why, and relays nothing from Discord', async () => {
    const harness = await started({});
    await memberWrites(harness, { ...jana, content: 'Slyší mě někdo?' });
    await memberWrites(harness, { ...jana, content: 'Haló?' });
    expect(harness.adapter.connectionState()).toBe('connected');
    expect(copiesIn(harness)).toEqual([]);
    expect(await database.prisma.delivery.count({ where: { kind: 'relay.message' } })).toBe(0);
    const said = harness.logLines.filter((line) => line.includes(UNAVAILABLE));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('"level":40');
    expect(said[0]).toContain('DISCORD_MESSAGE_CONTENT=on');
  });

  it('tells the coordinator turning relaying on what the operator must enable, only while it is missing', async () => {
    const relayOn = {
      ...jana,
      name: 'channel',
      subcommand: 'relay',
      options: { partnership: 1, relay: 'on' },
    };
    const without = await started({});
    expect((await without.command(relayOn)).text.split('\n').at(-1)).toBe(
      'Kopie z partnerských kanálů sem budou přicházet, ale co tu píšou členové, se zatím nepřeposílá: provozovatel bota musí v Discord Developer Portal zapnout Message Content intent a nastavit DISCORD_MESSAGE_CONTENT=on.',
    );
    await without.stop();
    h = undefined;
    await database.close();
    database = await createTestDatabase('embedded');
    const withIntent = await started(relaying);
    expect((await withIntent.command(relayOn)).text.split('\n')).toHaveLength(1);
  });

  it.each([
    ['a 502 after posting', { type: 'lost-answer' } as const],
    ['a connection dropped after posting', { type: 'lost-answer', disconnect: true } as const],
  ])(
    'after an execution whose answer was lost (%s), finds the copy instead of posting again',
    async (_, lost) => {
      const harness = await started(relaying);
      const fault = harness.discord.failNext(EXECUTE_WEBHOOK, lost);
      await memberWrites(harness, { ...jana, content: 'Jen jednou, prosím' });
      expect(fault.hits).toBe(1);
      expect((await relayDelivery()).status).toBe('PENDING');
      await retryLater(harness);
      const copies = copiesIn(harness);
      expect(copies.map((m) => m.content)).toEqual(['Jen jednou, prosím']);
      expect(await relayDelivery()).toMatchObject({ status: 'SENT', platformMessageId: copies[0]?.id });
      // One execution: the retry looked in the channel and found it.
      expect(harness.discord.requests(EXECUTE_WEBHOOK)).toHaveLength(1);
    },
  );

  it('after a 503 on an execution (nothing posted), posts it on the retry', async () => {
    const harness = await started(relaying);
    harness.discord.failNext(EXECUTE_WEBHOOK, { type: 'error', status: 503 });
    await memberWrites(harness, { ...jana, content: 'Podruhé' });
    expect(copiesIn(harness)).toEqual([]);
    await retryLater(harness);
    expect(copiesIn(harness).map((m) => m.content)).toEqual(['Podruhé']);
    expect((await relayDelivery()).status).toBe('SENT');
    // The failure was logged without the webhook's URL: it holds the token.
    const [hook] = harness.discord.webhooks(harness.channel('partnerstadt', 'Passau'));
    expect(harness.logLines.some((line) => line.includes('Discord relay post failed'))).toBe(true);
    expect(harness.logLines.join('\n')).not.toContain(hook?.token ?? 'no webhook');
  });

  it('without Manage Webhooks fails the copy for good, naming the permission, and keeps the channel', async () => {
    const harness = await started({ ...relaying, guilds: relayTowns(DEFAULT_BOT_PERMISSIONS) });
    await memberWrites(harness, { ...jana, content: 'Bez webhooku' });
    const delivery = await relayDelivery();
    expect(delivery.status).toBe('FAILED');
    expect(delivery.lastError).toContain('Manage Webhooks');
    const link = await database.prisma.channelLink.findFirstOrThrow({
      where: { channelId: harness.channel('partnerstadt', 'Passau') },
    });
    expect(link.status).toBe('ACTIVE');
    const warned = harness.logLines.filter(
      (l) => l.includes('"component":"discord-relay"') && l.includes('Manage Webhooks'),
    );
    expect(warned).toHaveLength(1);

    // Granted: the next message goes through.
    harness.discord.setBotPermission(PermissionFlagsBits.ManageWebhooks, true, 'Passau');
    await memberWrites(harness, { ...jana, content: 'S webhookem' });
    expect(copiesIn(harness).map((m) => m.content)).toEqual(['S webhookem']);
  });

  it('without Manage Messages deletes copies through their webhook, and fails for good naming it on a member’s original', async () => {
    const guilds = relayTowns(RELAY_PERMISSIONS & ~PermissionFlagsBits.ManageMessages);
    const harness = await started({ ...relaying, guilds });
    await memberDeletes(harness, await memberWrites(harness, { ...jana, content: 'Smažu to' }));
    expect(copiesIn(harness)).toEqual([]);

    // A moderator in Passau removes a copy: Jana's original should go too, which needs the permission.
    const original = await memberWrites(harness, { ...jana, content: 'Moderátor to smaže' });
    const copy = copiesIn(harness)[0]?.id ?? '';
    const [hook] = harness.discord.webhooks(harness.channel('partnerstadt', 'Passau'));
    const removed = nextEvent(harness, 'messageDelete', (m) => m.id === copy);
    await fetch(`${harness.discord.apiUrl}/v10/webhooks/${hook?.id}/${hook?.token}/messages/${copy}`, {
      method: 'DELETE',
    });
    await settled(harness, removed);
    expect(harness.discord.messageView(original)?.deleted).toBe(false);
    const refused = await database.prisma.delivery.findFirstOrThrow({
      where: { kind: 'relay.delete', status: 'FAILED' },
    });
    expect(refused.lastError).toContain('Manage Messages');
  });
});
