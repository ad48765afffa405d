/**
 * Waiting with a bound. Adapters must answer platforms within their windows (Discord and Slack
 * give 3 s) and the outbox bounds every send: these two helpers are the one place for that.
 */

/** The timer the helpers run on: real by default, driven by tests. */
export interface DeadlineTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realDeadlineTimer: DeadlineTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Resolves with the value, or with undefined once `ms` passed first. The work itself goes on. */
export async function within<T>(
  promise: Promise<T>,
  ms: number,
  timer: DeadlineTimer = realDeadlineTimer,
): Promise<T | undefined> {
  let handle: unknown;
  const deadline = new Promise<undefined>((resolve) => {
    handle = timer.setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    timer.clearTimeout(handle);
  }
}

/**
 * Runs `defer` once `ms` have passed unless settled first: an interaction is acknowledged only
 * when its answer is slow. `settle()` stops the timer and tells whether the deferral happened
 * (once it has gone through, so the caller knows which way to answer).
 */
export class DeferTimer {
  private deferring: Promise<void> | undefined;
  private readonly handle: unknown;

  constructor(
    ms: number,
    defer: () => Promise<unknown>,
    private readonly timer: DeadlineTimer = realDeadlineTimer,
  ) {
    this.handle = timer.setTimeout(() => {
      this.deferring = defer().then(() => undefined);
      // Awaited in settle(); this keeps a failure from being an unhandled rejection meanwhile.
      this.deferring.catch(() => undefined);
    }, ms);
  }

  async settle(): Promise<boolean> {
    this.timer.clearTimeout(this.handle);
    if (!this.deferring) return false;
    await this.deferring;
    return true;
  }
}
