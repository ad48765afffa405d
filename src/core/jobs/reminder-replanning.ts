/**
 * Planning the reminders of a whole partnership again (new reminder times, a newly linked
 * channel, a town joining) in bounded batches. A partnership may hold a hundred upcoming
 * exchanges, and planning one costs a few statements per channel and person: done in one
 * transaction, that held the embedded database, and every other command, for seconds.
 *
 * The command records the change (a ReminderReplan row: the database holds what is left, so a
 * crash resumes) and plans the soonest batch itself, whose reminders are the nearest; the
 * scheduler's job plans the rest, one batch per transaction, partnerships taking turns. A
 * further change while that runs starts again from the first exchange. Planning twice changes
 * nothing (see planReminders), so a batch repeated after a crash is harmless.
 */
import type { ExchangeCursor, Repositories } from '../ports.ts';
import { runDueJob } from './claim-loop.ts';
import { JOB_BATCH_LIMIT, type JobDependencies } from './job-dependencies.ts';
import { planReminders } from './reminders.ts';

export interface ReplanRequest {
  /** Upcoming exchanges of the partnership, all of which will be planned again. */
  events: number;
  /** Of those, planned in the command's own transaction (the soonest). */
  planned: number;
}

/** Records that a partnership's upcoming reminders need planning again and plans the first batch. */
export async function requestReminderReplan(
  repos: Repositories,
  partnershipId: string,
  now: Date,
  batch: number,
): Promise<ReplanRequest> {
  const events = await repos.exchanges.countUpcoming(partnershipId, now);
  await repos.reminderReplans.request(partnershipId, now);
  const planned = await replanBatch(repos, partnershipId, null, now, batch);
  return { events, planned };
}

/** Plans the next `batch` upcoming exchanges after `after`, and moves the cursor on (or finishes). */
async function replanBatch(
  repos: Repositories,
  partnershipId: string,
  after: ExchangeCursor | null,
  now: Date,
  batch: number,
): Promise<number> {
  const partnership = await repos.partnerships.findById(partnershipId);
  const exchanges = partnership ? await repos.exchanges.listUpcoming(partnershipId, now, after, batch) : [];
  for (const exchange of exchanges)
    await planReminders(repos, exchange, now, partnership ? { partnership } : {});
  const last = exchanges.at(-1);
  if (last && exchanges.length === batch) await repos.reminderReplans.advance(partnershipId, last, now);
  else await repos.reminderReplans.finish(partnershipId);
  return exchanges.length;
}

interface ReplanTask {
  partnershipId: string;
  after: ExchangeCursor | null;
}

/**
 * Works through the recorded re-planning, one batch per transaction, until none is left or
 * `limit` batches ran; returns how many exchanges were planned again.
 */
export async function replanRemindersInBatches(
  deps: JobDependencies,
  now: Date,
  batch: number,
  limit = JOB_BATCH_LIMIT,
): Promise<number> {
  const batches = await runDueJob<ReplanTask, number>(
    deps.store,
    {
      claim: (repos, _at, skipIds) => repos.reminderReplans.claimNext(skipIds),
      idOf: (task) => task.partnershipId,
      run: (repos, task, at) => replanBatch(repos, task.partnershipId, task.after, at, batch),
      done: () => undefined,
      failed: (error, task) =>
        deps.logger.error(
          { err: error, partnershipId: task?.partnershipId },
          'reminders could not be planned again; the rest stays recorded for the next tick',
        ),
    },
    now,
    limit,
  );
  return batches.reduce((sum, planned) => sum + planned, 0);
}
