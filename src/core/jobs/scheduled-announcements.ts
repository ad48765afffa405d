/**
 * Sends scheduled announcements that are due. Each one is claimed with a row lock (SKIP LOCKED
 * on PostgreSQL, so several bot processes take different ones), fanned out to every linked
 * channel in that channel's language, and moved on, all in one transaction: a post exists
 * exactly when the announcement has advanced. The dedupe key holds the run time, so even a
 * repeated run would not post twice.
 *
 * Recurring announcements move to the next occurrence of their cron expression in their own
 * zone (the Recurrence port keeps 09:00 at 09:00 across DST switches). After downtime, an
 * announcement that missed runs is sent once, then continues with the next occurrence after
 * now: a weekly reminder missed three times is posted once, not three times in a row.
 */
import type { Announcement } from '../domain/model.ts';
import { DEFAULT_LIMITS } from '../limits.ts';
import type { Recurrence, Repositories } from '../ports.ts';
import { announcementTextFor } from '../services/announce-commands.ts';
import { enqueueFanOut } from '../services/fan-out.ts';
import { runDueJob } from './claim-loop.ts';
import { JOB_BATCH_LIMIT, type JobDependencies } from './job-dependencies.ts';

export const ANNOUNCEMENT_KIND = 'announcement';

/**
 * The run after `runAt` that is not in the past and at least `minRepeatMs` after it (a cron whose
 * times bunch up beyond what scheduling checked still posts no more often), or null when a
 * one-off announcement is done.
 */
export function nextAnnouncementRun(
  announcement: Pick<Announcement, 'cron' | 'timeZone' | 'nextRunAt'>,
  recurrence: JobDependencies['recurrence'],
  now: Date,
  minRepeatMs = 0,
): Date | null {
  if (!announcement.cron) return null;
  const runAt = announcement.nextRunAt?.getTime() ?? 0;
  // nextAfter is strictly after: one millisecond short of the minimum lets a time exactly on it count.
  const from = Math.max(now.getTime(), runAt + minRepeatMs - 1);
  return recurrence.nextAfter(announcement.cron, announcement.timeZone, new Date(from));
}

interface AnnouncementRun {
  announcement: Announcement;
  runAt: Date;
  channels: number;
  next: Date | null;
  /** The author's town is no longer in the partnership: cancelled, not posted. */
  withdrawn?: boolean;
}

/** Whether the announcement's town still belongs to its partnership (rows without a town do). */
async function townStillMember(repos: Repositories, announcement: Announcement): Promise<boolean> {
  if (announcement.townId === null) return true;
  const partnership = await repos.partnerships.findById(announcement.partnershipId);
  return partnership?.towns.some((town) => town.id === announcement.townId) ?? false;
}

/** Fans one due announcement out and moves it to its next run (or marks it sent). */
async function runAnnouncement(
  repos: Repositories,
  recurrence: Recurrence,
  minRepeatMs: number,
  announcement: Announcement & { nextRunAt: Date },
  now: Date,
): Promise<AnnouncementRun> {
  const runAt = announcement.nextRunAt;
  // Leaving cancels a town's announcements; this catches any left behind (a race, older rows).
  if (!(await townStillMember(repos, announcement))) {
    await repos.announcements.update(announcement.id, { status: 'CANCELLED', nextRunAt: null });
    return { announcement, runAt, channels: 0, next: null, withdrawn: true };
  }
  const channels = await enqueueFanOut(repos, {
    partnershipId: announcement.partnershipId,
    kind: ANNOUNCEMENT_KIND,
    sourceId: announcement.id,
    occasion: runAt.toISOString(),
    dueAt: now,
    render: ({ channelLanguage }) => ({ text: announcementTextFor(announcement, channelLanguage) }),
  });
  const next = nextAnnouncementRun(announcement, recurrence, now, minRepeatMs);
  await repos.announcements.update(
    announcement.id,
    next ? { nextRunAt: next } : { status: 'SENT', nextRunAt: null },
  );
  await repos.audit.record({
    actorMemberId: null,
    townId: null,
    action: 'announce.run',
    targetType: 'announcement',
    targetId: announcement.id,
    details: { runAt, sentAt: now, channels, next },
  });
  return { announcement, runAt, channels, next };
}

/** Sends what is due at `now`; returns how many announcements went out. */
export async function sendDueAnnouncements(
  deps: JobDependencies,
  now: Date,
  limit = JOB_BATCH_LIMIT,
): Promise<number> {
  const minRepeatMs = (deps.limits ?? DEFAULT_LIMITS).minRepeatMinutes * 60_000;
  const runs = await runDueJob<Announcement & { nextRunAt: Date }, AnnouncementRun>(
    deps.store,
    {
      claim: async (repos, at, skipIds) => {
        const announcement = await repos.announcements.claimDue(at, [...skipIds]);
        return announcement?.nextRunAt ? { ...announcement, nextRunAt: announcement.nextRunAt } : null;
      },
      idOf: (announcement) => announcement.id,
      run: (repos, announcement, at) =>
        runAnnouncement(repos, deps.recurrence, minRepeatMs, announcement, at),
      done: (run) => {
        const details = {
          announcement: run.announcement.number,
          runAt: run.runAt,
          lateMs: now.getTime() - run.runAt.getTime(),
          channels: run.channels,
          next: run.next,
        };
        if (run.withdrawn)
          deps.logger.warn(details, 'scheduled announcement cancelled: its town left the partnership');
        else if (run.channels === 0)
          deps.logger.warn(details, 'scheduled announcement due, but its partnership has no linked channel');
        else deps.logger.info(details, 'scheduled announcement sent');
      },
      failed: (error, announcement) =>
        deps.logger.error(
          { err: error, announcement: announcement?.number },
          'scheduled announcement could not be sent; it stays due',
        ),
    },
    now,
    limit,
  );
  return runs.length;
}
