/**
 * What the gateway (gateway.ts) keeps of a session and reports, and what it asks of the emulator.
 */
import type { GatewayGuildCreateDispatchData, GatewayReadyDispatchData } from 'discord.js';
import type { WebSocket } from 'ws';

import type { Shard } from './shards.ts';

export interface GatewaySession {
  readonly id: string;
  readonly token: string;
  /** `[shard_id, num_shards]` from IDENTIFY: which guilds' events the session receives (shards.ts). */
  readonly shard: Shard;
  readonly intents: number;
  /** Last sequence number used. */
  seq: number;
  /** Dispatches kept for replay on RESUME. */
  readonly events: { readonly s: number; readonly t: string; readonly d: unknown }[];
  socket: WebSocket | undefined;
  /** A session that can no longer be resumed (client closed 1000/1001, re-identified, or dropped non-resumably). */
  invalidated: boolean;
}

export interface GatewayStats {
  /** WebSocket connections accepted. */
  readonly connections: number;
  readonly identifies: number;
  /** RESUME attempts, successful or not. */
  readonly resumes: number;
  /** RESUMEs answered with RESUMED. */
  readonly resumed: number;
  readonly invalidSessions: number;
  readonly heartbeats: number;
  /** Connections that arrived on `resume_gateway_url` (clients should resume there). */
  readonly resumeUrlConnections: number;
}

export interface GatewayPayloadRecord {
  readonly at: number;
  readonly op: number;
  readonly d: unknown;
}

export type GatewayDropMode =
  /** Close the socket with `code` (default 4000, "unknown error": clients resume). */
  | 'close'
  /** Cut the TCP connection without a close frame (clients see 1006 and resume). */
  | 'terminate'
  /** Send op 7 RECONNECT: the client closes and resumes. */
  | 'reconnect'
  /** Send op 9 INVALID_SESSION with `d = resumable`. */
  | 'invalid-session';

/** How the gateway is down: connections refused, or accepted and never answered. */
export type GatewayOutage = 'refuse' | 'black-hole';

export interface GatewayDropOptions {
  readonly mode?: GatewayDropMode;
  readonly code?: number;
  /** Whether the session may be resumed afterwards. Default true. */
  readonly resumable?: boolean;
  /** Only the sessions of this shard id. Default every session. */
  readonly shard?: number;
}

export interface GatewayHooks {
  /** Token IDENTIFY must carry; undefined accepts any. */
  readonly token: string | undefined;
  readonly newSessionId: () => string;
  readonly readyData: (session: GatewaySession, resumeUrl: string) => GatewayReadyDispatchData;
  readonly guildCreates: () => GatewayGuildCreateDispatchData[];
  /** Most guilds one shard may hold before IDENTIFY is refused with 4011 (Discord: 2,500). */
  readonly maxGuildsPerShard: number;
  /** Whether the intents ask for a privileged intent the application has not enabled (close 4014). */
  readonly disallowedIntents: (intents: number) => boolean;
  /** Called after every state change so waiters re-check. */
  readonly changed: () => void;
}
