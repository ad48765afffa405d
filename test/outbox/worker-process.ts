/**
 * A bot process reduced to its outbox: connects to PostgreSQL, runs the real DeliveryWorker
 * and posts through the Discord adapter's poster (to the emulator) or a platform that accepts
 * everything, appending every delivery the platform accepted to its own
 * record file (`<delivery id> <platform message id>` per line). Outbox tests start several of
 * these with tsx and kill them at will.
 *
 *   OUTBOX_WORKER='{"databaseUrl":"…","workerId":"a","recordFile":"/tmp/a.log"}' tsx test/outbox/worker-process.ts
 *
 * With `"until":"empty"` it exits once nothing is pending or being sent; otherwise it keeps
 * polling until SIGTERM (graceful: gives unsent claims back) or SIGKILL (nothing graceful).
 */
import { once } from 'node:events';
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import { PLATFORM_SEND_LIMITS } from '../../src/core/outbox/send-limits.ts';
import type { ChannelPoster, PostResult } from '../../src/core/ports.ts';
import { connectPostgres } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { createLogger } from '../../src/logging.ts';
import { REST } from 'discord.js';
import { discordRestOptions, DiscordPoster } from '../../src/adapters/discord/discord-poster.ts';

export interface WorkerProcessConfig {
  databaseUrl: string;
  workerId: string;
  recordFile: string;
  /** Post to the Discord emulator at this API URL; otherwise accept every post after `postDelayMs`. */
  discordApi?: string;
  /** With discordApi: the global pace, in the worker and in the REST client (Discord: 50). */
  globalPerSecond?: number;
  postDelayMs?: number;
  until?: 'empty' | 'signal';
  /**
   * Sends `ready` to the parent (IPC) once connected, then waits for its `go` message, so several
   * processes start draining together.
   */
  startGate?: boolean;
  leaseMs?: number;
  batchSize?: number;
  concurrency?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

const config = JSON.parse(process.env.OUTBOX_WORKER ?? '{}') as WorkerProcessConfig;

/** Accepts every post (a platform that never fails), optionally after a delay. */
class AcceptingPoster implements ChannelPoster {
  readonly platform = 'DISCORD' as const;
  private sequence = 0;
  constructor(private readonly delayMs: number) {}
  async post(): Promise<PostResult> {
    if (this.delayMs > 0) await sleep(this.delayMs);
    return { ok: true, platformMessageId: `${config.workerId}-${++this.sequence}` };
  }
  sendDirect(): Promise<PostResult> {
    return this.post();
  }
  edit(): Promise<PostResult> {
    return this.post();
  }
  editDirect(): Promise<PostResult> {
    return this.post();
  }
  remove(): Promise<PostResult> {
    return this.post();
  }
  react(): Promise<PostResult> {
    return this.post();
  }
}

/** Writes down what the platform accepted, before the worker records it in the database. */
function recording(poster: ChannelPoster): ChannelPoster {
  const note = (key: string, result: PostResult): PostResult => {
    if (result.ok) appendFileSync(config.recordFile, `${key} ${result.platformMessageId}\n`);
    return result;
  };
  return {
    platform: poster.platform,
    post: async (target, message, key) => note(key, await poster.post(target, message, key)),
    sendDirect: async (target, message, key) => note(key, await poster.sendDirect(target, message, key)),
    edit: (target, id, message) => poster.edit(target, id, message),
    editDirect: (target, id, message) => poster.editDirect(target, id, message),
    remove: (target, id) => poster.remove(target, id),
    react: (target, id, reactions) => poster.react(target, id, reactions),
  };
}

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const database = connectPostgres(config.databaseUrl);
const store = new PrismaStore(database.prisma);
const globalPerSecond = config.globalPerSecond ?? 50;
const poster = recording(
  config.discordApi
    ? new DiscordPoster(
        // The worker sees every refusal itself (no waiting or repeating inside discord.js), so
        // these tests exercise the outbox's own retries.
        new REST({
          ...discordRestOptions({ apiUrl: config.discordApi, maxInlineRateLimitWaitMs: 0, retries: 0 }),
          globalRequestsPerSecond: globalPerSecond,
        }).setToken('outbox-test-token'),
        logger,
      )
    : new AcceptingPoster(config.postDelayMs ?? 0),
);
const worker = new DeliveryWorker(store, [poster], { now: () => new Date() }, logger, {
  workerId: config.workerId,
  ...(config.leaseMs === undefined ? {} : { leaseMs: config.leaseMs }),
  batchSize: config.batchSize ?? 100,
  ...(config.baseBackoffMs === undefined ? {} : { baseBackoffMs: config.baseBackoffMs }),
  ...(config.maxBackoffMs === undefined ? {} : { maxBackoffMs: config.maxBackoffMs }),
  limits: {
    DISCORD: config.discordApi
      ? {
          ...PLATFORM_SEND_LIMITS.DISCORD,
          concurrency: config.concurrency ?? 16,
          global: { limit: globalPerSecond, windowMs: 1_000 },
        }
      : { concurrency: config.concurrency ?? 16 },
  },
});

let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
  void worker.stop();
});

async function run(): Promise<void> {
  if (config.startGate && process.send) {
    await store.transaction((repos) => repos.deliveries.countByStatus());
    const go = once(process, 'message');
    process.send('ready');
    await go;
  }
  // An open IPC channel would keep the process alive after its work is done.
  if (process.connected) process.disconnect();
  while (!stopping) {
    await worker.drainDue();
    if (config.until === 'empty') {
      const counts = await store.transaction((repos) => repos.deliveries.countByStatus());
      if (!counts.PENDING && !counts.SENDING) break;
    }
    await sleep(50);
  }
  await worker.stop();
  await database.close();
}

run().catch((error: unknown) => {
  logger.error({ err: error }, 'outbox worker process failed');
  process.exitCode = 1;
});
