/**
 * The Discord adapter's connection: a discord.js 14 Client on the gateway with the Guilds intent
 * (interactions arrive without any message intent; guild and channel names come from the guild
 * cache that intent fills), Guild Messages for the relay, and the privileged Message Content
 * intent only when the operator enabled it (DISCORD_MESSAGE_CONTENT=on): asking for a privileged
 * intent the app has not enabled closes the gateway with 4014. It owns the client's lifecycle — options, login, READY with its
 * timeout, gateway event logging, destroy — and nothing about what interactions mean.
 *
 * The Client exists from construction, so the poster can hold its REST client before start();
 * `connected` says whether posting can work yet (logged in, not stopped).
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  Status,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import type { DiscordConfig } from '../../config.ts';
import type { ConnectionState } from '../../core/adapter-contract.ts';
import type { Logger } from '../../core/ports.ts';
import { OutageLog } from '../shared/outage-log.ts';
import { DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS, discordRestOptions } from './discord-poster.ts';

/** What the adapter needs of a Discord connection; tests give it one that never opens a socket. */
export interface DiscordConnection {
  /** The discord.js Client: interactions are built on it and its REST client answers and posts. */
  readonly client: Client;
  /** Logged in and not stopped: posts can go out. */
  readonly connected: boolean;
  /** The gateway's state now: connected only while every shard is ready. */
  readonly state: ConnectionState;
  /** Hands every interaction that arrives to `listener`; returns the way to stop doing so. */
  onInteraction(listener: (interaction: Interaction) => void): () => void;
  /** Connects; resolves once the platform said it is ready. */
  start(): Promise<void>;
  /** Disconnects. */
  stop(): Promise<void>;
}

/** Knobs for tests and unusual deployments; production uses the defaults. */
export interface DiscordConnectionTuning {
  /**
   * Longest rate-limit wait a post sits out in place (discord.js's queue). A longer one goes back
   * to the outbox with Discord's retry_after, so a claim is not held while waiting. Default 3000 ms.
   */
  maxInlineRateLimitWaitMs?: number;
  /** How long start() waits for the gateway's READY. Default 30 s. */
  readyTimeoutMs?: number;
  /** Extra discord.js client options (tests: a faster identify throttler, an in-memory REST). */
  clientOptions?: Partial<ClientOptions>;
}

const DEFAULT_READY_TIMEOUT_MS = 30_000;

/** What the Client's options depend on in the configuration. */
export type DiscordClientSettings = Pick<
  DiscordConfig,
  'apiUrl' | 'messageContent' | 'shardCount' | 'shards'
>;

/**
 * The Client's options: the intents above, no mentions ever, REST pointed at the configured API,
 * and this process's shards of the bot's count (discord.js connects each through @discordjs/ws).
 */
export function discordClientOptions(
  settings: DiscordClientSettings,
  tuning: DiscordConnectionTuning = {},
): ClientOptions {
  const maxInlineWait = tuning.maxInlineRateLimitWaitMs ?? DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS;
  const I = GatewayIntentBits;
  const shardCount = settings.shardCount ?? 1;
  return {
    // Explicit, so discord.js never takes SHARDS / SHARD_COUNT from the environment (ShardingManager's).
    shards: [...(settings.shards ?? Array.from({ length: shardCount }, (_, id) => id))],
    shardCount,
    // Reactions are relayed too (Guild Message Reactions, not privileged).
    intents: [
      I.Guilds,
      I.GuildMessages,
      I.GuildMessageReactions,
      ...(settings.messageContent === true ? [I.MessageContent] : []),
    ],
    // Without them discord.js drops DM channels, and edits, deletes and reactions of messages it
    // has not cached (anything written before a restart), and reactions of users it has not seen.
    partials: [Partials.Channel, Partials.Message, Partials.Reaction, Partials.User],
    allowedMentions: { parse: [] },
    ...tuning.clientOptions,
    rest: {
      ...discordRestOptions({ apiUrl: settings.apiUrl, maxInlineRateLimitWaitMs: maxInlineWait }),
      ...tuning.clientOptions?.rest,
    },
  };
}

/** The real connection: logs in to Discord's gateway. */
export class DiscordGatewayConnection implements DiscordConnection {
  readonly client: Client;
  private loggedIn = false;
  private starting = false;

