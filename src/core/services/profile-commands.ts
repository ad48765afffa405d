import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import { usagePlaceholders } from '../commands/definition.ts';
import { exampleAs, usageAs, writtenAs } from '../commands/command-syntax.ts';
import { languageName, normalizeLanguageTag } from '../domain/places.ts';
import { UserError } from '../errors.ts';
import { memberLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { actingTown, audit } from './lookups.ts';

export interface ProfileSetArgs {
  languages?: string[];
  interests?: string[];
}

export interface HelpArgs {
  command?: string;
}

export async function setProfile(ctx: CommandContext, args: ProfileSetArgs): Promise<Reply> {
  if (args.languages === undefined && args.interests === undefined)
    throw new UserError('profile.nothing-to-set');
  const patch: { languages?: string[]; interests?: string[] } = {};
  if (args.languages !== undefined) {
    patch.languages = args.languages.map((input) => {
      const tag = normalizeLanguageTag(input);
      if (!tag) throw new UserError('validation.unknown-language', { language: input });
      return tag;
    });
  }
  if (args.interests !== undefined) patch.interests = args.interests;
  const member = await ctx.repos.members.update(ctx.member.id, patch);
  // Which fields changed, not their values: the audit outlives the profile and holds no personal data.
  await audit(ctx, 'profile.set', { type: 'member', id: member.id }, { fields: Object.keys(patch).sort() });
  // Answer in the language just chosen.
  const t = translatorFor(
    memberLanguage({ person: member.languages[0], platform: ctx.locale, town: ctx.town?.language }),
  );
  return { private: true, text: t('profile.saved') };
}

export function showProfile(ctx: CommandContext): Promise<Reply> {
  const town = actingTown(ctx);
  const m = ctx.member;
  return Promise.resolve({
    private: true,
    text: ctx.t('profile.show', {
      name: m.displayName,
      town: town.name,
      role: m.role === 'COORDINATOR' ? ctx.t('role.coordinator') : ctx.t('role.member'),
      languages: m.languages.map((l) => `${languageName(l, ctx.language)} (${l})`).join(', ') || '—',
      interests: m.interests.join(', ') || '—',
    }),
  });
}

export function showHelp(ctx: CommandContext, args: HelpArgs): Promise<Reply> {
  return Promise.resolve(helpReply(ctx, args.command));
}

function helpReply(ctx: CommandContext, command: string | undefined): Reply {
  const { syntax } = ctx;
  const describe = (d: (typeof ctx.definitions)[number]) => d.description[ctx.language] ?? d.description.en;
  if (command === undefined) {
    const names = ctx.definitions.map((d) => writtenAs(syntax, d.path.join(' ')));
    const width = Math.max(...names.map((name) => name.length)) + 1;
    const lines = ctx.definitions.map((d, i) => `  ${(names[i] ?? '').padEnd(width)} ${describe(d)}`);
    // Discord asks for `command` in a field of its own; text is written as the help line itself.
    const example = syntax.slash
      ? writtenAs(syntax, 'help command:event create')
      : writtenAs(syntax, 'help event create');
    // The quotes to type are straight ones whatever the language's own: a parameter, not catalog text.
    const heading = syntax.slash ? ctx.t('help.heading-slash') : ctx.t('help.heading', { quotes: '"…"' });
    return { private: true, text: [heading, ...lines, ctx.t('help.footer', { example })].join('\n') };
  }
  const words = command
    .trim()
    .toLowerCase()
    .replace(/^\/?twin\s+/, '')
    .split(/\s+/);
  const definition = ctx.definitions.find((d) => d.path.join(' ') === words.join(' '));
  if (!definition) {
    const group = ctx.definitions.filter((d) => d.path[0] === words[0]);
    if (group.length === 0)
      throw new UserError('help.unknown-command', { command, help: writtenAs(syntax, 'help') });
    return {
      private: true,
      text: group
        .map((d) => `  ${usageAs(syntax, d, usagePlaceholders(ctx.t))}\n      ${describe(d)}`)
        .join('\n'),
    };
  }
  const options = Object.entries(definition.options).map(([name, spec]) => {
    const required = spec.required ? ctx.t('help.required') : '';
    return `  ${name}${required}: ${spec.description[ctx.language] ?? spec.description.en}`;
  });
  const role = definition.role === 'coordinator' ? [ctx.t('help.coordinators-only')] : [];
  const examples = (definition.examples ?? []).map((e) => `  ${exampleAs(syntax, e, ctx.definitions)}`);
  return {
    private: true,
    text: [
      describe(definition),
      ctx.t('command.usage', { usage: usageAs(syntax, definition, usagePlaceholders(ctx.t)) }),
      ...role,
      ...options,
      ...(examples.length > 0 ? [ctx.t('help.examples'), ...examples] : []),
    ].join('\n'),
  };
}
