import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import type { Announcement } from '../domain/model.ts';
import type { CronProblem } from '../ports.ts';
import { UserError } from '../errors.ts';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../i18n/languages.ts';
import { formatInstant, normalizeTimeZone } from '../time/index.ts';
import { checkDailySendCap, checkRepeatInterval, checkScheduledCap } from './announce-limits.ts';
import { readTime } from './read-time.ts';
import { fanOutToPartnership } from './fan-out.ts';
import { actingTown, audit, ownPartnership, partnershipsInScope } from './lookups.ts';
import { ownerTownOf } from './shared-settings.ts';

/** The main text and a variant per catalog language (`text-cs`…), as the commands offer them. */
type AnnouncementText = { text: string } & { [L in SupportedLanguage as `text-${L}`]?: string };

function variantsOf(args: AnnouncementText): Record<string, string> {
  const variants: Record<string, string> = {};
  for (const language of SUPPORTED_LANGUAGES) {
    const text = args[`text-${language}`];
    if (text !== undefined) variants[language] = text;
  }
  return variants;
}

/** The text for a channel: its exact language, then its primary language, then the main text. */
export function announcementTextFor(
  announcement: Pick<Announcement, 'text' | 'variants'>,
  channelLanguage: string,
): string {
  const primary = channelLanguage.toLowerCase().split('-')[0] ?? '';
  return announcement.variants[channelLanguage] ?? announcement.variants[primary] ?? announcement.text;
}

function describe(ctx: CommandContext, a: Announcement, zone: string): string {
  const when = a.cron
    ? ctx.t('announce.recurring', { cron: a.cron, zone: a.timeZone })
    : a.sendAt
      ? formatInstant(a.sendAt, zone, ctx.language)
      : '—';
  const next = a.nextRunAt
    ? ctx.t('announce.next', { next: formatInstant(a.nextRunAt, zone, ctx.language) })
    : '';
  const preview = a.text.length > 60 ? `${a.text.slice(0, 57)}…` : a.text;
  return ctx.t('announce.line', { number: a.number, when, next, preview });
}

export interface AnnounceSendArgs extends AnnouncementText {
  partnership: number;
}

export interface AnnounceScheduleArgs extends AnnounceSendArgs {
  at?: string;
  cron?: string;
  timezone?: string;
}

export interface AnnounceListArgs {
  partnership?: number;
}

export interface AnnounceCancelArgs {
  announcement: number;
}

export async function sendAnnouncement(ctx: CommandContext, args: AnnounceSendArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await ownPartnership(ctx, args.partnership);
  await checkDailySendCap(ctx, partnership);
  const announcement = await ctx.repos.announcements.create({
    partnershipId: partnership.id,
    authorId: ctx.member.id,
    townId: town.id,
    text: args.text,
    variants: variantsOf(args),
    sendAt: ctx.now,
    cron: null,
    timeZone: town.timeZone,
    nextRunAt: null,
    status: 'SENT',
  });
  const channels = await fanOutToPartnership(ctx, {
    partnershipId: partnership.id,
    kind: 'announcement',
    sourceId: announcement.id,
    occasion: 'now',
    dueAt: ctx.now,
    render: ({ channelLanguage }) => ({ text: announcementTextFor(announcement, channelLanguage) }),
  });
  if (channels === 0) throw new UserError('announce.no-channels', { number: partnership.number });
  await audit(ctx, 'announce.send', { type: 'announcement', id: announcement.id }, { channels });
  return { private: false, text: ctx.t('announce.sent', { number: announcement.number, channels }) };
}

function refuseCron(cron: string, problem: CronProblem | null): void {
  if (problem?.kind === 'field-count')
    throw new UserError('announce.bad-cron-fields', { cron, count: problem.count });
  if (problem?.kind === 'field') {
    const { field, value, min, max } = problem;
    throw new UserError('announce.bad-cron-field', { cron, field, value, min, max });
  }
  if (problem?.kind === 'never') throw new UserError('announce.cron-never', { cron });
}

