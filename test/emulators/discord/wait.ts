/**
 * Condition waiters: a test awaits "the bot has done X" and every state change in the
 * emulator re-checks the pending conditions, so nothing polls and nothing sleeps.
 */

type Check = () => boolean;

export class Waiters {
  readonly #pending = new Set<Check>();
  readonly #aborts = new Set<(error: Error) => void>();

  constructor(private readonly defaultTimeoutMs: number) {}

  /** Re-evaluates every pending condition; call after any state change. */
  notify(): void {
    for (const check of [...this.#pending]) check();
  }

  /**
   * Resolves with the first non-undefined value of `probe`, re-evaluated on every
   * `notify()`, or rejects after the timeout with an error naming `what`.
   */
  until<T>(probe: () => T | undefined, what: string, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    const first = probe();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.#pending.delete(check);
        this.#aborts.delete(abort);
      };
      const check: Check = () => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
          return true;
        }
        if (value === undefined) return false;
        finish();
        resolve(value);
        return true;
      };
      const abort = (error: Error): void => {
        finish();
        reject(error);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`Discord emulator: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#pending.add(check);
      this.#aborts.add(abort);
    });
  }

  /** Rejects everything still pending (used by stop()). */
  abortAll(reason: string): void {
    for (const abort of [...this.#aborts]) abort(new Error(`Discord emulator: ${reason}`));
  }
}
