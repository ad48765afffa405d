/** Stopping the adapters within a bound: one that hangs is logged and left, the others still stop. */
import { describe, expect, it } from 'vitest';
import type { PlatformAdapter } from './core/adapter-contract.ts';
import { ADAPTER_STOP_MS, stopAll, unhandledRejectionLogger } from './lifecycle.ts';
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
