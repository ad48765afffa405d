/**
 * /healthz and /metrics with the real Discord adapter (discord.js against the emulator): commands
 * and posts counted per platform, a post Discord answered 500 counted as retried and then sent,
 * and the gateway closed for good (a token Discord refused) answered 503.
 */
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createLogger } from '../../src/logging.ts';
import { startHttpServer } from '../../src/observability/http-endpoints.ts';
import { Observability } from '../../src/observability/observability.ts';
import { PrometheusMetrics } from '../../src/observability/prometheus-metrics.ts';
import { DiscordHarness, PEOPLE, twinTowns } from '../discord/discord-harness.ts';
import { connectionStates, healthAt, Scrape } from '../support/prometheus-scrape.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';

const { jana } = PEOPLE;

describe.each(DATABASE_KINDS)('health and metrics with Discord on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;
  let server: { port: number; close(): Promise<void> };
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
  const health = () => healthAt(url('/healthz'));
  const deliveries = (scrape: Scrape, outcome: string) =>
    scrape.value('twinbridge_deliveries_total', { platform: 'discord', outcome });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const metrics = new PrometheusMetrics();
    h = await DiscordHarness.start({ database, metrics });
    const observability = new Observability({
      database,
      clock: h.clock,
      logger: createLogger('silent'),
      maxDueAgeSeconds: 900,
      metrics,
    });
    observability.watch([h.adapter]);
    server = await startHttpServer(observability.endpoints, { port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await server.close();
    await h.stop();
    await database.close();
  });

  it('counts the commands and posts of two towns twinning', async () => {
    await twinTowns(h);
    const scrape = await Scrape.of(url('/metrics'));
    const ok = (command: string) => scrape.value('twinbridge_commands_total', { command, outcome: 'ok' });
    expect([ok('town register'), ok('partner invite'), ok('channel link'), ok('partner join')]).toEqual([
      2, 1, 1, 1,
    ]);
    expect(scrape.series('twinbridge_commands_total', { outcome: 'refused' })).toEqual([]);
    expect(scrape.histogram('twinbridge_command_duration_seconds', { command: 'town register' }).count).toBe(
      2,
    );
    // Passau's joining, told to #partneri.
    expect(deliveries(scrape, 'sent')).toBe(1);
    expect(connectionStates(scrape, 'discord')).toEqual({ connected: 1, connecting: 0, disconnected: 0 });
    expect(await health()).toMatchObject({
      status: 200,
      body: { status: 'ok', adapters: { discord: 'connected' } },
    });
  });

  it('counts a post Discord answered 500 as retried, then as sent once it went out', async () => {
    const passau = h.channel('partnerstadt', 'Passau');
    // discord.js repeats a 5xx three times itself; the fourth answer goes back to the outbox.
    const fault = h.discord.failNext(
      { method: 'POST', route: `/channels/${passau}/messages` },
      { type: 'server-error', status: 500 },
      4,
    );
    const answer = await h.command({
      ...jana,
      name: 'announce',
      subcommand: 'send',
      options: {
        partnership: 1,
        text: 'Vánoční koncert v sobotu',
        'text-de': 'Weihnachtskonzert am Samstag',
      },
    });
    expect(answer.ephemeral, answer.text).toBe(false);
    await h.drain();
    expect(fault.hits).toBe(4);
    const retrying = await Scrape.of(url('/metrics'));
    expect(deliveries(retrying, 'sent')).toBe(2);
    expect(deliveries(retrying, 'retried')).toBe(1);
    expect(retrying.value('twinbridge_commands_total', { command: 'announce send', outcome: 'ok' })).toBe(1);

    // An hour on, past any backoff: the retry is due, then sent.
    h.clock.set(new Date(h.clock.now().getTime() + 3_600_000));
    const due = await health();
    expect(due.body.deliveries).toMatchObject({ discord: { pending: 1 } });
    await h.drain();
    const sent = await Scrape.of(url('/metrics'));
    expect(deliveries(sent, 'sent')).toBe(3);
    expect(deliveries(sent, 'retried')).toBe(1);
    expect(deliveries(sent, 'failed')).toBe(0);
    expect(sent.value('twinbridge_deliveries_pending', { platform: 'discord' })).toBe(0);
    expect(h.posts('partnerstadt', 'Passau').map((m) => m.content)).toContain('Weihnachtskonzert am Samstag');
  });

  it('answers 503 once the gateway is closed for good', async () => {
    const disconnected = new Promise<void>((resolve) =>
      h.adapter.discordClient.once(Events.ShardDisconnect, () => resolve()),
    );
    // 4004: authentication failed, a close discord.js does not reconnect after.
    h.discord.dropGateway({ mode: 'close', code: 4004 });
    await disconnected;
    const answer = await health();
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      status: 'unhealthy',
      database: 'reachable',
      adapters: { discord: 'disconnected' },
      problems: ['discord is disconnected'],
    });
    const scrape = await Scrape.of(url('/metrics'));
    expect(connectionStates(scrape, 'discord')).toEqual({ connected: 0, connecting: 0, disconnected: 1 });
  });
});
