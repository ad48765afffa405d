// Records of the emulated world (users, roles, channels, members, guilds) and the inputs that create them.

import type { ChannelType } from 'discord.js';

export interface UserInput {
  readonly id?: string;
  readonly username: string;
  readonly globalName?: string;
  /** Avatar hash, as `author.avatar` carries it. Default none. */
  readonly avatar?: string;
  /** Client language sent as the interaction `locale`. Default `en-US`. */
  readonly locale?: string;
  /** The user blocks DMs from the bot: posting in their DM answers 403 code 50007. */
  readonly dmsClosed?: boolean;
}

export interface MemberInput extends UserInput {
  /** Role names or ids of this guild. */
  readonly roles?: readonly string[];
  readonly nick?: string;
}

export interface RoleInput {
  readonly id?: string;
  readonly name: string;
  /** Permission bits; default none beyond @everyone. */
  readonly permissions?: bigint;
}

/** What the bot may do in a channel; rendered as a member permission overwrite. */
export type ChannelAccess = 'full' | 'read-only' | 'no-access';

/** `thread`: a public thread; its `parent` is the text channel it belongs to. */
export type ChannelKind = 'text' | 'announcement' | 'voice' | 'category' | 'thread';

export interface ChannelInput {
  readonly id?: string;
  readonly name: string;
  /** Default `text`. */
  readonly kind?: ChannelKind;
  readonly topic?: string;
  /** Category name or id. */
  readonly parent?: string;
  /** Default `full`. `read-only` makes posts answer 403 50013; `no-access` 403 50001. */
  readonly access?: ChannelAccess;
}

export interface GuildInput {
  readonly id?: string;
  readonly name?: string;
  /** Sent as the interaction `guild_locale`. Default `en-US`. */
  readonly preferredLocale?: string;
  readonly channels?: readonly ChannelInput[];
  readonly roles?: readonly RoleInput[];
  /** Human members; the bot is always a member too. */
  readonly members?: readonly MemberInput[];
  /** Username of the owner; default the first member. */
  readonly owner?: string;
  /** @everyone permissions. Default: view, send, read history, embed, attach, react, use commands. */
  readonly everyonePermissions?: bigint;
  /** Permissions of the bot's managed role. Default: the usual bot invite set. */
  readonly botPermissions?: bigint;
}

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly avatar?: string | null;
  readonly locale: string;
  dmsClosed: boolean;
  readonly bot: boolean;
}

export interface RoleRecord {
  readonly id: string;
  readonly name: string;
  permissions: bigint;
  readonly position: number;
  readonly managed: boolean;
}

export interface ChannelRecord {
  readonly id: string;
  readonly type: ChannelType;
  readonly name: string | null;
  readonly guildId: string | null;
  readonly topic: string | null;
  readonly parentId: string | null;
  readonly position: number;
  access: ChannelAccess;
  /** For DM channels: the human on the other side. */
  readonly recipientId: string | null;
  lastMessageId: string | null;
  /** For threads: who started it (default the bot). */
  readonly ownerId?: string;
  /**
   * For threads: archived (after its auto-archive duration of inactivity, or by a member), and
   * when that status last changed (also set when it was created).
   */
  archived?: boolean;
  archiveTimestamp?: string;
}

export interface MemberRecord {
  readonly userId: string;
  readonly roleIds: string[];
  readonly nick: string | null;
  readonly joinedAt: string;
}

export interface GuildRecord {
  readonly id: string;
  readonly name: string;
  readonly preferredLocale: string;
  readonly ownerId: string;
  /** @everyone first (its id is the guild id), then configured roles, then the bot role. */
  readonly roleIds: string[];
  readonly channelIds: string[];
  readonly members: Map<string, MemberRecord>;
  readonly botRoleId: string;
  readonly joinedAt: string;
  /** Permissions taken from the bot in every channel (a member overwrite), whatever its roles give. */
  botDenied: bigint;
}
