/** One pass of the jobs: each runs in its order, and one failing neither stops the others nor goes unlogged. */
import { describe, expect, it } from 'vitest';
import type { Recurrence, Store } from '../ports.ts';
import { runScheduledJobs } from './run-jobs.ts';
import { recordingLogger } from '../../../test/support/recording-logger.ts';

/** A store whose every call fails, as a database that went away does. */
const failingStore = new Proxy({} as Store, {
  get: () => () => Promise.reject(new Error('database gone')),
});
const recurrence: Recurrence = new Proxy({} as Recurrence, {
  get: () => () => {
    throw new Error('not reached');
  },
});

describe('runScheduledJobs', () => {
  it('runs every job though each fails, in order, each failure logged, and reports nothing done', async () => {
    const logger = recordingLogger();
    const report = await runScheduledJobs(
      { store: failingStore, recurrence, logger },
      new Date('2026-12-02T10:00:00Z'),
      { lookaheadMs: 60_000 },
    );
    expect(report).toEqual({
      remindersDropped: 0,
      remindersReplanned: 0,
      announcementsSent: 0,
      digestsPosted: 0,
      recordsPurged: 0,
    });
    // Re-planning, announcements and the digest catch their own failures (what they had stays
    // due); the others' reach the pass, which logs them by name.
    const failures = logger.entries.filter((e) => e.details['job'] !== undefined);
    expect(failures.map((e) => e.message)).toEqual(
      Array(2).fill('scheduled job failed; it runs again on the next tick'),
    );
    expect(failures.map((e) => e.details['job'])).toEqual(['reminders', 'purge']);
    expect(failures.map((e) => (e.details['err'] as Error).message)).toEqual(Array(2).fill('database gone'));
    expect(logger.entries.map((e) => e.message)).toEqual([
      'scheduled job failed; it runs again on the next tick',
      'reminders could not be planned again; the rest stays recorded for the next tick',
      'scheduled announcement could not be sent; it stays due',
      'weekly digest failed; it stays due',
      'scheduled job failed; it runs again on the next tick',
    ]);
  });
});
