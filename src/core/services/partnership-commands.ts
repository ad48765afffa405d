/** The `partner` commands about a partnership itself: list, show, change and leave (invites: invite-commands.ts). */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import type { PartnershipWithTowns } from '../domain/model.ts';
import {
  cooperationAreas,
  partnershipForms,
  partnershipStatuses,
  type OptionSpelling,
  type PartnershipForm,
  type PartnershipStatus,
} from '../domain/vocabularies.ts';
import { UserError } from '../errors.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { fanOutToPartnership } from './fan-out.ts';
import { actingTown, audit, ownPartnership } from './lookups.ts';
import {
  ownedPartnership,
  ownerTownOf,
  plain,
  postSettingChanges,
  type SettingChange,
} from './shared-settings.ts';
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

/** The areas as stored: known spellings only, each once. */
export function checkAreas(typed: string[]): string[] {
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

/** Stored areas as labels in a language; a spelling no longer known shows as stored. */
const areaLabels =
  (areas: readonly string[]) =>
  (language: SupportedLanguage): string =>
    areas
      .map((stored) => {
        const area = cooperationAreas.fromOption(stored);
        return area ? cooperationAreas.label(area, language) : stored;
      })
      .join(', ') || '—';

function describeAreas(ctx: CommandContext, areas: readonly string[]): string {
  return ctx.t('partner.areas', { areas: areaLabels(areas)(ctx.language) });
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

const isoDate = (date: Date | null | undefined) => date?.toISOString().slice(0, 10);

/** What a patch changes, from the partnership's current values, each rendered per language. */
function changesOf(p: PartnershipWithTowns, patch: PartnershipPatch): SettingChange[] {
  const changes: SettingChange[] = [];
  const label = (vocabulary: typeof partnershipStatuses | typeof partnershipForms, value: string) => {
    return (language: Parameters<SettingChange['to']>[0]) => vocabulary.label(value as never, language);
  };
  if (patch.name !== undefined && patch.name !== p.name)
    changes.push({ setting: 'name', from: plain(p.name), to: plain(patch.name) });
  if (patch.status !== undefined && patch.status !== p.status)
    changes.push({
      setting: 'status',
      from: label(partnershipStatuses, p.status),
      to: label(partnershipStatuses, patch.status),
    });
  if (patch.form !== undefined && patch.form !== p.form)
    changes.push({
      setting: 'form',
      from: label(partnershipForms, p.form),
      to: label(partnershipForms, patch.form),
    });
  if (patch.areas !== undefined && patch.areas.join(',') !== p.areas.join(','))
    changes.push({ setting: 'areas', from: areaLabels(p.areas), to: areaLabels(patch.areas) });
  if (patch.agreementDate !== undefined && isoDate(patch.agreementDate) !== isoDate(p.agreementDate))
    changes.push({
      setting: 'agreement-date',
      from: plain(isoDate(p.agreementDate)),
      to: plain(isoDate(patch.agreementDate)),
    });
  if (patch.agreementUrl !== undefined && patch.agreementUrl !== p.agreementUrl)
    changes.push({ setting: 'agreement-url', from: plain(p.agreementUrl), to: plain(patch.agreementUrl) });
  return changes;
}

export async function editPartnership(ctx: CommandContext, args: PartnerEditArgs): Promise<Reply> {
  const partnership = await ownedPartnership(ctx, args.partnership);
  const patch = partnershipPatch(args);
  if (Object.keys(patch).length === 0) throw new UserError('partner.nothing-to-change');
  await ctx.repos.partnerships.update(partnership.id, patch);
  await audit(ctx, 'partner.edit', { type: 'partnership', id: partnership.id }, { ...patch });
  await postSettingChanges(ctx, partnership, changesOf(partnership, patch));
  const updated = await ownPartnership(ctx, args.partnership);
  return { private: false, text: `${ctx.t('partner.updated')}\n${describePartnership(ctx, updated)}` };
}

/**
 * `partner leave`, in one transaction: the town's channels are unlinked, its scheduled
 * announcements cancelled and its unused invites revoked; its upcoming exchanges go to the
 * owning town (a planned visit is not silently gone: the new host can change or cancel it with
 * the usual notice), whose reminders follow. An owner that leaves hands the shared settings to
 * the longest-standing remaining town.
 */
export async function leavePartnership(ctx: CommandContext, args: PartnerNumberArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await ownPartnership(ctx, args.partnership);
  const remaining = partnership.towns.filter((t) => t.id !== town.id);
  const owner = ownerTownOf(partnership);
  const nextOwner = owner && owner.id !== town.id ? owner : remaining[0];
  const unlinked = await ctx.repos.channelLinks.deleteForTown(partnership.id, town.id);
  const announcements = await ctx.repos.announcements.cancelForTown(partnership.id, town.id);
  const invites = await ctx.repos.invites.revokeForTown(partnership.id, town.id, ctx.now);
  const exchanges = nextOwner
    ? await ctx.repos.exchanges.handOver(partnership.id, town.id, nextOwner.id, ctx.now)
    : [];
  await ctx.repos.partnerships.removeTown(partnership.id, town.id);
  await ctx.repos.partnerships.update(partnership.id, {
    ...(remaining.length <= 1 ? { status: 'ENDED' as const } : {}),
    ...(nextOwner ? { ownerTownId: nextOwner.id } : {}),
  });
  // The handed-over exchanges' reminders name their new host.
  if (exchanges.length > 0) await replanPartnershipReminders(ctx, partnership.id);
  await audit(
    ctx,
    'partner.leave',
    { type: 'partnership', id: partnership.id },
    { unlinked, announcements, invites, exchanges: exchanges.map((e) => e.number), owner: nextOwner?.id },
  );
  const ownerChanged = nextOwner !== undefined && nextOwner.id !== owner?.id;
  await fanOutToPartnership(ctx, {
    partnershipId: partnership.id,
    kind: 'partnership.left',
    sourceId: partnership.id,
    occasion: `${town.id}:${ctx.now.getTime()}`,
    dueAt: ctx.now,
    render: ({ language }) => {
      const t = translatorFor(language);
      const lines = [t('partner.left-post', { town: town.name, name: partnership.name })];
      if (exchanges.length > 0 && nextOwner)
        lines.push(
          t('partner.left-exchanges-post', {
            town: nextOwner.name,
            exchanges: exchanges.map((e) => `#${e.number} ${e.title}`).join(', '),
          }),
        );
      if (ownerChanged) lines.push(t('partner.left-owner-post', { town: nextOwner.name }));
      return { text: lines.join('\n') };
    },
  });
  return {
    private: false,
    text: [
      ctx.t('partner.left', { name: partnership.name, unlinked }),
      ctx.t('partner.left-effects', {
        announcements: announcements.length,
        invites,
        exchanges: exchanges.length,
        town: nextOwner?.name ?? '—',
      }),
    ].join('\n'),
  };
}
