/**
 * /healthz and /metrics on the real wiring (console adapter, command bus, outbox worker,
 * scheduler, a test database) with the HTTP server on port 0, as main() starts it. Counts are
 * read from the scrape through an independent parser and must move by exactly what was done.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createLogger } from '../../src/logging.ts';
import { wireTwinbridge, type TwinbridgeParts } from '../../src/main.ts';
import { startHttpServer } from '../../src/observability/http-endpoints.ts';
import { Observability } from '../../src/observability/observability.ts';
import { PrometheusMetrics } from '../../src/observability/prometheus-metrics.ts';
import { TestClock, TWIN_KRUMLOV_PASSAU } from '../console/console-harness.ts';
import { connectionStates, healthAt, Scrape } from '../support/prometheus-scrape.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';

/** Every reading of the stopwatch is 0.3 s after the one before: each command takes 0.3 s. */
function steppingSeconds(step = 0.3): () => number {
  let now = 0;
  return () => (now += step);
}

/** The console adapter on a pipe: a script is written to it and awaited command by command. */
class PipedConsole {
  readonly input = new PassThrough();
  output = '';
  private done = 0;
  private waiting: { until: number; resolve: () => void } | undefined;

  /** afterCommand: once the outbox has been attempted, the command counts as done. */
  commandDone = () => {
    this.done++;
    if (this.waiting && this.done >= this.waiting.until) this.waiting.resolve();
  };

  /** Writes the script's lines and resolves once each command in it has been answered. */
  async run(script: string): Promise<void> {
    const lines = script.split('\n').map((l) => l.trim());
    const commands = lines.filter((l) => l !== '' && !l.startsWith(':') && !l.startsWith('#')).length;
    const until = this.done + commands;
    const finished = new Promise<void>((resolve) => (this.waiting = { until, resolve }));
    this.input.write(lines.map((l) => `${l}\n`).join(''));
    await finished;
  }
}

