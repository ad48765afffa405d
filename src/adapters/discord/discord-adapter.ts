/**
 * The Discord adapter: a connection (discord-connection.ts: the discord.js Client's lifecycle), an
 * interaction router (discord-router.ts: interactions → the InboundPort), a relay router
 * (discord-relay-router.ts: members' messages → the relay) and a poster (discord-poster.ts: what
 * the outbox sends, nonce and all; relayed copies through webhooks, discord-relay-poster.ts). Each Discord server is a community;
 * its town is registered from it.
 *
 * The adapter receives its connection, so tests hand it one that never opens a socket
 * (test/discord/fake-discord-connection.ts); createDiscordAdapter() builds the real one.
 */
import type { Client } from 'discord.js';
import type { ConnectionState, InboundPort, PlatformAdapter } from '../../core/adapter-contract.ts';
import { within } from '../../core/async/deadline.ts';
import type { Clock, Logger } from '../../core/ports.ts';
import type { RelayResumePoint } from '../../core/relay/relay-ports.ts';
import type { DiscordConfig } from '../../config.ts';
import {
  DiscordGatewayConnection,
  type DiscordConnection,
  type DiscordConnectionTuning,
} from './discord-connection.ts';
import { DiscordAttachmentSource } from './discord-attachments.ts';
import { DiscordPoster } from './discord-poster.ts';
import { DiscordRelayRouter } from './discord-relay-router.ts';
import { DiscordInteractionRouter, type DiscordRouterTuning } from './discord-router.ts';

/** Knobs for tests and unusual deployments; production uses the defaults. */
export interface DiscordAdapterTuning extends DiscordConnectionTuning, DiscordRouterTuning {
  /** How long stop() lets answers under way finish. Default 5 s. */
  stopGraceMs?: number;
  /** The time the backfill's age bound counts from; Discord's ids carry real time. Default: the system's. */
  clock?: Clock;
}

const DEFAULT_STOP_GRACE_MS = 5000;

export class DiscordAdapter implements PlatformAdapter {
  readonly platform = 'DISCORD' as const;
  readonly poster: DiscordPoster;
  readonly attachmentSource: DiscordAttachmentSource;
  private readonly router: DiscordInteractionRouter;
  private readonly relayRouter: DiscordRelayRouter;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly connection: DiscordConnection,
    private readonly inbound: InboundPort,
    private readonly logger: Logger,
    private readonly tuning: DiscordAdapterTuning = {},
  ) {
    const { client } = connection;
    this.poster = new DiscordPoster(
      client.rest,
      logger,
      () => connection.connected,
      () => client.user?.id,
    );
    this.attachmentSource = new DiscordAttachmentSource(client.rest, () =>
      (tuning.clock ?? { now: () => new Date() }).now().getTime(),
    );
    this.router = new DiscordInteractionRouter(inbound, logger, tuning);
    this.relayRouter = new DiscordRelayRouter(inbound, logger, {
      messageContent: tuning.messageContent === true,
      allowedGuilds: tuning.allowedGuilds,
    });
  }

  /** The connection's client (tests post through its REST client and read its cache). */
  get discordClient(): Client {
    return this.connection.client;
  }

  connectionState(): ConnectionState {
    return this.connection.state;
  }

  async start(): Promise<void> {
    // Backfill first in each relaying channel's queue, then listening: interactions and messages
    // Discord hands over right after READY are not missed, nor relayed before older missed ones.
    const points = await this.resumePoints();
    let ready: (connected: boolean) => void = () => undefined;
    const connected = new Promise<boolean>((resolve) => (ready = resolve));
    const now = (this.tuning.clock ?? { now: () => new Date() }).now();
    this.relayRouter.backfill(this.connection.client, points, connected, now);
    const stopInteractions = this.connection.onInteraction((interaction) => this.router.receive(interaction));
    const stopMessages = this.relayRouter.listen(this.connection.client);
    this.unsubscribe = () => {
      stopInteractions();
      stopMessages();
    };
    try {
      await this.connection.start();
    } catch (error) {
      ready(false);
      this.stopReceiving();
      throw error;
    }
    ready(true);
    if (!this.tuning.messageContent) {
      this.logger.warn(
        { component: 'discord-relay', setting: 'DISCORD_MESSAGE_CONTENT' },
        'Discord: relaying members’ messages from Discord is unavailable: the Message Content intent is not enabled (enable it in the Developer Portal under Bot, Privileged Gateway Intents, then set DISCORD_MESSAGE_CONTENT=on). Copies from other platforms are still posted here.',
      );
    }
  }

  async stop(): Promise<void> {
    this.stopReceiving();
    // Answers under way need the REST client: let them finish before the connection goes.
    await within(this.whenIdle(), this.tuning.stopGraceMs ?? DEFAULT_STOP_GRACE_MS, this.tuning.timer);
    await this.connection.stop();
  }

  /** Resolves once every interaction received so far has been answered (tests, shutdown). */
  whenIdle(): Promise<void> {
    return Promise.all([this.router.whenIdle(), this.relayRouter.whenIdle()]).then(() => undefined);
  }

  /** The relaying channels to read back; a database that fails here costs the backfill, not the start. */
  private async resumePoints(): Promise<RelayResumePoint[]> {
    if (!this.tuning.messageContent) return [];
    try {
      return await this.inbound.relayResumePoints('DISCORD');
    } catch (error) {
      this.logger.error(
        { err: error },
        'relay backfill: could not read where to resume; nothing is read back',
      );
      return [];
    }
  }

  private stopReceiving(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

/** The adapter main() runs: connected to Discord's gateway with the configured token. */
export function createDiscordAdapter(
  config: DiscordConfig,
  inbound: InboundPort,
  logger: Logger,
  tuning: DiscordAdapterTuning = {},
): DiscordAdapter {
  const withAllowList = {
    allowedGuilds: config.allowedGuilds,
    messageContent: config.messageContent === true,
    ...tuning,
  };
  return new DiscordAdapter(
    new DiscordGatewayConnection(config, logger, tuning),
    inbound,
    logger,
    withAllowList,
  );
}
