/**
 * What /healthz answers and /metrics' gauges show, read at the moment they are asked for: the
 * database answering (through the outbox backlog query, bounded so a hung database makes a
 * probe fail rather than hang), each adapter's connection, and how long the oldest due
 * delivery has waited. Healthy means: database reachable, every adapter connected, and nothing
 * due for longer than the bound (a worker that stopped sending).
 */
import type { ConnectionState, PlatformAdapter } from '../core/adapter-contract.ts';
import { realDeadlineTimer, within, type DeadlineTimer } from '../core/async/deadline.ts';
import type { Platform } from '../core/domain/model.ts';
import type { Clock } from '../core/ports.ts';
import type { OutboxBacklog } from '../db/outbox-backlog.ts';

/** A database that has not answered the backlog query by then counts as unreachable. */
export const DATABASE_TIMEOUT_MS = 3_000;

export interface HealthReport {
  healthy: boolean;
  database: 'reachable' | 'unreachable';
  /** Each running adapter's state, by platform (`discord`, `slack`, `console`). */
  adapters: Partial<Record<Lowercase<Platform>, ConnectionState>>;
  /** Per platform with any: due and unsent deliveries, and how long the oldest has waited. */
  deliveries: Partial<Record<Lowercase<Platform>, { pending: number; oldestDueSeconds: number }>>;
  /** How long the oldest due delivery has waited; null when none is due or it cannot be known. */
  oldestDueDeliverySeconds: number | null;
  /** What is wrong, for the person reading the probe's answer. */
  problems: string[];
}

export interface HealthSources {
  /** The outbox backlog at a time (src/db/outbox-backlog.ts on the application's database). */
  backlog(now: Date): Promise<OutboxBacklog>;
  /** The adapters running now. */
  adapters(): readonly PlatformAdapter[];
  clock: Clock;
  /** Longest a due delivery may wait before the process counts as unhealthy. */
  maxDueAgeSeconds: number;
  /** Bounds the database query; real time unless a test drives it. */
  timer?: DeadlineTimer;
}

export const platformLabel = (platform: Platform): Lowercase<Platform> =>
  platform.toLowerCase() as Lowercase<Platform>;

export async function checkHealth(sources: HealthSources): Promise<HealthReport> {
  const now = sources.clock.now();
  const problems: string[] = [];
  const adapters: HealthReport['adapters'] = {};
  for (const adapter of sources.adapters()) {
    const state = adapter.connectionState();
    adapters[platformLabel(adapter.platform)] = state;
    if (state !== 'connected') problems.push(`${adapter.platform.toLowerCase()} is ${state}`);
  }
  const backlog = await readBacklog(sources, now);
  const deliveries: HealthReport['deliveries'] = {};
  let oldestDueDeliverySeconds: number | null = null;
  if (!backlog) problems.push('the database does not answer');
  for (const [platform, { due, oldestDueAt }] of Object.entries(backlog ?? {}) as Entries<OutboxBacklog>) {
    const waited = Math.max(0, (now.getTime() - oldestDueAt.getTime()) / 1000);
    deliveries[platformLabel(platform)] = { pending: due, oldestDueSeconds: waited };
    oldestDueDeliverySeconds = Math.max(oldestDueDeliverySeconds ?? 0, waited);
  }
  if (oldestDueDeliverySeconds !== null && oldestDueDeliverySeconds > sources.maxDueAgeSeconds)
    problems.push(
      `a delivery has been due for ${Math.round(oldestDueDeliverySeconds)} s (more than ${sources.maxDueAgeSeconds} s)`,
    );
  return {
    healthy: problems.length === 0,
    database: backlog ? 'reachable' : 'unreachable',
    adapters,
    deliveries,
    oldestDueDeliverySeconds,
    problems,
  };
}

type Entries<T> = { [K in keyof T]-?: [K, NonNullable<T[K]>] }[keyof T][];

/** The backlog, or undefined when the database failed or did not answer in time. */
async function readBacklog(sources: HealthSources, now: Date): Promise<OutboxBacklog | undefined> {
  const query = sources.backlog(now);
  // Past the bound the query may still fail: that is the answer already given.
  query.catch(() => undefined);
  try {
    return await within(query, DATABASE_TIMEOUT_MS, sources.timer ?? realDeadlineTimer);
  } catch {
    return undefined;
  }
}
