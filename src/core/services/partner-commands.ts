import type { CommandContext, CommandHandlers } from '../commands/command-bus.ts';
import {
  COOPERATION_AREAS,
  type ChannelLink,
  type PartnershipForm,
  type PartnershipStatus,
  type PartnershipWithTowns,
  type Town,
} from '../domain/model.ts';
import { generateInviteCode, hashInviteCode } from '../domain/invite-code.ts';
import { normalizeLanguageTag } from '../domain/places.ts';
import { UserError } from '../errors.ts';
import { translatorFor } from '../i18n/translator.ts';
import { formatOffsets, MAX_REMINDER_OFFSETS, parseReminderOffsets } from '../jobs/reminder-offsets.ts';
import { planPartnershipReminders } from '../jobs/reminders.ts';
import { DEFAULT_DIGEST, nextDigestRun } from '../jobs/weekly-digest.ts';
import type { DigestSchedule } from '../ports.ts';
import { formatInstant, normalizeTimeZone } from '../time/index.ts';
import { fanOutToPartnership } from './fan-out.ts';
import { actingTown, audit, ownPartnership } from './lookups.ts';

type PartnerHandlers = Pick<
  CommandHandlers,
  | 'partner.invite'
  | 'partner.join'
  | 'partner.list'
  | 'partner.info'
  | 'partner.edit'
  | 'partner.leave'
  | 'partner.reminders'
  | 'partner.digest'
  | 'channel.link'
  | 'channel.unlink'
>;

const DEFAULT_INVITE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

function toEnum<T extends string>(value: string): T {
  return value.toUpperCase().replaceAll('-', '_') as T;
}

function checkAreas(areas: string[]): string[] {
  const normalized = areas.map((a) => a.toLowerCase().replaceAll(' ', '-'));
  const unknown = normalized.filter((a) => !(COOPERATION_AREAS as readonly string[]).includes(a));
  if (unknown.length > 0) {
    throw new UserError('partner.unknown-area', {
      areas: unknown.join(', '),
      known: COOPERATION_AREAS.join(', '),
    });
  }
  return [...new Set(normalized)];
}

function channelLanguage(input: string | undefined, fallback: string): string {
  if (input === undefined) return fallback;
  const tag = normalizeLanguageTag(input);
  if (!tag) throw new UserError('validation.unknown-language', { language: input });
  return tag;
}

/** Links the channel the command was typed in to a partnership, posting in `language` or the town's. */
function linkThisChannel(
  ctx: CommandContext,
  partnershipId: string,
  town: Town,
  language: string | undefined,
): Promise<ChannelLink> {
  return ctx.repos.channelLinks.create({
    partnershipId,
    townId: town.id,
    communityId: ctx.community.id,
    channelId: ctx.channel.id,
    channelName: ctx.channel.name,
    language: channelLanguage(language, town.language),
  });
}

/** Refuses to link a channel the platform already says the bot cannot post in. */
function ensureBotCanPost(ctx: CommandContext): void {
  const reason = ctx.channel.postingBlocked;
  if (reason !== undefined) throw new UserError('channel.cannot-post', { channel: ctx.channel.name, reason });
}

