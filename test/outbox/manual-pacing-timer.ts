/**
 * Pacing time for the delivery worker that moves only when the test says so, and that tells
 * the test when the worker has set a wake: tests assert on the driven time, never on how long
 * a run took on this machine.
 */
import type { PacingTimer } from '../../src/core/outbox/send-gate.ts';

interface PendingTimer {
  at: number;
  ms: number;
  wake: () => void;
}

/** Resolves waiters whenever something they watch may have changed. */
export class Changes {
  private readonly waiters = new Set<() => boolean>();

  notify(): void {
    for (const waiter of [...this.waiters]) if (waiter()) this.waiters.delete(waiter);
  }

  /** Resolves with the first defined value of `probe`, checked now and after each notify(). */
  until<T>(probe: () => T | undefined): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve) => {
      this.waiters.add(() => {
        const value = probe();
        if (value === undefined) return false;
        resolve(value);
        return true;
      });
    });
  }
}

export class ManualPacingTimer implements PacingTimer {
  private current = 0;
  private nextId = 1;
  private readonly timers = new Map<number, PendingTimer>();
  private readonly changes = new Changes();

  /**
   * @param longestWakeMs timers set for longer are not wakes but send timeouts, which these
   *   tests never reach (a post here answers, or is held until the test lets it answer).
   */
  constructor(private readonly longestWakeMs: number) {}

  now(): number {
    return this.current;
  }

  setTimeout(wake: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.current + ms, ms, wake });
    this.changes.notify();
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** When the earliest pending wake is due, if one is set. */
  nextWake(): number | undefined {
    let earliest: number | undefined;
    for (const timer of this.timers.values()) {
      if (timer.ms <= this.longestWakeMs && (earliest === undefined || timer.at < earliest))
        earliest = timer.at;
    }
    return earliest;
  }

  /** Resolves with the time of the earliest wake once one is set. */
  whenWakeSet(): Promise<number> {
    return this.changes.until(() => this.nextWake());
  }

  /** Moves time forward to `at`, firing the wakes due by then in order. */
  advanceTo(at: number): void {
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, timer]) => timer.ms <= this.longestWakeMs && timer.at <= at)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.current = Math.max(this.current, due[1].at);
      due[1].wake();
    }
    this.current = Math.max(this.current, at);
  }
}

/**
 * Waits for `work`, moving time to each wake the worker sets as soon as it is set: the worker
 * never waits longer than it asked, and whatever it does in between takes no pacing time.
 */
export async function driveUntilDone<T>(timer: ManualPacingTimer, work: Promise<T>): Promise<T> {
  let finished = false;
  const done = work.finally(() => {
    finished = true;
  });
  for (;;) {
    const wake = await Promise.race([done.then(() => undefined), timer.whenWakeSet()]);
    if (finished) return done;
    if (wake !== undefined) timer.advanceTo(wake);
  }
}
