/**
 * One pass of every scheduled job at one instant, in the order that keeps promises: stale
 * reminders are dropped first (before anything could send them late), then due announcements
 * and digests are fanned out. One job failing does not stop the others.
 */
import type { JobDependencies } from './job-dependencies.ts';
import { purgeExpiredHistory } from './purge-history.ts';
import { dropRemindersForStartedExchanges } from './reminders.ts';
import { sendDueAnnouncements } from './scheduled-announcements.ts';
import { sendDueDigests } from './weekly-digest.ts';

export interface JobReport {
  remindersDropped: number;
  announcementsSent: number;
  digestsPosted: number;
  /** History deleted after its retention period (deliveries, audit entries, event receipts). */
  recordsPurged: number;
}

export interface RunJobsOptions {
  /** How far ahead a reminder counts as late: the time until the next pass, with a margin. */
  lookaheadMs: number;
}

export async function runScheduledJobs(
  deps: JobDependencies,
  now: Date,
  options: RunJobsOptions,
): Promise<JobReport> {
  const report: JobReport = { remindersDropped: 0, announcementsSent: 0, digestsPosted: 0, recordsPurged: 0 };
  const guarded = async (job: string, run: () => Promise<number>): Promise<number> => {
    try {
      return await run();
    } catch (error) {
      deps.logger.error({ err: error, job }, 'scheduled job failed; it runs again on the next tick');
      return 0;
    }
  };
  report.remindersDropped = await guarded('reminders', () =>
    dropRemindersForStartedExchanges(deps, now, options.lookaheadMs),
  );
  report.announcementsSent = await guarded('announcements', () => sendDueAnnouncements(deps, now));
  report.digestsPosted = await guarded('digest', () => sendDueDigests(deps, now));
  report.recordsPurged = await guarded('purge', () => purgeExpiredHistory(deps, now));
  return report;
}