describe.each(DATABASE_KINDS)('health and metrics on the console wiring, %s', (kind) => {
  let database: Database;
  let parts: TwinbridgeParts;
  let terminal: PipedConsole;
  let clock: TestClock;
  let server: { port: number; close(): Promise<void> };
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
  const health = () => healthAt(url('/healthz'));

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    clock = new TestClock(new Date('2026-11-23T10:00:00Z'));
    const logger = createLogger('silent');
    const observability = new Observability({
      database,
      clock,
      logger,
      maxDueAgeSeconds: 900,
      metrics: new PrometheusMetrics({ seconds: steppingSeconds() }),
    });
    terminal = new PipedConsole();
    parts = wireTwinbridge({
      database,
      logger,
      clock,
      workerId: 'health-test',
      metrics: observability.metrics,
      adapters: ({ inbound, outboxSettled }) => [
        new ConsoleAdapter({
          inbound,
          input: terminal.input,
          output: new PassThrough().on('data', (chunk: Buffer) => (terminal.output += chunk.toString())),
          afterCommand: async () => {
            await outboxSettled();
            terminal.commandDone();
          },
        }),
      ],
    });
    observability.watch(parts.adapters);
    server = await startHttpServer(observability.endpoints, { port: 0, host: '127.0.0.1' });
    for (const adapter of parts.adapters) await adapter.start();
  });

  afterEach(async () => {
    terminal.input.end();
    await server.close();
    await parts.worker.stop();
    for (const adapter of parts.adapters) await adapter.stop();
    await database.close();
  });

  it('counts commands by name and outcome, their latency, deliveries and ticks', async () => {
    const before = await Scrape.of(url('/metrics'));
    expect(before.value('twinbridge_commands_total', { command: 'town register', outcome: 'ok' })).toBe(0);
    // Node's default process metrics are there too.
    expect(before.has('process_cpu_user_seconds_total')).toBe(true);
    expect(before.has('nodejs_eventloop_lag_seconds')).toBe(true);

    await terminal.run(TWIN_KRUMLOV_PASSAU);
    await terminal.run(`
      announce send partnership:1 text:"Fotky z jarního setkání jsou online" text-de:"Die Fotos sind online"
      announce send partnership:1
      gibberish words
    `);
    expect(terminal.output).toContain('✗ Volba „text“ je povinná.');
    await parts.scheduler.tick();

    const after = await Scrape.of(url('/metrics'));
    const commands = (command: string, outcome: string) =>
      after.value('twinbridge_commands_total', { command, outcome });
    expect(commands('town register', 'ok')).toBe(2);
    expect(commands('partner invite', 'ok')).toBe(1);
    expect(commands('channel link', 'ok')).toBe(1);
    expect(commands('partner join', 'ok')).toBe(1);
    expect(commands('announce send', 'ok')).toBe(1);
    // Missing text: a translated refusal, counted under the command it was for.
    expect(commands('announce send', 'refused')).toBe(1);
    // Words that name no command are counted together, not one series per typo.
    expect(commands('unknown', 'refused')).toBe(1);
    expect(after.series('twinbridge_commands_total')).toHaveLength(7);

    // Each command took 0.3 s on the test's stopwatch: all in the 0.5 s bucket, none in 0.25 s.
    const register = after.histogram('twinbridge_command_duration_seconds', { command: 'town register' });
    expect(register.count).toBe(2);
    expect(register.buckets['0.25']).toBe(0);
    expect(register.buckets['0.5']).toBe(2);
    expect(register.buckets['3']).toBe(2);

    // Three posts: Passau's joining told to #partneri, the announcement in both channels.
    expect(terminal.output).toContain('Město Passau (DE) se připojilo k partnerství „Krumlov – Passau“');
    expect(terminal.output).toContain('posted to #partnerstadt in passau:\n    Die Fotos sind online');
    expect(terminal.output).toContain(
      'posted to #partneri in krumlov:\n    Fotky z jarního setkání jsou online',
    );
    expect(after.value('twinbridge_deliveries_total', { platform: 'console', outcome: 'sent' })).toBe(3);
    expect(after.value('twinbridge_deliveries_total', { platform: 'console', outcome: 'retried' })).toBe(0);
    expect(after.value('twinbridge_deliveries_pending', { platform: 'console' })).toBe(0);

    const ticks = after.histogram('twinbridge_scheduler_tick_duration_seconds');
    expect(ticks.count).toBe(1);
    expect(ticks.buckets['0.25']).toBe(0);
    expect(ticks.buckets['0.5']).toBe(1);

    expect(after.value('twinbridge_database_up')).toBe(1);
    expect(connectionStates(after, 'console')).toEqual({ connected: 1, connecting: 0, disconnected: 0 });
  });

  it('answers 200 while healthy and 503 once deliveries wait too long', async () => {
    await terminal.run(TWIN_KRUMLOV_PASSAU);
    // Reminders 7 days, 1 day and 1 hour before, in both linked channels: none due yet.
    await terminal.run(
      'event create partnership:1 title:"Adventní trh" kind:cultural-event start:"2026-12-12 10:00" capacity:20',
    );
    expect(await health()).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: 'reachable',
        adapters: { console: 'connected' },
        deliveries: {},
        oldestDueDeliverySeconds: null,
        problems: [],
      },
    });

    // The 7-day reminders (2026-12-05 09:00 UTC) fell due 10 minutes ago; nobody sent them.
    clock.set('2026-12-05T09:10:00Z');
    const waiting = await health();
    expect(waiting.status).toBe(200);
    expect(waiting.body.deliveries).toEqual({
      console: { pending: 2, oldestDueSeconds: expect.closeTo(600, 0) as number },
    });
    expect(waiting.body.oldestDueDeliverySeconds).toBeCloseTo(600, 0);
    const scrape = await Scrape.of(url('/metrics'));
    expect(scrape.value('twinbridge_deliveries_pending', { platform: 'console' })).toBe(2);
    expect(scrape.value('twinbridge_outbox_oldest_due_seconds', { platform: 'console' })).toBeCloseTo(600, 0);

    // 20 minutes: more than the 900 s the operator allows.
    clock.set('2026-12-05T09:20:00Z');
    const late = await health();
    expect(late.status).toBe(503);
    expect(late.body.status).toBe('unhealthy');
    expect(late.body.problems).toEqual([expect.stringMatching(/due for 1200 s \(more than 900 s\)/)]);
  });

  it('answers 503 when the database does not answer, and counts the failed command', async () => {
    await terminal.run(':community krumlov\n:as jana\ntown info');
    await database.close();
    await terminal.run('town info');
    expect(terminal.output).toMatch(/something went wrong|ref [0-9a-f]{8}/i);

    const answer = await health();
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      database: 'unreachable',
      deliveries: {},
      oldestDueDeliverySeconds: null,
    });
    expect(answer.body.problems).toEqual(['the database does not answer']);

    const scrape = await Scrape.of(url('/metrics'));
    expect(scrape.value('twinbridge_database_up')).toBe(0);
    expect(scrape.series('twinbridge_deliveries_pending')).toEqual([]);
    expect(scrape.series('twinbridge_outbox_oldest_due_seconds')).toEqual([]);
    expect(scrape.value('twinbridge_commands_total', { command: 'town info', outcome: 'refused' })).toBe(1);
    expect(scrape.value('twinbridge_commands_total', { command: 'town info', outcome: 'failed' })).toBe(1);
  });

  it('answers 503 once the console is disconnected (its input ended)', async () => {
    expect((await health()).status).toBe(200);
    terminal.input.end();
    const consoleAdapter = parts.adapters[0] as ConsoleAdapter;
    await consoleAdapter.finished;
    const answer = await health();
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      adapters: { console: 'disconnected' },
      problems: ['console is disconnected'],
    });
    const scrape = await Scrape.of(url('/metrics'));
    expect(connectionStates(scrape, 'console')).toEqual({ connected: 0, connecting: 0, disconnected: 1 });
  });
});
