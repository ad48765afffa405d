/**
 * npm run bench:relay: relay latency across three linked relaying channels on two platforms —
 * Český Krumlov and Passau on Discord, York on Slack (bench/relay-towns.ts: the emulators, the
 * real discord.js and Bolt, the platforms' posting limits) — for members' messages written
 * round-robin in the three channels, each copied to the other two. Prints figures; asserts nothing.
 *
 * - The bot's own share, per copy: from the member's message arriving at the adapter (the bot's
 *   discord.js client emitting it; for Slack, the emulator sending the event, an upper bound) to
 *   the copy's request reaching the emulator (Execute Webhook, chat.postMessage). Members write
 *   below what the limits allow (--rate), so no copy waits for its channel's budget.
 * - End to end, per copy: the member's message written → the copy stored by the emulator.
 * - The rate-limit floor: when the last copy could be visible at the earliest, each channel
 *   posting at the platforms' limits from the moment each message was written; the run's
 *   duration beside it, and the ratio. With --rate 0 everything is written at once, and the
 *   duration is the throughput the limits allow.
 * - Peak resident memory: process.resourceUsage().maxRSS of this process, which holds the bot
 *   and both emulators.
 *
 *   npm run bench:relay                                  # 1,000 messages at 1.2 a second, PostgreSQL
 *   npm run bench:relay -- --messages 100 --database embedded
 *   npm run bench:relay -- --messages 300 --rate 0       # all at once: bounded by the limits
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../src/db/open-database.ts';
import { EXECUTE_WEBHOOK } from '../test/emulators/discord/discord-emulator.ts';
import { BENCH_SERVER_URL, percentile, withServerDatabase } from './bench-support.ts';
import { onDiscordArrival, startRelayTowns, type RelayChannel, type RelayTowns } from './relay-towns.ts';

const { values: flags } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '1.2' },
    database: { type: 'string', default: 'postgres' },
  },
});
const MESSAGES = Number(flags.messages);
/** Messages written per second over the three channels; 0: all at once. */
const RATE = Number(flags.rate);
/** How long the last copies may take to appear once nothing moves any more. */
const STALL_MS = 60_000;

/**
 * Posting limits per channel, from the platforms' documentation: Discord buckets message
 * creation per channel, 5 per 5 s in practice (developers/topics/rate-limits; the real bucket
 * comes in X-RateLimit-* headers); Slack's chat.postMessage "generally allows posting one
 * message per second per channel", with short bursts (docs.slack.dev, rate limits; a burst of
 * 3 assumed).
 */
const CHANNEL_LIMITS = {
  DISCORD: { limit: 5, windowMs: 5_000 },
  SLACK: { limit: 3, windowMs: 3_000 },
} as const;

/** One member's message: where and when it was written, and when the adapter had it. */
interface Written {
  channel: RelayChannel;
  writtenAt: number;
  arrivedAt?: number;
  /** The adapter handed it to the core (InboundPort.messageArrived called) … */
  toCoreAt?: number;
  /** … and the relay's transaction (the original and its copies' deliveries) committed. */
  committedAt?: number;
}

/** A copy as the emulator received it. */
interface Copy {
  index: number;
  destination: RelayChannel;
  at: number;
}

const MARKER = /bench-(\d{6})/;
const marker = (i: number) => `bench-${String(i).padStart(6, '0')}`;

async function runRelay(database: Database, databaseName: string) {
  const written = new Map<number, Written>();
  const towns = await startRelayTowns(database, (text, calledAt, committedAt) => {
    const entry = written.get(Number(MARKER.exec(text)?.[1] ?? Number.NaN));
    if (entry) Object.assign(entry, { toCoreAt: calledAt, committedAt });
  });
  try {
    return await measure(towns, written, databaseName);
  } finally {
    await towns.stop();
  }
}

