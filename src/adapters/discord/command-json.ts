/**
 * Discord's registration JSON, generated from the declarative command definitions in commands/:
 * one chat-input command per group (`/event`), a subcommand per verb (`/event create`), a
 * subcommand group for three-word paths (`/town coordinator add`), and single-word commands
 * (`/rsvp`, `/help`) with their options directly. Descriptions and choice labels carry the
 * catalogs' Czech, German, Polish and French as Discord localizations (Slovak is no
 * Discord locale); names stay as the core spells them, so
 * an interaction maps back to a command id without a lookup table.
 *
 * Interactions map back through interaction-input.ts.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDefinition, LocalizedText, OptionSpec } from '../../core/commands/definition.ts';
import type { SupportedLanguage } from '../../core/i18n/languages.ts';
import { truncate } from '../shared/message-text.ts';

export type DiscordCommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * Catalog languages besides English, as Discord locale codes (developers/reference#locales).
 * Discord has no Slovak: a Slovak client sees the default (English) names and descriptions in
 * the command picker, while the answers still come in Slovak (profile or town language).
 */
export const DISCORD_LOCALES: Readonly<Record<Exclude<SupportedLanguage, 'en'>, string | null>> = {
  cs: 'cs',
  de: 'de',
  pl: 'pl',
  sk: null,
  fr: 'fr',
};

/** Discord's limits for chat-input commands (developers/interactions/application-commands). */
export const DISCORD_LIMITS = {
  name: /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u,
  descriptionLength: 100,
  options: 25,
  choices: 25,
  choiceNameLength: 100,
  choiceValueLength: 100,
  stringLength: 6000,
  commands: 100,
  /** Name, description and option texts together, counting each text's longest localization. */
  commandSize: 8000,
} as const;

/**
 * Groups have no definition of their own: their descriptions live here. A group missing here
 * (a new one) is described by its verbs, so adding a command never breaks registration.
 */
const GROUP_DESCRIPTIONS: Readonly<Record<string, LocalizedText>> = {
  town: {
    en: 'Your town: register it, show it, manage its coordinators',
    cs: 'Vaše město: registrace, přehled, koordinátoři',
    de: 'Ihre Stadt: registrieren, anzeigen, Koordinatoren verwalten',
    pl: 'Twoje miasto: rejestracja, podgląd, koordynatorzy',
    sk: 'Vaše mesto: registrácia, prehľad, koordinátori',
    fr: 'Votre ville : l’enregistrer, l’afficher, gérer ses coordinateurs',
  },
  'town coordinator': {
    en: 'Coordinators of your town',
    cs: 'Koordinátoři vašeho města',
    de: 'Koordinatoren Ihrer Stadt',
    pl: 'Koordynatorzy Twojego miasta',
    sk: 'Koordinátori vášho mesta',
    fr: 'Coordinateurs de votre ville',
  },
  partner: {
    en: 'Partnerships with other towns: invite, join, list, change, leave',
    cs: 'Partnerství s jinými městy: pozvat, připojit se, vypsat, změnit, opustit',
    de: 'Partnerschaften mit anderen Städten: einladen, beitreten, auflisten, ändern, verlassen',
    pl: 'Partnerstwa z innymi miastami: zaproś, dołącz, lista, zmień, opuść',
    sk: 'Partnerstvá s inými mestami: pozvať, pripojiť sa, zoznam, zmeniť, opustiť',
    fr: 'Partenariats avec d’autres villes : inviter, rejoindre, lister, modifier, quitter',
  },
  channel: {
    en: 'Which channels receive a partnership’s posts',
    cs: 'Které kanály dostávají příspěvky partnerství',
    de: 'Welche Kanäle die Beiträge einer Partnerschaft erhalten',
    pl: 'Które kanały otrzymują posty partnerstwa',
    sk: 'Ktoré kanály dostávajú príspevky partnerstva',
    fr: 'Quels salons reçoivent les messages d’un partenariat',
  },
  event: {
    en: 'Exchange events: create, list, show, change, cancel, count attendees',
    cs: 'Akce: vytvořit, vypsat, zobrazit, změnit, zrušit, spočítat účastníky',
    de: 'Veranstaltungen: anlegen, auflisten, anzeigen, ändern, absagen, Teilnehmer zählen',
    pl: 'Wydarzenia: utwórz, lista, pokaż, zmień, odwołaj, policz uczestników',
    sk: 'Podujatia: vytvoriť, zoznam, zobraziť, zmeniť, zrušiť, spočítať účastníkov',
    fr: 'Événements : créer, lister, afficher, modifier, annuler, compter les participants',
  },
  announce: {
    en: 'Announcements to every channel of a partnership, now or scheduled',
    cs: 'Oznámení do všech kanálů partnerství, hned nebo naplánovaně',
    de: 'Ankündigungen in alle Kanäle einer Partnerschaft, sofort oder geplant',
    pl: 'Ogłoszenia do wszystkich kanałów partnerstwa, od razu lub zaplanowane',
    sk: 'Oznámenia do všetkých kanálov partnerstva, hneď alebo naplánované',
    fr: 'Annonces dans chaque salon d’un partenariat, immédiates ou programmées',
  },
  profile: {
    en: 'Your languages and interests',
    cs: 'Vaše jazyky a zájmy',
    de: 'Ihre Sprachen und Interessen',
    pl: 'Twoje języki i zainteresowania',
    sk: 'Vaše jazyky a záujmy',
    fr: 'Vos langues et centres d’intérêt',
  },
};

