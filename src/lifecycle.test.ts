/** Stopping the adapters within a bound: one that hangs is logged and left, the others still stop. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { PlatformAdapter } from './core/adapter-contract.ts';
import {
  ADAPTER_STOP_MS,
  STOP_TIMEOUT_MS,
  stopAll,
  stopRequested,
  unhandledRejectionLogger,
  type StopWatch,
} from './lifecycle.ts';
import { ManualTimer, settle } from '../test/support/manual-timer.ts';
import { recordingLogger } from '../test/support/recording-logger.ts';

function adapter(platform: PlatformAdapter['platform'], stop: () => Promise<void>, log: string[]) {
  return {
    platform,
    poster: {} as PlatformAdapter['poster'],
    start: () => Promise.resolve(),
    connectionState: () => 'connected' as const,
    stop: () => {
      log.push(`stop ${platform}`);
      return stop();
    },
  } satisfies PlatformAdapter;
}

describe('stopAll', () => {
  it('gives a hanging adapter its bound, logs it and stops the next one', async () => {
    const timer = new ManualTimer();
    const logger = recordingLogger();
    const order: string[] = [];
    const hanging = adapter('DISCORD', () => new Promise<void>(() => undefined), order);
    const failing = adapter('SLACK', () => Promise.reject(new Error('socket gone')), order);
    let done = false;
    const stopping = stopAll([hanging, failing], logger, ADAPTER_STOP_MS, timer).then(() => {
      done = true;
    });
    await settle();
    expect(order).toEqual(['stop DISCORD']);
    expect(timer.armed(ADAPTER_STOP_MS)).toBe(1);
    await timer.advance(ADAPTER_STOP_MS - 1);
    expect(done).toBe(false);
    await timer.advance(1);
    await stopping;
    expect(order).toEqual(['stop DISCORD', 'stop SLACK']);
    expect(logger.entries.map((e) => [e.level, e.message, e.details['platform']])).toEqual([
      ['warn', 'adapter did not stop in time: going on without it', 'DISCORD'],
      ['warn', 'adapter failed to stop cleanly', 'SLACK'],
    ]);
  });
});

describe('stopRequested', () => {
  function watched(consoleInput?: Promise<void>) {
    const timer = new ManualTimer();
    const signals = new EventEmitter();
    const exits: number[] = [];
    const logger = recordingLogger();
    const watch: StopWatch = { exit: (code) => exits.push(code), timer, signals };
    let stopping = false;
    void stopRequested(consoleInput && { finished: consoleInput }, logger, watch).then(() => {
      stopping = true;
    });
    return { timer, signals, exits, logger, isStopping: () => stopping };
  }

  it('starts the stop at the first signal and exits with 1 if it has not finished in time', async () => {
    const { timer, signals, exits, logger, isStopping } = watched();
    await settle();
    expect(isStopping()).toBe(false);
    expect(timer.armed(STOP_TIMEOUT_MS)).toBe(0);
    signals.emit('SIGTERM', 'SIGTERM');
    await settle();
    expect(isStopping()).toBe(true);
    await timer.advance(STOP_TIMEOUT_MS - 1);
    expect(exits).toEqual([]);
    await timer.advance(1);
    expect(exits).toEqual([1]);
    expect(logger.entries.map((e) => [e.level, e.message])).toEqual([
      ['error', 'stop did not finish in time: exiting'],
    ]);
  });

  it('exits at once with 130 at a second signal', async () => {
    const { signals, exits, logger } = watched();
    signals.emit('SIGINT', 'SIGINT');
    await settle();
    expect(exits).toEqual([]);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([130]);
    expect(logger.entries.map((e) => [e.message, e.details['signal']])).toEqual([
      ['second stop signal: exiting now', 'SIGTERM'],
    ]);
  });

  it('stops when the console input ends, after which a signal exits at once', async () => {
    let endInput = () => undefined as void;
    const input = new Promise<void>((resolve) => (endInput = resolve));
    const { timer, signals, exits, isStopping } = watched(input);
    await settle();
    expect(isStopping()).toBe(false);
    endInput();
    await settle();
    expect(isStopping()).toBe(true);
    expect(timer.armed(STOP_TIMEOUT_MS)).toBe(1);
    signals.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
  });
});

describe('unhandledRejectionLogger', () => {
  it('logs the reason with a reference', () => {
    const logger = recordingLogger();
    unhandledRejectionLogger(logger)(new Error('socket gone'));
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]?.level).toBe('error');
    expect(logger.entries[0]?.message).toBe('unhandled promise rejection: logged, the bot goes on');
    expect(logger.entries[0]?.details['ref']).toMatch(/^[0-9a-f]{8}$/);
    expect((logger.entries[0]?.details['err'] as Error).message).toBe('socket gone');
  });
});
