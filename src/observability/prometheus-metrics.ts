/**
 * The core's Metrics port on prom-client, with the gauges /metrics reads at each scrape (the
 * outbox backlog, the database, each adapter's connection) and Node's default process metrics.
 * One registry per instance, so tests and several wirings in one process do not share counts.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ConnectionState } from '../core/adapter-contract.ts';
import type {
  CommandOutcome,
  CopyTranslationOutcome,
  DeliveryAttemptOutcome,
  Metrics,
} from '../core/metrics.ts';
import type { Platform } from '../core/domain/model.ts';
import { platformLabel, type HealthReport } from './health-check.ts';

/** Seconds, with 3 s marked: Discord and Slack want an answer (or a deferral) within it. */
const COMMAND_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];
/** Seconds; a tick runs every 15 s and is skipped while the previous one still runs. */
const TICK_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60];
const CONNECTION_STATES: readonly ConnectionState[] = ['connected', 'connecting', 'disconnected'];

export interface PrometheusMetricsOptions {
  /** A monotonic clock in seconds (tests give one they drive); default performance.now(). */
  seconds?: () => number;
  /** Node's process metrics (CPU, memory, event loop lag, handles); default on. */
  processMetrics?: boolean;
}

export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly seconds: () => number;
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly commandSeconds: Histogram<'command'>;
  private readonly deliveries: Counter<'platform' | 'outcome'>;
  private readonly tickSeconds: Histogram;
  private readonly translations: Counter<'service' | 'outcome'>;
  private readonly pending: Gauge<'platform'>;
  private readonly oldestDue: Gauge<'platform'>;
  private readonly databaseUp: Gauge;
  private readonly connection: Gauge<'platform' | 'state'>;

  constructor(options: PrometheusMetricsOptions = {}) {
    this.seconds = options.seconds ?? (() => performance.now() / 1000);
    const registers = [this.registry];
    this.commands = new Counter({
      name: 'twinbridge_commands_total',
      help: 'Commands answered, by command and outcome (ok, refused: a translated refusal, failed: unexpected error)',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.commandSeconds = new Histogram({
      name: 'twinbridge_command_duration_seconds',
      help: 'Time from a command arriving at the core to its answer',
      labelNames: ['command'],
      buckets: COMMAND_BUCKETS,
      registers,
    });
    this.deliveries = new Counter({
      name: 'twinbridge_deliveries_total',
      help: 'Delivery attempts by platform and outcome (sent, retried, failed for good, released unsent, lost to another worker)',
      labelNames: ['platform', 'outcome'],
      registers,
    });
    this.tickSeconds = new Histogram({
      name: 'twinbridge_scheduler_tick_duration_seconds',
      help: "Time a scheduler tick took: the due jobs, then the outbox worker's drain",
      buckets: TICK_BUCKETS,
      registers,
    });
    this.translations = new Counter({
      name: 'twinbridge_relay_translations_total',
      help: 'Machine translations of relayed copies by service and outcome (translated, same_language, unchanged, failed, timed_out: the copy went out with the original only)',
      labelNames: ['service', 'outcome'],
      registers,
    });
    this.pending = new Gauge({
      name: 'twinbridge_deliveries_pending',
      help: 'Deliveries due and not yet sent, by platform (at the last scrape)',
      labelNames: ['platform'],
      registers,
    });
    this.oldestDue = new Gauge({
      name: 'twinbridge_outbox_oldest_due_seconds',
      help: 'How long the oldest due, unsent delivery has waited, by platform (0 when none)',
      labelNames: ['platform'],
      registers,
    });
    this.databaseUp = new Gauge({
      name: 'twinbridge_database_up',
      help: 'Whether the database answered at the last scrape (1) or not (0)',
      registers,
    });
    this.connection = new Gauge({
      name: 'twinbridge_adapter_connection_state',
      help: "Each adapter's connection: 1 for the state it is in, 0 for the others",
      labelNames: ['platform', 'state'],
      registers,
    });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  commandStarted(): (command: string, outcome: CommandOutcome) => void {
    const started = this.seconds();
    return (command, outcome) => {
      this.commands.inc({ command, outcome });
      this.commandSeconds.observe({ command }, this.seconds() - started);
    };
  }

  deliveryAttempted(platform: Platform, outcome: DeliveryAttemptOutcome): void {
    this.deliveries.inc({ platform: platformLabel(platform), outcome });
  }

  tickStarted(): () => void {
    const started = this.seconds();
    return () => this.tickSeconds.observe(this.seconds() - started);
  }

  copyTranslated(service: string, outcome: CopyTranslationOutcome): void {
    this.translations.inc({ service, outcome });
  }

  /** The scrape's text, with the gauges set from a health report read just before. */
  async exposition(health: HealthReport): Promise<string> {
    const reachable = health.database === 'reachable';
    this.databaseUp.set(reachable ? 1 : 0);
    // What the database did not say is left out, not shown as 0.
    this.pending.reset();
    this.oldestDue.reset();
    if (reachable) {
      // Every running platform gets its series, 0 included, so an alert sees it exist.
      const platforms = new Set([...Object.keys(health.adapters), ...Object.keys(health.deliveries)]);
      for (const platform of platforms) {
        const backlog = health.deliveries[platform as Lowercase<Platform>];
        this.pending.set({ platform }, backlog?.pending ?? 0);
        this.oldestDue.set({ platform }, backlog?.oldestDueSeconds ?? 0);
      }
    }
    this.connection.reset();
    for (const [platform, current] of Object.entries(health.adapters))
      for (const state of CONNECTION_STATES)
        this.connection.set({ platform, state }, state === current ? 1 : 0);
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
