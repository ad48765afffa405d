/**
 * This worker's part of each platform's posting budget, shared with the other workers that post
 * for the same bot. Every worker keeps a row alive in the database: the platforms it has posts
 * in hand for, renewed every second while it has any, every third of a claim lease while idle
 * (and at once when it takes its first or finishes its last). A platform's budget is divided
 * among the workers busy with it (sendLimitsPart), counting this one: so they post together as
 * fast as one worker alone may, whether one of them holds a whole fan-out or each holds a third,
 * and an idle worker takes no part. A worker that stops leaves at once; one that dies (kill -9)
 * or freezes stops counting when its row expires, a lease after its last heartbeat, and the
 * others' parts grow back at their next heartbeat.
 *
 * The others learn that a worker became busy at their next heartbeat, a second later at most:
 * until each of them counts it, the worker sends nothing to that platform (their parts still add
 * up to the whole without it). A busy worker silent for 3 s (frozen, or dead) is not waited for;
 * it still counts until its row expires. A part grows a heartbeat after the one that allows it
 * (a worker that went idle sent its last posts within the platform's current window).
 */
import type { Platform } from '../domain/model.ts';
import type { BusyWorker, Clock, Logger, Store } from '../ports.ts';
import type { PacingTimer } from './send-gate.ts';
import { sendLimitsPart, type SendLimits } from './send-limits.ts';

/** The platforms whose budget is the bot's, whoever posts; the console is one process's terminal. */
const SHARED_PLATFORMS: readonly Platform[] = ['DISCORD', 'SLACK'];

/** How often a busy worker renews its row (and so learns who else is busy). */
const BUSY_BEAT_MS = 1_000;
/** A busy worker that has not renewed its row for this long is not waited for. */
const SILENT_MS = 3 * BUSY_BEAT_MS;

export interface SendSharesOptions {
  workerId: string;
  /** The platforms this worker posts to. */
  platforms: readonly Platform[];
  /** The platforms it has posts in hand for now (claimed, not yet answered). */
  busy: () => readonly Platform[];
  /** Each platform's whole budget. */
  limits: Record<Platform, SendLimits>;
  /** Idle, a heartbeat every third of this; a worker that misses them stops counting after it. */
  leaseMs: number;
  /** Real time for the heartbeat (the Clock is the database's time). */
  timer: PacingTimer;
  /** Told this worker's limits whenever its part of a budget changes. */
  onChange(limits: Record<Platform, SendLimits>): void;
}