function localizations(text: LocalizedText): LocalizationMap | undefined {
  const map: Record<string, string> = {};
  for (const [language, locale] of Object.entries(DISCORD_LOCALES)) {
    if (locale === null) continue;
    const value = text[language as keyof typeof DISCORD_LOCALES];
    // Even a text that reads as in English: every Discord locale has its localization.
    if (value) map[locale] = value;
  }
  return Object.keys(map).length > 0 ? map : undefined;
}

function described(text: LocalizedText): {
  description: string;
  description_localizations?: LocalizationMap;
} {
  const localized = localizations(text);
  return { description: text.en, ...(localized ? { description_localizations: localized } : {}) };
}

function groupText(key: string, verbs: readonly string[]): LocalizedText {
  return GROUP_DESCRIPTIONS[key] ?? { en: truncate(`${key}: ${verbs.join(', ')}`, 100) };
}

/** One option as Discord types it. Lists are strings the core splits; users are user pickers. */
export function optionJson(name: string, spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name, ...described(spec.description), ...(spec.required ? { required: true } : {}) };
  switch (spec.type) {
    case 'string':
      return {
        type: ApplicationCommandOptionType.String,
        ...base,
        ...(spec.minLength !== undefined ? { min_length: spec.minLength } : {}),
        max_length: Math.min(spec.maxLength, DISCORD_LIMITS.stringLength),
        ...(spec.autocomplete ? { autocomplete: true } : {}),
      };
    case 'integer':
      return {
        type: ApplicationCommandOptionType.Integer,
        ...base,
        ...(spec.min !== undefined ? { min_value: spec.min } : {}),
        ...(spec.max !== undefined ? { max_value: spec.max } : {}),
        ...(spec.autocomplete ? { autocomplete: true } : {}),
      };
    case 'boolean':
      return { type: ApplicationCommandOptionType.Boolean, ...base };
    case 'choice':
      return {
        type: ApplicationCommandOptionType.String,
        ...base,
        choices: spec.choices.map((choice) => {
          const localized = localizations(choice.label);
          return {
            name: choice.label.en,
            ...(localized ? { name_localizations: localized } : {}),
            value: choice.value,
          };
        }),
      };
    case 'list':
      // "a, b, c": room for every item and a separator; the core checks items and their count.
      return {
        type: ApplicationCommandOptionType.String,
        ...base,
        max_length: Math.min(spec.maxItems * (spec.itemMaxLength + 2), DISCORD_LIMITS.stringLength),
      };
    case 'user':
      return { type: ApplicationCommandOptionType.User, ...base };
  }
}

/** A definition's options, required ones first as Discord demands (otherwise in definition order). */
export function optionsJson(definition: CommandDefinition): APIApplicationCommandBasicOption[] {
  const entries = Object.entries(definition.options);
  const ordered = [
    ...entries.filter(([, spec]) => spec.required),
    ...entries.filter(([, spec]) => !spec.required),
  ];
  return ordered.map(([name, spec]) => optionJson(name, spec));
}

