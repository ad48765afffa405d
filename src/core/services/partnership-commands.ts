/** The `partner` commands about membership: invite, join, list, show, change and leave a partnership. */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import type { PartnershipWithTowns } from '../domain/model.ts';
import { generateInviteCode, hashInviteCode } from '../domain/invite-code.ts';
import {
  cooperationAreas,
  partnershipForms,
  partnershipStatuses,
  type OptionSpelling,
  type PartnershipForm,
  type PartnershipStatus,
} from '../domain/vocabularies.ts';
import { UserError } from '../errors.ts';
import { translatorFor } from '../i18n/translator.ts';
import { formatInstant } from '../time/index.ts';
import { ensureBotCanPost, linkThisChannel } from './channel-commands.ts';
import { fanOutToPartnership } from './fan-out.ts';
import { actingTown, audit, ownPartnership } from './lookups.ts';
import { replanPartnershipReminders } from './reminder-replan.ts';

export interface PartnerInviteArgs {
  name?: string;
  partnership?: number;
  form?: OptionSpelling<PartnershipForm>;
  areas?: string[];
  days?: number;
}

export interface PartnerJoinArgs {
  code: string;
  language?: string;
}

export interface PartnerNumberArgs {
  partnership: number;
}

export interface PartnerEditArgs {
  partnership: number;
  name?: string;
  status?: OptionSpelling<PartnershipStatus>;
  form?: OptionSpelling<PartnershipForm>;
  areas?: string[];
  'agreement-date'?: string;
  'agreement-url'?: string;
}

const DEFAULT_INVITE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The areas as stored: known spellings only, each once. */
function checkAreas(typed: string[]): string[] {
  const areas = typed.map((a) => cooperationAreas.fromOption(a));
  const unknown = typed.filter((_, i) => areas[i] === undefined);
  if (unknown.length > 0) {
    throw new UserError('partner.unknown-area', {
      areas: unknown.map((a) => a.toLowerCase().replaceAll(' ', '-')).join(', '),
      known: cooperationAreas.entries.map((e) => e.option).join(', '),
    });
  }
  return [...new Set(areas.filter((a) => a !== undefined))];
}

function describePartnership(ctx: CommandContext, p: PartnershipWithTowns): string {
  return ctx.t('partner.summary', {
    number: p.number,
    name: p.name,
    towns: p.towns.map((town) => `${town.name} (${town.country})`).join(', '),
    form: partnershipForms.label(p.form, ctx.language),
    status: partnershipStatuses.label(p.status, ctx.language),
  });
}

function describeAreas(ctx: CommandContext, areas: readonly string[]): string {
  const labels = areas.map((stored) => {
    const area = cooperationAreas.fromOption(stored);
    return area ? cooperationAreas.label(area, ctx.language) : stored;
  });
  return ctx.t('partner.areas', { areas: labels.join(', ') || '—' });
}

/** The partnership an invite is for: an existing one of the town's, or a new one. */
async function partnershipToInviteTo(ctx: CommandContext, args: PartnerInviteArgs) {
  if (args.partnership !== undefined) {
    if (args.name !== undefined) throw new UserError('partner.invite-name-or-number');
    const partnership = await ownPartnership(ctx, args.partnership);
    if (partnership.status === 'ENDED') throw new UserError('partner.ended', { number: partnership.number });
    return partnership;
  }
  if (args.name === undefined) throw new UserError('partner.invite-needs-name');
  const partnership = await ctx.repos.partnerships.create(
    {
      name: args.name,
      form: partnershipForms.fromOption(args.form ?? 'informal'),
      status: 'PROPOSED',
      areas: checkAreas(args.areas ?? []),
      agreementDate: null,
      agreementUrl: null,
    },
    actingTown(ctx).id,
  );
  await audit(ctx, 'partner.create', { type: 'partnership', id: partnership.id }, { name: args.name });
  return partnership;
}

export async function invitePartnerTown(ctx: CommandContext, args: PartnerInviteArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await partnershipToInviteTo(ctx, args);
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
}

/** The partnership an invite code opens to the acting town; refuses spent, stale or own codes. */
async function partnershipOfInvite(ctx: CommandContext, code: string) {
  const town = actingTown(ctx);
  const invite = await ctx.repos.invites.findByCodeHash(hashInviteCode(code));
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
  return { invite, partnership };
}

