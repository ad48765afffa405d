import type { CommandContext } from '../commands/command-bus.ts';
import type { UserRef } from '../commands/definition.ts';
import type { Reply } from '../commands/invocation.ts';
import { countryName, languageName, normalizeCountryCode, normalizeLanguageTag } from '../domain/places.ts';
import { UserError } from '../errors.ts';
import { memberLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { normalizeTimeZone } from '../time/index.ts';
import { actingTown, audit } from './lookups.ts';

export interface TownRegisterArgs {
  name: string;
  country: string;
  timezone: string;
  language: string;
}

export interface TownCoordinatorArgs {
  user: UserRef;
}

export async function registerTown(ctx: CommandContext, args: TownRegisterArgs): Promise<Reply> {
  if (ctx.town) throw new UserError('town.already-registered', { town: ctx.town.name });
  const country = normalizeCountryCode(args.country);
  if (!country) throw new UserError('town.unknown-country', { country: args.country });
  const timeZone = normalizeTimeZone(args.timezone);
  if (!timeZone) throw new UserError('time.unknown-zone', { zone: args.timezone });
  const language = normalizeLanguageTag(args.language);
  if (!language) throw new UserError('validation.unknown-language', { language: args.language });

  const town = await ctx.repos.towns.create({
    name: args.name,
    country,
    timeZone,
    language,
    communityId: ctx.community.id,
  });
  await ctx.repos.members.update(ctx.member.id, { townId: town.id, role: 'COORDINATOR' });
  await audit(
    ctx,
    'town.register',
    { type: 'town', id: town.id },
    { name: town.name, country, timeZone, language },
  );
  // From now on the town's language applies, unless the member's profile or platform has one.
  const replyLanguage = memberLanguage({
    person: ctx.member.languages[0],
    platform: ctx.locale,
    town: language,
  });
  const t = translatorFor(replyLanguage);
  return {
    private: false,
    text: t('town.registered', {
      town: town.name,
      country: countryName(country, replyLanguage),
      zone: timeZone,
      language: languageName(language, replyLanguage),
      user: ctx.member.displayName,
    }),
  };
}

export async function showTown(ctx: CommandContext): Promise<Reply> {
  const town = actingTown(ctx);
  const coordinators = await ctx.repos.members.listByRole(town.id, 'COORDINATOR');
  const partnerships = await ctx.repos.partnerships.listForTown(town.id);
  const partnerLines = partnerships.map(
    (p) =>
      `  #${p.number} ${p.name}: ${
        p.towns
          .filter((other) => other.id !== town.id)
          .map((other) => other.name)
          .join(', ') || '—'
      }`,
  );
  return {
    private: true,
    text: [
      ctx.t('town.info', {
        town: town.name,
        country: countryName(town.country, ctx.language),
        zone: town.timeZone,
        language: languageName(town.language, ctx.language),
        coordinators: coordinators.map((m) => m.displayName).join(', '),
      }),
      partnerships.length > 0 ? ctx.t('town.info-partnerships') : ctx.t('town.info-no-partnerships'),
      ...partnerLines,
    ].join('\n'),
  };
}

export async function addCoordinator(ctx: CommandContext, args: TownCoordinatorArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const target = await ctx.repos.members.upsertIdentity(ctx.community.id, args.user.id, args.user.id);
  if (target.role === 'COORDINATOR') {
    throw new UserError('coordinator.already', { user: target.displayName });
  }
  await ctx.repos.members.update(target.id, { townId: town.id, role: 'COORDINATOR' });
  await audit(ctx, 'town.coordinator.add', { type: 'member', id: target.id });
  return {
    private: false,
    text: ctx.t('coordinator.added', { user: target.displayName, town: town.name }),
  };
}

export async function removeCoordinator(ctx: CommandContext, args: TownCoordinatorArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const target = await ctx.repos.members.findByPlatformUser(ctx.community.id, args.user.id);
  if (target?.role !== 'COORDINATOR' || target.townId !== town.id) {
    throw new UserError('coordinator.not-coordinator', { user: target?.displayName ?? args.user.id });
  }
  if ((await ctx.repos.members.countByRole(town.id, 'COORDINATOR')) <= 1) {
    throw new UserError('coordinator.last', { user: target.displayName });
  }
  await ctx.repos.members.update(target.id, { role: 'MEMBER' });
  await audit(ctx, 'town.coordinator.remove', { type: 'member', id: target.id });
  return {
    private: false,
    text: ctx.t('coordinator.removed', { user: target.displayName, town: town.name }),
  };
}
