/** The `channel` commands, and linking the channel a command runs in (partner join does it too). */
import type { CommandContext } from '../commands/command-bus.ts';
import { writtenAs } from '../commands/command-syntax.ts';
import type { Reply } from '../commands/invocation.ts';
import type { ChannelLink, Town } from '../domain/model.ts';
import { languageName, normalizeLanguageTag } from '../domain/places.ts';
import { UserError } from '../errors.ts';
import { actingTown, audit, ownPartnership } from './lookups.ts';
import { replanPartnershipReminders } from './reminder-replan.ts';

export interface ChannelLinkArgs {
  partnership: number;
  language?: string;
}

export interface ChannelUnlinkArgs {
  partnership: number;
}

export interface ChannelRelayArgs {
  partnership: number;
  relay: 'on' | 'off';
}

function channelLanguage(input: string | undefined, fallback: string): string {
  if (input === undefined) return fallback;
  const tag = normalizeLanguageTag(input);
  if (!tag) throw new UserError('validation.unknown-language', { language: input });
  return tag;
}

/** Links the channel the command was typed in to a partnership, posting in `language` or the town's. */
export function linkThisChannel(
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
export function ensureBotCanPost(ctx: CommandContext): void {
  const { postingBlocked: reason, postingFix: fix } = ctx.channel;
  if (reason !== undefined && fix !== undefined) {
    throw new UserError('channel.not-member', { channel: ctx.channel.name, fix });
  }
  if (reason === undefined) return;
  const missing = ctx.channel.missingPermissions;
  const named =
    missing && missing.length > 0
      ? ctx.t('channel.missing-permissions', {
          permissions: missing.map((permission) => ctx.t(`permission.discord.${permission}`)).join(', '),
        })
      : reason;
  throw new UserError('channel.cannot-post', { channel: ctx.channel.name, reason: named });
}

export async function linkChannel(ctx: CommandContext, args: ChannelLinkArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await ownPartnership(ctx, args.partnership);
  const existing = await ctx.repos.channelLinks.find(partnership.id, ctx.community.id, ctx.channel.id);
  const language = args.language === undefined ? undefined : channelLanguage(args.language, town.language);
  if (existing?.status === 'ACTIVE') return changeLanguage(ctx, existing, partnership, language);
  ensureBotCanPost(ctx);
  // A broken link (the bot lost access) linked again once access is back works again.
  let link = existing
    ? await ctx.repos.channelLinks.restore(existing.id, ctx.channel.name)
    : await linkThisChannel(ctx, partnership.id, town, language);
  if (language !== undefined && link.language !== language)
    link = await ctx.repos.channelLinks.setLanguage(link.id, language);
  await audit(
    ctx,
    existing ? 'channel.restore' : 'channel.link',
    { type: 'channel-link', id: link.id },
    { channel: ctx.channel.id },
  );
  await replanPartnershipReminders(ctx, partnership.id);
  return {
    private: false,
    text: ctx.t(existing ? 'channel.restored' : 'channel.linked', {
      channel: ctx.channel.name,
      name: partnership.name,
      language: languageName(link.language, ctx.language),
    }),
  };
}

/**
 * `channel link` where the channel is linked already: another `language:` changes the language
 * its posts come in (reminders already planned follow); without one, says how to change it.
 */
async function changeLanguage(
  ctx: CommandContext,
  link: ChannelLink,
  partnership: { id: string; number: number; name: string },
  language: string | undefined,
): Promise<Reply> {
  const shown = (tag: string) => languageName(tag, ctx.language);
  const params = { channel: ctx.channel.name, name: partnership.name, language: shown(link.language) };
  if (language === undefined || language === link.language) {
    const change = writtenAs(ctx.syntax, `channel link partnership:${partnership.number} language:<code>`);
    throw new UserError('channel.already-linked', { ...params, change });
  }
  await ctx.repos.channelLinks.setLanguage(link.id, language);
  await audit(ctx, 'channel.language', { type: 'channel-link', id: link.id }, { language });
  await replanPartnershipReminders(ctx, partnership.id);
  return {
    private: false,
    text: ctx.t('channel.language-changed', {
      ...params,
      language: shown(language),
      previous: shown(link.language),
    }),
  };
}

export async function unlinkChannel(ctx: CommandContext, args: ChannelUnlinkArgs): Promise<Reply> {
  const partnership = await ownPartnership(ctx, args.partnership);
  const link = await ctx.repos.channelLinks.find(partnership.id, ctx.community.id, ctx.channel.id);
  if (!link) throw new UserError('channel.not-linked', { channel: ctx.channel.name, name: partnership.name });
  await ctx.repos.channelLinks.delete(link.id);
  await audit(ctx, 'channel.unlink', { type: 'channel-link', id: link.id }, { channel: ctx.channel.id });
  return {
    private: false,
    text: ctx.t('channel.unlinked', { channel: ctx.channel.name, name: partnership.name }),
  };
}

/**
 * Turns relaying on or off for this channel's link. Each town decides for its own channel: a
 * conversation flows between the partnership's channels that all have it on (docs/RELAY.md).
 */
export async function relayChannel(ctx: CommandContext, args: ChannelRelayArgs): Promise<Reply> {
  const partnership = await ownPartnership(ctx, args.partnership);
  const link = await ctx.repos.channelLinks.find(partnership.id, ctx.community.id, ctx.channel.id);
  if (!link) throw new UserError('channel.not-linked', { channel: ctx.channel.name, name: partnership.name });
  const relay = args.relay === 'on';
  if (link.relay !== relay) {
    await ctx.repos.channelLinks.setRelay(link.id, relay);
    await audit(ctx, 'channel.relay', { type: 'channel-link', id: link.id }, { relay });
  }
  const others = (
    await ctx.repos.channelLinks.listForPartnership(partnership.id, { activeOnly: true })
  ).filter((other) => other.relay && other.id !== link.id).length;
  const params = { channel: ctx.channel.name, name: partnership.name, others };
  if (!relay) return { private: false, text: ctx.t('channel.relay-off', params) };
  const gap = ctx.channel.relayReadingGap;
  const unreadable =
    gap?.kind === 'discord-message-content'
      ? ctx.t('channel.relay-unreadable-discord')
      : gap?.kind === 'slack-scopes'
        ? ctx.t('channel.relay-unreadable-slack', { scopes: gap.scopes.join(', ') })
        : undefined;
  const text = ctx.t('channel.relay-on', params);
  return { private: false, text: unreadable ? `${text}\n${unreadable}` : text };
}
