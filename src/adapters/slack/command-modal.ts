/**
 * A command as a Slack modal: one input block per option, built from the command's definition
 * (labels in the member's language, choices as menus, numbers as number inputs), and the way
 * back: submitted values become the command's options, and a refused command becomes an error
 * on the field it is about (`response_action: "errors"`).
 */
import type { types } from '@slack/bolt';
import type { CommandDefinition, LocalizedText, OptionSpec } from '../../core/commands/definition.ts';
import type { Reply } from '../../core/commands/invocation.ts';
import type { SupportedLanguage } from '../../core/i18n/languages.ts';
import type { Suggestion } from '../../core/adapter-contract.ts';
import { truncate } from '../shared/message-text.ts';

/** callback_id of command modals; the command id travels in private_metadata. */
export const COMMAND_MODAL_CALLBACK = 'twin_command_modal';
/** Every input's action_id; its block_id is the option name. */
export const MODAL_VALUE_ACTION = 'value';

/** Commands offered as a modal when typed without options (`/twin event create`). */
export const MODAL_COMMANDS = ['event.create'] as const;

const TITLES: Record<string, LocalizedText> = {
  'event.create': {
    en: 'New exchange',
    cs: 'Nová akce',
    de: 'Neue Veranstaltung',
    pl: 'Nowe wydarzenie',
    sk: 'Nové podujatie',
    fr: 'Nouvel événement',
  },
};
const SUBMIT: LocalizedText = {
  en: 'Create',
  cs: 'Vytvořit',
  de: 'Anlegen',
  pl: 'Utwórz',
  sk: 'Vytvoriť',
  fr: 'Créer',
};
const CLOSE: LocalizedText = {
  en: 'Cancel',
  cs: 'Zrušit',
  de: 'Abbrechen',
  pl: 'Anuluj',
  sk: 'Zrušiť',
  fr: 'Annuler',
};
const OK: LocalizedText = { en: 'OK', cs: 'OK', de: 'OK', pl: 'OK', sk: 'OK', fr: 'OK' };
const YES_NO = {
  yes: { en: 'Yes', cs: 'Ano', de: 'Ja', pl: 'Tak', sk: 'Áno', fr: 'Oui' },
  no: { en: 'No', cs: 'Ne', de: 'Nein', pl: 'Nie', sk: 'Nie', fr: 'Non' },
};

// Block Kit limits.
const MODAL_TITLE_MAX = 24;
const BUTTON_MAX = 24;
const LABEL_MAX = 2000;
const OPTION_TEXT_MAX = 75;
const STATIC_SELECT_MAX_OPTIONS = 100;
const ERROR_TEXT_MAX = 300;
const INPUT_MAX = 3000;

/** Where the modal was opened from: the answer goes back there. */
export interface ModalMetadata {
  command: string;
  channelId: string;
  channelName: string;
}

export function encodeMetadata(metadata: ModalMetadata): string {
  return JSON.stringify(metadata);
}

export function decodeMetadata(text: string): ModalMetadata | null {
  try {
    const value = JSON.parse(text) as Partial<ModalMetadata>;
    if (
      typeof value.command === 'string' &&
      typeof value.channelId === 'string' &&
      typeof value.channelName === 'string'
    ) {
      return { command: value.command, channelId: value.channelId, channelName: value.channelName };
    }
  } catch {
    // Not ours.
  }
  return null;
}

function say(text: LocalizedText, language: SupportedLanguage): string {
  return text[language] ?? text.en;
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: plain(text, OPTION_TEXT_MAX), value };
}

export interface ModalInput {
  commandId: string;
  definition: CommandDefinition;
  language: SupportedLanguage;
  metadata: ModalMetadata;
  /** What the member can pick for options with an autocomplete source (their partnerships). */
  suggestions: Partial<Record<string, Suggestion[]>>;
}

export function commandModal(input: ModalInput): types.ModalView {
  const { definition, language } = input;
  const blocks: types.InputBlock[] = Object.entries(definition.options).map(([name, spec]) => ({
    type: 'input',
    block_id: name,
    optional: !spec.required,
    label: plain(say(spec.description, language), LABEL_MAX),
    element: elementFor(spec, language, input.suggestions[name]),
  }));
  return {
    type: 'modal',
    callback_id: COMMAND_MODAL_CALLBACK,
    private_metadata: encodeMetadata(input.metadata),
    title: plain(
      say(TITLES[input.commandId] ?? { en: definition.path.join(' ') }, language),
      MODAL_TITLE_MAX,
    ),
    submit: plain(say(SUBMIT, language), BUTTON_MAX),
    close: plain(say(CLOSE, language), BUTTON_MAX),
    blocks,
  };
}

