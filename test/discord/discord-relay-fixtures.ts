/**
 * The relay between two Discord servers (Krumlov and Passau) on the emulator with the real
 * discord.js: the servers give the bot what relaying needs (Manage Webhooks, Create Public
 * Threads), both linked channels relay, and helpers wait for the emulator's gateway events
 * instead of sleeping.
 */
import { PermissionFlagsBits, type Message } from 'discord.js';
import { expect } from 'vitest';
import { DEFAULT_BOT_PERMISSIONS, type GuildInput } from '../emulators/discord/state.ts';
import type { MessageView } from '../emulators/discord/channel-view.ts';
import type { MemberWriteInput } from '../emulators/discord/member-actions.ts';
import { PEOPLE, TWO_TOWNS, type DiscordHarness } from './discord-harness.ts';

export const JANA_AVATAR = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

export const RELAY_PERMISSIONS =
  DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.ManageWebhooks | PermissionFlagsBits.CreatePublicThreads;

/** TWO_TOWNS with the relay's permissions, and Jana with an avatar of her own. */
export function relayTowns(botPermissions: bigint = RELAY_PERMISSIONS): GuildInput[] {
  return TWO_TOWNS.map((guild) => ({
    ...guild,
    botPermissions,
    members: guild.members?.map((m) => (m.username === 'jana' ? { ...m, avatar: JANA_AVATAR } : m)),
  }));
}

/** `channel relay partnership:1 on|off` in one town's linked channel, as its coordinator. */
export async function relay(h: DiscordHarness, who: 'jana' | 'max', state: 'on' | 'off'): Promise<void> {
  const answer = await h.command({
    ...PEOPLE[who],
    name: 'channel',
    subcommand: 'relay',
    options: { partnership: 1, relay: state },
  });
  expect(answer.ephemeral, answer.text).toBe(false);
  await h.drain();
}

/** The next message event the bot's client emits that `matches`. */
export function nextEvent(
  h: DiscordHarness,
  event: 'messageCreate' | 'messageUpdate' | 'messageDelete',
  matches: (message: Message) => boolean,
): Promise<void> {
  const client = h.adapter.discordClient;
  return new Promise((resolve) => {
    const listener = (...args: unknown[]) => {
      const message = (event === 'messageUpdate' ? args[1] : args[0]) as Message;
      if (!matches(message)) return;
      client.off(event, listener);
      resolve();
    };
    client.on(event, listener);
  });
}

/** Once the bot has seen the event and the relay and the outbox are done with it. */
export async function settled(h: DiscordHarness, seen: Promise<void>): Promise<void> {
  await seen;
  await h.adapter.whenIdle();
  await h.drain();
}

/** A member writes; resolves with the message's id once the relay posted what it posts for it. */
export async function memberWrites(h: DiscordHarness, input: MemberWriteInput): Promise<string> {
  let id = '';
  const seen = nextEvent(h, 'messageCreate', (m) => m.id === id);
  id = h.discord.memberWrites(input).id;
  await settled(h, seen);
  return id;
}

export async function memberEdits(h: DiscordHarness, id: string, content: string): Promise<void> {
  const seen = nextEvent(h, 'messageUpdate', (m) => m.id === id);
  h.discord.memberEdits(id, content);
  await settled(h, seen);
}

export async function memberDeletes(h: DiscordHarness, id: string): Promise<void> {
  const seen = nextEvent(h, 'messageDelete', (m) => m.id === id);
  h.discord.memberDeletes(id);
  await settled(h, seen);
}

/** Lets the outbox's retry come due (its backoff is minutes at most) and drains it. */
export async function retryLater(h: DiscordHarness): Promise<void> {
  h.clock.set(new Date(h.clock.now().getTime() + 15 * 60_000));
  await h.drain();
}

/** What members and the relay wrote in a channel (by name or id; a thread too), oldest first. */
export function relayed(h: DiscordHarness, channel: string, guild?: string): MessageView[] {
  const id = h.channel(channel, guild);
  const parent = h.discord.messageView(id) ? (h.discord.messageView(id)?.channelId ?? id) : id;
  const relayHooks = new Set([...h.discord.webhooks(id), ...h.discord.webhooks(parent)].map((w) => w.id));
  return h.discord
    .channelView(id)
    .filter((m) => m.authorId !== h.discord.botUser.id && (!m.webhookId || relayHooks.has(m.webhookId)));
}

/** The same as lines: "member Jana: …" or "relay Max (Passau): …". */
export function shown(h: DiscordHarness, channel: string, guild?: string): string[] {
  return relayed(h, channel, guild).map(
    (m) => `${m.webhookId ? 'relay' : 'member'} ${m.authorName}: ${m.content}`,
  );
}
