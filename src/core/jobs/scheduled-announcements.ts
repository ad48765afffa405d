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
import { announcementTextFor } from '../services/announce-commands.ts';
import { enqueueFanOut } from '../services/fan-out.ts';
import { JOB_BATCH_LIMIT, type JobDependencies } from './job-dependencies.ts';

export const ANNOUNCEMENT_KIND = 'announcement';

/** The run after `runAt` that is not in the past, or null when a one-off announcement is done. */
export function nextAnnouncementRun(
  announcement: Pick<Announcement, 'cron' | 'timeZone' | 'nextRunAt'>,
  recurrence: JobDependencies['recurrence'],
  now: Date,
): Date | null {
  if (!announcement.cron) return null;
  const from = Math.max(now.getTime(), announcement.nextRunAt?.getTime() ?? 0);
  return recurrence.nextAfter(announcement.cron, announcement.timeZone, new Date(from));
}

/** Sends what is due at `now`; returns how many announcements went out. */
export async function sendDueAnnouncements(
  deps: JobDependencies,
  now: Date,
  limit = JOB_BATCH_LIMIT,
): Promise<number> {
  const failed: string[] = [];
  let sent = 0;
  while (sent + failed.length < limit) {
    let claimed: Announcement | undefined;
    try {
      const result = await deps.store.transaction(async (repos) => {
        const announcement = await repos.announcements.claimDue(now, failed);
        if (!announcement?.nextRunAt) return null;
        claimed = announcement;
        const runAt = announcement.nextRunAt;
        const channels = await enqueueFanOut(repos, {
          partnershipId: announcement.partnershipId,
          kind: ANNOUNCEMENT_KIND,
          sourceId: announcement.id,
          occasion: runAt.toISOString(),
          dueAt: now,
          render: ({ channelLanguage }) => ({ text: announcementTextFor(announcement, channelLanguage) }),
        });
        const next = nextAnnouncementRun(announcement, deps.recurrence, now);
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
      });
      if (!result) break;
      sent++;
      const late = now.getTime() - result.runAt.getTime();
      deps.logger[result.channels === 0 ? 'warn' : 'info'](
        {
          announcement: result.announcement.number,
          runAt: result.runAt,
          lateMs: late,
          channels: result.channels,
          next: result.next,
        },
        result.channels === 0
          ? 'scheduled announcement due, but its partnership has no linked channel'
          : 'scheduled announcement sent',
      );
    } catch (error) {
      deps.logger.error(
        { err: error, announcement: claimed?.number },
        'scheduled announcement could not be sent; it stays due',
      );
      // A failure before anything was claimed (the database is away) ends this run.
      if (!claimed) break;
      failed.push(claimed.id);
    }
  }
  return sent;
}