async function measure(towns: RelayTowns, written: Map<number, Written>, databaseName: string) {
  const { discord, slack, channels } = towns;
  onDiscordArrival(towns.discordAdapter, (message, at) => {
    const index = Number(MARKER.exec(message.content)?.[1] ?? Number.NaN);
    const entry = written.get(index);
    if (entry) entry.arrivedAt = at;
  });
  const slackWrites = new Set<Promise<unknown>>();
  const write = (channel: RelayChannel, author: string, text: string) => {
    if (channel.platform === 'DISCORD') {
      discord.memberWrites({
        guild: channel.community,
        channel: channel.channelId,
        user: author,
        content: text,
      });
      return;
    }
    const sent = slack.members.writes({ channel: channel.channelId, user: author, text });
    slackWrites.add(sent);
    void sent.finally(() => slackWrites.delete(sent));
  };

  // Warm-up: each channel's webhook found, the Slack profiles cached, the pools open; then the
  // posting windows of the set-up's and warm-up's posts run out.
  for (const channel of channels) write(channel, channel.members[0] ?? '', `warm-up in ${channel.town}`);
  const warmCopies = () => copiesOf(towns, /warm-up/).length;
  while (warmCopies() < channels.length * 2) await sleep(100);
  await sleep(CHANNEL_LIMITS.DISCORD.windowMs + 1_000);

  const firstCall = { discord: discord.requestCount(), slack: slack.calls().length };
  const startedAt = Date.now();
  for (let i = 0; i < MESSAGES; i++) {
    const channel = channels[i % channels.length] as RelayChannel;
    const author = channel.members[Math.floor(i / channels.length) % channel.members.length] ?? '';
    if (RATE > 0) {
      const due = startedAt + (i * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    const writtenAt = Date.now();
    written.set(i, { channel, writtenAt, ...(channel.platform === 'SLACK' ? { arrivedAt: writtenAt } : {}) });
    write(channel, author, `${marker(i)} Dobrý den from ${channel.town}, see you on *Saturday*`);
  }
  let copies: Copy[] = [];
  for (let lastMove = Date.now(); copies.length < MESSAGES * 2 && Date.now() - lastMove < STALL_MS;) {
    await sleep(250);
    const now = copiesOf(towns, MARKER);
    if (now.length !== copies.length) lastMove = Date.now();
    copies = now;
  }
  await Promise.allSettled(slackWrites);

  const ownShare = new Map<string, number[]>();
  const endToEnd: number[] = [];
  const parts = { adapter: [] as number[], relay: [] as number[], outbox: [] as number[] };
  for (const copy of copies) {
    const origin = written.get(copy.index);
    if (!origin) continue;
    endToEnd.push(copy.at - origin.writtenAt);
    if (origin.arrivedAt !== undefined && origin.toCoreAt !== undefined && origin.committedAt !== undefined) {
      parts.adapter.push(origin.toCoreAt - origin.arrivedAt);
      parts.relay.push(origin.committedAt - origin.toCoreAt);
      parts.outbox.push(copy.at - origin.committedAt);
    }
    if (origin.arrivedAt === undefined) continue;
    const key = `${origin.channel.platform} → ${copy.destination.platform}`;
    ownShare.set(key, [...(ownShare.get(key) ?? []), copy.at - origin.arrivedAt]);
  }
  const lastVisible = Math.max(...copies.map((c) => c.at));
  const floorEnd = rateLimitFloor(written, channels);
  const newDiscord = discord.requests().slice(firstCall.discord);
  return {
    databaseName,
    copies: copies.length,
    ownShare,
    parts,
    endToEnd,
    durationMs: lastVisible - startedAt,
    floorMs: floorEnd - startedAt,
    discord429: newDiscord.filter((r) => r.status === 429).length,
    slackRefused: slack
      .calls()
      .slice(firstCall.slack)
      .filter((c) => c.status !== 200).length,
    warnings: towns.warnings,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** The relay's copies the emulators received whose text matches, with their destination. */
function copiesOf(towns: RelayTowns, match: RegExp): Copy[] {
  const { discord, slack, channels } = towns;
  const byWebhook = new Map<string, RelayChannel>();
  for (const channel of channels.filter((c) => c.platform === 'DISCORD')) {
    for (const hook of discord.webhooks(channel.channelId)) byWebhook.set(hook.id, channel);
  }
  const york = channels.find((c) => c.platform === 'SLACK');
  const copies: Copy[] = [];
  const add = (text: unknown, destination: RelayChannel | undefined, at: number) => {
    const found = typeof text === 'string' ? match.exec(text) : null;
    if (found && destination) copies.push({ index: Number(found[1] ?? -1), destination, at });
  };
  for (const request of discord.requests(EXECUTE_WEBHOOK)) {
    if (request.status !== 200) continue;
    const content = (request.body as { content?: unknown } | undefined)?.content;
    add(content, byWebhook.get(request.path.split('/')[2] ?? ''), request.at);
  }
  for (const call of slack.calls('chat.postMessage')) {
    if (call.status === 200 && call.args['username'] !== undefined) add(call.args['text'], york, call.at);
  }
  return copies;
}

/**
 * When the last copy could be visible at the earliest: each channel receives its copies in the
 * order they were written, none before its message was written, and at most `limit` in any
 * `windowMs` (CHANNEL_LIMITS).
 */
function rateLimitFloor(written: ReadonlyMap<number, Written>, channels: readonly RelayChannel[]): number {
  let end = 0;
  for (const destination of channels) {
    const { limit, windowMs } = CHANNEL_LIMITS[destination.platform];
    const sends: number[] = [];
    for (const [, message] of [...written.entries()].sort(([a], [b]) => a - b)) {
      if (message.channel === destination) continue;
      const slot = sends.length >= limit ? (sends[sends.length - limit] ?? 0) + windowMs : 0;
      sends.push(Math.max(message.writtenAt, slot));
    }
    end = Math.max(end, ...sends);
  }
  return end;
}

const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);

function report(r: Awaited<ReturnType<typeof measure>>): void {
  console.log(`database: ${r.databaseName}; load average at the end ${loadavg()[0]?.toFixed(1) ?? '?'}`);
  console.log(`copies seen: ${r.copies} of ${MESSAGES * 2}\n`);
  console.log('| measure | copies | p50 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|');
  const all = [...r.ownShare.values()].flat().sort((a, b) => a - b);
  const row = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `| ${name} | ${sorted.length} | ${ms(sorted, 50)} | ${ms(sorted, 99)} | ${(sorted.at(-1) ?? 0).toFixed(1)} |`,
    );
  };
  row("bot's own share (event at the adapter → copy's request at the emulator)", all);
  for (const [direction, values] of [...r.ownShare.entries()].sort()) row(`— ${direction}`, values);
  row('— of it: adapter (event → InboundPort.messageArrived)', r.parts.adapter);
  row("— of it: relay (messageArrived → the copies' deliveries committed)", r.parts.relay);
  row("— of it: outbox (committed → the copy's request at the emulator)", r.parts.outbox);
  row('end to end (member writes → copy stored by the emulator)', r.endToEnd);
  const ratio = r.floorMs > 0 ? r.durationMs / r.floorMs : Number.NaN;
  console.log(
    `\nfirst message written → last copy visible: ${(r.durationMs / 1000).toFixed(1)} s; ` +
      `rate-limit floor ${(r.floorMs / 1000).toFixed(1)} s (Discord 5 per 5 s, Slack 3 per 3 s per channel); ` +
      `ratio ${ratio.toFixed(2)}`,
  );
  console.log(`429s from Discord: ${r.discord429}; Slack calls not answered 200: ${r.slackRefused}`);
  console.log(
    `peak RSS (process.resourceUsage().maxRSS; the bot and both emulators in one process): ${r.maxRssMb.toFixed(0)} MB`,
  );
  if (r.warnings.length > 0) {
    console.log(`\n${r.warnings.length} log lines at warn or above, the first:`);
    for (const line of r.warnings.slice(0, 5)) console.log(`  ${line.slice(0, 300)}`);
  }
}

async function main(): Promise<void> {
  if (!(MESSAGES > 0) || !(RATE >= 0)) throw new Error('--messages must be above 0 and --rate 0 or more');
  const pace = RATE > 0 ? `written at ${RATE} a second` : 'all written at once';
  console.log(
    `Twinbridge relay: ${MESSAGES} members' messages across 3 relaying channels (2 Discord servers, 1 Slack workspace), ${pace}`,
  );
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, load average ${load.join(' ')}`);
  if (flags.database === 'embedded') {
    const dataDir = await mkdtemp(join(tmpdir(), 'twinbridge-relay-bench-'));
    try {
      const database = await openDatabase({ dataDir });
      try {
        report(await runRelay(database, 'embedded (PGlite)'));
      } finally {
        await database.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    return;
  }
  if (flags.database !== 'postgres') throw new Error('--database is embedded or postgres');
  const server = new URL(BENCH_SERVER_URL);
  await withServerDatabase(async (url) => {
    const database = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
    try {
      report(await runRelay(database, `PostgreSQL ${server.host} (a scratch database, dropped after)`));
    } finally {
      await database.close();
    }
  });
}

await main();
