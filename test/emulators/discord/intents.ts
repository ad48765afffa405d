/**
 * The emulated application's privileged intents — the switches on the Developer Portal's Bot page
 * (developers/events/gateway.mdx, "Privileged Intents"): IDENTIFY asking for one that is off is
 * closed with 4014 "Disallowed intent(s)", and without Message Content the `content`, `embeds`,
 * `attachments`, `components` and `poll` of other people's messages arrive empty, on the gateway
 * and over REST alike ("Message Content Intent": except the app's own messages, DMs and messages
 * that mention it).
 */

import type { APIMessage } from 'discord.js';
import { ApplicationFlags, GatewayIntentBits } from 'discord.js';

export interface PrivilegedIntents {
  /** MESSAGE_CONTENT (1 << 15). */
  messageContent: boolean;
  /** GUILD_MEMBERS (1 << 1). */
  guildMembers: boolean;
  /** GUILD_PRESENCES (1 << 8). */
  guildPresences: boolean;
}

/** A new application has every privileged intent switched off, as on Discord. */
export const NO_PRIVILEGED_INTENTS: PrivilegedIntents = {
  messageContent: false,
  guildMembers: false,
  guildPresences: false,
};

const PRIVILEGED: readonly [keyof PrivilegedIntents, number][] = [
  ['messageContent', GatewayIntentBits.MessageContent],
  ['guildMembers', GatewayIntentBits.GuildMembers],
  ['guildPresences', GatewayIntentBits.GuildPresences],
];

/** Whether IDENTIFY with `intents` asks for a privileged intent the application does not have. */
export function disallowedIntents(intents: number, enabled: PrivilegedIntents): boolean {
  return PRIVILEGED.some(([name, bit]) => (intents & bit) !== 0 && !enabled[name]);
}

/** `application.flags` as READY and GET /applications/@me show them: the "_LIMITED" flags of an app in under 100 servers. */
export function applicationFlags(enabled: PrivilegedIntents): number {
  return (
    (enabled.messageContent ? ApplicationFlags.GatewayMessageContentLimited : 0) |
    (enabled.guildMembers ? ApplicationFlags.GatewayGuildMembersLimited : 0) |
    (enabled.guildPresences ? ApplicationFlags.GatewayPresenceLimited : 0)
  );
}

export interface ContentExemption {
  readonly botId: string;
  readonly isDm: boolean;
  readonly authorId: string;
}

/** Messages whose content an app sees without the intent (gateway.mdx, "Message Content Intent"). */
export function contentExempt(message: APIMessage, context: ContentExemption): boolean {
  return (
    context.isDm || context.authorId === context.botId || message.mentions.some((u) => u.id === context.botId)
  );
}

/** The message as an app without Message Content receives it. */
export function withoutContent<T extends APIMessage>(message: T): T {
  const { poll: _poll, ...rest } = message;
  return { ...rest, content: '', embeds: [], attachments: [], components: [] } as unknown as T;
}
