// Application command validation: Discord's rules for names, descriptions, localizations, options and choices.

import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';

import type { FormErrors } from './http-body.ts';
import { asObject } from './messages.ts';
import { DISCORD_LOCALES } from './state.ts';

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const O = ApplicationCommandOptionType;

export function commandType(input: Record<string, unknown>): ApplicationCommandType {
  return typeof input.type === 'number' ? input.type : ApplicationCommandType.ChatInput;
}

function checkName(value: unknown, path: (string | number)[], chatInput: boolean, errors: FormErrors): void {
  if (typeof value !== 'string' || value.length < 1 || value.length > 32) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
    return;
  }
  if (chatInput && (!NAME_PATTERN.test(value) || value !== value.toLowerCase())) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkDescription(value: unknown, path: (string | number)[], errors: FormErrors): void {
  if (typeof value !== 'string' || value.length < 1 || value.length > 100) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
}

function checkLocalizations(
  value: unknown,
  path: (string | number)[],
  each: (text: unknown, at: (string | number)[]) => void,
  errors: FormErrors,
): void {
  const map = asObject(value);
  if (!map) return;
  for (const [locale, text] of Object.entries(map)) {
    if (!DISCORD_LOCALES.has(locale)) {
      errors.add([...path, locale], 'LOCALE_INVALID', `Invalid locale ${locale}`);
    } else each(text, [...path, locale]);
  }
}

/** Longest of a text and its localizations: what counts towards the 8000-character limit. */
function longest(text: unknown, localizations: unknown): number {
  const values = [text, ...Object.values(asObject(localizations) ?? {})];
  return Math.max(0, ...values.map((v) => (typeof v === 'string' ? v.length : 0)));
}

/** Collects in `errors` what Discord rejects in one command definition at `path`. */
export function validateCommand(
  input: Record<string, unknown>,
  path: (string | number)[],
  errors: FormErrors,
): void {
  const chatInput = commandType(input) === ApplicationCommandType.ChatInput;
  checkName(input.name, [...path, 'name'], chatInput, errors);
  checkLocalizations(
    input.name_localizations,
    [...path, 'name_localizations'],
    (t, at) => checkName(t, at, chatInput, errors),
    errors,
  );
  if (chatInput) {
    checkDescription(input.description, [...path, 'description'], errors);
    checkLocalizations(
      input.description_localizations,
      [...path, 'description_localizations'],
      (t, at) => checkDescription(t, at, errors),
      errors,
    );
    const size = {
      total:
        longest(input.name, input.name_localizations) +
        longest(input.description, input.description_localizations),
    };
    validateOptions(input.options, [...path, 'options'], 0, errors, size);
    if (size.total > 8000) {
      errors.add(path, 'APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (8000)');
    }
  } else if (input.options !== undefined) {
    errors.add(
      [...path, 'options'],
      'APPLICATION_COMMAND_OPTIONS_INVALID',
      'Only chat input commands take options',
    );
  }
}

function validateOptions(
  value: unknown,
  path: (string | number)[],
  depth: number,
  errors: FormErrors,
  size: { total: number },
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (value.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const options = value.map((o) => asObject(o) ?? {});
  const isSub = (o: Record<string, unknown>) => {
    const type = optionType(o);
    return type === O.Subcommand || type === O.SubcommandGroup;
  };
  if (options.some(isSub) && !options.every(isSub)) {
    errors.add(path, INVALID_TYPE, 'Subcommands cannot be mixed with other options');
  }
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, i) => {
    const at = [...path, i];
    checkName(option.name, [...at, 'name'], true, errors);
    checkLocalizations(
      option.name_localizations,
      [...at, 'name_localizations'],
      (t, p) => checkName(t, p, true, errors),
      errors,
    );
    checkDescription(option.description, [...at, 'description'], errors);
    checkLocalizations(
      option.description_localizations,
      [...at, 'description_localizations'],
      (t, p) => checkDescription(t, p, errors),
      errors,
    );
    size.total +=
      longest(option.name, option.name_localizations) +
      longest(option.description, option.description_localizations);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        errors.add(
          [...at, 'name'],
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        );
      }
      names.add(option.name);
    }
    const type = optionType(option);
    if (type === undefined) {
      errors.add(
        [...at, 'type'],
        'BASE_TYPE_CHOICES',
        'Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).',
      );
      return;
    }
    // Groups hold only subcommands; subcommands hold only plain options; depth is at most 2.
    if (type === O.SubcommandGroup && depth > 0) {
      errors.add([...at, 'type'], INVALID_TYPE, 'Subcommand groups must be top-level');
    }
    if (type === O.Subcommand && depth > 1) {
      errors.add([...at, 'type'], INVALID_TYPE, 'Subcommands cannot be nested this deep');
    }
    if (type === O.Subcommand || type === O.SubcommandGroup) {
      const children = Array.isArray(option.options) ? option.options.map((o) => asObject(o) ?? {}) : [];
      if (type === O.SubcommandGroup && !children.every((c) => optionType(c) === O.Subcommand)) {
        errors.add([...at, 'options'], INVALID_TYPE, 'Subcommand groups may only contain subcommands');
      }
      validateOptions(option.options, [...at, 'options'], depth + 1, errors, size);
      return;
    }
    if (option.required === true && optionalSeen) {
      errors.add(
        [...at, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option.required !== true) optionalSeen = true;
    for (const key of ['min_length', 'max_length'] as const) {
      const limit = option[key];
      if (limit !== undefined && (typeof limit !== 'number' || limit < 0 || limit > 6000)) {
        errors.add([...at, key], 'NUMBER_TYPE_MAX', 'Must be between 0 and 6000.');
      }
    }
    if (option.choices !== undefined) {
      const choices = Array.isArray(option.choices) ? option.choices : [];
      if (type !== O.String && type !== O.Integer && type !== O.Number) {
        errors.add(
          [...at, 'choices'],
          'APPLICATION_COMMAND_OPTIONS_CHOICES_INVALID',
          'Only string, integer and number options take choices',
        );
      }
      if (choices.length > 25) {
        errors.add([...at, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
      if (option.autocomplete === true && choices.length > 0) {
        errors.add(
          [...at, 'autocomplete'],
          'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
          'Autocomplete cannot be set with choices',
        );
      }
      choices.forEach((c, j) => {
        const choice = asObject(c) ?? {};
        checkChoice(choice, [...at, 'choices', j], errors);
        size.total += longest(choice.name, choice.name_localizations) + String(choice.value).length;
      });
    }
  });
}

const INVALID_TYPE = 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID';

/** The option type when it is a known one. */
function optionType(option: Record<string, unknown>): ApplicationCommandOptionType | undefined {
  const type = option.type;
  // 1 (SUB_COMMAND) to 11 (ATTACHMENT) in application-commands.mdx.
  if (typeof type !== 'number' || !Number.isInteger(type) || type < 1 || type > 11) return undefined;
  return type;
}

/** Choice shape, shared by command definitions and autocomplete results. */
export function checkChoice(
  choice: Record<string, unknown>,
  path: (string | number)[],
  errors: FormErrors,
): void {
  if (typeof choice.name !== 'string' || choice.name.length < 1 || choice.name.length > 100) {
    errors.add([...path, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  if (typeof choice.value === 'string') {
    if (choice.value.length > 100) {
      errors.add([...path, 'value'], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
    }
  } else if (typeof choice.value !== 'number') {
    errors.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  }
}
