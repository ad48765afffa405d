/**
 * Time that moves only when the test says so. It serves as the outbox's PacingTimer and as the
 * adapters' DeadlineTimer: `advance(ms)` moves time and fires what fell due in order, letting the
 * work they start run; `fire(ms)` fires the timers set for exactly `ms` (a deferral, a deadline)
 * without moving time.
 */
import type { PacingTimer } from '../../src/core/outbox/send-gate.ts';

interface Pending {
  at: number;
  ms: number;
  wake: () => void;
}

/** Lets promise chains started by a timer run before the test looks. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

export class ManualTimer implements PacingTimer {
  current = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  now(): number {
    return this.current;
  }

  setTimeout(wake: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + ms, ms, wake });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Moves time forward, firing due timers in order and letting their work run. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, t]) => t.at <= end)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.current = Math.max(this.current, due[1].at);
      due[1].wake();
      await settle();
    }
    this.current = end;
    await settle();
  }

  /** Fires the earliest timer, moving time to it (its work is not awaited); false when none is set. */
  fireNext(): boolean {
    const next = [...this.pending.entries()].sort(([, a], [, b]) => a.at - b.at)[0];
    if (!next) return false;
    this.pending.delete(next[0]);
    this.current = Math.max(this.current, next[1].at);
    next[1].wake();
    return true;
  }

  /** Fires the timers set for `ms` (all of them when omitted), at once. */
  fire(ms?: number): void {
    for (const [id, timer] of [...this.pending]) {
      if (ms !== undefined && timer.ms !== ms) continue;
      this.pending.delete(id);
      timer.wake();
    }
  }

  /** How many timers (set for `ms`, when given) are waiting. */
  armed(ms?: number): number {
    return [...this.pending.values()].filter((t) => ms === undefined || t.ms === ms).length;
  }
}
