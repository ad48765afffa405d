/**
 * This worker's part of each platform's posting budget, shared with the other live workers that
 * post for the same bot. Every worker keeps a row alive in the database (a heartbeat every third
 * of a claim lease); the live workers serving a platform divide its budget among them
 * (sendLimitsPart), so together they post as fast as one worker alone may, whether one runs or
 * five. A worker that stops leaves at once; one that dies (kill -9) or freezes stops counting
 * when its row expires, a lease after its last heartbeat, and the others' parts grow back at
 * their next heartbeat.
 *
 * The parts follow the workers with a heartbeat's delay: for up to a third of a lease after a
 * worker joins, the others still use their former parts.
 */
import type { Platform } from '../domain/model.ts';
import type { Clock, Logger, Store } from '../ports.ts';
import type { PacingTimer } from './send-gate.ts';
import { sendLimitsPart, type SendLimits } from './send-limits.ts';

/** The platforms whose budget is the bot's, whoever posts; the console is one process's terminal. */
const SHARED_PLATFORMS: readonly Platform[] = ['DISCORD', 'SLACK'];

export interface SendSharesOptions {
  workerId: string;
  /** The platforms this worker posts to. */
  platforms: readonly Platform[];
  /** Each platform's whole budget. */
  limits: Record<Platform, SendLimits>;
  /** A heartbeat every third of this; a worker that misses them stops counting after it. */
  leaseMs: number;
  /** Real time for the heartbeat (the Clock is the database's time). */
  timer: PacingTimer;
  /** Told this worker's limits whenever its part of a budget changes. */
  onChange(limits: Record<Platform, SendLimits>): void;
}

export class SendShares {
  private current: Record<Platform, SendLimits>;
  private readonly workers = new Map<Platform, number>();
  private readonly platforms: readonly Platform[];
  private started: Promise<void> | undefined;
  private heartbeat: unknown;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: SendSharesOptions,
  ) {
    this.current = options.limits;
    this.platforms = SHARED_PLATFORMS.filter((platform) => options.platforms.includes(platform));
  }

  /** This worker's limits now. */
  limits(): Record<Platform, SendLimits> {
    return this.current;
  }

  /** How many live workers share the platform's budget, as of the last heartbeat (1 before it). */
  workersServing(platform: Platform): number {
    return this.workers.get(platform) ?? 1;
  }

  /** The first heartbeat, once: the worker's first claim waits for it, so it starts with its part. */
  start(): Promise<void> {
    this.started ??= this.platforms.length === 0 ? Promise.resolve() : this.beat();
    return this.started;
  }

  /** No more heartbeats, and this worker no longer counts: the others' parts grow at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat !== undefined) this.options.timer.clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
    if (this.started === undefined || this.platforms.length === 0) return;
    await this.started;
    try {
      await this.store.transaction((repos) => repos.liveWorkers.leave(this.options.workerId));
    } catch (error) {
      this.logger.warn(
        { err: error, worker: this.options.workerId },
        'could not leave the live workers; the others get its send share back once its heartbeat expires',
      );
    }
  }

  private async beat(): Promise<void> {
    const { workerId, leaseMs } = this.options;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + leaseMs);
    try {
      const serving = await this.store.transaction((repos) =>
        repos.liveWorkers.heartbeat({ workerId, platforms: this.platforms, now, expiresAt }),
      );
      if (!this.stopped) this.apply(serving);
    } catch (error) {
      this.logger.warn(
        { err: error, worker: workerId },
        'could not renew this worker’s heartbeat; keeping its send share until the next one',
      );
    } finally {
      this.arm();
    }
  }

  private apply(serving: Partial<Record<Platform, string[]>>): void {
    const { workerId, limits } = this.options;
    let next = this.current;
    for (const platform of this.platforms) {
      // Every worker sorts the same ids alike, so the ranks (who gets a remainder) agree.
      const ids = [...new Set([...(serving[platform] ?? []), workerId])].sort();
      const part = sendLimitsPart(limits[platform], ids.indexOf(workerId), ids.length);
      if (!sameLimits(part, next[platform])) next = { ...next, [platform]: part };
      if (this.workers.get(platform) !== ids.length) {
        this.logger.info(
          { worker: workerId, platform, workers: ids.length },
          'live workers serving a platform changed; its send budget is divided among them',
        );
      }
      this.workers.set(platform, ids.length);
    }
    if (next === this.current) return;
    this.current = next;
    this.options.onChange(next);
  }

  private arm(): void {
    if (this.stopped || this.heartbeat !== undefined) return;
    const every = Math.max(1, Math.floor(this.options.leaseMs / 3));
    this.heartbeat = this.options.timer.setTimeout(() => {
      this.heartbeat = undefined;
      void this.beat();
    }, every);
  }
}

function sameLimits(a: SendLimits, b: SendLimits): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
