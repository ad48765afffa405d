/**
 * The one place where Twinbridge is wired together by hand: configuration, database, core,
 * outbox worker, scheduler tick and adapters. `npm start` runs main().
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { ConsoleAdapter } from './adapters/console/console-adapter.ts';
import type { createDiscordAdapter } from './adapters/discord/discord-adapter.ts';
import type { createSlackAdapter } from './adapters/slack/slack-adapter.ts';
import { commandRoutes } from './command-routes.ts';
import { loadConfig, ConfigError, configuredSecrets, type Config } from './config.ts';
import type { InboundPort, PlatformAdapter } from './core/adapter-contract.ts';
import { CommandBus } from './core/commands/command-bus.ts';
import { DEFAULT_LIMITS, type AbuseLimits } from './core/limits.ts';
import type { Metrics } from './core/metrics.ts';
import { CoreInbound } from './core/inbound.ts';
import type { RetentionPeriods } from './core/jobs/purge-history.ts';
import { DeliveryWorker, type DeliveryWorkerOptions } from './core/outbox/delivery-worker.ts';
import { OutboxSignal } from './core/outbox/outbox-signal.ts';
import { platformSendLimits } from './core/outbox/send-limits.ts';
import type { Clock, Logger } from './core/ports.ts';
import { CoreQueries } from './core/services/queries.ts';
import { embeddedInviteKey } from './db/invite-key.ts';
import { openDatabase, type Database } from './db/open-database.ts';
import { PrismaStore } from './db/prisma-store.ts';
import { PrismaSlackInstallationStore, prismaSlackStores } from './db/repositories/slack-repositories.ts';
import { TokenCipher } from './db/token-cipher.ts';
import { createLogger } from './logging.ts';
import { startHttpServer } from './observability/http-endpoints.ts';
import { Observability } from './observability/observability.ts';
import { CronRecurrence } from './scheduler/cron-recurrence.ts';
import type { MachineTranslation } from './core/relay/machine-translation.ts';
import { RelayService } from './core/relay/relay-service.ts';
import { startOutboxTicker } from './scheduler/outbox-ticker.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { configuredTranslation } from './translation/configured-translation.ts';
import { exitAfterStop, startAll, stopAll, stopRequested, unhandledRejectionLogger } from './lifecycle.ts';

export const systemClock: Clock = { now: () => new Date() };

/** What adapters are built with: the core's inbound side, and a way to wait for the outbox. */
export interface AdapterWiring {
  inbound: InboundPort;
  /** Resolves once the posts of the commands run so far have been attempted (the console waits). */
  outboxSettled: () => Promise<void>;
}

export interface TwinbridgeParts extends AdapterWiring {
  bus: CommandBus;
  queries: CoreQueries;
  worker: DeliveryWorker;
  /** Reminders, scheduled announcements and digests; main() starts it, tests tick it. */
  scheduler: Scheduler;
  adapters: PlatformAdapter[];
}

/**
 * Builds the core on a database, then the adapters on the core's inbound side; the worker posts
 * through the adapters' posters. Tests pass their own clock and adapters.
 */
