/**
 * The Slack adapter: a connection (Bolt's App and receiver, slack-connection.ts), the router of
 * what arrives (slack-router.ts) and the poster the outbox posts through (slack-poster.ts, see
 * there for retries and duplicates). createSlackAdapter() builds the real connection for main.ts;
 * tests hand in a fake one.
 */
import type { ConnectionState, InboundPort, PlatformAdapter } from '../../core/adapter-contract.ts';
import type { Clock, Logger } from '../../core/ports.ts';
import type { RelayResumePoint } from '../../core/relay/relay-ports.ts';
import type { CustomRoute } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import { BoltSlackConnection, type SlackConnection, type SlackConnectionTuning } from './slack-connection.ts';
import type { SlackEventLedger, SlackPostLedger, SlackStores } from './slack-ports.ts';
import { SlackAttachmentSource } from './slack-files.ts';
import { SlackPoster } from './slack-poster.ts';
import { WorkspaceScopes } from './relayed-copy.ts';
import { SlackProfiles } from './slack-profiles.ts';
import { SlackRouter, type SlackRouterTuning } from './slack-router.ts';

/** Knobs for tests and unusual deployments; production uses the defaults. */
export interface SlackAdapterTuning extends SlackConnectionTuning, SlackRouterTuning {
  /** How long a person's Slack name, language and admin right are reused (default 5 min). */
  profileTtlMs?: number;
}

export interface SlackAdapterParts {
  connection: SlackConnection;
  inbound: InboundPort;
  events: SlackEventLedger;
  posts: SlackPostLedger;
  logger: Logger;
  /** Ages the cache of people's Slack profiles. */
  clock: Clock;
  /** The slash command, e.g. `/twin`. */
  command: string;
}

export class SlackAdapter implements PlatformAdapter {
  readonly platform = 'SLACK' as const;
  readonly poster: SlackPoster;
  readonly attachmentSource: SlackAttachmentSource;
  readonly connection: SlackConnection;
  private readonly router: SlackRouter;

  constructor(
    private readonly parts: SlackAdapterParts,
    tuning: SlackAdapterTuning = {},
  ) {
    const { connection, inbound, events, logger, clock, command } = parts;
    this.connection = connection;
    // Asked once per workspace: by the first command there, or the first copy posted there.
    const scopes = new WorkspaceScopes(logger);
    this.poster = new SlackPoster(connection.workspaces, parts.posts, logger, { scopes });
    this.attachmentSource = new SlackAttachmentSource(connection.workspaces);
    const profiles = new SlackProfiles({
      clock,
      logger,
      ...(tuning.profileTtlMs !== undefined ? { ttlMs: tuning.profileTtlMs } : {}),
      installerOf: (teamId) => connection.workspaces.installerOf(teamId),
      ...(tuning.timer ? { timer: tuning.timer } : {}),
    });
    this.router = new SlackRouter(
      { inbound, profiles, events, workspaces: connection.workspaces, logger, command, scopes },
      tuning,
    );
    this.router.attach(connection.app);
  }

  /** Connects; each relaying channel's backfill waits for it, first in that channel's queue. */
  async start(): Promise<void> {
    const points = await this.resumePoints();
    let ready: (connected: boolean) => void = () => undefined;
    const connected = new Promise<boolean>((resolve) => (ready = resolve));
    this.router.backfill(points, connected, this.parts.clock.now());
    try {
      await this.connection.start();
    } catch (error) {
      ready(false);
      throw error;
    }
    ready(true);
  }

  /** A database that fails here costs the backfill, not the start. */
  private async resumePoints(): Promise<RelayResumePoint[]> {
    try {
      return await this.parts.inbound.relayResumePoints('SLACK');
    } catch (error) {
      this.parts.logger.error(
        { err: error },
        'relay backfill: could not read where to resume; nothing is read back',
      );
      return [];
    }
  }

  connectionState(): ConnectionState {
    return this.connection.state;
  }

  /** Resolves once the card redraws and members' messages under way (a backfill too) are done. */
  whenIdle(): Promise<void> {
    return this.router.idle();
  }

  /** Stops receiving, then lets the card redraws under way finish. */
  async stop(): Promise<void> {
    await this.connection.stop();
    await this.router.idle();
  }
}

/** The adapter on a real Bolt connection, as main.ts runs it. */
export function createSlackAdapter(
  config: SlackConfig,
  inbound: InboundPort,
  stores: SlackStores,
  logger: Logger,
  options: { clock: Clock; tuning?: SlackAdapterTuning; httpRoutes?: readonly CustomRoute[] },
): SlackAdapter {
  const tuning = { allowedTeams: config.allowedTeams, ...options.tuning };
  const connection = new BoltSlackConnection(
    config,
    stores.installations,
    logger,
    tuning,
    options.httpRoutes,
  );
  return new SlackAdapter(
    {
      connection,
      inbound,
      events: stores.events,
      posts: stores.posts,
      logger,
      clock: options.clock,
      command: config.command,
    },
    tuning,
  );
}