function describePartnership(ctx: CommandContext, p: PartnershipWithTowns): string {
  return ctx.t('partner.summary', {
    number: p.number,
    name: p.name,
    towns: p.towns.map((town) => `${town.name} (${town.country})`).join(', '),
    form: p.form.toLowerCase(),
    status: p.status.toLowerCase(),
  });
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

function describeReminders(ctx: CommandContext, p: PartnershipWithTowns, offsetsMinutes: number[]): string {
  return offsetsMinutes.length === 0
    ? ctx.t('reminders.show-off', { name: p.name })
    : ctx.t('reminders.show', { name: p.name, offsets: formatOffsets(offsetsMinutes, ctx.language) });
}

function describeDigest(ctx: CommandContext, p: PartnershipWithTowns, schedule: DigestSchedule): string {
  if (schedule.weekday === null) return ctx.t('digest.show-off', { name: p.name, number: p.number });
  const zone = schedule.timeZone ?? p.towns[0]?.timeZone ?? 'UTC';
  // Not scheduled yet (the scheduler's next tick does it): show when it will be.
  const next = schedule.nextRunAt ?? nextDigestRun(schedule, zone, ctx.recurrence, ctx.now);
  return ctx.t('digest.show-on', {
    name: p.name,
    // 2024-01-01 was a Monday.
    day: new Intl.DateTimeFormat(ctx.language, { weekday: 'long', timeZone: 'UTC' }).format(
      Date.UTC(2024, 0, schedule.weekday),
    ),
    hour: `${String(schedule.hour).padStart(2, '0')}:00`,
    zone,
    next: next ? formatInstant(next, zone, ctx.language) : '—',
  });
}

export const partnerHandlers: PartnerHandlers = {
  async 'partner.invite'(ctx, args) {
    const town = actingTown(ctx);
    let partnership;
    if (args.partnership !== undefined) {
      if (args.name !== undefined) throw new UserError('partner.invite-name-or-number');
      partnership = await ownPartnership(ctx, args.partnership);
      if (partnership.status === 'ENDED')
        throw new UserError('partner.ended', { number: partnership.number });
    } else {
      if (args.name === undefined) throw new UserError('partner.invite-needs-name');
      partnership = await ctx.repos.partnerships.create(
        {
          name: args.name,
          form: toEnum<PartnershipForm>(args.form ?? 'informal'),
          status: 'PROPOSED',
          areas: checkAreas(args.areas ?? []),
          agreementDate: null,
          agreementUrl: null,
        },
        town.id,
      );
      await audit(ctx, 'partner.create', { type: 'partnership', id: partnership.id }, { name: args.name });
    }
    const code = generateInviteCode();
    const expiresAt = new Date(ctx.now.getTime() + (args.days ?? DEFAULT_INVITE_DAYS) * DAY_MS);
    await ctx.repos.invites.create({
      partnershipId: partnership.id,
      codeHash: hashInviteCode(code),
      fromTownId: town.id,
      createdByMemberId: ctx.member.id,
      expiresAt,
    });
    await audit(ctx, 'partner.invite', { type: 'partnership', id: partnership.id }, { expiresAt });
    // The code is shown only here, privately: only its hash is stored.
    return {
      private: true,
      values: { invite: code },
      text: ctx.t('partner.invite-created', {
        number: partnership.number,
        name: partnership.name,
        code,
        expires: formatInstant(expiresAt, town.timeZone, ctx.language),
      }),
    };
  },

  async 'partner.join'(ctx, args) {
    const town = actingTown(ctx);
    const invite = await ctx.repos.invites.findByCodeHash(hashInviteCode(args.code));
    if (!invite) throw new UserError('invite.invalid');
    if (invite.usedAt) throw new UserError('invite.used');
    if (invite.expiresAt <= ctx.now) {
      throw new UserError('invite.expired', {
        expired: formatInstant(invite.expiresAt, town.timeZone, ctx.language),
      });
    }
    if (invite.fromTownId === town.id) throw new UserError('invite.own-town');
    const partnership = await ctx.repos.partnerships.findById(invite.partnershipId);
    if (!partnership || partnership.status === 'ENDED') throw new UserError('invite.invalid');
    if (partnership.towns.some((t) => t.id === town.id)) {
      throw new UserError('partner.already-member', { number: partnership.number, name: partnership.name });
    }
    // Before the code is spent: joining links this channel.
    ensureBotCanPost(ctx);
    // A concurrent join with the same code loses here, inside its transaction.
    if (!(await ctx.repos.invites.markUsed(invite.id, town.id, ctx.now))) throw new UserError('invite.used');

    await ctx.repos.partnerships.addTown(partnership.id, town.id);
    if (partnership.status === 'PROPOSED')
      await ctx.repos.partnerships.update(partnership.id, { status: 'ACTIVE' });
    const link = await linkThisChannel(ctx, partnership.id, town, args.language);
    await audit(
      ctx,
      'partner.join',
      { type: 'partnership', id: partnership.id },
      { channel: ctx.channel.id },
    );
    // The new channel gets the reminders of exchanges already planned.
    await planPartnershipReminders(ctx.repos, partnership.id, ctx.now);
    await fanOutToPartnership(ctx, {
      partnershipId: partnership.id,
      kind: 'partnership.joined',
      sourceId: partnership.id,
      occasion: town.id,
      dueAt: ctx.now,
      skipChannelLinkIds: [link.id],
      render: ({ language }) => ({
        text: translatorFor(language)('partner.joined-post', {
          town: town.name,
          country: town.country,
          name: partnership.name,
        }),
      }),
    });
    return {
      private: false,
      text: ctx.t('partner.joined', {
        number: partnership.number,
        name: partnership.name,
        towns: [...partnership.towns.map((t) => t.name), town.name].join(', '),
        channel: ctx.channel.name,
        language: link.language,
      }),
    };
  },

  async 'partner.list'(ctx) {
    const partnerships = await ctx.repos.partnerships.listForTown(actingTown(ctx).id);
    if (partnerships.length === 0) return { private: true, text: ctx.t('partner.none') };
    return { private: true, text: partnerships.map((p) => describePartnership(ctx, p)).join('\n') };
  },

  async 'partner.info'(ctx, args) {
    const partnership = await ownPartnership(ctx, args.partnership);
    const links = await ctx.repos.channelLinks.listForPartnership(partnership.id);
    const channelLines = links.map((link) => {
      const townName = partnership.towns.find((t) => t.id === link.townId)?.name ?? '?';
      const broken =
        link.status === 'BROKEN' ? ` ⚠ ${ctx.t('channel.broken', { reason: link.brokenReason ?? '' })}` : '';
      return `  ${townName}: #${link.channelName || link.channelId} (${link.language})${broken}`;
    });
    const lines = [
      describePartnership(ctx, partnership),
      ctx.t('partner.areas', { areas: partnership.areas.join(', ') || '—' }),
    ];
    if (partnership.agreementDate || partnership.agreementUrl) {
      lines.push(
        ctx.t('partner.agreement', {
          date: partnership.agreementDate?.toISOString().slice(0, 10) ?? '—',
          url: partnership.agreementUrl ?? '—',
        }),
      );
    }
    lines.push(
      channelLines.length > 0 ? ctx.t('partner.channels') : ctx.t('partner.no-channels'),
      ...channelLines,
    );
    return { private: true, text: lines.join('\n') };
  },

  async 'partner.edit'(ctx, args) {
    const partnership = await ownPartnership(ctx, args.partnership);
    const patch: Parameters<CommandContext['repos']['partnerships']['update']>[1] = {};
    if (args.name !== undefined) patch.name = args.name;
    if (args.status !== undefined) patch.status = toEnum<PartnershipStatus>(args.status);
    if (args.form !== undefined) patch.form = toEnum<PartnershipForm>(args.form);
    if (args.areas !== undefined) patch.areas = checkAreas(args.areas);
    if (args['agreement-date'] !== undefined) {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(args['agreement-date'])
        ? new Date(`${args['agreement-date']}T00:00:00Z`)
        : null;
      if (
        !date ||
        Number.isNaN(date.getTime()) ||
        date.toISOString().slice(0, 10) !== args['agreement-date']
      ) {
        throw new UserError('partner.bad-date', { date: args['agreement-date'] });
      }
      patch.agreementDate = date;
    }
    if (args['agreement-url'] !== undefined) {
      if (!URL.canParse(args['agreement-url']) || !/^https?:/i.test(args['agreement-url'])) {
        throw new UserError('partner.bad-url', { url: args['agreement-url'] });
      }
      patch.agreementUrl = args['agreement-url'];
    }
    if (Object.keys(patch).length === 0) throw new UserError('partner.nothing-to-change');
    await ctx.repos.partnerships.update(partnership.id, patch);
    await audit(ctx, 'partner.edit', { type: 'partnership', id: partnership.id }, { ...patch });
    const updated = await ownPartnership(ctx, args.partnership);
    return { private: false, text: `${ctx.t('partner.updated')}\n${describePartnership(ctx, updated)}` };
  },

  async 'partner.leave'(ctx, args) {
    const town = actingTown(ctx);
    const partnership = await ownPartnership(ctx, args.partnership);
    const unlinked = await ctx.repos.channelLinks.deleteForTown(partnership.id, town.id);
    await ctx.repos.partnerships.removeTown(partnership.id, town.id);
    if (partnership.towns.length <= 2)
      await ctx.repos.partnerships.update(partnership.id, { status: 'ENDED' });
    await audit(ctx, 'partner.leave', { type: 'partnership', id: partnership.id }, { unlinked });
    await fanOutToPartnership(ctx, {
      partnershipId: partnership.id,
      kind: 'partnership.left',
      sourceId: partnership.id,
      occasion: `${town.id}:${ctx.now.getTime()}`,
      dueAt: ctx.now,
      render: ({ language }) => ({
        text: translatorFor(language)('partner.left-post', { town: town.name, name: partnership.name }),
      }),
    });
    return { private: false, text: ctx.t('partner.left', { name: partnership.name, unlinked }) };
  },

  async 'partner.reminders'(ctx, args) {
    const partnership = await ownPartnership(ctx, args.partnership);
    if (args.offsets === undefined)
      return { private: true, text: describeReminders(ctx, partnership, partnership.reminderOffsetsMinutes) };
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
    // Pending reminders of upcoming exchanges move to the new times (or are withdrawn).
    const events = await planPartnershipReminders(ctx.repos, partnership.id, ctx.now);
    return {
      private: false,
      text: `${describeReminders(ctx, partnership, parsed.minutes)}\n${ctx.t('reminders.replanned', { events })}`,
    };
  },

  async 'partner.digest'(ctx, args) {
    const town = actingTown(ctx);
    const partnership = await ownPartnership(ctx, args.partnership);
    const current = (await ctx.repos.partnerships.digestSchedule(partnership.id)) ?? {
      ...DEFAULT_DIGEST,
      timeZone: null,
      nextRunAt: null,
    };
    if (args.day === undefined && args.hour === undefined && args.timezone === undefined)
      return { private: true, text: describeDigest(ctx, partnership, current) };
    let schedule: DigestSchedule;
    if (args.day === 'off') {
      schedule = { ...current, weekday: null, nextRunAt: null };
    } else {
      // Like every time typed, day and hour are read in the coordinator's town's zone unless given.
      const timeZone = args.timezone === undefined ? town.timeZone : normalizeTimeZone(args.timezone);
      if (!timeZone) throw new UserError('time.unknown-zone', { zone: args.timezone ?? '' });
      const weekday =
        args.day === undefined ? (current.weekday ?? DEFAULT_DIGEST.weekday) : WEEKDAYS.indexOf(args.day) + 1;
      const hour = args.hour ?? current.hour;
      schedule = {
        weekday,
        hour,
        timeZone,
        nextRunAt: nextDigestRun({ weekday, hour }, timeZone, ctx.recurrence, ctx.now),
      };
    }
    await ctx.repos.partnerships.setDigestSchedule(partnership.id, schedule);
    await audit(ctx, 'partner.digest', { type: 'partnership', id: partnership.id }, { ...schedule });
    return { private: false, text: describeDigest(ctx, partnership, schedule) };
  },

  async 'channel.link'(ctx, args) {
    const town = actingTown(ctx);
    const partnership = await ownPartnership(ctx, args.partnership);
    const existing = await ctx.repos.channelLinks.find(partnership.id, ctx.community.id, ctx.channel.id);
    if (existing?.status === 'ACTIVE') {
      throw new UserError('channel.already-linked', { channel: ctx.channel.name, name: partnership.name });
    }
    ensureBotCanPost(ctx);
    // A broken link (the bot lost access) linked again once access is back works again.
    const link = existing
      ? await ctx.repos.channelLinks.restore(existing.id, ctx.channel.name)
      : await linkThisChannel(ctx, partnership.id, town, args.language);
    await audit(
      ctx,
      existing ? 'channel.restore' : 'channel.link',
      { type: 'channel-link', id: link.id },
      { channel: ctx.channel.id },
    );
    await planPartnershipReminders(ctx.repos, partnership.id, ctx.now);
    return {
      private: false,
      text: ctx.t(existing ? 'channel.restored' : 'channel.linked', {
        channel: ctx.channel.name,
        name: partnership.name,
        language: link.language,
      }),
    };
  },

  async 'channel.unlink'(ctx, args) {
    const partnership = await ownPartnership(ctx, args.partnership);
    const link = await ctx.repos.channelLinks.find(partnership.id, ctx.community.id, ctx.channel.id);
    if (!link)
      throw new UserError('channel.not-linked', { channel: ctx.channel.name, name: partnership.name });
    await ctx.repos.channelLinks.delete(link.id);
    await audit(ctx, 'channel.unlink', { type: 'channel-link', id: link.id }, { channel: ctx.channel.id });
    return {
      private: false,
      text: ctx.t('channel.unlinked', { channel: ctx.channel.name, name: partnership.name }),
    };
  },
};
