/**
 * npm run bench: 10,000 mixed commands through the console pipeline (text parsing, validation,
 * one transaction per command, outbox drain, console printing) on the embedded database and on
 * PostgreSQL; per-command latency p50/p99 and database round trips (mean and max), commands per
 * second, peak memory (the start: bench/start-up.ts). With BENCH_OUTBOX_ROWS, PostgreSQL runs the
 * same commands a second time with that many delivery rows of history in the outbox.
 * Prints figures; asserts nothing.
 *
 *   npm run bench                      # both databases
 *   BENCH_COMMANDS=2000 npm run bench  # shorter run
 *   BENCH_OUTBOX_ROWS=1000000 npm run bench
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ConsolePoster } from '../src/adapters/console/console-poster.ts';
import { ConsoleSession } from '../src/adapters/console/console-session.ts';
import { postingAdapter } from '../test/support/posting-adapter.ts';
import { openDatabase, type Database } from '../src/db/open-database.ts';
import { systemClock, wireTwinbridge } from '../src/main.ts';
import { percentile, withServerDatabase } from './bench-support.ts';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10_000);
const OUTBOX_ROWS = Number(process.env.BENCH_OUTBOX_ROWS ?? 0);
const MEMBERS = 200;
const EXCHANGES = 20;

/** A deterministic pseudo-random sequence, so every run issues the same commands. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The mix a busy twinning community produces: mostly reading and answering. */
function mixedCommand(random: () => number): { lines: string[] } {
  const user = `member${Math.floor(random() * MEMBERS)}`;
  const town = random() < 0.5 ? 'krumlov' : 'passau';
  const event = 1 + Math.floor(random() * EXCHANGES);
  const roll = random();
  const where = [`:community ${town}`, `:as ${user}`];
  if (roll < 0.3) return { lines: [...where, 'event list'] };
  if (roll < 0.5) return { lines: [...where, `event info event:${event}`] };
  if (roll < 0.75) {
    const answer = ['going', 'maybe', 'no'][Math.floor(random() * 3)] ?? 'going';
    return { lines: [...where, `rsvp event:${event} answer:${answer} guests:${Math.floor(random() * 3)}`] };
  }
  if (roll < 0.85) return { lines: [...where, `profile set languages:cs,de interests:"choir, football"`] };
  if (roll < 0.9) return { lines: [...where, 'help'] };
  if (roll < 0.95) return { lines: [...where, 'partner info partnership:1'] };
  return { lines: [':community krumlov', ':as jana', `event attendees event:${event}`] };
}

const SETUP = [
  ':community krumlov',
  ':channel partneri',
  ':as jana',
  'town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs',
  'partner invite name:"Krumlov – Passau" form:formal',
  'channel link partnership:1',
  ':community passau',
  ':channel partnerstadt',
  ':as max',
  'town register name:Passau country:DE timezone:Europe/Berlin language:de',
  'partner join code:$invite',
  ':community krumlov',
  ':as jana',
  ...Array.from(
    { length: EXCHANGES },
    (_, i) =>
      `event create partnership:1 title:"Exchange ${i + 1}" kind:citizens-meeting start:"2030-06-${String(1 + i).padStart(2, '0')} 10:00" capacity:50`,
  ),
];

/**
 * Delivery rows of history, as a long-running instance has them: sent and withdrawn card redraws
 * and sent reminders of the benchmark's own exchanges, and other towns' sent announcements.
 * One INSERT … SELECT from generate_series.
 */
async function seedOutbox(database: Database, rows: number): Promise<void> {
  await database.prisma.$executeRaw`
    INSERT INTO "Delivery" (id, "dedupeKey", kind, "sourceId", "channelLinkId", payload, "dueAt", status,
      "platformMessageId", "sentAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, 'bench-history:' || i,
      (ARRAY['exchange.card-redraw', 'exchange.card-redraw', 'reminder', 'announcement'])[i % 4 + 1],
      CASE WHEN i % 4 = 3 THEN gen_random_uuid()::text ELSE exchanges.ids[i % array_length(exchanges.ids, 1) + 1] END,
      links.ids[i % array_length(links.ids, 1) + 1], '{"text":"history"}'::jsonb, at,
      (CASE WHEN i % 4 = 1 THEN 'DROPPED' ELSE 'SENT' END)::"DeliveryStatus",
      CASE WHEN i % 4 = 1 THEN NULL ELSE 'history-' || i END,
      CASE WHEN i % 4 = 1 THEN NULL ELSE at END, at, at
    FROM generate_series(1, ${rows}::int) i,
      LATERAL (SELECT now() - make_interval(secs => i) AS at) t,
      (SELECT array_agg(id) AS ids FROM "ChannelLink") links,
      (SELECT array_agg(id) AS ids FROM "Exchange") exchanges`;
  await database.prisma.$executeRaw`ANALYZE "Delivery"`;
}

