/**
 * What one partnership may announce: recurring announcements no more often than the minimum
 * interval, a cap on those waiting to go out, and a cap on one-off announcements per 24 hours.
 * The numbers are the operator's (ctx.limits); each refusal names them.
 */
import type { CommandContext } from '../commands/command-bus.ts';
import type { PartnershipWithTowns } from '../domain/model.ts';
import { UserError } from '../errors.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/**
 * How far ahead a cron is checked. Not just the first two times: `0 0,23 1 * 5` (the 1st, or a
 * Friday) is 23 hours apart for months, then an hour when a Friday is the 31st. The scheduler
 * holds the minimum too (nextAnnouncementRun), for coincidences past this horizon.
 */
const OCCURRENCES_CHECKED = 1_000;
const HORIZON_MS = 400 * DAY_MS;

/** Refuses a cron two of whose next occurrences come closer together than the minimum. */
export function checkRepeatInterval(ctx: CommandContext, cron: string, timeZone: string, first: Date): void {
  const minimum = ctx.limits.minRepeatMinutes;
  const horizon = first.getTime() + HORIZON_MS;
  let previous = first;
  for (let i = 1; i < OCCURRENCES_CHECKED; i++) {
    const next = ctx.recurrence.nextAfter(cron, timeZone, previous);
    if (!next || next.getTime() > horizon) return;
    const gap = next.getTime() - previous.getTime();
    if (gap < minimum * MINUTE_MS)
      throw new UserError('announce.too-often', { cron, gap: Math.round(gap / MINUTE_MS), minimum });
    previous = next;
  }
}

/** Refuses another scheduled announcement when the partnership has as many waiting as allowed. */
export async function checkScheduledCap(
  ctx: CommandContext,
  partnership: PartnershipWithTowns,
): Promise<void> {
  const max = ctx.limits.scheduledAnnouncements;
  if ((await ctx.repos.announcements.countScheduled(partnership.id)) >= max)
    throw new UserError('announce.too-many-scheduled', { number: partnership.number, max });
}

/** Refuses another one-off announcement when the partnership sent as many in the last 24 hours. */
export async function checkDailySendCap(
  ctx: CommandContext,
  partnership: PartnershipWithTowns,
): Promise<void> {
  const max = ctx.limits.announcementsPerDay;
  const since = new Date(ctx.now.getTime() - DAY_MS);
  if ((await ctx.repos.announcements.countSentOnceSince(partnership.id, since)) >= max)
    throw new UserError('announce.daily-limit', { number: partnership.number, max });
}
