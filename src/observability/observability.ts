/**
 * Health and metrics for one wiring: the Prometheus metrics the core reports into, and the
 * endpoints that read them with the database and the adapters. main() builds it before the
 * adapters (Slack in HTTP mode serves the routes on its own server, so it needs them first) and
 * tells it the adapters once they exist.
 */
import type { PlatformAdapter } from '../core/adapter-contract.ts';
import type { Clock, Logger } from '../core/ports.ts';
import { outboxBacklog } from '../db/outbox-backlog.ts';
import type { Database } from '../db/open-database.ts';
import { HttpEndpoints } from './http-endpoints.ts';
import { PrometheusMetrics } from './prometheus-metrics.ts';

export class Observability {
  readonly metrics: PrometheusMetrics;
  readonly endpoints: HttpEndpoints;
  private adapters: readonly PlatformAdapter[] = [];

  constructor(options: {
    database: Database;
    clock: Clock;
    logger: Logger;
    maxDueAgeSeconds: number;
    /** Default: a fresh registry with Node's process metrics. */
    metrics?: PrometheusMetrics;
  }) {
    const { database, clock, logger, maxDueAgeSeconds } = options;
    this.metrics = options.metrics ?? new PrometheusMetrics();
    this.endpoints = new HttpEndpoints(
      {
        backlog: (now) => outboxBacklog(database.prisma, now),
        adapters: () => this.adapters,
        clock,
        maxDueAgeSeconds,
      },
      this.metrics,
      logger,
    );
  }

  /** The adapters whose connections /healthz and /metrics report. */
  watch(adapters: readonly PlatformAdapter[]): void {
    this.adapters = adapters;
  }
}
