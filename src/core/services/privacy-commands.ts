/**
 * Members' data rights: `profile export` (everything held about them, privately) and
 * `profile forget` (their data deleted; their answers kept in the counts without them).
 */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import { languageName } from '../domain/places.ts';
import { UserError } from '../errors.ts';
import type { PersonalData } from '../privacy-ports.ts';
import type { MessageKey } from '../i18n/translator.ts';
import { formatInstant } from '../time/format-instant.ts';
import { audit } from './lookups.ts';

export interface ProfileForgetArgs {
  confirm?: 'yes';
}

/** Why pending messages to a forgotten member were dropped (kept in the outbox row's lastError). */
export const FORGOTTEN_REASON = 'the recipient asked to be forgotten (profile forget)';

async function personalData(ctx: CommandContext): Promise<PersonalData> {
  const data = await ctx.repos.privacy.collect(ctx.member.id);
  if (!data) throw new Error(`member ${ctx.member.id} vanished during the command`);
  return data;
}

export async function exportPersonalData(ctx: CommandContext): Promise<Reply> {
  const data = await personalData(ctx);
  const zone = ctx.town?.timeZone ?? 'UTC';
  const when = (instant: Date) => formatInstant(instant, zone, ctx.language, 'short');
  const m = data.member;
  const none = ctx.t('privacy.export.none');
  const section = <T>(heading: MessageKey, items: T[], line: (item: T) => string) => [
    ctx.t(heading, { count: items.length }),
    ...(items.length === 0 ? [none] : items.map(line)),
  ];
  const lines = [
    ctx.t('privacy.export.heading'),
    ctx.t('privacy.export.profile', {
      name: m.displayName,
      town: data.town ? `${data.town.name} (${data.town.country})` : '—',
      role: m.role === 'COORDINATOR' ? ctx.t('role.coordinator') : ctx.t('role.member'),
    }),
    ctx.t('privacy.export.languages', {
      languages: m.languages.map((l) => `${languageName(l, ctx.language)} (${l})`).join(', ') || '—',
    }),
    ctx.t('privacy.export.interests', { interests: m.interests.join(', ') || '—' }),
    ctx.t('privacy.export.platform-language', {
      language: m.platformLocale
        ? `${languageName(m.platformLocale, ctx.language)} (${m.platformLocale})`
        : '—',
    }),
    ctx.t('privacy.export.account', {
      platform: data.community.platform,
      user: m.platformUserId,
      community: data.community.name,
      communityId: data.community.externalId,
    }),
    ...section('privacy.export.answers', data.rsvps, (r) =>
      ctx.t('privacy.export.answer', {
        number: r.exchangeNumber,
        title: r.title,
        when: when(r.startsAt),
        status: r.status,
        guests: r.guests,
        town: r.townName,
      }),
    ),
    ...section('privacy.export.waiting', data.pendingDirect, (d) =>
      ctx.t('privacy.export.waiting-line', { kind: d.kind, when: when(d.dueAt) }),
    ),
    ...section('privacy.export.audit', data.audit, (a) =>
      ctx.t('privacy.export.audit-line', {
        when: when(a.at),
        action: a.action,
        target: a.targetType,
        id: a.targetId,
        role: a.asActor ? 'actor' : 'target',
      }),
    ),
    ctx.t('privacy.export.footer'),
  ];
  return { private: true, text: lines.join('\n') };
}

export async function forgetMember(ctx: CommandContext, args: ProfileForgetArgs): Promise<Reply> {
  const m = ctx.member;
  // A town is never left without someone who can run it.
  if (m.role === 'COORDINATOR' && m.townId) {
    const coordinators = await ctx.repos.members.countByRole(m.townId, 'COORDINATOR');
    if (coordinators <= 1)
      throw new UserError('privacy.forget-last-coordinator', { town: ctx.town?.name ?? '' });
  }
  if (args.confirm !== 'yes') {
    const data = await personalData(ctx);
    return {
      private: true,
      text: ctx.t('privacy.forget-preview', {
        answers: data.rsvps.length,
        messages: data.pendingDirect.length,
      }),
    };
  }
  const result = await ctx.repos.privacy.forget(m.id, ctx.now, FORGOTTEN_REASON);
  // Who did what, by the emptied member's id: nothing that names the person.
  await audit(ctx, 'profile.forget', { type: 'member', id: m.id }, { ...result });
  return {
    private: true,
    text: ctx.t('privacy.forgotten', { answers: result.rsvpsKept, messages: result.messagesWithdrawn }),
  };
}