export class SendShares {
  private current: Record<Platform, SendLimits>;
  /** This worker's part of each budget, as of the last heartbeat. */
  private parts: Record<Platform, SendLimits>;
  /** Platforms this worker became busy with that not every other busy worker counts it for yet. */
  private readonly held = new Set<Platform>();
  /** Larger parts offered by the last heartbeat, not used yet. */
  private readonly growing = new Map<Platform, SendLimits>();
  /** The platforms the last heartbeat sent said this worker was busy with. */
  private announced: readonly Platform[] = [];
  private readonly workers = new Map<Platform, number>();
  private readonly platforms: readonly Platform[];
  private started: Promise<void> | undefined;
  private beating: Promise<void> | undefined;
  private beatAgain = false;
  private heartbeat: unknown;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: SendSharesOptions,
  ) {
    this.current = options.limits;
    this.parts = options.limits;
    this.platforms = SHARED_PLATFORMS.filter((platform) => options.platforms.includes(platform));
  }

  /** This worker's limits now. */
  limits(): Record<Platform, SendLimits> {
    return this.current;
  }

  /** How many workers divide the platform's budget (this one and the others busy with it). */
  workersSharing(platform: Platform): number {
    return this.workers.get(platform) ?? 1;
  }

  /** The first heartbeat, once: the worker's first claim waits for it, so it starts with its part. */
  start(): Promise<void> {
    this.started ??= this.platforms.length === 0 ? Promise.resolve() : this.beat();
    return this.started;
  }

  /** This worker became busy or idle: the others are told now rather than at the next heartbeat. */
  poke(): void {
    if (this.stopped || this.started === undefined || this.platforms.length === 0) return;
    // Nothing goes to a platform this worker just became busy with until the others count it.
    const newlyBusy = this.busyNow().filter((p) => !this.announced.includes(p) && !this.held.has(p));
    for (const platform of newlyBusy) this.held.add(platform);
    if (newlyBusy.length > 0) this.publish();
    if (this.beating) {
      this.beatAgain = true;
      return;
    }
    this.disarm();
    void this.beat();
  }

  /** No more heartbeats, and this worker no longer counts: the others' parts grow at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    if (this.started === undefined || this.platforms.length === 0) return;
    await this.started;
    await this.beating;
    try {
      await this.store.transaction((repos) => repos.liveWorkers.leave(this.options.workerId));
    } catch (error) {
      this.logger.warn(
        { err: error, worker: this.options.workerId },
        'could not leave the live workers; the others get its send share back once its heartbeat expires',
      );
    }
  }

  private beat(): Promise<void> {
    const beating = this.renew().finally(() => {
      this.beating = undefined;
      if (this.beatAgain && !this.stopped) {
        this.beatAgain = false;
        void this.beat();
      } else {
        this.arm();
      }
    });
    this.beating = beating;
    return beating;
  }

  private async renew(): Promise<void> {
    const { workerId, leaseMs } = this.options;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + leaseMs);
    const busy = this.busyNow();
    this.announced = busy;
    try {
      const busyWith = await this.store.transaction((repos) =>
        repos.liveWorkers.heartbeat({ workerId, platforms: this.platforms, busy, now, expiresAt }),
      );
      if (!this.stopped) this.apply(busyWith, busy);
    } catch (error) {
      this.logger.warn(
        { err: error, worker: workerId },
        'could not renew this worker’s heartbeat; keeping its send share until the next one',
      );
    }
  }

  private busyNow(): Platform[] {
    return this.options.busy().filter((platform) => this.platforms.includes(platform));
  }

  private apply(busyWith: Partial<Record<Platform, BusyWorker[]>>, busy: readonly Platform[]): void {
    const { workerId, limits } = this.options;
    const now = this.clock.now().getTime();
    const parts = { ...this.parts };
    for (const platform of this.platforms) {
      const others = (busyWith[platform] ?? []).filter((worker) => worker.id !== workerId);
      // Counted busy even while idle, so it has its part ready when posts come. Every worker
      // sorts the same ids alike, so the ranks (who gets a remainder) agree.
      const ids = [...others.map((worker) => worker.id), workerId].sort();
      parts[platform] = this.grown(
        platform,
        sendLimitsPart(limits[platform], ids.indexOf(workerId), ids.length),
      );
      if (busy.includes(platform)) {
        const unaware = others.some((w) => !w.countsAsker && now - w.seenAt.getTime() < SILENT_MS);
        if (unaware) this.held.add(platform);
        else this.held.delete(platform);
      }
      if (this.workers.get(platform) !== ids.length) {
        this.logger.info(
          { worker: workerId, platform, workers: ids.length },
          'workers sharing a platform’s send budget changed',
        );
      }
      this.workers.set(platform, ids.length);
    }
    this.parts = parts;
    this.publish();
  }

  /**
   * The part to use now: a smaller one at once, a larger one from the heartbeat after the one
   * that offered it (a second while busy, Discord's window: the posts of a worker that went idle
   * still count in it).
   */
  private grown(platform: Platform, offered: SendLimits): SendLimits {
    const using = this.parts[platform];
    const pending = this.growing.get(platform);
    this.growing.delete(platform);
    if (!isLarger(offered, using)) return offered;
    if (pending !== undefined && sameLimits(pending, offered)) return offered;
    this.growing.set(platform, offered);
    return using;
  }

  /** This worker's parts, with no request in flight allowed where it is held. */
  private publish(): void {
    let next = this.current;
    for (const platform of this.platforms) {
      const part = this.parts[platform];
      const limits = this.held.has(platform) ? { ...part, concurrency: 0 } : part;
      if (!sameLimits(limits, next[platform])) next = { ...next, [platform]: limits };
    }
    if (next === this.current) return;
    this.current = next;
    this.options.onChange(next);
  }

  private arm(): void {
    if (this.stopped || this.heartbeat !== undefined) return;
    const idleEvery = Math.max(1, Math.floor(this.options.leaseMs / 3));
    const every = this.options.busy().length > 0 ? Math.min(BUSY_BEAT_MS, idleEvery) : idleEvery;
    this.heartbeat = this.options.timer.setTimeout(() => {
      this.heartbeat = undefined;
      void this.beat();
    }, every);
  }

  private disarm(): void {
    if (this.heartbeat !== undefined) this.options.timer.clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
  }
}

/** Deliveries claimed and not yet finished, per platform: the platforms a worker is busy with. */
export class PostsInHand {
  private readonly counts = new Map<Platform, number>();

  /** `changed` is called when the worker starts or stops being busy with a platform. */
  constructor(private readonly changed: () => void) {}

  take(platform: Platform): void {
    const before = this.counts.get(platform) ?? 0;
    this.counts.set(platform, before + 1);
    if (before === 0) this.changed();
  }

  give(platform: Platform): void {
    const after = (this.counts.get(platform) ?? 0) - 1;
    if (after > 0) return void this.counts.set(platform, after);
    this.counts.delete(platform);
    this.changed();
  }

  platforms(): Platform[] {
    return [...this.counts.keys()];
  }
}

/** Whether `a` allows more posts per window, or more in flight, than `b` anywhere. */
function isLarger(a: SendLimits, b: SendLimits): boolean {
  return (
    a.concurrency > b.concurrency ||
    (a.global?.limit ?? 0) > (b.global?.limit ?? 0) ||
    (a.perCommunity?.limit ?? 0) > (b.perCommunity?.limit ?? 0)
  );
}

function sameLimits(a: SendLimits, b: SendLimits): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
