/**
 * Shared partnership settings (docs/SECURITY.md, "What partners may change"): one town owns
 * them, the founder unless ownership was handed over; when the owner leaves, the longest-standing
 * member town takes over. Every change is posted to every linked channel of the partnership,
 * in each channel's language, saying who changed what from what to what.
 */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import type { PartnershipWithTowns, Town } from '../domain/model.ts';
import { UserError } from '../errors.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import { translatorFor, type MessageKey } from '../i18n/translator.ts';
import { fanOutToPartnership } from './fan-out.ts';
import { actingTown, audit, ownPartnership } from './lookups.ts';

/** The town that owns a partnership's shared settings: the recorded owner, else the founder. */
export function ownerTownOf(partnership: PartnershipWithTowns): Town | undefined {
  // Towns come in joining order, so the first is the longest-standing member.
  return partnership.towns.find((t) => t.id === partnership.ownerTownId) ?? partnership.towns[0];
}

/** A partnership of the acting town whose shared settings it owns; partners are told who owns them. */
export async function ownedPartnership(ctx: CommandContext, number: number): Promise<PartnershipWithTowns> {
  const partnership = await ownPartnership(ctx, number);
  ensureOwner(ctx, partnership);
  return partnership;
}

/** Refuses a change of a shared setting by a town that does not own them, naming the owner. */
export function ensureOwner(ctx: CommandContext, partnership: PartnershipWithTowns): void {
  const owner = ownerTownOf(partnership);
  if (owner && owner.id !== actingTown(ctx).id) {
    throw new UserError('partner.not-owner', {
      number: partnership.number,
      name: partnership.name,
      owner: owner.name,
    });
  }
}

export type SharedSetting =
  | 'name'
  | 'status'
  | 'form'
  | 'areas'
  | 'agreement-date'
  | 'agreement-url'
  | 'reminders'
  | 'digest'
  | 'owner';

/** One changed setting; values are rendered in each channel's language. */
export interface SettingChange {
  setting: SharedSetting;
  from(language: SupportedLanguage): string;
  to(language: SupportedLanguage): string;
}

/** A value that reads the same in every language. */
export const plain = (value: string | null | undefined) => (): string =>
  value === null || value === undefined || value === '' ? '—' : value;

const settingLabel = (setting: SharedSetting): MessageKey => `partner.setting.${setting}`;

/** The change lines of a post or an answer, in one language. */
export function describeChanges(language: SupportedLanguage, changes: readonly SettingChange[]): string[] {
  const t = translatorFor(language);
  return changes.map((change) =>
    t('partner.change-line', {
      setting: t(settingLabel(change.setting)),
      from: change.from(language),
      to: change.to(language),
    }),
  );
}

/** Posts the changes (if any) to every linked channel of the partnership, through the outbox. */
export async function postSettingChanges(
  ctx: CommandContext,
  partnership: PartnershipWithTowns,
  changes: readonly SettingChange[],
): Promise<number> {
  if (changes.length === 0) return 0;
  const town = actingTown(ctx);
  return fanOutToPartnership(ctx, {
    partnershipId: partnership.id,
    kind: 'partnership.changed',
    sourceId: partnership.id,
    occasion: `${ctx.now.toISOString()}:${changes.map((c) => c.setting).join(',')}`,
    dueAt: ctx.now,
    towns: partnership.towns,
    render: ({ language }) => ({
      text: [
        translatorFor(language)('partner.changed-post', {
          person: ctx.member.displayName,
          town: town.name,
          name: partnership.name,
        }),
        ...describeChanges(language, changes),
      ].join('\n'),
    }),
  });
}

export interface PartnerHandoverArgs {
  partnership: number;
  town: string;
}

/** `partner handover`: the owning town gives the shared settings to another member town. */
export async function handOverPartnership(ctx: CommandContext, args: PartnerHandoverArgs): Promise<Reply> {
  const partnership = await ownedPartnership(ctx, args.partnership);
  const from = actingTown(ctx);
  const wanted = args.town.trim().toLocaleLowerCase();
  const to = partnership.towns.find((t) => t.id !== from.id && t.name.toLocaleLowerCase() === wanted);
  if (!to) {
    const others = partnership.towns.filter((t) => t.id !== from.id).map((t) => t.name);
    throw new UserError('partner.handover-unknown-town', {
      town: args.town,
      name: partnership.name,
      towns: others.join(', ') || '—',
    });
  }
  await ctx.repos.partnerships.update(partnership.id, { ownerTownId: to.id });
  await audit(ctx, 'partner.handover', { type: 'partnership', id: partnership.id }, { to: to.id });
  await postSettingChanges(ctx, partnership, [
    { setting: 'owner', from: plain(from.name), to: plain(to.name) },
  ]);
  return {
    private: false,
    text: ctx.t('partner.handed-over', { name: partnership.name, town: to.name }),
  };
}
