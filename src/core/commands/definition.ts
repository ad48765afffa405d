/**
 * The declarative command model. One `defineCommand` per command in `commands/` is the single
 * source of truth for validation, handler argument types, the text syntax (console and Slack),
 * Discord's registration JSON and the Slack manifest.
 */
import type { OptionSpelling, Vocabulary } from '../domain/vocabularies.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import type { Translate } from '../i18n/translator.ts';

/** A text in every catalog language: English is the fallback and is required. */
export type LocalizedText = { en: string } & Partial<Record<SupportedLanguage, string>>;

/** Who may run a command. `anyone` includes people whose community has no town yet. */
export type RequiredRole = 'anyone' | 'member' | 'coordinator';

/**
 * What the platform can offer while typing a value (Discord autocomplete): the member's own
 * partnerships, exchanges and announcements, or the IANA time zones and countries a town is
 * registered with.
 */
export type AutocompleteSource = 'partnership' | 'exchange' | 'announcement' | 'timezone' | 'country';

interface OptionBase {
  description: LocalizedText;
  required?: boolean;
}

export interface StringOption extends OptionBase {
  type: 'string';
  minLength?: number;
  maxLength: number;
  /** Text of several lines (a description, an announcement): line breaks and tabs are allowed. */
  multiline?: true;
  autocomplete?: AutocompleteSource;
}

export interface IntegerOption extends OptionBase {
  type: 'integer';
  min?: number;
  max?: number;
  autocomplete?: AutocompleteSource;
}

export interface BooleanOption extends OptionBase {
  type: 'boolean';
}

/** One of a fixed set of values, each with a localized label. */
export interface ChoiceOption<V extends string = string> extends OptionBase {
  type: 'choice';
  choices: readonly { value: V; label: LocalizedText }[];
}

/** A choice among a domain vocabulary's values, offered in its typed spelling with its labels. */
export function choiceOptionOf<V extends string>(
  vocabulary: Vocabulary<V>,
  description: LocalizedText,
): ChoiceOption<OptionSpelling<V>> {
  return {
    type: 'choice',
    description,
    choices: vocabulary.entries.map((entry) => ({ value: entry.option, label: entry.label })),
  };
}

/** A comma-separated list of short values (languages, interests, areas). */
export interface ListOption extends OptionBase {
  type: 'list';
  maxItems: number;
  itemMaxLength: number;
}

/** A platform user: a Discord/Slack mention or a console user name. */
export interface UserOption extends OptionBase {
  type: 'user';
}

export type OptionSpec =
  StringOption | IntegerOption | BooleanOption | ChoiceOption | ListOption | UserOption;

export type OptionSpecs = Record<string, OptionSpec>;

export interface CommandDefinition<O extends OptionSpecs = OptionSpecs> {
  /** Words after `/twin`: ['event', 'create'] or ['town', 'coordinator', 'add']. */
  path: readonly [string, ...string[]];
  description: LocalizedText;
  role: RequiredRole;
  /**
   * Changes a setting every partner town shares: only coordinators of the partnership's owning
   * town may change it (showing stays open), and each change is posted to every linked channel.
   * The security matrix tries every such command as a partner town.
   */
  sharedSetting?: true;
  /**
   * Needs the platform's admin right in the community (Actor.communityAdmin) besides `role`.
   * The bus refuses without it, naming the right per platform; Discord registers the command's
   * top-level group with `default_member_permissions` Manage Server.
   */
  communityAdmin?: true;
  options: O;
  /** An option that bare words after the command fill in, as in `help event create`. */
  rest?: string;
  /** Example invocations shown by help, without the leading `/twin`. */
  examples?: readonly string[];
}

type OptionValue<S extends OptionSpec> = S extends { type: 'string' }
  ? string
  : S extends { type: 'integer' }
    ? number
    : S extends { type: 'boolean' }
      ? boolean
      : S extends ChoiceOption<infer V>
        ? V
        : S extends { type: 'list' }
          ? string[]
          : S extends { type: 'user' }
            ? UserRef
            : never;

/** A user named in an option; `id` is the platform user id. */
export interface UserRef {
  id: string;
}

/** The validated arguments a handler receives, inferred from the definition. */
export type CommandArgs<O extends OptionSpecs> = {
  -readonly [K in keyof O as O[K]['required'] extends true ? K : never]: OptionValue<O[K]>;
} & {
  -readonly [K in keyof O as O[K]['required'] extends true ? never : K]?: OptionValue<O[K]>;
};

export function defineCommand<const O extends OptionSpecs>(
  definition: CommandDefinition<O> & { rest?: keyof O & string },
): CommandDefinition<O> {
  return definition;
}

export function commandId(definition: Pick<CommandDefinition, 'path'>): string {
  return definition.path.join('.');
}

/** What each kind of value is written as in a usage line: `<text>`, `<number>`… */
export type UsagePlaceholders = Record<Exclude<OptionSpec['type'], 'choice' | 'boolean'>, string>;

const ENGLISH_PLACEHOLDERS: UsagePlaceholders = {
  string: '<text>',
  integer: '<number>',
  list: '<a,b,…>',
  user: '<@user>',
};

/** The placeholders in a reader's language, from the catalogs. */
export function usagePlaceholders(t: Translate): UsagePlaceholders {
  return {
    string: t('usage.text'),
    integer: t('usage.number'),
    list: t('usage.list'),
    user: t('usage.user'),
  };
}

/**
 * The text syntax of a command: `event create title:<text> start:<time> [capacity:<number>]`.
 * Choices and yes|no are the words typed, so they stay; placeholders follow the reader's
 * language (English by default: Slack's manifest has one language).
 */
export function commandUsage(
  definition: CommandDefinition,
  placeholders: UsagePlaceholders = ENGLISH_PLACEHOLDERS,
): string {
  const parts = Object.entries(definition.options).map(([name, spec]) => {
    const placeholder =
      spec.type === 'choice'
        ? spec.choices.map((c) => c.value).join('|')
        : spec.type === 'boolean'
          ? 'yes|no'
          : placeholders[spec.type];
    return spec.required ? `${name}:${placeholder}` : `[${name}:${placeholder}]`;
  });
  return [...definition.path, ...parts].join(' ');
}
