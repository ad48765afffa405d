/**
 * All logs stay JSON: node-cron's own messages (here the "missed execution" it reports after the
 * process was suspended past a tick) go to the bot's logger for every task, the outbox ticker's
 * included, never to the console. The clock is faked: the suspension is a jump of the system time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startOutboxTicker } from '../../src/scheduler/outbox-ticker.ts';
import { recordingLogger } from '../support/recording-logger.ts';

describe('node-cron messages', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('reach the logger, not the console, when the outbox ticker missed ticks', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-02T10:00:00.000Z') });
    const printed = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    const logger = recordingLogger();
    let drains = 0;
    const ticker = startOutboxTicker(
      {
        drainDueLogged: () => {
          drains += 1;
          return Promise.resolve();
        },
      },
      logger,
    );
    // Suspended for a minute (the ticks of 10:00:05 … 10:01:00 missed), then the timer fires.
    vi.setSystemTime(new Date('2026-12-02T10:01:02.000Z'));
    await vi.advanceTimersToNextTimerAsync();
    ticker.stop();

    const missed = logger.entries.filter((entry) => entry.message.startsWith('missed execution at'));
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.every((entry) => entry.level === 'info')).toBe(true);
    expect(missed[0]?.details).toEqual({ source: 'node-cron', task: 'twinbridge-outbox' });
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
    expect(drains).toBeLessThanOrEqual(1);
  });
});
