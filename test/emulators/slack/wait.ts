// Promise-based waiting on emulator state. Everything async in the emulator (a call
// arriving, an ack, a reconnect) calls notify(), so tests never poll with sleeps.

type Check = () => void;

export class Waiters {
  private readonly pending = new Map<Check, (error: Error) => void>();

  notify(): void {
    for (const check of [...this.pending.keys()]) check();
  }

  /**
   * Resolves with the first non-undefined value `probe` returns, re-checked on every
   * notify(); rejects after `timeoutMs` with a message naming `what`.
   */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const first = probe();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.pending.delete(check);
      };
      const check: Check = () => {
        const value = probe();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Slack emulator: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.pending.set(check, (error) => {
        cleanup();
        reject(error);
      });
    });
  }

  /** Fails every pending wait, so a stopped emulator does not leave tests hanging. */
  rejectAll(error: Error): void {
    for (const fail of [...this.pending.values()]) fail(error);
  }
}