export function wireTwinbridge(options: {
  database: Database;
  logger: Logger;
  clock: Clock;
  workerId: string;
  adapters: (wiring: AdapterWiring) => PlatformAdapter[];
  /**
   * A fixed share of the platforms' posting limits for this process (TWINBRIDGE_SEND_SHARE).
   * Unset: on PostgreSQL the limits are shared with the other live processes (send-shares.ts);
   * the embedded database serves one process, which has them all.
   */
  sendShare?: number | undefined;
  /** Days each kind of history is kept; default DEFAULT_RETENTION. */
  retention?: RetentionPeriods;
  /** What one partnership may schedule and send; DEFAULT_LIMITS when not given. */
  limits?: AbuseLimits;
  /** The key invite codes are hashed with; main() always passes the configured one (tests: random). */
  inviteKey?: Buffer;
  /** What the bus, the worker and the scheduler report to (/metrics); nothing when not given. */
  metrics?: Metrics;
  /** Tests: the outbox's timer (pacing, leases, send timeouts) and its own wake-ups. */
  outbox?: Pick<DeliveryWorkerOptions, 'timer' | 'retryWakeHorizonMs'>;
  /** Relayed copies are translated into their channel's language; none: originals only. */
  machineTranslation?: MachineTranslation;
  /** The bench and tests: told the database round trips of each command's transaction. */
  onCommandRoundTrips?: (roundTrips: number) => void;
}): TwinbridgeParts {
  const { clock, logger, metrics } = options;
  const inviteKey = options.inviteKey ?? randomBytes(32);
  const store = new PrismaStore(options.database.prisma, { inviteKey });
  // Its own store, so that what commands cost is told apart from the outbox and the scheduler.
  const commandStore = options.onCommandRoundTrips
    ? new PrismaStore(options.database.prisma, { inviteKey, onRoundTrips: options.onCommandRoundTrips })
    : store;
  const recurrence = new CronRecurrence();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const outboxChanged = new OutboxSignal();
  const bus = new CommandBus({
    store: commandStore,
    clock,
    logger,
    recurrence,
    limits,
    routes: commandRoutes,
    onOutboxChanged: () => outboxChanged.raise(),
    ...(metrics ? { metrics } : {}),
  });
  const queries = new CoreQueries(store, clock);
  const relay = new RelayService({ store, clock, logger, onOutboxChanged: () => outboxChanged.raise() });
  const inbound = new CoreInbound(bus, queries, relay, { store, logger });
  // The drain the last command started: the console waits for it so posts print before the prompt.
  let lastDrain = Promise.resolve();
  const outboxSettled = () => lastDrain;
  const adapters = options.adapters({ inbound, outboxSettled });
  const worker = new DeliveryWorker(
    store,
    adapters.map((adapter) => adapter.poster),
    clock,
    logger,
    {
      workerId: options.workerId,
      limits: platformSendLimits(options.sendShare ?? 1),
      shareBudget: options.sendShare === undefined && options.database.kind === 'postgres',
      ...(metrics ? { metrics } : {}),
      ...(options.machineTranslation ? { machineTranslation: options.machineTranslation } : {}),
      attachmentSources: adapters.flatMap((adapter) =>
        adapter.attachmentSource ? [adapter.attachmentSource] : [],
      ),
      ...options.outbox,
    },
  );
  outboxChanged.listen(() => {
    lastDrain = worker.drainDueLogged();
  });
  const scheduler = new Scheduler(
    {
      store,
      recurrence,
      limits,
      logger,
      clock,
      worker,
      ...(options.retention ? { retention: options.retention } : {}),
    },
    metrics ? { metrics } : {},
  );
  return { bus, queries, inbound, outboxSettled, worker, scheduler, adapters };
}

type ConsoleIo = { stdin: Readable & { isTTY?: boolean }; stdout: Writable };

/** The platform adapters' factories, for the platforms the configuration names. */
interface PlatformFactories {
  slack?: typeof createSlackAdapter;
  discord?: typeof createDiscordAdapter;
}

/**
 * Loads discord.js and Bolt only for a platform that is configured: together they are most of
 * the modules a start would load, and the console or a one-platform bot needs none of the other.
 */
async function loadPlatforms(config: Config): Promise<PlatformFactories> {
  const [slack, discord] = await Promise.all([
    config.slack ? import('./adapters/slack/slack-adapter.ts') : undefined,
    config.discord ? import('./adapters/discord/discord-adapter.ts') : undefined,
  ]);
  return {
    ...(slack ? { slack: slack.createSlackAdapter } : {}),
    ...(discord ? { discord: discord.createDiscordAdapter } : {}),
  };
}

/** The adapters the configuration asks for: the console, Slack (SLACK_*), Discord (DISCORD_TOKEN). */
function configuredAdapters(
  config: Config,
  io: ConsoleIo,
  database: Database,
  logger: Logger,
  { inbound, outboxSettled }: AdapterWiring,
  installations: PrismaSlackInstallationStore,
  observability: Observability | undefined,
  platforms: PlatformFactories,
): PlatformAdapter[] {
  // Slack in HTTP mode serves /healthz and /metrics on its own server (TWINBRIDGE_HTTP_PORT unset).
  const httpRoutes = config.http.serve === 'slack' ? observability?.endpoints.routes : undefined;
  return [
    ...(config.console
      ? [new ConsoleAdapter({ inbound, input: io.stdin, output: io.stdout, afterCommand: outboxSettled })]
      : []),
    ...(config.slack && platforms.slack
      ? [
          platforms.slack(config.slack, inbound, prismaSlackStores(database.prisma, installations), logger, {
            clock: systemClock,
            ...(httpRoutes ? { httpRoutes } : {}),
          }),
        ]
      : []),
    ...(config.discord && platforms.discord ? [platforms.discord(config.discord, inbound, logger)] : []),
  ];
}

/**
 * Slack installations, sealed with TWINBRIDGE_TOKEN_KEY: rows in plain text or under an old key
 * are sealed with it now. Without a key, a warning whenever installations can be stored.
 */
