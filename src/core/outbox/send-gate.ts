/**
 * Paces sends to one platform: at most `concurrency` in flight, and no window (global, per
 * community, per destination) over its limit. Waiting sends are served in order, except that
 * one held back by its own channel does not hold up sends to other channels.
 *
 * Each window is a log of its last `limit` send times: a send may go when the oldest of them
 * left at least `windowMs` (plus the margin) ago, which is exactly the "N per window" rule the
 * platforms state, bursts included. A spread window also keeps `windowMs / limit` between sends.
 */
import type { RateWindow, SendLimits } from './send-limits.ts';

/** Real time for pacing (monotonic milliseconds), and timers. Tests pass a manual one. */
export interface PacingTimer {
  now(): number;
  setTimeout(wake: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimer: PacingTimer = {
  now: () => performance.now(),
  setTimeout: (wake, ms) => {
    const handle = setTimeout(wake, ms);
    // Pacing never keeps a process alive on its own.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Where a send goes, for the windows that apply to it. */
export interface SendAddress {
  community: string;
  destination: string;
}

export interface Permit {
  /** Call once the request has been answered: frees its place among those in flight. */
  release(): void;
}

interface Waiter {
  address: SendAddress;
  destination: string;
  /** Pacing time after which waiting is pointless (the claim's lease runs out). */
  deadline: number;
  resolve(permit: Permit | undefined): void;
}

interface WindowKey {
  id: string;
  window: RateWindow;
}

interface WindowLog {
  /** Send times, oldest first, at most `limit` of them. */
  times: number[];
  /** Spread windows: when the next send is due. */
  nextAt?: number;
}

/** How late a timer may fire for a spread window to keep its cadence. */
const LATE_TOLERANCE_MS = 4;

function destinationKey(address: SendAddress): string {
  return `d\u0000${address.community}\u0000${address.destination}`;
}

export class SendGate {
  private readonly logs = new Map<string, WindowLog>();
  /** Destinations held back after a 429, until a pacing time. */
  private readonly pauses = new Map<string, number>();
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private inFlight = 0;
  private wakeHandle: unknown = undefined;
  private wakeAt = Infinity;
  private grantsSinceSweep = 0;
  private closed = false;

  constructor(
    private limits: SendLimits,
    private readonly timer: PacingTimer = realTimer,
  ) {}

  /**
   * Paces by new limits from now on (this worker's part of a budget shared with others changed):
   * the sends already logged count against them, and the sends waiting are served by them.
   */
  setLimits(limits: SendLimits): void {
    const resumed = this.limits.concurrency === 0 && limits.concurrency > 0;
    this.limits = limits;
    // Held while the others made room: the bot's window still holds their last sends, so the
    // first send waits one interval of its own, as though it had just sent.
    if (resumed && limits.global?.spread) {
      this.pausedUntil = Math.max(this.pausedUntil, this.timer.now() + this.intervalOf(limits.global));
    }
    // A spread window's next send is due one new interval after its last one.
    for (const [id, log] of this.logs) {
      const window = this.windowOf(id);
      const last = log.times[log.times.length - 1];
      if (window?.spread && log.nextAt !== undefined && last !== undefined) {
        log.nextAt = last + this.intervalOf(window);
      }
    }
    this.pump();
  }

  /**
   * Resolves with a permit when the send may go, or with undefined if that would be after
   * `deadline` (pacing time) or the gate is closed.
   */
  acquire(address: SendAddress, deadline = Infinity): Promise<Permit | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    const destination = destinationKey(address);
    return new Promise((resolve) => {
      this.queue.push({ address, destination, deadline, resolve });
      this.pump();
    });
  }

  /** The earliest pacing time a send to this address could go, not counting sends queued for it. */
  readyAt(address: SendAddress): number {
    let ready = Math.max(this.pausedUntil, this.pauses.get(destinationKey(address)) ?? 0);
    for (const key of this.keysFor(address)) ready = Math.max(ready, this.keyReadyAt(key));
    return ready;
  }

  /** Holds sends to a destination back for `ms` (the platform answered 429 with retry_after). */
  pauseDestination(address: SendAddress, ms: number): void {
    if (ms <= 0) return;
    const key = destinationKey(address);
    this.pauses.set(key, Math.max(this.pauses.get(key) ?? 0, this.timer.now() + ms));
  }

  /** Holds every send back for `ms` (a global rate limit). */
  pauseAll(ms: number): void {
    if (ms <= 0) return;
    this.pausedUntil = Math.max(this.pausedUntil, this.timer.now() + ms);
  }

  /** How many sends wait for a permit. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Turns every waiting and future acquire away. */
  close(): void {
    this.closed = true;
    if (this.wakeHandle !== undefined) this.timer.clearTimeout(this.wakeHandle);
    this.wakeHandle = undefined;
    for (const waiter of this.queue.splice(0)) waiter.resolve(undefined);
  }

  private log(id: string): WindowLog {
    let log = this.logs.get(id);
    if (!log) {
      log = { times: [] };
      this.logs.set(id, log);
    }
    return log;
  }

  private keysFor(address: SendAddress): WindowKey[] {
    const keys: WindowKey[] = [];
    const { global, perCommunity, perDestination } = this.limits;
    if (global) keys.push({ id: 'global', window: global });
    if (perCommunity) keys.push({ id: `c\u0000${address.community}`, window: perCommunity });
    if (perDestination) keys.push({ id: destinationKey(address), window: perDestination });
    return keys;
  }

  /** The window a log is kept for, under the limits now. */
  private windowOf(id: string): RateWindow | undefined {
    if (id === 'global') return this.limits.global;
    return id.startsWith('c\u0000') ? this.limits.perCommunity : this.limits.perDestination;
  }

  /** The time between sends of a spread window. */
  private intervalOf(window: RateWindow): number {
    return (window.windowMs + (this.limits.marginMs ?? 0)) / window.limit;
  }

  /** The earliest time a send under this key may go. */
  private keyReadyAt(key: WindowKey): number {
    const log = this.logs.get(key.id);
    if (!log) return 0;
    const { limit, windowMs, spread } = key.window;
    const span = windowMs + (this.limits.marginMs ?? 0);
    const full = log.times.length >= limit ? (log.times[log.times.length - limit] ?? 0) : -Infinity;
    if (!spread || log.nextAt === undefined) return full + span;
    // The cadence may run ahead of itself by burst - 1 intervals (GCRA's tolerance).
    const burst = Math.min(limit, Math.max(1, key.window.burst ?? 1));
    return Math.max(full + span, log.nextAt - (burst - 1) * this.intervalOf(key.window));
  }

  private pump(): void {
    if (this.closed) return;
    const now = this.timer.now();
    let nextWake = Infinity;
    for (let i = 0; i < this.queue.length && this.inFlight < this.limits.concurrency;) {
      const waiter = this.queue[i]!;
      const keys = this.keysFor(waiter.address);
      let ready = Math.max(this.pausedUntil, this.pauses.get(waiter.destination) ?? 0);
      for (const key of keys) ready = Math.max(ready, this.keyReadyAt(key));
      if (Math.max(ready, now) > waiter.deadline) {
        this.queue.splice(i, 1);
        waiter.resolve(undefined);
      } else if (ready <= now) {
        this.queue.splice(i, 1);
        this.grant(waiter, keys, now);
      } else {
        nextWake = Math.min(nextWake, ready);
        i++;
      }
    }
    this.scheduleWake(this.inFlight < this.limits.concurrency ? nextWake : Infinity, now);
  }

  private grant(waiter: Waiter, keys: readonly WindowKey[], now: number): void {
    for (const key of keys) {
      const log = this.log(key.id);
      log.times.push(now);
      // More than one when the limit was lowered since the last send.
      if (log.times.length > key.window.limit) log.times.splice(0, log.times.length - key.window.limit);
      if (key.window.spread) {
        const interval = this.intervalOf(key.window);
        // A timer that fires a little late does not push every later send back with it.
        const onTime = log.nextAt !== undefined && now - log.nextAt <= LATE_TOLERANCE_MS;
        log.nextAt = (onTime ? (log.nextAt ?? now) : now) + interval;
      }
    }
    this.inFlight++;
    let released = false;
    waiter.resolve({
      release: () => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.pump();
      },
    });
    if (++this.grantsSinceSweep >= 1_000) this.sweep(now);
  }

  private scheduleWake(at: number, now: number): void {
    if (at === this.wakeAt) return;
    if (this.wakeHandle !== undefined) this.timer.clearTimeout(this.wakeHandle);
    this.wakeHandle = undefined;
    this.wakeAt = at;
    if (at === Infinity) return;
    this.wakeHandle = this.timer.setTimeout(
      () => {
        this.wakeHandle = undefined;
        this.wakeAt = Infinity;
        this.pump();
      },
      Math.max(1, Math.ceil(at - now)),
    );
  }

  /** Forgets windows whose sends are all older than the window: memory stays bounded. */
  private sweep(now: number): void {
    this.grantsSinceSweep = 0;
    const longest =
      Math.max(
        this.limits.global?.windowMs ?? 0,
        this.limits.perCommunity?.windowMs ?? 0,
        this.limits.perDestination?.windowMs ?? 0,
      ) + (this.limits.marginMs ?? 0);
    for (const [id, log] of this.logs) {
      const last = log.times[log.times.length - 1] ?? -Infinity;
      if (last + longest < now) this.logs.delete(id);
    }
    for (const [id, until] of this.pauses) if (until < now) this.pauses.delete(id);
  }
}
