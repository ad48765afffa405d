/**
 * One announcement fanned out to a partnership's Discord channels by one or more outbox workers,
 * through the Discord adapter's poster (discord.js's REST client) to the Discord emulator, which
 * enforces Discord's global limit; each answer is delayed to stand for the round trip to Discord.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { REST } from 'discord.js';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import { platformSendLimits } from '../../src/core/outbox/send-limits.ts';
import type { ChannelPoster, Logger } from '../../src/core/ports.ts';
import { enqueueFanOut as enqueuePartnershipFanOut } from '../../src/core/services/fan-out.ts';
import { translate } from '../../src/core/i18n/translator.ts';
import { connectPostgres, type Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { systemClock } from '../../src/main.ts';
import {
  DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS,
  discordRestOptions,
  DiscordPoster,
} from '../../src/adapters/discord/discord-poster.ts';
import { DiscordEmulator } from '../../test/emulators/discord/discord-emulator.ts';
import type { Twinning } from '../../test/outbox/outbox-fixtures.ts';

export const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The Discord REST poster with a fixed delay added to each answer, standing for the round trip
 * to Discord: the request reaches the emulator when it leaves, and the send slot stays taken
 * for the whole round trip.
 */
function withRoundTrip(poster: ChannelPoster, ms: number): ChannelPoster {
  const slow = async <T>(work: () => Promise<T>) => {
    const result = await work();
    if (ms > 0) await sleep(ms);
    return result;
  };
  return {
    platform: poster.platform,
    post: (target, message, key) => slow(() => poster.post(target, message, key)),
    sendDirect: (target, message, key) => slow(() => poster.sendDirect(target, message, key)),
    edit: (target, id, message) => slow(() => poster.edit(target, id, message)),
    editDirect: (target, id, message) => slow(() => poster.editDirect(target, id, message)),
    remove: (target, id) => slow(() => poster.remove(target, id)),
    react: (target, id, reactions) => slow(() => poster.react(target, id, reactions)),
  };
}

export interface FanOutRun {
  /** The scratch database (the first worker's connection) and its URL, for the others' own pools. */
  database: Database;
  url: string;
  twinning: Twinning;
  /** Outbox workers posting together, each with its own connection pool. */
  workers: number;
  /** shared: the live workers divide Discord's budget by themselves; fixed: 1/workers each. */
  budget: 'shared' | 'fixed';
  latencyMs: number;
  globalPerSecond: number;
}

export async function fanOut(run: FanOutRun) {
  const { database, twinning } = run;
  await database.prisma.$executeRawUnsafe('TRUNCATE "Delivery", "LiveWorker"');
  const emulator = await DiscordEmulator.start({
    guilds: [
      {
        name: 'Krumlov',
        channels: twinning.links.map((link) => ({ id: link.channelId, name: link.channelName })),
      },
    ],
    globalRateLimit: run.globalPerSecond,
  });
  const connections = [database, ...Array.from({ length: run.workers - 1 }, () => connectPostgres(run.url))];
  const workers: DeliveryWorker[] = [];
  try {
    // The Discord adapter's own poster and REST settings, without the gateway: one per process.
    const workerFor = (connection: Database, index: number) => {
      const rest = new REST(
        discordRestOptions({
          apiUrl: emulator.apiUrl,
          maxInlineRateLimitWaitMs: DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS,
        }),
      ).setToken('bench-token');
      const poster = withRoundTrip(new DiscordPoster(rest, silent), run.latencyMs);
      // Discord's 50 requests per second, per-channel buckets, 25 in flight: whole or a fixed part.
      return new DeliveryWorker(new PrismaStore(connection.prisma), [poster], systemClock, silent, {
        workerId: `bench-fanout-${index}`,
        limits: platformSendLimits(run.budget === 'fixed' ? 1 / run.workers : 1),
        shareBudget: run.budget === 'shared',
      });
    };
    workers.push(...connections.map(workerFor));
    // Each starts as the bot starts: a first drain with nothing due (its first heartbeat).
    await Promise.all(workers.map((worker) => worker.drainDue()));
    const store = new PrismaStore(database.prisma);
    // The real announcement path: one outbox row per linked channel, rendered in its language.
    const queued = await store.transaction((repos) =>
      enqueuePartnershipFanOut(repos, {
        partnershipId: twinning.partnershipId,
        kind: 'announcement',
        sourceId: 'bench-announcement',
        occasion: 'once',
        dueAt: new Date(),
        render: ({ language }) => ({
          text: translate(language, 'partner.joined-post', {
            town: 'Passau',
            country: 'DE',
            name: 'Krumlov – Passau',
          }),
        }),
      }),
    );
    const started = performance.now();
    let retried = 0;
    const drainAll = async () => {
      for (const result of await Promise.all(workers.map((worker) => worker.drainDue())))
        retried += result.retried;
    };
    await drainAll();
    // Anything given back for pace or rescheduled after a refusal is drained again until all is sent.
    while ((await store.transaction((repos) => repos.deliveries.countByStatus())).SENT !== queued) {
      await sleep(20);
      await drainAll();
    }
    const seconds = (performance.now() - started) / 1_000;
    const posts = emulator.requests({ method: 'POST', route: '/channels/:channel_id/messages' });
    const arrivals = posts.map((r) => r.at).sort((a, b) => a - b);
    let busiestSecond = 0;
    for (let i = 0, j = 0; j < arrivals.length; j++) {
      while ((arrivals[j] ?? 0) - (arrivals[i] ?? 0) >= 1_000) i++;
      busiestSecond = Math.max(busiestSecond, j - i + 1);
    }
    return {
      queued,
      seconds,
      messages: emulator.messages().length,
      requests: posts.length,
      rateLimited: posts.filter((r) => r.status === 429).length,
      busiestSecond,
      retried,
    };
  } finally {
    for (const worker of workers) await worker.stop();
    for (const connection of connections.slice(1)) await connection.close();
    await emulator.stop();
  }
}
