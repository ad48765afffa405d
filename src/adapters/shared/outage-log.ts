/**
 * What an operator sees while a platform connection is down (docs/RELIABILITY.md): the loss once,
 * the reconnect attempts thinned out (attempts 2, 4, 8, 16, … are logged, so a gateway down for an
 * hour writes about a dozen lines, not thousands), and the recovery once, with how long it took.
 * The platform libraries reconnect by themselves; this only watches them.
 */
import type { Logger } from '../../core/ports.ts';

export class OutageLog {
  private attempts = 0;
  private downSince: number | undefined;

  constructor(
    private readonly connection: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** A reconnect attempt begins; `details` say how (e.g. the wait before it). */
  reconnecting(details: Record<string, unknown> = {}): void {
    if (this.downSince === undefined) {
      this.downSince = this.now();
      this.attempts = 0;
      this.logger.warn(details, `${this.connection}: connection lost, reconnecting`);
    }
    this.attempts += 1;
    if (this.attempts >= 2 && Number.isInteger(Math.log2(this.attempts)))
      this.logger.warn(
        { ...details, attempts: this.attempts, downSeconds: this.downSeconds() },
        `${this.connection}: still reconnecting`,
      );
  }

  /** Connected again: logged once if it had been lost. */
  recovered(details: Record<string, unknown> = {}): void {
    if (this.downSince === undefined) return;
    this.logger.info(
      { ...details, attempts: this.attempts, downSeconds: this.downSeconds() },
      `${this.connection}: connection back`,
    );
    this.downSince = undefined;
    this.attempts = 0;
  }

  private downSeconds(): number {
    return Math.round((this.now() - (this.downSince ?? this.now())) / 100) / 10;
  }
}