async function runMix(database: Database, outboxRows = 0) {
  const nullOutput = new Writable({ write: (_chunk, _encoding, done) => done() });
  const logger = pino({ level: 'silent' });
  let roundTrips = 0;
  const { inbound, outboxSettled } = wireTwinbridge({
    database,
    logger,
    clock: systemClock,
    workerId: 'bench',
    adapters: () => [postingAdapter(new ConsolePoster(nullOutput))],
    onCommandRoundTrips: (count) => (roundTrips += count),
  });
  const session = new ConsoleSession({
    inbound,
    output: nullOutput,
    interactive: false,
    afterCommand: outboxSettled,
  });
  for (const line of SETUP) await session.handle(line);
  if (outboxRows > 0) await seedOutbox(database, outboxRows);

  const random = seeded(42);
  const latencies: number[] = [];
  const byKind = new Map<string, { ms: number[]; roundTrips: number[] }>();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  for (let i = 0; i < COMMANDS; i++) {
    const { lines } = mixedCommand(random);
    for (const directive of lines.slice(0, -1)) await session.handle(directive);
    const t0 = performance.now();
    const command = lines.at(-1) ?? 'help';
    roundTrips = 0;
    await session.handle(command);
    const ms = performance.now() - t0;
    latencies.push(ms);
    const kind = command
      .split(' ')
      .slice(0, command.startsWith('rsvp') || command.startsWith('help') ? 1 : 2)
      .join(' ');
    const figures = byKind.get(kind) ?? { ms: [], roundTrips: [] };
    figures.ms.push(ms);
    figures.roundTrips.push(roundTrips);
    byKind.set(kind, figures);
  }
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  latencies.sort((a, b) => a - b);
  const kinds = [...byKind.entries()].map(([kind, { ms, roundTrips }]) => {
    ms.sort((a, b) => a - b);
    return {
      kind,
      count: ms.length,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      roundTripsMean: roundTrips.reduce((sum, n) => sum + n, 0) / roundTrips.length,
      roundTripsMax: Math.max(...roundTrips),
    };
  });
  return {
    kinds,
    commandsPerSecond: COMMANDS / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    peakRssMb: peakRss / 2 ** 20,
  };
}

async function main() {
  console.log(
    `Twinbridge console pipeline: ${COMMANDS} mixed commands (${MEMBERS} members, ${EXCHANGES} exchanges)`,
  );
  console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);
  const rows: [string, Awaited<ReturnType<typeof runMix>>][] = [];

  const dataDir = await mkdtemp(join(tmpdir(), 'twinbridge-bench-'));
  try {
    const embedded = await openDatabase({ dataDir });
    rows.push(['embedded (PGlite)', await runMix(embedded)]);
    await embedded.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const onServer = (outboxRows: number) =>
    withServerDatabase(async (url) => {
      const server = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
      try {
        return await runMix(server, outboxRows);
      } finally {
        await server.close();
      }
    });
  rows.push(['PostgreSQL 127.0.0.1', await onServer(0)]);
  if (OUTBOX_ROWS > 0)
    rows.push([`PostgreSQL, ${OUTBOX_ROWS.toLocaleString('en')} outbox rows`, await onServer(OUTBOX_ROWS)]);

  console.log('| database | commands/s | p50 ms | p99 ms | max ms | peak RSS MB |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, r] of rows) {
    console.log(
      `| ${name} | ${r.commandsPerSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(1)} | ${r.peakRssMb.toFixed(0)} |`,
    );
  }

  for (const [name, r] of rows) {
    console.log(`\n${name}, per command:`);
    console.log('| command | count | p50 ms | p99 ms | round trips mean | round trips max |');
    console.log('|---|---|---|---|---|---|');
    for (const k of r.kinds)
      console.log(
        `| ${k.kind} | ${k.count} | ${k.p50.toFixed(1)} | ${k.p99.toFixed(1)} | ${k.roundTripsMean.toFixed(1)} | ${k.roundTripsMax} |`,
      );
  }
  const rsvpP50 = rows.map(
    ([name, r]) => `${name} ${r.kinds.find((k) => k.kind === 'rsvp')?.p50.toFixed(1)} ms`,
  );
  console.log(`\nrsvp p50: ${rsvpP50.join(' · ')}`);

  console.log('\nStart-up and its memory: npm run bench:start');
}

await main();
