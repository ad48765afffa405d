/**
 * Wakes the delivery worker on a fixed tick, so retries and anything enqueued by another
 * process are picked up. The database holds what is due; the tick only asks.
 */
import type { Logger } from '../core/ports.ts';
import { scheduleCronTask } from './cron-task.ts';

export interface Drainable {
  drainDueLogged(): Promise<void>;
}

export function startOutboxTicker(
  worker: Drainable,
  logger: Logger,
  expression = '*/5 * * * * *',
): { stop(): void } {
  const task = scheduleCronTask('twinbridge-outbox', expression, () => void worker.drainDueLogged(), logger);
  return {
    stop: () => {
      void task.stop();
    },
  };
}
