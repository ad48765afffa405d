/**
 * The leases of the deliveries this worker has claimed. A lease is short (15 s by default), so
 * the claims of a process that died (kill -9, a lost machine) lapse soon and another worker
 * takes them over; while this process lives, a heartbeat renews everything it holds every third
 * of a lease, however long a post waits for its pace or takes to answer.
 *
 * Right before each platform call the claim is confirmed. When this process's own monotonic
 * time says the claim was taken or renewed less than half a lease ago, it cannot have lapsed
 * (the database's lease was set a whole lease after that moment), and nothing is asked; a
 * frozen process sees its monotonic time jump. Otherwise the claim is renewed in one statement
 * that only succeeds while this worker still holds it with a lease that has not run out. A
 * process that was frozen past its lease (SIGSTOP, a stalled VM) and then resumed finds its
 * claims gone, perhaps sent by another worker meanwhile, and sends none of them.
 */
import type { Clock, Logger, Store } from '../ports.ts';
import type { PacingTimer } from './send-gate.ts';

export interface ClaimKeeperOptions {
  workerId: string;
  leaseMs: number;
  /** Real time for the heartbeat and for noticing a freeze (the Clock is the database's time). */
  timer: PacingTimer;
}

/** Confirmations asked for in one turn of the event loop, renewed in one statement. */
interface ConfirmBatch {
  ids: Set<string>;
  renewed: Promise<ReadonlySet<string>>;
}

export class ClaimKeeper {
  /** Each claim held, with the pacing time its last claim or renewal statement was sent. */
  private readonly held = new Map<string, number>();
  private heartbeat: unknown;
  private batch: ConfirmBatch | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: ClaimKeeperOptions,
  ) {}

  /** The lease a claim made now gets. */
  leaseFromNow(): Date {
    return new Date(this.clock.now().getTime() + this.options.leaseMs);
  }

  /** Claims just taken by a statement sent at `askedAt` (pacing time): kept alive until given up. */
  hold(ids: readonly string[], askedAt: number): void {
    for (const id of ids) this.held.set(id, askedAt);
    this.arm();
  }

  /** The claim ended (its outcome is written, or it was lost): no longer renewed. */
  giveUp(id: string): void {
    this.held.delete(id);
    if (this.held.size === 0) this.disarm();
  }

  /**
   * True when this worker still holds the claim; it then has a whole lease from now. False when
   * the claim was lost, or the database could not say: the post must not go out from here.
   */
  async confirm(id: string): Promise<boolean> {
    const { timer, leaseMs, workerId } = this.options;
    const lastAsked = this.held.get(id);
    if (lastAsked === undefined) return false;
    if (timer.now() - lastAsked < leaseMs / 2) return true;
    const asked = timer.now();
    let renewed: ReadonlySet<string>;
    try {
      renewed = await this.renewSoon(id);
    } catch (error) {
      this.logger.warn(
        { err: error, delivery: id, worker: workerId },
        'could not confirm a claim before sending; the post waits for its lease to run out',
      );
      return false;
    }
    if (!renewed.has(id)) {
      this.lost([id]);
      return false;
    }
    if (this.held.has(id)) this.held.set(id, asked);
    // Frozen while the renewal was on its way: the lease it wrote may already be running out.
    if (timer.now() - asked >= leaseMs / 2) {
      this.logger.warn(
        { delivery: id, worker: workerId, waitedMs: timer.now() - asked },
        'a claim was confirmed too late to send on it; the post waits for its lease to run out',
      );
      this.giveUp(id);
      return false;
    }
    return true;
  }

  /** No more heartbeats (the worker stopped; what it held is given back or lapses). */
  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** Confirmations of one turn of the event loop share one statement. */
  private renewSoon(id: string): Promise<ReadonlySet<string>> {
    if (!this.batch) {
      const ids = new Set<string>();
      const renewed = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.batch = null;
        return this.renew([...ids]);
      });
      this.batch = { ids, renewed };
    }
    this.batch.ids.add(id);
    return this.batch.renewed;
  }

  private async renew(ids: readonly string[]): Promise<ReadonlySet<string>> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
    const kept = await this.store.transaction((repos) =>
      repos.deliveries.renewClaims(this.options.workerId, ids, now, leaseUntil),
    );
    return new Set(kept);
  }

  private arm(): void {
    if (this.stopped || this.heartbeat !== undefined || this.held.size === 0) return;
    const every = Math.max(1, Math.floor(this.options.leaseMs / 3));
    this.heartbeat = this.options.timer.setTimeout(() => {
      this.heartbeat = undefined;
      void this.beat();
    }, every);
  }

  private disarm(): void {
    if (this.heartbeat !== undefined) this.options.timer.clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
  }

  private async beat(): Promise<void> {
    const ids = [...this.held.keys()];
    const asked = this.options.timer.now();
    try {
      const kept = await this.renew(ids);
      for (const id of kept) if (this.held.has(id)) this.held.set(id, asked);
      const lost = ids.filter((id) => !kept.has(id) && this.held.has(id));
      if (lost.length > 0) this.lost(lost);
    } catch (error) {
      this.logger.warn(
        { err: error, worker: this.options.workerId, claims: ids.length },
        'could not renew the outbox claims; trying again at the next heartbeat',
      );
    } finally {
      this.arm();
    }
  }

  private lost(ids: readonly string[]): void {
    for (const id of ids) this.giveUp(id);
    this.logger.warn(
      { worker: this.options.workerId, deliveries: ids },
      'outbox claims lost (their lease ran out, or another worker took them over); not sent from here',
    );
  }
}
