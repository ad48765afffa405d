/** One pass of the jobs: each runs in its order, and one failing neither stops the others nor goes unlogged. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits.ts';
import type { Recurrence, Repositories, Store } from '../ports.ts';
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

  it('re-plans in batches of the operator’s size', async () => {
    const batches: number[] = [];
    let claims = 0;
    const fails = () => Promise.reject(new Error('not part of this test'));
    const repository = (methods: Record<string, unknown>): Record<string, unknown> =>
      new Proxy(methods, { get: (target, name: string): unknown => target[name] ?? fails });
    const repos = new Proxy(
      {
        reminderReplans: repository({
          claimNext: () => Promise.resolve(claims++ === 0 ? { partnershipId: 'p1', after: null } : null),
          finish: () => Promise.resolve(),
        }),
        partnerships: repository({ findById: () => Promise.resolve({ id: 'p1', towns: [] }) }),
        exchanges: repository({
          listUpcoming: (_id: string, _now: Date, _after: unknown, batch: number) => {
            batches.push(batch);
            return Promise.resolve([] as unknown[]);
          },
        }),
      },
      { get: (target: Record<string, unknown>, name: string): unknown => target[name] ?? repository({}) },
    ) as unknown as Repositories;
    const store = { transaction: <T>(work: (r: Repositories) => Promise<T>) => work(repos) };
    const report = await runScheduledJobs(
      { store, recurrence, logger: recordingLogger(), limits: { ...DEFAULT_LIMITS, replanBatch: 3 } },
      new Date('2026-12-02T10:00:00Z'),
      { lookaheadMs: 60_000 },
    );
    expect(batches).toEqual([3]);
    expect(report.remindersReplanned).toBe(0);
  });
});
