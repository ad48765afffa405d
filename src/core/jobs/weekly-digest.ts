/**
 * The weekly digest: once a week, on the day and hour a coordinator chose (in the zone it was
 * set in, by default the founding town's; Monday 09:00 unless changed), every channel linked to
 * a partnership gets the exchanges of the next four weeks, in its language and its town's zone.
 * A week with nothing coming up posts nothing. The schedule lives on the partnership row and is
 * claimed with a row lock like announcements; after downtime a missed digest goes out once.
 */
import { commandSyntax } from '../commands/command-syntax.ts';
import type { Exchange, PartnershipWithTowns, Platform, Town } from '../domain/model.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { formatDayAndTime } from '../time/format-instant.ts';
import type { DigestSchedule, Recurrence, Repositories } from '../ports.ts';
import { enqueueFanOut } from '../services/fan-out.ts';
import { runDueJob } from './claim-loop.ts';
import { JOB_BATCH_LIMIT, type JobDependencies } from './job-dependencies.ts';

export const DIGEST_KIND = 'digest';
export const DIGEST_WINDOW_DAYS = 28;
/** Exchanges listed by name; more are counted. */
export const DIGEST_MAX_LINES = 10;
export const DEFAULT_DIGEST = { weekday: 1, hour: 9 } as const;

/** The digest as a five-field cron expression (cron counts Sunday as 0). */
export function digestCron(schedule: { weekday: number; hour: number }): string {
  return `0 ${schedule.hour} * * ${schedule.weekday % 7}`;
}

/** The first digest time after `after`, or null when the digest is off. */
export function nextDigestRun(
  schedule: Pick<DigestSchedule, 'weekday' | 'hour'>,
  timeZone: string,
  recurrence: Recurrence,
  after: Date,
): Date | null {
  if (schedule.weekday === null) return null;
  return recurrence.nextAfter(
    digestCron({ weekday: schedule.weekday, hour: schedule.hour }),
    timeZone,
    after,
  );
}

/** Posts the digests due at `now` (and schedules new ones); returns how many were posted. */
export async function sendDueDigests(
  deps: JobDependencies,
  now: Date,
  limit = JOB_BATCH_LIMIT,
): Promise<number> {
  const runs = await runDueJob(
    deps.store,
    {
      claim: (repos, at, skipIds) => repos.partnerships.claimDueDigest(at, [...skipIds]),
      idOf: (due) => due.partnership.id,
      run: (repos, due, at) => runDigest(repos, deps.recurrence, due.partnership, due.schedule, at),
      done: (run) => {
        if (run.channels > 0) deps.logger.info({ ...run }, 'weekly digest posted');
      },
      failed: (error, due) =>
        deps.logger.error(
          { err: error, partnershipId: due?.partnership.id },
          'weekly digest failed; it stays due',
        ),
    },
    now,
    limit,
  );
  return runs.filter((run) => run.channels > 0).length;
}

async function runDigest(
  repos: Repositories,
  recurrence: Recurrence,
  partnership: PartnershipWithTowns,
  schedule: DigestSchedule,
  now: Date,
): Promise<{ partnership: number; exchanges: number; channels: number; next: Date | null }> {
  const timeZone = schedule.timeZone ?? partnership.towns[0]?.timeZone ?? 'UTC';
  let channels = 0;
  let listed = 0;
  if (schedule.nextRunAt !== null) {
    const until = now.getTime() + DIGEST_WINDOW_DAYS * 24 * 60 * 60 * 1000;
    const exchanges = (
      await repos.exchanges.list({
        partnershipIds: [partnership.id],
        endsAfter: now,
        statuses: ['PLANNED'],
        limit: 200,
      })
    ).filter((e) => e.startsAt > now && e.startsAt.getTime() <= until);
    listed = exchanges.length;
    if (exchanges.length > 0) {
      const shown = exchanges.slice(0, DIGEST_MAX_LINES);
      // One read each for the seats and the towns' platforms, however many lines and towns.
      const seats = await repos.rsvps.seatsGoing(shown.map((exchange) => exchange.id));
      const platforms = await platformsOf(repos, partnership.towns);
      channels = await enqueueFanOut(repos, {
        partnershipId: partnership.id,
        kind: DIGEST_KIND,
        sourceId: partnership.id,
        occasion: schedule.nextRunAt.toISOString(),
        dueAt: now,
        towns: partnership.towns,
        render: ({ language, town }) => ({
          text: digestText(partnership, shown, exchanges.length, seats, {
            language,
            timeZone: town.timeZone,
            // The command it names is written as it is typed in that town's channel.
            commandPrefix: commandSyntax(platforms.get(town.communityId) ?? 'CONSOLE').prefix,
          }),
        }),
      });
    }
  }
  // From now or from the missed run, whichever is later: a digest missed while down goes out once.
  const from = new Date(Math.max(now.getTime(), schedule.nextRunAt?.getTime() ?? 0));
  const next = nextDigestRun(schedule, timeZone, recurrence, from);
  await repos.partnerships.setDigestSchedule(partnership.id, { ...schedule, timeZone, nextRunAt: next });
  return { partnership: partnership.number, exchanges: listed, channels, next };
}

/** The platform each town's community is on. */
async function platformsOf(repos: Repositories, towns: readonly Town[]): Promise<Map<string, Platform>> {
  const communities = await repos.communities.findByIds(towns.map((town) => town.communityId));
  return new Map(communities.map((community) => [community.id, community.platform]));
}

function digestText(
  partnership: PartnershipWithTowns,
  shown: readonly Exchange[],
  total: number,
  seats: ReadonlyMap<string, number>,
  reader: { language: SupportedLanguage; timeZone: string; commandPrefix: string },
): string {
  const { language, timeZone } = reader;
  const t = translatorFor(language, reader.commandPrefix);
  const lines = [t('digest.heading', { name: partnership.name, zone: timeZone })];
  for (const exchange of shown) {
    lines.push(
      t('digest.line', {
        number: exchange.number,
        when: formatDayAndTime(exchange.startsAt, timeZone, language), // the heading names the zone
        title: exchange.title,
        host: partnership.towns.find((town) => town.id === exchange.hostTownId)?.name ?? '?',
        seats: seats.get(exchange.id) ?? 0,
      }),
    );
  }
  if (total > shown.length) lines.push(t('digest.more', { count: total - shown.length }));
  return lines.join('\n');
}
