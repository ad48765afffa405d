/** What /healthz reports when the database hangs or fails, an adapter is down, or a delivery waits. */
import { describe, expect, it } from 'vitest';
import type { ConnectionState, PlatformAdapter } from '../core/adapter-contract.ts';
import type { OutboxBacklog } from '../db/outbox-backlog.ts';
import { ManualTimer, settle } from '../../test/support/manual-timer.ts';
import { checkHealth, DATABASE_TIMEOUT_MS, type HealthReport, type HealthSources } from './health-check.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

function adapter(platform: PlatformAdapter['platform'], state: ConnectionState): PlatformAdapter {
  return {
    platform,
    poster: {} as PlatformAdapter['poster'],
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    connectionState: () => state,
  };
}

function sources(backlog: HealthSources['backlog'], adapters: PlatformAdapter[] = []) {
  const timer = new ManualTimer();
  const health: HealthSources = {
    backlog,
    adapters: () => adapters,
    clock: { now: () => NOW },
    maxDueAgeSeconds: 300,
    timer,
  };
  return { health, timer };
}

describe('checkHealth', () => {
  it('is healthy with the database answering, every adapter connected and nothing waiting long', async () => {
    const backlog: OutboxBacklog = { DISCORD: { due: 2, oldestDueAt: new Date(NOW.getTime() - 30_000) } };
    const { health } = sources(() => Promise.resolve(backlog), [adapter('DISCORD', 'connected')]);
    expect(await checkHealth(health)).toEqual<HealthReport>({
      healthy: true,
      database: 'reachable',
      adapters: { discord: 'connected' },
      deliveries: { discord: { pending: 2, oldestDueSeconds: 30 } },
      oldestDueDeliverySeconds: 30,
      problems: [],
    });
  });

  it('answers unhealthy once the database has not answered for the bound, without waiting longer', async () => {
    const { health, timer } = sources(() => new Promise<OutboxBacklog>(() => undefined));
    let report: HealthReport | undefined;
    void checkHealth(health).then((r) => (report = r));
    await timer.advance(DATABASE_TIMEOUT_MS - 1);
    expect(report).toBeUndefined();
    await timer.advance(1);
    await settle();
    expect(report).toMatchObject({
      healthy: false,
      database: 'unreachable',
      oldestDueDeliverySeconds: null,
      problems: ['the database does not answer'],
    });
  });

  it('answers unhealthy when the database fails, and names each adapter not connected', async () => {
    const { health } = sources(
      () => Promise.reject(new Error('connection refused')),
      [adapter('DISCORD', 'disconnected'), adapter('SLACK', 'connected')],
    );
    expect(await checkHealth(health)).toMatchObject({
      healthy: false,
      database: 'unreachable',
      adapters: { discord: 'disconnected', slack: 'connected' },
      problems: ['discord is disconnected', 'the database does not answer'],
    });
  });

  it('answers unhealthy when a delivery has been due for longer than the bound', async () => {
    const backlog: OutboxBacklog = {
      SLACK: { due: 1, oldestDueAt: new Date(NOW.getTime() - 301_000) },
      CONSOLE: { due: 1, oldestDueAt: new Date(NOW.getTime() - 300_000) },
    };
    const { health } = sources(() => Promise.resolve(backlog));
    expect(await checkHealth(health)).toMatchObject({
      healthy: false,
      oldestDueDeliverySeconds: 301,
      problems: ['a delivery has been due for 301 s (more than 300 s)'],
    });
  });
});
