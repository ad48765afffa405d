/**
 * Every node-cron task of the bot, with node-cron's own messages sent to the bot's logger: left to
 * itself node-cron writes coloured, non-JSON lines to the console (a missed tick after the process
 * was suspended or busy). A missed tick is harmless here: the next one finds whatever is due in
 * the database, so it is logged at info, not as a warning.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/ports.ts';

export function scheduleCronTask(
  name: string,
  expression: string,
  run: () => void,
  logger: Logger,
): ScheduledTask {
  const source = { source: 'node-cron', task: name };
  return cron.schedule(expression, run, {
    name,
    logger: {
      debug: (message) => logger.debug(source, String(message)),
      info: (message) => logger.debug(source, String(message)),
      warn: (message) => logger.info(source, String(message)),
      error: (message, err) => logger.error({ ...source, err }, String(message)),
    },
  });
}
