/**
 * Wakes the delivery worker on a fixed tick, so retries and anything enqueued by another
 * process are picked up. The database holds what is due; the tick only asks.
 */
import cron from 'node-cron';
import type { Logger } from '../core/ports.ts';

export interface Drainable {
  drainDue(): Promise<unknown>;
}

export function startOutboxTicker(worker: Drainable, logger: Logger, expression = '*/5 * * * * *'): { stop(): void } {
  const task = cron.schedule(expression, () => {
    worker.drainDue().catch((error: unknown) => logger.error({ err: error }, 'outbox drain failed'));
  });
  return {
    stop: () => {
      void task.stop();
    },
  };
}