export async function openInstallations(
  config: Config,
  database: Database,
  logger: Logger,
): Promise<PrismaSlackInstallationStore> {
  const keys = config.tokenKeys;
  const store = new PrismaSlackInstallationStore(
    database.prisma,
    keys ? new TokenCipher(keys.current, keys.old) : undefined,
  );
  if (!config.slack?.oauth) return store;
  const { resealed, plaintext } = await store.resealAll();
  if (!keys)
    logger.warn(
      { plaintext },
      'Slack installation tokens are stored in plain text: set TWINBRIDGE_TOKEN_KEY (openssl rand -base64 32) to seal them',
    );
  else if (resealed > 0) logger.info({ resealed }, 'Slack installations sealed with the current token key');
  return store;
}

/** The configured translation service, said once at start (its name and URL, never the key). */
function machineTranslationOf(config: Config, logger: Logger): { machineTranslation?: MachineTranslation } {
  const machineTranslation = configuredTranslation(config.translation);
  if (!machineTranslation || !config.translation) return {};
  logger.info(
    { service: machineTranslation.service, url: config.translation.url },
    'relayed copies carry a machine translation into each channel’s language',
  );
  return { machineTranslation };
}

function readConfig(): Config | undefined {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return undefined;
  }
}

export async function main(io: ConsoleIo = process): Promise<void> {
  const config = readConfig();
  if (!config) return;
  const logger = createLogger(config.logLevel, undefined, configuredSecrets(config));
  process.on('unhandledRejection', unhandledRejectionLogger(logger));
  // The platform libraries load while the database opens.
  const platformsLoading = loadPlatforms(config);
  // Awaited below; until then an early failure must not count as an unhandled rejection.
  platformsLoading.catch(() => undefined);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const platforms = await platformsLoading.catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const installations = await openInstallations(config, database, logger);
  const inviteKey = config.inviteKey
    ? Buffer.from(config.inviteKey, 'utf8')
    : await embeddedInviteKey(config.dataDir).catch(async (error: unknown) => {
        await database.close();
        throw error;
      });
  const observability =
    config.http.serve === 'off'
      ? undefined
      : new Observability({
          database,
          clock: systemClock,
          logger,
          maxDueAgeSeconds: config.http.maxDueAgeSeconds,
        });
  const parts = wireTwinbridge({
    inviteKey,
    ...(observability ? { metrics: observability.metrics } : {}),
    database,
    logger,
    clock: systemClock,
    workerId: config.workerId,
    sendShare: config.sendShare,
    retention: config.retention,
    limits: config.limits,
    ...machineTranslationOf(config, logger),
    adapters: (wiring) =>
      configuredAdapters(config, io, database, logger, wiring, installations, observability, platforms),
  });
  const { adapters, scheduler, worker } = parts;
  observability?.watch(adapters);
  // Before anything can wake the worker: reminders of exchanges that began while no process ran
  // are dropped (and logged), and announcements and digests that fell due are fanned out once.
  await scheduler.catchUp();
  if (adapters.length === 0) {
    logger.warn({}, 'no adapter is enabled: set TWINBRIDGE_CONSOLE=on or configure Discord/Slack');
    await database.close();
    return;
  }
  // Served before the adapters connect, so a probe sees a slow start as "connecting".
  const { serve } = config.http;
  let httpServer: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  try {
    if (observability && typeof serve === 'object') {
      httpServer = await startHttpServer(observability.endpoints, serve).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `cannot serve /healthz and /metrics (${reason}): set TWINBRIDGE_HTTP_PORT to a free port, or off`,
          { cause: error },
        );
      });
      logger.info({ host: serve.host, port: httpServer.port }, 'serving /healthz and /metrics');
    }
    await startAll(adapters, logger);
  } catch (error) {
    await httpServer?.close();
    await database.close();
    throw error;
  }
  const ticker = startOutboxTicker(worker, logger);
  scheduler.start();
  // What fell due while no process ran (or a dead one held) goes out now, not at the first tick.
  void worker.drainDueLogged();

  await stopRequested(
    adapters.find((a): a is ConsoleAdapter => a instanceof ConsoleAdapter),
    logger,
  );
  logger.info({}, 'stopping');
  await scheduler.stop();
  ticker.stop();
  // The console prints what is still due before it exits. Then the worker stops claiming and
  // gives back what waits for a send slot, for another process or the next start.
  if (config.console) await worker.drainDueLogged();
  await worker.stop();
  await stopAll(adapters, logger);
  await httpServer?.close();
  await database.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main()
    .catch((error: unknown) => {
      process.stderr.write(
        `Twinbridge could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    })
    .finally(exitAfterStop);
}
