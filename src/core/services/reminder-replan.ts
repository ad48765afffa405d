/** What commands that change a whole partnership's reminders (times, channels, towns) call. */
import type { CommandContext } from '../commands/command-bus.ts';
import { requestReminderReplan } from '../jobs/reminder-replanning.ts';

/**
 * Records that the partnership's upcoming reminders must be planned again, plans the soonest
 * batch in this command's transaction and leaves the rest to the scheduler (next tick); returns
 * the line that says so.
 */
export async function replanPartnershipReminders(
  ctx: CommandContext,
  partnershipId: string,
): Promise<string> {
  const { events, planned } = await requestReminderReplan(
    ctx.repos,
    partnershipId,
    ctx.now,
    ctx.limits.replanBatch,
  );
  return planned >= events
    ? ctx.t('reminders.replanned', { events })
    : ctx.t('reminders.replanning', { events, planned });
}
