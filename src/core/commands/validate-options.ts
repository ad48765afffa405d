/**
 * Turns raw option values (strings from text, typed values from Discord) into a command's
 * arguments, using zod schemas derived from the definition. Every failure becomes a UserError
 * naming the option, so the person learns exactly what to fix.
 */
import { z } from 'zod';
import { UserError } from '../errors.ts';
import { suggestOption } from './command-suggestions.ts';
import type { CommandDefinition, OptionSpec } from './definition.ts';

/** Yes and no in every catalog language (cs, de, pl, sk, fr), as the refusals name them. */
const TRUE_WORDS = ['true', 'yes', 'y', '1', 'ano', 'ja', 'tak', 'áno', 'oui', 'on'];
const FALSE_WORDS = ['false', 'no', 'n', '0', 'ne', 'nein', 'nie', 'non', 'off'];

/** Discord and Slack mention syntax: <@123>, <@!123>, <@U123|name>; the console accepts a bare name. */
function parseUserReference(value: string): string {
  const mention = /^<@!?([A-Za-z0-9._-]+)(?:\|[^>]*)?>$/.exec(value.trim());
  if (mention?.[1]) return mention[1];
  return value.trim().replace(/^@/, '');
}

/**
 * Characters no text option may hold: C0 controls (PostgreSQL refuses U+0000 in text; the rest
 * are invisible, and Slack and Discord drop or mangle them), DEL, C1 controls, and halves of
 * surrogate pairs (not Unicode at all: UTF-8 cannot encode them). Tab and line feed are allowed
 * where an option takes several lines.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- as above
const FORBIDDEN_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Cs}/u;

/** The first character `value` may not hold, as U+XXXX; null when there is none. */
function forbiddenCharacter(value: string, multiline: boolean): string | null {
  const found = (multiline ? FORBIDDEN_MULTILINE : FORBIDDEN_SINGLE_LINE).exec(value)?.[0];
  if (found === undefined) return null;
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every piece of text a validated value carries: a string, a list's items, a user's id. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string')
    return [value.id];
  return [];
}

function checkCharacters(option: string, spec: OptionSpec, value: unknown): void {
  const multiline = spec.type === 'string' && spec.multiline === true;
  for (const text of textsOf(value)) {
    const character = forbiddenCharacter(text, multiline);
    if (character === null) continue;
    if (character === 'U+000A' || character === 'U+000D')
      throw new UserError('validation.line-break', { option });
    throw new UserError('validation.control-character', { option, character });
  }
}

function schemaFor(spec: OptionSpec): z.ZodType {
  switch (spec.type) {
    case 'string':
      return z.preprocess(
        // Windows and some clients send CRLF: several lines are stored with LF only.
        (v) => (spec.multiline && typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v),
        z
          .string()
          .trim()
          .min(spec.minLength ?? 1)
          .max(spec.maxLength),
      );
    case 'integer': {
      let schema = z.coerce.number<unknown>().int();
      if (spec.min !== undefined) schema = schema.min(spec.min);
      if (spec.max !== undefined) schema = schema.max(spec.max);
      return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
    }
    case 'boolean':
      return z.preprocess((v) => {
        if (typeof v !== 'string') return v;
        const word = v.trim().toLowerCase();
        if (TRUE_WORDS.includes(word)) return true;
        if (FALSE_WORDS.includes(word)) return false;
        return v;
      }, z.boolean());
    case 'choice':
      return z.preprocess(
        (v) => (typeof v === 'string' ? v.trim().toLowerCase().replaceAll('_', '-') : v),
        z.enum(spec.choices.map((c) => c.value) as [string, ...string[]]),
      );
    case 'list':
      return z.preprocess(
        (v) =>
          typeof v === 'string'
            ? v
                .split(',')
                .map((item) => item.trim())
                .filter((item) => item !== '')
            : v,
        z.array(z.string().max(spec.itemMaxLength)).min(1).max(spec.maxItems),
      );
    case 'user':
      return z.preprocess(
        (v) => (typeof v === 'string' ? { id: parseUserReference(v) } : v),
        z.object({ id: z.string().min(1).max(100) }),
      );
  }
}

function toUserError(option: string, spec: OptionSpec, issue: z.core.$ZodIssue): UserError {
  switch (issue.code) {
    case 'too_big':
      // In a list, `string` is one item too long and `array` too many items.
      if (spec.type === 'list' && issue.origin === 'string')
        return new UserError('validation.item-too-long', { option, max: Number(issue.maximum) });
      if (spec.type === 'list')
        return new UserError('validation.too-many-items', { option, max: Number(issue.maximum) });
      if (issue.origin === 'string')
        return new UserError('validation.too-long', { option, max: Number(issue.maximum) });
      return new UserError('validation.too-large', { option, max: Number(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array')
        return new UserError('validation.empty', { option });
      return new UserError('validation.too-small', { option, min: Number(issue.minimum) });
    case 'invalid_value':
      return new UserError('validation.not-a-choice', {
        option,
        choices: issue.values.map(String).join(', '),
      });
    case 'invalid_type':
      if (spec.type === 'integer') return new UserError('validation.not-a-whole-number', { option });
      if (spec.type === 'boolean') return new UserError('validation.not-yes-no', { option });
      return new UserError('validation.invalid', { option });
    default:
      if (spec.type === 'integer') return new UserError('validation.not-a-whole-number', { option });
      return new UserError('validation.invalid', { option });
  }
}

/** Validates raw options against a definition; throws UserError on the first problem. */
export function validateOptions(
  definition: CommandDefinition,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const known = Object.keys(definition.options);
  for (const name of Object.keys(raw)) {
    if (known.includes(name)) continue;
    const suggestion = suggestOption(name, known);
    const params = { option: name, known: known.length > 0 ? known.join(', ') : '—' };
    if (suggestion === undefined) throw new UserError('validation.unknown-option', params);
    throw new UserError('validation.unknown-option-suggested', { ...params, suggestion });
  }
  const args: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(definition.options)) {
    const value = raw[name];
    if (value === undefined || value === null || value === '') {
      if (spec.required) throw new UserError('validation.missing-option', { option: name });
      continue;
    }
    const result = schemaFor(spec).safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw issue ? toUserError(name, spec, issue) : new UserError('validation.invalid', { option: name });
    }
    checkCharacters(name, spec, result.data);
    args[name] = result.data;
  }
  return args;
}
