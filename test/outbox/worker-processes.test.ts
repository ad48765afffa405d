/**
 * Several bot processes on one PostgreSQL database (child processes running the real worker,
 * test/outbox/worker-process.ts): exactly-once delivery when three drain together, nothing
 * lost and nothing doubled when one is killed with SIGKILL in the middle of a fan-out, nothing
 * sent again by one frozen (SIGSTOP) past its lease and resumed, and
 * everything arriving when a fifth of the posts are refused with 429 or 5xx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectPostgres, type Database } from '../../src/db/open-database.ts';
import { applyMigrations } from '../../src/db/schema-engine.ts';
import { DiscordEmulator } from '../emulators/discord/discord-emulator.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/test-database.ts';
import { nonceFor } from '../../src/adapters/discord/discord-poster.ts';
import { enqueueFanOut, seedTwinning, type Twinning } from './outbox-fixtures.ts';
import type { WorkerProcessConfig } from './worker-process.ts';

const WORKER_SCRIPT = 'test/outbox/worker-process.ts';

describe('outbox worker processes on PostgreSQL', () => {
  let scratch: ScratchDatabase;
  let database: Database;
  let dir: string;
  const children: ChildProcess[] = [];
  let emulator: DiscordEmulator | undefined;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    await applyMigrations({ kind: 'postgres', url: scratch.url });
    database = connectPostgres(scratch.url);
  });

  afterAll(async () => {
    await database.close();
    await scratch.drop();
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'twinbridge-outbox-'));
    await database.prisma.$executeRawUnsafe(
      'TRUNCATE "Delivery", "ChannelLink", "PartnershipTown", "Partnership", "Member", "Town", "Community" CASCADE',
    );
  });

  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await emulator?.stop();
    emulator = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  function startWorker(config: Omit<WorkerProcessConfig, 'databaseUrl' | 'recordFile'>) {
    const recordFile = join(dir, `${config.workerId}.log`);
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], {
      env: {
        ...process.env,
        OUTBOX_WORKER: JSON.stringify({ ...config, databaseUrl: scratch.url, recordFile }),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    children.push(child);
    const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
    return {
      child,
      recordFile,
      /** With startGate: resolves once the process is connected and waiting for go(). */
      ready: async (): Promise<void> => {
        await ready;
      },
      go: () => child.send('go'),
      /** Resolves with the exit code; a failing process shows its log in the test output. */
      exited: async (): Promise<number | null> => {
        if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
        if (child.exitCode !== 0 && child.signalCode === null) console.error(stderr);
        return child.exitCode;
      },
    };
  }

  /** Delivery id -> the message ids the platform answered, each time it accepted it, over the record files. */
  async function acceptedMessages(files: string[]): Promise<Map<string, string[]>> {
    const accepted = new Map<string, string[]>();
    for (const file of files) {
      const text = await readFile(file, 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        const [id, messageId] = line.split(' ');
        if (id && messageId) accepted.set(id, [...(accepted.get(id) ?? []), messageId]);
      }
    }
    return accepted;
  }

  /** The Discord emulator with a server holding the twinning's channels. */
  const emulatorFor = (twinning: Twinning) =>
    DiscordEmulator.start({
      guilds: [
        {
          name: 'Krumlov',
          channels: twinning.links.map((link) => ({ id: link.channelId, name: link.channelName })),
        },
      ],
    });

  const statusCounts = async () => {
    const groups = await database.prisma.delivery.groupBy({ by: ['status'], _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  };

  it('three processes draining 10,000 due deliveries together deliver each exactly once', async () => {
    const twinning = await seedTwinning(database, { channels: 1_000 });
    const ids = await enqueueFanOut(database, twinning, { dueAt: new Date(Date.now() - 60_000), rounds: 10 });
    expect(ids).toHaveLength(10_000);

    // All three connect first and start together, so none finds the work already done.
    const workers = ['a', 'b', 'c'].map((workerId) =>
      startWorker({
        workerId,
        until: 'empty',
        batchSize: 100,
        concurrency: 16,
        postDelayMs: 1,
        startGate: true,
      }),
    );
    await Promise.all(workers.map((w) => w.ready()));
    for (const w of workers) w.go();
    expect(await Promise.all(workers.map((w) => w.exited()))).toEqual([0, 0, 0]);

    const accepted = await acceptedMessages(workers.map((w) => w.recordFile));
    expect(accepted.size).toBe(10_000);
    expect([...accepted.values()].filter((messageIds) => messageIds.length !== 1)).toEqual([]);
    expect([...accepted.keys()].sort()).toEqual([...ids].sort());
    expect(await statusCounts()).toEqual({ SENT: 10_000 });
    // The three shared the work.
    const perWorker = await database.prisma.delivery.groupBy({ by: ['claimedBy'], _count: { _all: true } });
    expect(perWorker.map((w) => w.claimedBy).sort()).toEqual(['a', 'b', 'c']);
  }, 120_000);

  it('a process killed with SIGKILL mid fan-out to 500 channels, then restarted, loses none and (nonce) doubles none', async () => {
    const twinning = await seedTwinning(database, { channels: 500 });
    emulator = await emulatorFor(twinning);
    const ids = await enqueueFanOut(database, twinning, { dueAt: new Date() });
    const common = {
      discordApi: emulator.apiUrl,
      until: 'empty' as const,
      batchSize: 50,
      concurrency: 8,
      // Faster than Discord's 50 per second, to keep the test short; the emulator sets no global limit here.
      globalPerSecond: 200,
      leaseMs: 3_000,
    };

    const first = startWorker({ ...common, workerId: 'first', postDelayMs: 0 });
    // The emulator signals each stored message: kill once 150 of the 500 have arrived.
    const platform = emulator;
    await platform.waitForMessage(() => platform.messages().length >= 150, 60_000);
    first.child.kill('SIGKILL');
    await first.exited();
    const atKill = await statusCounts();
    // Requests already on their way when the process died: their connections close with it.
    await emulator.restQuiet();
    const onPlatformAtKill = emulator.messages().length;
    // Killed in the middle: some sent, some claimed by the dead process, some not yet touched.
    expect(atKill.SENT ?? 0).toBeGreaterThan(0);
    expect(atKill.SENT ?? 0).toBeLessThan(500);
    expect(atKill.SENDING ?? 0).toBeGreaterThan(0);

    const second = startWorker({ ...common, workerId: 'second' });
    expect(await second.exited()).toBe(0);

    expect(await statusCounts()).toEqual({ SENT: 500 });
    // On the platform: exactly one message in each of the 500 channels, carrying its delivery's nonce.
    const messages = emulator.messages();
    expect(messages).toHaveLength(500);
    const perChannel = new Map<string, number>();
    for (const message of messages)
      perChannel.set(message.channel_id, (perChannel.get(message.channel_id) ?? 0) + 1);
    expect(perChannel.size).toBe(500);
    expect(new Set(messages.map((m) => m.nonce))).toEqual(new Set(ids.map(nonceFor)));
    // Posts the dead process made but had not recorded yet were made again, and the nonce gave
    // back the first message each time.
    const posts = emulator.requestCount({ method: 'POST', route: '/channels/:channel_id/messages' });
    expect(posts - 500).toBeGreaterThanOrEqual(onPlatformAtKill - (atKill.SENT ?? 0));
    const accepted = await acceptedMessages([first.recordFile, second.recordFile]);
    expect(accepted.size).toBe(500);
    for (const messageIds of accepted.values()) expect(new Set(messageIds).size).toBe(1);
  }, 120_000);

  it('a process frozen (SIGSTOP) mid fan-out past its lease, then resumed, sends none of the posts it had lost', async () => {
    const twinning = await seedTwinning(database, { channels: 300 });
    emulator = await emulatorFor(twinning);
    const ids = await enqueueFanOut(database, twinning, { dueAt: new Date() });
    // Discord's pace (50 a second): most of what a worker has claimed waits for its turn.
    const common = { discordApi: emulator.apiUrl, until: 'empty' as const, batchSize: 50, leaseMs: 3_000 };
    const frozen = startWorker({ ...common, workerId: 'frozen', concurrency: 8, globalPerSecond: 50 });
    const platform = emulator;
    await platform.waitForMessage(() => platform.messages().length >= 60, 60_000);
    frozen.child.kill('SIGSTOP');
    const heldWhenFrozen = await database.prisma.delivery.count({
      where: { status: 'SENDING', claimedBy: 'frozen' },
    });
    // Lines the frozen process wrote so far (posts it saw accepted).
    const sentBeforeFreeze = (await acceptedMessages([frozen.recordFile])).size;

    // Another process takes over once the frozen one's lease has run out, and finishes.
    const other = startWorker({ ...common, workerId: 'other', concurrency: 8, globalPerSecond: 200 });
    expect(await other.exited()).toBe(0);
    expect(await statusCounts()).toEqual({ SENT: 300 });

    frozen.child.kill('SIGCONT');
    expect(await frozen.exited()).toBe(0);
    const sentByFrozen = await acceptedMessages([frozen.recordFile]);
    // At most the posts already on their way when it froze (8 at a time) are answered after it
    // resumes; the rest of what it held is not sent again.
    expect(heldWhenFrozen).toBeGreaterThan(20);
    expect(sentByFrozen.size - sentBeforeFreeze).toBeLessThanOrEqual(8);
    expect(emulator.messages()).toHaveLength(300);
    expect(new Set(emulator.messages().map((m) => m.nonce))).toEqual(new Set(ids.map(nonceFor)));
    const posts = emulator.requestCount({ method: 'POST', route: '/channels/:channel_id/messages' });
    expect(posts - 300).toBeLessThanOrEqual(8);
  }, 120_000);

  it('with 20 % of posts answered 429 or 5xx, every post still arrives, once', async () => {
    const twinning = await seedTwinning(database, { channels: 200 });
    emulator = await emulatorFor(twinning);
    const faults = emulator.randomFaults({
      rate: 0.2,
      seed: 5,
      faults: [
        { type: 'rate-limit', retryAfter: 0.05 },
        { type: 'server-error', status: 500 },
        { type: 'server-error', status: 503 },
      ],
    });
    const ids = await enqueueFanOut(database, twinning, { dueAt: new Date(), rounds: 2 });
    const common = {
      discordApi: emulator.apiUrl,
      until: 'empty' as const,
      batchSize: 50,
      concurrency: 8,
      globalPerSecond: 200,
      baseBackoffMs: 50,
      maxBackoffMs: 400,
    };
    const workers = [startWorker({ ...common, workerId: 'x' }), startWorker({ ...common, workerId: 'y' })];
    expect(await Promise.all(workers.map((w) => w.exited()))).toEqual([0, 0]);

    expect(faults.hits).toBeGreaterThan(40);
    expect(await statusCounts()).toEqual({ SENT: 400 });
    const messages = emulator.messages();
    expect(messages).toHaveLength(400);
    expect(new Set(messages.map((m) => m.nonce))).toEqual(new Set(ids.map(nonceFor)));
    const retried = await database.prisma.delivery.count({ where: { attempts: { gt: 1 } } });
    expect(retried).toBeGreaterThan(40);
  }, 120_000);
});