export async function joinPartnership(ctx: CommandContext, args: PartnerJoinArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const { invite, partnership } = await partnershipOfInvite(ctx, args.code);
  // Before the code is spent: joining links this channel.
  ensureBotCanPost(ctx);
  // A concurrent join with the same code loses here, inside its transaction.
  if (!(await ctx.repos.invites.markUsed(invite.id, town.id, ctx.now))) throw new UserError('invite.used');

  await ctx.repos.partnerships.addTown(partnership.id, town.id);
  if (partnership.status === 'PROPOSED')
    await ctx.repos.partnerships.update(partnership.id, { status: 'ACTIVE' });
  const link = await linkThisChannel(ctx, partnership.id, town, args.language);
  await audit(ctx, 'partner.join', { type: 'partnership', id: partnership.id }, { channel: ctx.channel.id });
  // The new channel gets the reminders of exchanges already planned.
  await replanPartnershipReminders(ctx, partnership.id);
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
}

export async function listPartnerships(ctx: CommandContext): Promise<Reply> {
  const partnerships = await ctx.repos.partnerships.listForTown(actingTown(ctx).id);
  if (partnerships.length === 0) return { private: true, text: ctx.t('partner.none') };
  return { private: true, text: partnerships.map((p) => describePartnership(ctx, p)).join('\n') };
}

export async function showPartnership(ctx: CommandContext, args: PartnerNumberArgs): Promise<Reply> {
  const partnership = await ownPartnership(ctx, args.partnership);
  const links = await ctx.repos.channelLinks.listForPartnership(partnership.id);
  const channelLines = links.map((link) => {
    const townName = partnership.towns.find((t) => t.id === link.townId)?.name ?? '?';
    const broken =
      link.status === 'BROKEN' ? ` ⚠ ${ctx.t('channel.broken', { reason: link.brokenReason ?? '' })}` : '';
    return `  ${townName}: #${link.channelName || link.channelId} (${link.language})${broken}`;
  });
  const lines = [describePartnership(ctx, partnership), describeAreas(ctx, partnership.areas)];
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
}

type PartnershipPatch = Parameters<CommandContext['repos']['partnerships']['update']>[1];

/** A calendar date typed as YYYY-MM-DD that exists (no 2026-02-30). */
function readAgreementDate(typed: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(typed) ? new Date(`${typed}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== typed) {
    throw new UserError('partner.bad-date', { date: typed });
  }
  return date;
}

function partnershipPatch(args: PartnerEditArgs): PartnershipPatch {
  const patch: PartnershipPatch = {};
  if (args.name !== undefined) patch.name = args.name;
  if (args.status !== undefined) patch.status = partnershipStatuses.fromOption(args.status);
  if (args.form !== undefined) patch.form = partnershipForms.fromOption(args.form);
  if (args.areas !== undefined) patch.areas = checkAreas(args.areas);
  if (args['agreement-date'] !== undefined) patch.agreementDate = readAgreementDate(args['agreement-date']);
  const url = args['agreement-url'];
  if (url !== undefined) {
    if (!URL.canParse(url) || !/^https?:/i.test(url)) throw new UserError('partner.bad-url', { url });
    patch.agreementUrl = url;
  }
  return patch;
}

export async function editPartnership(ctx: CommandContext, args: PartnerEditArgs): Promise<Reply> {
  const partnership = await ownPartnership(ctx, args.partnership);
  const patch = partnershipPatch(args);
  if (Object.keys(patch).length === 0) throw new UserError('partner.nothing-to-change');
  await ctx.repos.partnerships.update(partnership.id, patch);
  await audit(ctx, 'partner.edit', { type: 'partnership', id: partnership.id }, { ...patch });
  const updated = await ownPartnership(ctx, args.partnership);
  return { private: false, text: `${ctx.t('partner.updated')}\n${describePartnership(ctx, updated)}` };
}

export async function leavePartnership(ctx: CommandContext, args: PartnerNumberArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await ownPartnership(ctx, args.partnership);
  const unlinked = await ctx.repos.channelLinks.deleteForTown(partnership.id, town.id);
  await ctx.repos.partnerships.removeTown(partnership.id, town.id);
  if (partnership.towns.length <= 2) await ctx.repos.partnerships.update(partnership.id, { status: 'ENDED' });
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
}
