/**
 * Starting and stopping the adapters, and the bounds on stopping (docs/RELIABILITY.md, "Stops"):
 * a stop finishes whatever state the platforms are in. Each adapter gets ADAPTER_STOP_MS to
 * disconnect, so the database is still closed (the embedded one flushed) when a platform hangs;
 * the whole stop gets STOP_TIMEOUT_MS, after which the process exits anyway (a claim it still held
 * goes back when its lease runs out); a second SIGINT/SIGTERM exits at once.
 */
import { newErrorReference } from './core/error-reference.ts';
import type { ConsoleAdapter } from './adapters/console/console-adapter.ts';
import type { PlatformAdapter } from './core/adapter-contract.ts';
import { realDeadlineTimer, within, type DeadlineTimer } from './core/async/deadline.ts';
import type { Logger } from './core/ports.ts';

export const ADAPTER_STOP_MS = 5_000;
export const STOP_TIMEOUT_MS = 20_000;
/**
 * After a clean stop, how long the event loop may take to empty before the process exits anyway:
 * discord.js 14 (@discordjs/ws 1.2) keeps reconnecting after its client was destroyed while the
 * gateway is unreachable, which alone would hold the process forever.
 */
export const EXIT_GRACE_MS = 1_000;

/** Starts every adapter; if one fails, stops those started and rethrows. */
export async function startAll(adapters: readonly PlatformAdapter[], logger: Logger): Promise<void> {
  try {
    for (const adapter of adapters) await adapter.start();
  } catch (error) {
    await stopAll(adapters, logger);
    throw error;
  }
}

/** Stops every adapter, each within `ms`: one that hangs is logged and left behind. */
export async function stopAll(
  adapters: readonly PlatformAdapter[],
  logger: Logger,
  ms = ADAPTER_STOP_MS,
  timer: DeadlineTimer = realDeadlineTimer,
): Promise<void> {
  for (const adapter of adapters) {
    const stopped = adapter.stop().then(
      () => true,
      (error: unknown) => {
        logger.warn({ err: error, platform: adapter.platform }, 'adapter failed to stop cleanly');
        return true;
      },
    );
    if ((await within(stopped, ms, timer)) === undefined)
      logger.warn({ platform: adapter.platform, ms }, 'adapter did not stop in time: going on without it');
  }
}

/** What a stop is watched with: the process's own, or a test's. */
export interface StopWatch {
  exit: (code: number) => void;
  /** Must not keep the process alive by itself (the real one unrefs its timers). */
  timer: DeadlineTimer;
  signals: { on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown };
}

const processStopWatch: StopWatch = {
  exit: (code) => process.exit(code),
  timer: {
    setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  },
  signals: process,
};

/**
 * Resolves when the process should stop: SIGINT/SIGTERM, or the console's input ended. From then
 * on the stop is bounded: a second signal, or STOP_TIMEOUT_MS, exits the process.
 */
export function stopRequested(
  consoleAdapter: Pick<ConsoleAdapter, 'finished'> | undefined,
  logger: Logger,
  watch: StopWatch = processStopWatch,
): Promise<void> {
  return new Promise<void>((resolve) => {
    let requested = false;
    const request = (signal?: NodeJS.Signals) => {
      if (requested) {
        logger.warn({ signal }, 'second stop signal: exiting now');
        watch.exit(130);
        return;
      }
      requested = true;
      watch.timer.setTimeout(() => {
        logger.error({ ms: STOP_TIMEOUT_MS }, 'stop did not finish in time: exiting');
        watch.exit(1);
      }, STOP_TIMEOUT_MS);
      resolve();
    };
    watch.signals.on('SIGINT', request);
    watch.signals.on('SIGTERM', request);
    void consoleAdapter?.finished.then(() => request());
  });
}

/** After main() returned: exits once the event loop is empty, or after EXIT_GRACE_MS regardless. */
export function exitAfterStop(): void {
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
}

/**
 * A promise rejected with nobody listening is a bug, often in a library (@slack/socket-mode 2
 * leaves one when stopped between reconnect attempts): it is logged with a reference, as JSON,
 * and the bot goes on, instead of Node's default of ending the process mid-delivery.
 */
export function unhandledRejectionLogger(logger: Logger): (reason: unknown) => void {
  return (reason) => {
    logger.error(
      { err: reason, ref: newErrorReference() },
      'unhandled promise rejection: logged, the bot goes on',
    );
  };
}