function subcommandJson(name: string, definition: CommandDefinition): APIApplicationCommandSubcommandOption {
  const options = optionsJson(definition);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    ...described(definition.description),
    ...(options.length > 0 ? { options } : {}),
  };
}

/**
 * `default_member_permissions` for a top-level command: Manage Server when every command under it
 * is for coordinators or server admins, so Discord shows it to server admins only until an admin
 * grants it to a role (Server Settings → Integrations). Discord sets this per top-level command,
 * so a group with one command for members (`/town info`, `/partner list`) stays visible to all
 * and the command bus refuses the rest.
 */
export function defaultMemberPermissions(members: readonly CommandDefinition[]): {
  default_member_permissions?: string;
} {
  const restricted = members.every((d) => d.communityAdmin === true || d.role === 'coordinator');
  return restricted ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() } : {};
}

/**
 * The whole registration, in the order of the definitions. Commands are for servers only
 * (`contexts: [Guild]`): a town is a server, and direct messages have no town.
 */
export function discordCommands(definitions: readonly CommandDefinition[]): DiscordCommandJson[] {
  const groups = new Map<string, CommandDefinition[]>();
  for (const definition of definitions) {
    const group = groups.get(definition.path[0]) ?? [];
    group.push(definition);
    groups.set(definition.path[0], group);
  }
  return [...groups.entries()].map(([name, members]) => {
    const common = { type: ApplicationCommandType.ChatInput as const, name };
    const where = {
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      ...defaultMemberPermissions(members),
    };
    const single = members.find((d) => d.path.length === 1);
    if (single) {
      if (members.length > 1) {
        throw new Error(`/${name} is a command and a group at once: Discord cannot have both`);
      }
      const options = optionsJson(single);
      return {
        ...common,
        ...described(single.description),
        ...(options.length > 0 ? { options } : {}),
        ...where,
      };
    }
    const options: APIApplicationCommandOption[] = [];
    const subgroups = new Map<string, APIApplicationCommandSubcommandOption[]>();
    for (const definition of members) {
      const [, second, third] = definition.path;
      if (second === undefined) continue;
      if (third === undefined) {
        options.push(subcommandJson(second, definition));
        continue;
      }
      let subs = subgroups.get(second);
      if (!subs) {
        subs = [];
        subgroups.set(second, subs);
        // Placeholder keeps the group where its first verb appeared; filled in below.
        options.push({
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: second,
          description: '',
          options: subs,
        });
      }
      subs.push(subcommandJson(third, definition));
    }
    for (const option of options) {
      if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
        const verbs = (option.options ?? []).map((o) => o.name);
        Object.assign(option, described(groupText(`${name} ${option.name}`, verbs)));
      }
    }
    const verbs = options.map((o) => o.name);
    return { ...common, ...described(groupText(name, verbs)), options, ...where };
  });
}

/** The JSON for one server (guild commands take no contexts or integration types). */
export function forGuild(command: DiscordCommandJson): DiscordCommandJson {
  const { contexts: _contexts, integration_types: _types, ...rest } = command;
  return rest;
}

/**
 * Characters counted towards the 8000 limit: every name, description and choice, each at its
 * longest localization (as Discord measures it).
 */
export function commandSize(command: DiscordCommandJson): number {
  const longest = (text: string | undefined, localized?: LocalizationMap | null) =>
    Math.max(text?.length ?? 0, ...Object.values(localized ?? {}).map((v) => v?.length ?? 0));
  let size =
    longest(command.name, command.name_localizations) +
    longest(command.description, command.description_localizations);
  const visit = (options: readonly APIApplicationCommandOption[] | undefined) => {
    for (const option of options ?? []) {
      size += longest(option.name, option.name_localizations);
      size += longest(option.description, option.description_localizations);
      if ('choices' in option && option.choices) {
        for (const choice of option.choices) {
          size += longest(choice.name, choice.name_localizations) + String(choice.value).length;
        }
      }
      if (
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup
      ) {
        visit(option.options);
      }
    }
  };
  visit(command.options);
  return size;
}