export async function scheduleAnnouncement(ctx: CommandContext, args: AnnounceScheduleArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await ownPartnership(ctx, args.partnership);
  if ((args.at === undefined) === (args.cron === undefined)) throw new UserError('announce.at-or-cron');
  const timeZone = args.timezone === undefined ? town.timeZone : normalizeTimeZone(args.timezone);
  if (!timeZone) throw new UserError('time.unknown-zone', { zone: args.timezone ?? '' });

  let sendAt: Date | null = null;
  let nextRunAt: Date | null;
  if (args.at !== undefined) {
    sendAt = readTime(ctx, 'at', args.at, timeZone);
    if (sendAt <= ctx.now)
      throw new UserError('time.in-past', { time: formatInstant(sendAt, timeZone, ctx.language) });
    nextRunAt = sendAt;
  } else {
    const cron = (args.cron ?? '').trim();
    refuseCron(cron, ctx.recurrence.validate(cron, timeZone));
    nextRunAt = ctx.recurrence.nextAfter(cron, timeZone, ctx.now);
    if (!nextRunAt) throw new UserError('announce.cron-never', { cron });
    checkRepeatInterval(ctx, cron, timeZone, nextRunAt);
  }
  await checkScheduledCap(ctx, partnership);
  const announcement = await ctx.repos.announcements.create({
    partnershipId: partnership.id,
    authorId: ctx.member.id,
    townId: town.id,
    text: args.text,
    variants: variantsOf(args),
    sendAt,
    cron: args.cron?.trim() ?? null,
    timeZone,
    nextRunAt,
    status: 'SCHEDULED',
  });
  await audit(
    ctx,
    'announce.schedule',
    { type: 'announcement', id: announcement.id },
    { sendAt, cron: announcement.cron, timeZone },
  );
  return {
    private: false,
    text: ctx.t('announce.scheduled', {
      number: announcement.number,
      next: formatInstant(nextRunAt, timeZone, ctx.language),
      name: partnership.name,
    }),
  };
}

export async function listAnnouncements(ctx: CommandContext, args: AnnounceListArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnerships = await partnershipsInScope(ctx, args.partnership);
  const announcements = await ctx.repos.announcements.list({
    partnershipIds: partnerships.map((p) => p.id),
    statuses: ['SCHEDULED'],
    limit: 50,
  });
  if (announcements.length === 0) return { private: true, text: ctx.t('announce.none') };
  return { private: true, text: announcements.map((a) => describe(ctx, a, town.timeZone)).join('\n') };
}

export async function cancelAnnouncement(ctx: CommandContext, args: AnnounceCancelArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const announcement = await ctx.repos.announcements.findByNumber(args.announcement);
  const partnership = announcement ? await ctx.repos.partnerships.findById(announcement.partnershipId) : null;
  if (!announcement || !partnership?.towns.some((t) => t.id === town.id)) {
    throw new UserError('announce.not-found', { number: args.announcement });
  }
  if (announcement.status !== 'SCHEDULED')
    throw new UserError('announce.not-scheduled', { number: announcement.number });
  // A town cancels its own announcements; the owning town may cancel any (e.g. one nobody can
  // reach the author of).
  const owner = ownerTownOf(partnership);
  if (announcement.townId !== town.id && owner?.id !== town.id) {
    const author = partnership.towns.find((t) => t.id === announcement.townId);
    throw new UserError('announce.not-own', {
      number: announcement.number,
      town: author?.name ?? owner?.name ?? '?',
      owner: owner?.name ?? '?',
    });
  }
  await ctx.repos.announcements.update(announcement.id, { status: 'CANCELLED', nextRunAt: null });
  await audit(ctx, 'announce.cancel', { type: 'announcement', id: announcement.id });
  return { private: false, text: ctx.t('announce.cancelled', { number: announcement.number }) };
}
