/**
 * The one place where Twinbridge is wired together by hand: configuration, database, core,
 * outbox worker, scheduler tick and adapters. `npm start` runs main().
 */
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { ConsolePoster, ConsoleSession } from './adapters/console/console-adapter.ts';
import { DiscordAdapter } from './adapters/discord/discord-adapter.ts';
import { SlackAdapter } from './adapters/slack/slack-adapter.ts';
import { commandRoutes } from './command-routes.ts';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { CommandBus } from './core/commands/command-bus.ts';
import { DeliveryWorker } from './core/outbox/delivery-worker.ts';
import { platformSendLimits } from './core/outbox/send-limits.ts';
import type { ChannelPoster, Clock, Logger } from './core/ports.ts';

/** Until every adapter follows src/core/adapter-contract.ts: posters that also connect. */
type ConnectingPoster = ChannelPoster & { start(): Promise<void>; stop(): Promise<void> };
import { CoreQueries } from './core/services/queries.ts';
import { openDatabase, type Database } from './db/open-database.ts';
import { PrismaStore } from './db/prisma-store.ts';
import { createLogger } from './logging.ts';
import { CronRecurrence } from './scheduler/cron-recurrence.ts';
import { startOutboxTicker } from './scheduler/outbox-ticker.ts';
import { Scheduler } from './scheduler/scheduler.ts';

export const systemClock: Clock = { now: () => new Date() };

export interface TwinbridgeParts {
  bus: CommandBus;
  queries: CoreQueries;
  worker: DeliveryWorker;
  /** Reminders, scheduled announcements and digests; main() starts it, tests tick it. */
  scheduler: Scheduler;
  posters: ChannelPoster[];
  /** Resolves once the posts of the commands run so far have been attempted. */
  outboxSettled: () => Promise<void>;
}

/**
 * Builds the core on a database. `posters` receives the bus and queries so platform adapters
 * can hand commands in; the worker then posts through them. Tests pass their own clock and posters.
 */
export function wireTwinbridge(options: {
  database: Database;
  logger: Logger;
  clock: Clock;
  workerId: string;
  posters: (core: { bus: CommandBus; queries: CoreQueries }) => ChannelPoster[];
  /** This process's share of the platforms' posting limits; default 1 (the only process). */
  sendShare?: number;
}): TwinbridgeParts {
  const store = new PrismaStore(options.database.prisma);
  // The bus wakes the worker after commits; the worker exists once the adapters do.
  const outbox: { worker?: DeliveryWorker; lastDrain: Promise<void> } = { lastDrain: Promise.resolve() };
  const bus = new CommandBus({
    store,
    clock: options.clock,
    logger: options.logger,
    recurrence: new CronRecurrence(),
    routes: commandRoutes,
    onOutboxChanged: () => {
      if (outbox.worker) outbox.lastDrain = outbox.worker.drainDueLogged();
    },
  });
  const queries = new CoreQueries(store, options.clock);
  const posters = options.posters({ bus, queries });
  const worker = new DeliveryWorker(store, posters, options.clock, options.logger, {
    workerId: options.workerId,
    limits: platformSendLimits(options.sendShare ?? 1),
  });
  outbox.worker = worker;
  const scheduler = new Scheduler({
    store,
    recurrence: new CronRecurrence(),
    logger: options.logger,
    clock: options.clock,
    worker,
  });
  // The drain a command started, if any: the console waits for it so posts print before the next prompt.
  return { bus, queries, worker, scheduler, posters, outboxSettled: () => outbox.lastDrain };
}

export async function main(
  io: { stdin: Readable & { isTTY?: boolean }; stdout: Writable } = process,
): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const { bus, worker, scheduler, posters, outboxSettled } = wireTwinbridge({
    database,
    logger,
    clock: systemClock,
    workerId: config.workerId,
    sendShare: config.sendShare,
    // Platform adapters join this list when configured: Slack (SLACK_*), Discord (DISCORD_TOKEN).
    posters: (core) => [
      new ConsolePoster(io.stdout),
      ...(config.slack
        ? [new SlackAdapter({ config: config.slack, ...core, prisma: database.prisma, logger })]
        : []),
      ...(config.discord ? [new DiscordAdapter({ config: config.discord, ...core, logger })] : []),
    ],
  });
  const platformAdapters = posters.filter((p): p is ConnectingPoster => 'start' in p);
  // Before anything can wake the worker: reminders of exchanges that began while no process ran
  // are dropped (and logged), and announcements and digests that fell due are fanned out once.
  await scheduler.catchUp();
  try {
    for (const adapter of platformAdapters) await adapter.start();
  } catch (error) {
    for (const adapter of platformAdapters) await adapter.stop().catch(() => undefined);
    await database.close();
    throw error;
  }
  const ticker = startOutboxTicker(worker);
  scheduler.start();
  // What fell due while no process ran (or a dead one held) goes out now, not at the first tick.
  void worker.drainDueLogged();

  const shutdown = async () => {
    await scheduler.stop();
    ticker.stop();
    // The console prints what is still due before it exits. Then the worker stops claiming and
    // gives back what waits for a send slot, for another process or the next start.
    if (config.console) await worker.drainDueLogged();
    await worker.stop();
    for (const adapter of platformAdapters) await adapter.stop();
    await database.close();
  };

  if (!config.console) {
    if (platformAdapters.length === 0) {
      logger.warn({}, 'no adapter is enabled: set TWINBRIDGE_CONSOLE=on or configure Discord/Slack');
    } else {
      // Platform adapters run until the process is asked to stop.
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      logger.info({}, 'stopping');
    }
    await shutdown();
    return;
  }
  const session = new ConsoleSession({
    bus,
    output: io.stdout,
    interactive: Boolean(io.stdin.isTTY),
    afterCommand: outboxSettled,
  });
  process.once('SIGTERM', () => io.stdin.destroy());
  await session.run(io.stdin);
  await shutdown();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Twinbridge could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