function elementFor(
  spec: OptionSpec,
  language: SupportedLanguage,
  suggestions: Suggestion[] | undefined,
): types.InputBlockElement {
  const action_id = MODAL_VALUE_ACTION;
  switch (spec.type) {
    case 'string':
      return {
        type: 'plain_text_input',
        action_id,
        max_length: Math.min(spec.maxLength, INPUT_MAX),
        ...(spec.minLength ? { min_length: spec.minLength } : {}),
        multiline: spec.multiline === true,
      };
    case 'integer':
      if (suggestions && suggestions.length > 0 && suggestions.length <= STATIC_SELECT_MAX_OPTIONS) {
        const options = suggestions.map((s) => option(s.label, String(s.value)));
        return {
          type: 'static_select',
          action_id,
          options,
          ...(suggestions.length === 1 && options[0] ? { initial_option: options[0] } : {}),
        };
      }
      return {
        type: 'number_input',
        action_id,
        is_decimal_allowed: false,
        ...(spec.min !== undefined ? { min_value: String(spec.min) } : {}),
        ...(spec.max !== undefined ? { max_value: String(spec.max) } : {}),
      };
    case 'choice':
      return {
        type: 'static_select',
        action_id,
        options: spec.choices
          .slice(0, STATIC_SELECT_MAX_OPTIONS)
          .map((choice) => option(say(choice.label, language), choice.value)),
      };
    case 'boolean':
      return {
        type: 'static_select',
        action_id,
        options: [option(say(YES_NO.yes, language), 'yes'), option(say(YES_NO.no, language), 'no')],
      };
    case 'list':
      return {
        type: 'plain_text_input',
        action_id,
        max_length: Math.min(spec.maxItems * (spec.itemMaxLength + 2), INPUT_MAX),
      };
    case 'user':
      return { type: 'users_select', action_id };
  }
}

/** One submitted input as Slack sends it in `view.state.values[block][action]`. */
interface SubmittedValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_user?: string | null;
}

/** The submitted values as raw command options (strings, as if typed), empty fields left out. */
export function submittedOptions(
  definition: CommandDefinition,
  values: Record<string, Record<string, SubmittedValue>>,
): Record<string, string> {
  const options: Record<string, string> = {};
  for (const name of Object.keys(definition.options)) {
    const input = values[name]?.[MODAL_VALUE_ACTION];
    if (!input) continue;
    const value = input.selected_option?.value ?? input.selected_user ?? input.value ?? undefined;
    if (typeof value === 'string' && value.trim() !== '') options[name] = value;
  }
  return options;
}

/** Refusals that are about one field although the core does not name an option for them. */
const FIELD_OF_KEY: Record<string, string> = {
  'event.start-in-past': 'start',
  'event.end-before-start': 'end',
  'time.unknown-zone': 'start',
  'partner.not-found': 'partnership',
  'partner.not-active': 'partnership',
};

/**
 * The refusal as `{ block_id: message }` for `response_action: "errors"`, or null when it is
 * not about a field of this form (no permission, unexpected failure): then it is shown otherwise.
 */
export function fieldErrors(definition: CommandDefinition, reply: Reply): Record<string, string> | null {
  if (!reply.error) return null;
  const field = reply.error.option ?? FIELD_OF_KEY[reply.error.key];
  if (!field || !Object.hasOwn(definition.options, field)) return null;
  // The first line: the usage line that text commands get is noise on a form field.
  const message = reply.text.split('\n')[0] ?? reply.text;
  return { [field]: truncate(message, ERROR_TEXT_MAX) };
}

/** A modal that only says why the command was refused (replaces the form). */
export function refusalModal(commandId: string, text: string, language: SupportedLanguage): types.ModalView {
  return {
    type: 'modal',
    callback_id: `${COMMAND_MODAL_CALLBACK}_refused`,
    title: plain(say(TITLES[commandId] ?? { en: commandId }, language), MODAL_TITLE_MAX),
    close: plain(say(OK, language), BUTTON_MAX),
    blocks: [{ type: 'section', text: { type: 'plain_text', text: truncate(text, 3000), emoji: true } }],
  };
}