  constructor(
    private readonly config: DiscordConfig,
    private readonly logger: Logger,
    private readonly tuning: DiscordConnectionTuning = {},
  ) {
    this.client = new Client(discordClientOptions(config, tuning));
    this.logGatewayEvents();
  }

  get connected(): boolean {
    return this.loggedIn;
  }

  get state(): ConnectionState {
    if (!this.loggedIn) return this.starting ? 'connecting' : 'disconnected';
    const shards = [...this.client.ws.shards.values()];
    // A shard closed with a code discord.js does not recover from (a refused token) stays down.
    if (shards.some((shard) => shard.status === Status.Disconnected)) return 'disconnected';
    return shards.every((shard) => shard.status === Status.Ready) ? 'connected' : 'connecting';
  }

  onInteraction(listener: (interaction: Interaction) => void): () => void {
    this.client.on(Events.InteractionCreate, listener);
    return () => this.client.off(Events.InteractionCreate, listener);
  }

  async start(): Promise<void> {
    const ready = this.whenReady(this.tuning.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
    this.starting = true;
    try {
      await this.client.login(this.config.token);
      await ready.promise;
    } catch (error) {
      ready.cancel();
      await this.client.destroy().catch(() => undefined);
      throw this.explained(error);
    } finally {
      this.starting = false;
    }
    this.loggedIn = true;
    const { user, application, guilds, options } = this.client;
    // `servers`: those of this process's shards only (each guild lives on one shard).
    this.logger.info(
      {
        user: user?.tag,
        application: application?.id,
        servers: guilds.cache.size,
        shards: options.shards,
        shardCount: options.shardCount,
      },
      'Discord: connected to the gateway',
    );
  }

  async stop(): Promise<void> {
    if (!this.loggedIn) return;
    this.loggedIn = false;
    await this.client.destroy();
  }

  /** A 4014 close (disallowed intents) says which setting asked for the intent; a 4011 how to shard. */
  private explained(error: unknown): unknown {
    const message = error instanceof Error ? error.message : '';
    if (/sharding is required/i.test(message)) {
      return new Error(
        `Discord requires more shards than DISCORD_SHARD_COUNT=${this.config.shardCount ?? 1} (close code 4011: a shard may hold at most 2,500 servers): raise DISCORD_SHARD_COUNT on every process (Discord recommends a count at GET /gateway/bot) and split DISCORD_SHARDS among them`,
        { cause: error },
      );
    }
    const disallowed = /disallowed intents/i.test(message);
    if (!disallowed || !this.config.messageContent) return error;
    return new Error(
      'Discord refused the Message Content intent (close code 4014): enable "Message Content Intent" in the Developer Portal (Bot, Privileged Gateway Intents), or set DISCORD_MESSAGE_CONTENT=off',
      { cause: error },
    );
  }

  /** READY, or a rejection once `ms` passed without it. */
  private whenReady(ms: number): { promise: Promise<void>; cancel: () => void } {
    let timer: NodeJS.Timeout | undefined;
    const promise = new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('Discord: no READY from the gateway in time')), ms);
      this.client.once(Events.ClientReady, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // A login that failed first leaves this promise unawaited: its rejection is not news.
    promise.catch(() => undefined);
    return { promise, cancel: () => clearTimeout(timer) };
  }

  private logGatewayEvents(): void {
    const { client, logger } = this;
    client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
    client.on(Events.Warn, (message) => logger.warn({ component: 'discord' }, message));
    client.on(Events.ShardDisconnect, (event, shard) =>
      logger.warn({ shard, code: event.code }, 'Discord gateway disconnected'),
    );
    // discord.js retries a lost gateway connection every 0.5 s by itself (@discordjs/ws 1.2).
    const outage = new OutageLog('Discord gateway', logger);
    // Closing the client in stop() reports a reconnect too: only a connection in use is "lost".
    client.on(Events.ShardReconnecting, (shard) => {
      if (this.loggedIn) outage.reconnecting({ shard, retryEveryMs: 500 });
    });
    client.on(Events.ShardResume, (shard, replayed) => outage.recovered({ shard, resumed: true, replayed }));
    client.on(Events.ShardReady, (shard) => outage.recovered({ shard, resumed: false }));
    client.rest.on('rateLimited', (data) =>
      logger.debug(
        { route: data.route, retryAfter: data.retryAfter, scope: data.scope, global: data.global },
        'Discord rate limit',
      ),
    );
  }
}
