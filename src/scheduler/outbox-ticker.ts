/**
 * Wakes the delivery worker on a fixed tick, so retries and anything enqueued by another
 * process are picked up. The database holds what is due; the tick only asks.
 */
import cron from 'node-cron';

export interface Drainable {
  drainDueLogged(): Promise<void>;
}

export function startOutboxTicker(worker: Drainable, expression = '*/5 * * * * *'): { stop(): void } {
  const task = cron.schedule(expression, () => void worker.drainDueLogged());
  return {
    stop: () => {
      void task.stop();
    },
  };
}
