/**
 * The scheduler's tick. node-cron only says "now"; what is due lives in the database: reminders
 * are outbox rows with a future dueAt, scheduled announcements and weekly digests have their
 * next run on their rows. Each tick runs the jobs (src/core/jobs) at the clock's time, then
 * wakes the delivery worker. No timer is kept per job, so memory does not grow with the work.
 */
import type { ScheduledTask } from 'node-cron';
import { scheduleCronTask } from './cron-task.ts';
import type { JobDependencies } from '../core/jobs/job-dependencies.ts';
import { runScheduledJobs, type JobReport } from '../core/jobs/run-jobs.ts';
import { NO_METRICS, type Metrics } from '../core/metrics.ts';
import type { Clock } from '../core/ports.ts';
import type { Drainable } from './outbox-ticker.ts';

export interface SchedulerOptions {
  /** Seconds between ticks; a divisor of 60. Default 15. */
  tickSeconds?: number;
  /** Told how long each tick took (jobs and the worker's drain); NO_METRICS when not given. */
  metrics?: Metrics;
}

export class Scheduler {
  private readonly tickSeconds: number;
  private readonly metrics: Metrics;
  private task: ScheduledTask | undefined;
  private running: Promise<JobReport> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: JobDependencies & { clock: Clock; worker: Drainable },
    options: SchedulerOptions = {},
  ) {
    this.tickSeconds = options.tickSeconds ?? 15;
    this.metrics = options.metrics ?? NO_METRICS;
    if (!Number.isInteger(this.tickSeconds) || this.tickSeconds < 1 || 60 % this.tickSeconds !== 0)
      throw new RangeError(`tickSeconds must divide 60, got ${this.tickSeconds}`);
  }

  /**
   * Reminders later than this are dropped: two ticks, so a tick that runs late (or is skipped
   * while the previous one still works) cannot let a reminder slip past its event's start.
   */
  get lookaheadMs(): number {
    return 2 * this.tickSeconds * 1000;
  }

  /**
   * The jobs alone, without waking the worker: at start-up, before adapters take commands (which
   * wake the worker), so reminders for exchanges that started during downtime are dropped
   * before anything could send them.
   */
  async catchUp(): Promise<JobReport> {
    return this.runJobs();
  }

  /** The jobs, then the worker. A tick that finds the previous one still running is skipped. */
  async tick(): Promise<JobReport | null> {
    if (this.running || this.stopped) return null;
    const ticked = this.metrics.tickStarted();
    const running = this.runJobs();
    this.running = running;
    try {
      const report = await running;
      await this.deps.worker.drainDueLogged();
      return report;
    } finally {
      this.running = undefined;
      ticked();
    }
  }

  /** Ticks now (sending what came due during downtime) and then every `tickSeconds`. */
  start(): void {
    if (this.task || this.stopped) return;
    this.task = scheduleCronTask(
      'twinbridge-scheduler',
      `*/${this.tickSeconds} * * * * *`,
      () => void this.tickLogged(),
      this.deps.logger,
    );
    void this.tickLogged();
  }

  /** Stops ticking and waits for a tick under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.task) await this.task.stop();
    this.task = undefined;
    await this.running?.catch(() => undefined);
  }

  private async tickLogged(): Promise<void> {
    try {
      const report = await this.tick();
      if (report && Object.values(report).some((count) => count > 0))
        this.deps.logger.info({ ...report }, 'scheduler tick');
    } catch (error) {
      this.deps.logger.error({ err: error }, 'scheduler tick failed');
    }
  }

  private runJobs(): Promise<JobReport> {
    return runScheduledJobs(this.deps, this.deps.clock.now(), { lookaheadMs: this.lookaheadMs });
  }
}
