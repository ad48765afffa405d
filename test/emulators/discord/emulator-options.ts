/**
 * The emulator's options and the shapes its helpers take and return (discord-emulator.ts).
 */
import type { ChannelType } from 'discord.js';

import type { PrivilegedIntents } from './intents.ts';
import type { BucketLimit } from './rate-limits.ts';
import type { GuildInput, UserInput } from './state.ts';

export interface DiscordEmulatorOptions {
  readonly applicationId?: string;
  readonly botUser?: { readonly id?: string; readonly username?: string };
  /** When set, REST `Authorization` must be `Bot <token>` and IDENTIFY must carry it (else 401 / close 4004). */
  readonly token?: string;
  /** Default: one guild, see the file comment. */
  readonly guilds?: readonly GuildInput[];
  /** Users outside every guild (DM-only). */
  readonly users?: readonly UserInput[];
  /** HELLO heartbeat_interval. Default 41250 ms as on Discord. */
  readonly heartbeatIntervalMs?: number;
  /** Interaction response deadline. Default 3000 ms. */
  readonly interactionDeadlineMs?: number;
  /** Whether a late first response gets 10062 Unknown interaction. Default true. */
  readonly enforceInteractionDeadline?: boolean;
  /** Interaction token lifetime after the first response. Default 15 min. */
  readonly interactionTokenTtlMs?: number;
  /** Per-route bucket when `routeLimits` has none. Default 50 per 1000 ms. */
  readonly defaultRouteLimit?: BucketLimit;
  /** Keys like `POST /channels/:channel_id/messages` (Discord: about 5 per 5 s per channel). */
  readonly routeLimits?: Readonly<Record<string, BucketLimit>>;
  /** Global requests per second (interaction endpoints exempt); off by default. */
  readonly globalRateLimit?: number;
  /** How long `enforce_nonce` remembers a nonce. Default 5 min. */
  readonly nonceWindowMs?: number;
  /** Default timeout of every wait helper. Default 5000 ms. */
  readonly waitTimeoutMs?: number;
  /** The application's privileged intents (Developer Portal, Bot page). Default all off, as for a new app. */
  readonly privilegedIntents?: Partial<PrivilegedIntents>;
  /** The shard count `GET /gateway/bot` recommends. Default 1. */
  readonly recommendedShards?: number;
  /** Most guilds one shard may hold: an IDENTIFY with fewer shards is closed with 4011. Default 2,500 as on Discord. */
  readonly maxGuildsPerShard?: number;
}

export interface GuildSummary {
  readonly id: string;
  readonly name: string;
  readonly preferredLocale: string;
  readonly channels: readonly { readonly id: string; readonly name: string; readonly type: ChannelType }[];
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  readonly members: readonly { readonly id: string; readonly username: string }[];
}

export interface GatewayDrop {
  /** Sockets dropped. */
  readonly dropped: number;
  /** Resolves once a session is connected again, saying how it came back. */
  reconnected(timeoutMs?: number): Promise<'resumed' | 'identified'>;
}

export interface MessageMatch {
  /** Channel id or name. */
  readonly channel?: string;
  readonly content?: string | RegExp;
  readonly includeEphemeral?: boolean;
}

export interface UserMessageInput {
  /** User id or username; default the guild's first member. */
  readonly user?: string;
  /** Channel id or name; with `guild: null`, the bot's DM with the user. */
  readonly channel?: string;
  readonly guild?: string | null;
  readonly content: string;
}
