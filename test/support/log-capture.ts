/**
 * Log lines written by the code under test, kept in memory, with a way to wait for a line:
 * some steps (an event handled, a repeat recognised) show nowhere but in the log, and waiting
 * on the line being written is a signal, where polling the array would be a guess.
 */
import { PassThrough } from 'node:stream';

export class LogCapture {
  readonly lines: string[] = [];
  /** Where a pino logger writes; each line lands in `lines`. */
  readonly stream = new PassThrough();
  private readonly waiters = new Set<() => boolean>();

  constructor() {
    this.stream.on('data', (chunk: Buffer) => {
      this.lines.push(...chunk.toString('utf8').trim().split('\n'));
      for (const waiter of [...this.waiters]) if (waiter()) this.waiters.delete(waiter);
    });
  }

  /** Resolves once `count` lines containing `text` have been logged (already or later). */
  logged(text: string, count = 1): Promise<void> {
    const enough = () => this.lines.filter((line) => line.includes(text)).length >= count;
    if (enough()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.add(() => {
        if (!enough()) return false;
        resolve();
        return true;
      });
    });
  }
}
