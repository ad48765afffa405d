/** A partnership's schedule settings: when reminders go out, and its weekly digest. */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import type { PartnershipWithTowns } from '../domain/model.ts';
import { UserError } from '../errors.ts';
import { formatOffsets, MAX_REMINDER_OFFSETS, parseReminderOffsets } from '../jobs/reminder-offsets.ts';
import { DEFAULT_DIGEST, nextDigestRun } from '../jobs/weekly-digest.ts';
import type { DigestSchedule } from '../ports.ts';
import { formatInstant, normalizeTimeZone } from '../time/index.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { actingTown, audit, ownPartnership } from './lookups.ts';
import { replanPartnershipReminders } from './reminder-replan.ts';
import { ensureOwner, postSettingChanges } from './shared-settings.ts';

export interface PartnerRemindersArgs {
  partnership: number;
  offsets?: string[];
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export interface PartnerDigestArgs {
  partnership: number;
  day?: (typeof WEEKDAYS)[number] | 'off';
  hour?: number;
  timezone?: string;
}

function describeReminders(ctx: CommandContext, p: PartnershipWithTowns, offsetsMinutes: number[]): string {
  return offsetsMinutes.length === 0
    ? ctx.t('reminders.show-off', { name: p.name })
    : ctx.t('reminders.show', { name: p.name, offsets: formatOffsets(offsetsMinutes, ctx.language) });
}

const offsetsValue = (minutes: number[]) => (language: SupportedLanguage) =>
  minutes.length === 0 ? translatorFor(language)('partner.value-off') : formatOffsets(minutes, language);

/** The founding town's zone is where an unscheduled digest is read. */
const digestZone = (p: PartnershipWithTowns, schedule: DigestSchedule) =>
  schedule.timeZone ?? p.towns[0]?.timeZone ?? 'UTC';

const weekdayName = (language: string, weekday: number) =>
  // 2024-01-01 was a Monday.
  new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday));

const digestValue = (p: PartnershipWithTowns, schedule: DigestSchedule) => (language: SupportedLanguage) =>
  schedule.weekday === null
    ? translatorFor(language)('partner.value-off')
    : `${weekdayName(language, schedule.weekday)} ${String(schedule.hour).padStart(2, '0')}:00 (${digestZone(p, schedule)})`;

function describeDigest(ctx: CommandContext, p: PartnershipWithTowns, schedule: DigestSchedule): string {
  if (schedule.weekday === null) return ctx.t('digest.show-off', { name: p.name, number: p.number });
  const zone = digestZone(p, schedule);
  // Not scheduled yet (the scheduler's next tick does it): show when it will be.
  const next = schedule.nextRunAt ?? nextDigestRun(schedule, zone, ctx.recurrence, ctx.now);
  return ctx.t('digest.show-on', {
    name: p.name,
    day: weekdayName(ctx.language, schedule.weekday),
    hour: `${String(schedule.hour).padStart(2, '0')}:00`,
    zone,
    next: next ? formatInstant(next, zone, ctx.language) : '—',
  });
}

export async function setReminderTimes(ctx: CommandContext, args: PartnerRemindersArgs): Promise<Reply> {
  const partnership = await ownPartnership(ctx, args.partnership);
  if (args.offsets === undefined)
    return { private: true, text: describeReminders(ctx, partnership, partnership.reminderOffsetsMinutes) };
  ensureOwner(ctx, partnership);
  const parsed = parseReminderOffsets(args.offsets);
  if (!parsed.ok) {
    throw parsed.error === 'too-many'
      ? new UserError('reminders.too-many', { max: MAX_REMINDER_OFFSETS, option: 'offsets' })
      : new UserError(`reminders.${parsed.error}`, { offset: parsed.offset, option: 'offsets' });
  }
  await ctx.repos.partnerships.setReminderOffsets(partnership.id, parsed.minutes);
  await audit(
    ctx,
    'partner.reminders',
    { type: 'partnership', id: partnership.id },
    { offsetsMinutes: parsed.minutes },
  );
  await postSettingChanges(ctx, partnership, [
    {
      setting: 'reminders',
      from: offsetsValue(partnership.reminderOffsetsMinutes),
      to: offsetsValue(parsed.minutes),
    },
  ]);
  // Pending reminders of upcoming exchanges move to the new times (or are withdrawn).
  const replanned = await replanPartnershipReminders(ctx, partnership.id);
  return {
    private: false,
    text: `${describeReminders(ctx, partnership, parsed.minutes)}\n${replanned}`,
  };
}

/** The schedule a digest command asks for, starting from the current one. */
function requestedDigest(
  ctx: CommandContext,
  args: PartnerDigestArgs,
  current: DigestSchedule,
): DigestSchedule {
  if (args.day === 'off') return { ...current, weekday: null, nextRunAt: null };
  // Like every time typed, day and hour are read in the coordinator's town's zone unless given.
  const timeZone = args.timezone === undefined ? actingTown(ctx).timeZone : normalizeTimeZone(args.timezone);
  if (!timeZone) throw new UserError('time.unknown-zone', { zone: args.timezone ?? '' });
  const weekday =
    args.day === undefined ? (current.weekday ?? DEFAULT_DIGEST.weekday) : WEEKDAYS.indexOf(args.day) + 1;
  const hour = args.hour ?? current.hour;
  return {
    weekday,
    hour,
    timeZone,
    nextRunAt: nextDigestRun({ weekday, hour }, timeZone, ctx.recurrence, ctx.now),
  };
}

export async function setWeeklyDigest(ctx: CommandContext, args: PartnerDigestArgs): Promise<Reply> {
  const partnership = await ownPartnership(ctx, args.partnership);
  const current = (await ctx.repos.partnerships.digestSchedule(partnership.id)) ?? {
    ...DEFAULT_DIGEST,
    timeZone: null,
    nextRunAt: null,
  };
  if (args.day === undefined && args.hour === undefined && args.timezone === undefined)
    return { private: true, text: describeDigest(ctx, partnership, current) };
  ensureOwner(ctx, partnership);
  const schedule = requestedDigest(ctx, args, current);
  await ctx.repos.partnerships.setDigestSchedule(partnership.id, schedule);
  await audit(ctx, 'partner.digest', { type: 'partnership', id: partnership.id }, { ...schedule });
  const from = digestValue(partnership, current);
  const to = digestValue(partnership, schedule);
  // A digest moved to the same day and hour is no change worth a post.
  if (from('en') !== to('en')) await postSettingChanges(ctx, partnership, [{ setting: 'digest', from, to }]);
  return { private: false, text: describeDigest(ctx, partnership, schedule) };
}
